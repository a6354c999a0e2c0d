// Allocation far beyond the heap size: millions of short-lived objects and arrays while a
// small live set survives many collections and is checked at the end.
type Cell = { id: number; payload: number[]; next: Cell | null };
const RING = 64;
const ring: (Cell | null)[] = [];
for (let i = 0; i < RING; i++) ring.push(null);
let checksum = 0;
for (let i = 0; i < 25000; i++) {
  const c: Cell = { id: i, payload: [i, i * 2, i * 3], next: null };
  const slot = i % RING;
  c.next = ring[slot];
  if (c.next !== null) c.next.next = null; // keep chains length <= 2
  ring[slot] = c;
  checksum = (checksum + c.payload[2] - c.payload[1]) % 1000000007;
}
console.log('checksum', checksum);
let ok = true;
for (let s = 0; s < RING; s++) {
  const c = ring[s]!;
  if (c.id % RING !== s || c.payload[1] !== c.id * 2) ok = false;
  if (c.next === null || c.next.id !== c.id - RING || c.next.payload[2] !== c.next.id * 3) ok = false;
}
console.log('ring intact', ok, ring[0]!.id, ring[RING - 1]!.id, ring[5]!.next!.id);

// A long-lived linked list built while garbage is produced between insertions.
type Link = { v: number; next: Link | null };
let head: Link | null = null;
for (let i = 0; i < 2500; i++) {
  head = { v: i, next: head };
  for (let j = 0; j < 10; j++) { const junk = { a: j, b: [j, j], c: { d: j } }; if (junk.c.d !== j) console.log('corrupt'); }
}
let n = 0, sum = 0;
for (let p = head; p !== null; p = p.next) { n++; sum += p.v; }
console.log('list', n, sum);

// Maps and closures that survive churn
const m = new Map<number, () => number>();
for (let i = 0; i < 12000; i++) {
  const k = i % 500;
  const captured = { i };
  m.set(k, () => captured.i);
}
let msum = 0;
m.forEach((f) => { msum += f(); });
console.log('map of closures', m.size, msum, m.get(0)!(), m.get(499)!());

// Arrays growing and shrinking
const stack: number[][] = [];
let peak = 0;
for (let i = 0; i < 12000; i++) {
  if (i % 3 === 2) stack.pop(); else stack.push([i, i + 1]);
  if (stack.length > peak) peak = stack.length;
}
console.log('stack', stack.length, peak, stack[0], stack[stack.length - 1]);

// A million tiny arrays and objects, each dropped at once.
let tiny = 0;
for (let i = 0; i < 1000000; i++) {
  const pair = [i, -i];
  tiny += pair[0] + pair[1] + 1;
}
console.log('million arrays', tiny);
let objs = 0;
for (let i = 0; i < 100000; i++) {
  const p = { x: i & 7 };
  objs += p.x;
}
console.log('100k objects', objs);
