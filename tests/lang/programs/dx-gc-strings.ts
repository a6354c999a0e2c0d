// Strings created and dropped by the hundred thousand: concatenation, slicing, number
// formatting, joins; survivors are checked at the end.
const keep: string[] = [];
let totalLength = 0;
for (let i = 0; i < 40000; i++) {
  const s = 'item-' + i + '-' + (i * 7) % 13;
  totalLength += s.length;
  if (i % 8000 === 0) keep.push(s);
}
console.log('total length', totalLength, keep);

let rolling = '';
for (let i = 0; i < 12000; i++) {
  rolling += String.fromCharCode(97 + (i % 26));
  if (rolling.length > 64) rolling = rolling.slice(32);
}
console.log('rolling', rolling.length, rolling);

const words: string[] = [];
for (let i = 0; i < 2000; i++) words.push('w' + i.toString(36));
let joined = 0;
for (let r = 0; r < 25; r++) joined += words.join(r % 2 ? ',' : '').length;
console.log('joins', joined);

const seen = new Map<string, number>();
for (let i = 0; i < 12000; i++) {
  const key = 'k' + (i % 1000).toString(16).padStart(4, '0');
  seen.set(key, (seen.get(key) ?? 0) + 1);
}
console.log('distinct', seen.size, seen.get('k0000'), seen.get('k03e7'), [...seen.keys()].slice(0, 3));

const parts: string[] = [];
for (let i = 0; i < 12000; i++) {
  const line = `line ${i}: ${'x'.repeat(i % 17)}|${i % 3 === 0 ? 'fizz' : ''}`;
  const fields = line.split(':');
  if (i % 5000 === 0) parts.push(fields[0].toUpperCase() + fields[1].trim().length);
}
console.log(parts.join(' '));

let big = '';
for (let i = 0; i < 2000; i++) big += i % 10;
let replaced = big;
for (let i = 0; i < 20; i++) replaced = replaced.replaceAll(String(i % 10), String((i + 1) % 10));
console.log('big', big.length, big.slice(0, 25), replaced.slice(0, 25));
