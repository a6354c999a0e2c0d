// for..in skips keys deleted during the loop (own or inherited), does not visit keys
// added during the loop, and still visits keys shadowed by an inherited one.
const o: Record<string, number> = { a: 1, b: 2, c: 3, d: 4 };
const seen: string[] = [];
for (const k in o) {
  seen.push(k);
  if (k === 'a') { delete o.c; o.e = 5; }
}
console.log(seen.join(','), Object.keys(o).join(','));

const proto: Record<string, number> = { p1: 1, p2: 2, p3: 3 };
const child: Record<string, number> = Object.create(proto);
child.own = 0;
const seen2: string[] = [];
for (const k in child) {
  seen2.push(k);
  if (k === 'own') delete proto.p2;
  if (k === 'p1') child.p3 = 33; // own now, still present
}
console.log(seen2.join(','));

// Deleted own key that still exists on the prototype is still visited.
const base: Record<string, number> = { shared: 1 };
const derived: Record<string, number> = Object.create(base);
derived.x = 1;
derived.shared = 2;
const seen3: string[] = [];
for (const k in derived) {
  seen3.push(k + '=' + derived[k]);
  if (k === 'x') delete derived.shared;
}
console.log(seen3.join(','));

// Arrays: deleted elements are skipped, truncation removes later indices.
const arr = [10, 20, 30, 40, 50];
const seen4: string[] = [];
for (const i in arr) {
  seen4.push(i);
  if (i === '0') delete arr[2];
  if (i === '1') arr.length = 4;
}
console.log(seen4.join(','), arr.length);

// Strings and labels/continue still work.
const seen5: string[] = [];
outer: for (const i in 'abc') {
  for (const j in { x: 1, y: 2 }) {
    if (j === 'y') continue outer;
    seen5.push(i + j);
  }
}
console.log(seen5.join(','));

// Deleting everything on the first iteration.
const all: Record<string, number> = { p: 1, q: 2, r: 3 };
let count = 0;
for (const k in all) {
  count++;
  for (const kk of Object.keys(all)) if (kk !== k) delete all[kk];
}
console.log('count', count);

// for (x in ...) with an existing variable.
let last = '';
const m: Record<string, number> = { one: 1, two: 2, three: 3 };
for (last in m) if (last === 'one') delete m.three;
console.log('last', last);
