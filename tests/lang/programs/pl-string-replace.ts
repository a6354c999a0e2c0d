console.log('a-b-c'.replace('-', '+'), 'a-b-c'.replaceAll('-', '+'));
console.log('abc'.replace('b', '[$&]'), 'abc'.replace('b', "$`$'"), 'abc'.replace('b', '$$'));
console.log('aXbXc'.replaceAll('X', (m, i) => m.toLowerCase() + i));
console.log('xyz'.replaceAll('', '.'));
