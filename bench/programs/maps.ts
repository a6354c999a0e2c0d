// Map use: integer and string keys, set/get/has, iteration.
const N = 1000;

const m = new Map<number, number>();
for (let i = 0; i < N; i++) m.set(i, i * 2);
let s = 0;
for (let i = 0; i < N; i++) s += m.get(i)!;
const words = new Map<string, number>();
for (let i = 0; i < N; i++) {
  const k = 'w' + (i % 50);
  words.set(k, (words.get(k) ?? 0) + 1);
}
let hits = 0;
for (let i = 0; i < N; i++) if (m.has(i * 3)) hits++;
for (const [k, v] of words) s += k.length + v;
console.log(s, hits, m.size, words.size);
