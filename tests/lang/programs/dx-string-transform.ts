// padStart/padEnd, repeat, trim family, case mapping, split with limits, concat.
const pads: [string, number, string | undefined][] = [['abc', 6, undefined], ['abc', 6, '12'], ['abc', 2, '*'], ['abc', 10, '123'], ['abc', 5, ''], ['', 3, 'ab'], ['abc', -1, 'x'], ['abc', 5.9, '-'], ['7', 3, '0']];
for (const [s, n, f] of pads) console.log(JSON.stringify([s, n, f]).padEnd(20), JSON.stringify(s.padStart(n, f)), JSON.stringify(s.padEnd(n, f)));
console.log('ab'.repeat(0), 'ab'.repeat(1), 'ab'.repeat(3), '-'.repeat(20), ''.repeat(100), 'x'.repeat(2.7));
for (const n of [-1, Infinity]) {
  try { console.log('x'.repeat(n)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
}
const ws = ' \t\n\v\f\r\u00a0\u2028\ufeffcontent \t\u3000\n';
console.log(JSON.stringify(ws.trim()), JSON.stringify(ws.trimStart()), JSON.stringify(ws.trimEnd()), '   '.trim().length, 'no-space'.trim());
console.log('Hello World 123'.toUpperCase(), 'Hello World 123'.toLowerCase(), 'ÄÖÜ äöü ß é'.toUpperCase(), 'ÄÖÜ ÉÈ'.toLowerCase(), ''.toUpperCase(), 'mIxEd'.toLowerCase());
const title = (s: string) => s.split(' ').map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w)).join(' ');
console.log(title('the qUICK  brown fox'), title(''), title('a'));
const splits: [string, string | undefined, number | undefined][] = [
  ['a,b,c', ',', undefined], ['a,b,c', ',', 0], ['a,b,c', ',', 1], ['a,b,c', ',', 2], ['a,b,c', ',', 10], ['a,b,c', ',', -1], ['a,b,c', ',', 2.5],
  ['a,b,c', '', undefined], ['a,b,c', '', 2], ['a,b,c', undefined, undefined], ['a,b,c', undefined, 0], ['', ',', undefined], ['', '', undefined],
  [',a,,b,', ',', undefined], ['abc', 'abc', undefined], ['abc', 'abcd', undefined], ['a--b--c', '--', undefined], ['aaa', 'a', undefined], ['a b  c', ' ', undefined],
];
for (const [s, sep, lim] of splits) console.log(JSON.stringify([s, sep, lim]).padEnd(26), JSON.stringify(s.split(sep as string, lim)));
console.log('a1b2c3'.split(1 as unknown as string), 'x'.concat(), 'x'.concat(1 as unknown as string, null as unknown as string, [2, 3] as unknown as string));
// CSV-ish line parsing with split + trim + padding for a table
const csv = 'name, qty ,price\nwidget,3, 2.50\n gadget ,10,0.99\nthing,,';
const rows = csv.split('\n').map((l) => l.split(',').map((c) => c.trim()));
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows) console.log('|' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('|') + '|');
// Case-insensitive comparisons and sorting
const names = ['bob', 'Alice', 'carol', 'Bob', 'alice'];
console.log(names.slice().sort(), names.slice().sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
console.log('Straße'.toUpperCase().length, 'Straße'.toUpperCase(), 'ÿ'.toUpperCase(), 'µ'.toUpperCase());
