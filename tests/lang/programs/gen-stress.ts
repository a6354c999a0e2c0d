// Many live generators with parked frames across garbage collections.
function* chunked(n: number, size: number) {
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push('item-' + i + '-' + 'x'.repeat(i % 7));
    if (buf.length === size) { yield buf; buf = []; }
  }
  if (buf.length) yield buf;
}
const gens = [];
for (let g = 0; g < 200; g++) gens.push(chunked(50 + g, 7));
let total = 0, chunks = 0;
let live = true;
while (live) {
  live = false;
  for (const g of gens) {
    const r = g.next();
    if (!r.done) { live = true; chunks++; total += r.value.join('').length; }
  }
  const junk = [];
  for (let i = 0; i < 300; i++) junk.push({ i, s: 'junk' + i });
}
console.log(chunks, total);
function* naturals() { let n = 0; while (true) yield n++; }
function* take<T>(it: Iterable<T>, n: number) { if (n <= 0) return; for (const x of it) { yield x; if (--n <= 0) return; } }
function* map<T, U>(it: Iterable<T>, f: (x: T) => U) { for (const x of it) yield f(x); }
function* filter<T>(it: Iterable<T>, f: (x: T) => boolean) { for (const x of it) if (f(x)) yield x; }
let sum = 0;
for (const x of take(filter(map(naturals(), (n) => n * n), (n) => n % 3 === 1), 20000)) sum += x % 1000;
console.log(sum);
function* deep(n: number): Generator<number> { if (n > 0) yield* deep(n - 1); yield n; }
let c = 0; for (const _ of deep(500)) c++;
console.log(c);
