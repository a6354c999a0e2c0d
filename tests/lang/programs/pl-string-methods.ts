const s = '  Hello, World  ';
console.log(s.trim() + '|', s.trimStart() + '|', '|' + s.trimEnd());
console.log('abc'.padStart(6, '12'), 'abc'.padEnd(5), 'ab'.repeat(3), 'x'.repeat(0));
console.log('a,b,,c'.split(','), 'abc'.split(''), 'a,b,c'.split(',', 2), ''.split(','), 'abc'.split());
console.log('hello'.indexOf('l'), 'hello'.lastIndexOf('l'), 'hello'.includes('ell'), 'hello'.startsWith('he'), 'hello'.endsWith('lo'));
console.log('hello'.slice(-3), 'hello'.substring(3, 1), 'hello'.at(-1), 'hello'.charAt(1), 'hello'.charCodeAt(1));
