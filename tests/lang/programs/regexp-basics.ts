// RegExp objects: literals and the constructor, flags, lastIndex with g and y, exec's
// result (groups, indices under d), test, toString/source, and how console.log prints them.
const re = /(\d{4})-(\d{2})-(\d{2})/g;
const text = 'from 2024-01-15 to 2024-02-29, then 2025-12-31.';
let m: RegExpExecArray | null;
while ((m = re.exec(text)) !== null) {
  console.log(m[0], m.slice(1).join('/'), m.index, re.lastIndex);
}
console.log(re.lastIndex, re.source, re.flags, re.global, re.ignoreCase, re.multiline, re.sticky, re.unicode, re.dotAll, re.hasIndices);
console.log(re, String(re), `${/a\/b[/]/i}`, new RegExp('a/b'), new RegExp(''), new RegExp('\n'));
console.log([/x/g, { r: /y+/m }], new RegExp(/abc/gi), new RegExp(/abc/gi, 'y'));

const named = /(?<year>\d{4})-(?<month>\d{2})/d;
const nm = named.exec('on 1999-12!');
console.log(nm);
console.log(nm!.groups!.year, nm!.indices![1], nm!.indices!.groups!.month);
console.log(/a(b)?c/.exec('ac'));
console.log(/no/.exec('yes'), /^$/.test(''), /a.c/s.test('a\nc'), /a.c/.test('a\nc'));

const sticky = /foo/y;
console.log(sticky.test('foofoo x'), sticky.lastIndex, sticky.test('foofoo x'), sticky.lastIndex, sticky.test('foofoo x'), sticky.lastIndex);
const g = /o/g;
console.log(g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex);
g.lastIndex = 100;
console.log(g.exec('foo'), g.lastIndex);

console.log(/^\w+@\w+\.com$/i.test('Someone@Example.COM'), /colou?r/.exec('my color')![0]);
console.log(/(a+)+b/.test('aaaaaaaaaaaaaaaaab'), /(?:ab|cd)*$/.exec('xxabcdab')!.index);
console.log(/\bword\b/.test('a word here'), /\Bor\B/.exec('word')!.index);
console.log(/(?<=\$)\d+(\.\d+)?/.exec('cost: $42.50')![0], /(?<!\$)\b\d+/.exec('$42 and 17')![0]);
console.log(/(\w)\1/.exec('abccd')![0], /(?<ch>\w)\k<ch>/.exec('xyzzy')!.groups);
console.log(/^(?:(a)|b)*$/.exec('ab'), /(a*)*/.exec('b'), /(a*)+/.exec('b'), /(?=(a+))/.exec('baaabac'));
console.log(/(.*?)a(?!(a+)b\2c)\2(.*)/.exec('baaabaac'));
console.log(/[^]/.exec('\n')![0] === '\n', /[]/.test('a'), /\cJ/.test('\n'), /[\b]/.test('\b'), /\0/.test('\0'));
console.log(/a{2,3}?/.exec('aaaa')![0], /a{2,}/.exec('aaaa')![0], /x{0}/.exec('x')![0] === '', /a{,2}/.test('a{,2}'));
console.log(/^.$/.test('😀'), /^.$/u.test('😀'), /\u{1F600}/u.test('😀'), /[😀]/u.exec('a😀')!.index, /\uD83D/.test('😀'), /\uD83D/u.test('😀'));
const proto = Object.getOwnPropertyNames(RegExp.prototype).sort();
console.log(proto.join(','), Object.getOwnPropertyNames(/a/), typeof RegExp, RegExp.name, RegExp.length);
console.log(Object.prototype.toString.call(/a/), /a/ instanceof RegExp, RegExp.prototype.flags, RegExp.prototype.source, String(RegExp.prototype));
console.log(RegExp('x', 'g'), RegExp(re) === re, new RegExp(re) === re);
