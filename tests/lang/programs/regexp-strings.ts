// String.prototype.match/matchAll/replace/replaceAll/search/split with regular expressions.
const s = 'The quick brown fox jumps over the lazy dog. THE END';
console.log(s.match(/the/gi), s.match(/(qu)(i)ck/), s.match(/zzz/), s.match(/o/g)!.length);
console.log(s.search(/fox/), s.search(/cat/), 'abc'.search('c'), 'a.c'.search('.'));
for (const m of s.matchAll(/(?<w>\w)o(\w)/g)) console.log(m.index, m[0], m[2], m.groups!.w);
console.log([...'a1b22c333'.matchAll(/\d+/g)].map((m) => m[0] + '@' + m.index));
console.log('aaa'.matchAll(/a/g), ''.match(/x*/g), 'abc'.match(/(?:)/g));

console.log('John Smith'.replace(/(?<first>\w+)\s(?<last>\w+)/, '$<last>, $<first> ($2 $1) [$&] $$ $0 $3 $<none>'));
console.log('aXbXc'.replace(/x/gi, '-'), 'aXbXc'.replace(/x/i, '-'), 'abc'.replace(/b/, "[$`|$']"), 'abc'.replace(/(b)/, '$01$11$10'));
console.log('price: 10 and 20'.replace(/\d+/g, (m, off) => String(Number(m) * 2) + '@' + off));
console.log('2024-01-15'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, (...args) => {
  const groups = args[args.length - 1];
  return `${groups.d}/${groups.m}/${groups.y} (${args.length} args)`;
}));
console.log('x'.replace(/(y)?x/, (m, p1) => `[${m}|${p1}]`), 'abc'.replace(/(?:)/g, '-'), '😀😀'.replace(/(?:)/gu, '-'), '😀'.replace(/(?:)/g, '-').length);
console.log('a.b.c'.replaceAll(/\./g, '/'), 'a.b.c'.replaceAll('.', '$&$&'), 'aaa'.replaceAll(/a/g, (m, i) => String(i)));
try { 'a'.replaceAll(/a/, 'b'); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }
try { 'a'.matchAll(/a/); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }

console.log('a, b ,c,,d'.split(/\s*,\s*/), 'a1b2c3'.split(/\d/), 'a1b2c3'.split(/(\d)/), 'a1b2c3'.split(/\d/, 2));
console.log('abc'.split(/(?:)/), ''.split(/x/), ''.split(/(?:)/), 'test'.split(/(t)?/), '😀a😀'.split(/(?:)/u), 'A<B>bold</B>and<CODE>coded</CODE>'.split(/<(\/)?([^<>]+)>/));
console.log('one  two\tthree\nfour'.split(/\s+/), 'key=value; k2=v2'.split(/;\s*/).map((kv) => kv.split(/=/)));

const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
console.log(escape('1+1=2? (yes) [a] {b} $5 ^x |y \\z'), new RegExp(escape('a.b*c')).test('a.b*c'));
const camel = (t: string): string => t.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
const snake = (t: string): string => t.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
console.log(camel('foo-bar_baz-qux'), snake('fooBarBazQux'), 'Hello World'.replace(/o/g, '0').replace(/l+/g, (m) => m.length + ''));
const tpl = 'Hello {{ name }}, you have {{count}} new {{ what }}!';
const vars: Record<string, string> = { name: 'Ada', count: '3', what: 'messages' };
console.log(tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => vars[k] ?? '?'));
console.log('  trim me  '.replace(/^\s+|\s+$/g, ''), 'a-b-c'.split('-'), 'x'.replace('x', '$&$&'), 'aaa'.replace('a', (m) => m + '!'));
