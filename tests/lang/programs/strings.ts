const s = 'Hello, World';
console.log(s.length, s.charCodeAt(0), s[1], s.slice(7), s.slice(-5, -1), s.indexOf('o'), s.indexOf('o', 5), s.lastIndexOf('o'));
console.log(s.toUpperCase(), s.toLowerCase(), s.includes('World'), s.startsWith('Hell'), s.endsWith('d'));
console.log(s.split(', '), 'a,b,,c'.split(','), '  pad '.trim() + '|', 'ab'.repeat(3), '5'.padStart(3, '0'), 'x'.padEnd(3, '.'));
console.log(String.fromCharCode(72, 105), 'abc'.charAt(1), s.substring(3, 1), 'a-b-c'.replace('-', '+'), 'a-b-c'.replaceAll('-', '+'));
let built = '';
for (let i = 0; i < 5; i++) built += String.fromCharCode(97 + i);
console.log(built, built < 'abd', 'é'.length, '\u00e9' === 'é');
