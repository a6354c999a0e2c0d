// Map keyed by page addresses (multiples of 4096), as a kernel's page tables and caches
// key them: set, get and has. Its cost should match `maps`'s integer keys (a hash that
// kept only the low bits would put every key in one bucket).
const N = 1000;

const m = new Map<number, number>();
for (let i = 0; i < N; i++) m.set(i * 4096, i);
let s = 0;
for (let i = 0; i < N; i++) s += m.get(i * 4096)!;
let hits = 0;
for (let i = 0; i < N; i++) if (m.has(i * 3 * 4096)) hits++;
console.log(s, hits, m.size);
