console.log('abc'.substring(-1, 2), 'abc'.slice(2, 1), 'abc'.indexOf(''), 'abc'.lastIndexOf(''), 'abc'.indexOf('c', 5));
console.log('a'.localeCompare('b'), 'abc'.split('b').length, ' \t\n x \u00a0'.trim(), 'ab'.padStart(1), 'é'.toUpperCase());
