// Map and Set keep insertion order; updating keeps the position, delete + re-insert moves
// the key to the end; iteration sees changes made while it runs.
const m = new Map<string | number, number>();
for (const k of ['c', 'a', 'b', 1, '1', 0]) m.set(k, m.size);
console.log([...m.keys()], m.size);
m.set('a', 100);
console.log([...m.entries()]);
m.delete('c');
m.set('c', 200);
console.log([...m.keys()]);
m.delete(1);
m.delete('nope');
m.set(1, 300);
console.log([...m], m.get(1), m.get('1'));
// Modifying during iteration: deleted keys not yet visited are skipped, added keys are visited
const visit = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
const seen: string[] = [];
for (const [k, v] of visit) {
  seen.push(k + v);
  if (k === 1) { visit.delete(2); visit.set(5, 'e'); }
  if (k === 3) { visit.delete(1); visit.set(1, 'A'); }
  if (seen.length > 10) break;
}
console.log(seen.join(' '), [...visit.keys()]);
// forEach with deletes of the current key and clear
const fe = new Map([['x', 1], ['y', 2], ['z', 3]]);
const feSeen: string[] = [];
fe.forEach((v, k, map) => { feSeen.push(k); if (k === 'y') map.clear(); });
console.log(feSeen, fe.size);
fe.set('after', 1);
console.log([...fe]);
// Sets
const s = new Set<unknown>();
for (const v of [3, 1, 3, 'a', 1, 'b', 'a', true, null, undefined, null]) s.add(v);
console.log([...s], s.size);
s.delete(3);
s.add(3);
s.add(1);
console.log([...s]);
const setSeen: unknown[] = [];
for (const v of s) {
  setSeen.push(v);
  if (v === 1) { s.delete('a'); s.add('late'); }
}
console.log(setSeen);
// Objects as keys: identity, not structure
const k1 = { id: 1 }, k2 = { id: 1 };
const om = new Map<object, string>([[k1, 'first'], [k2, 'second']]);
console.log(om.size, om.get(k1), om.get(k2), om.get({ id: 1 }));
om.delete(k1);
om.set(k1, 'again');
console.log([...om.values()]);
// Iterators created before changes
const live = new Set([1, 2, 3]);
const it = live.values();
console.log(it.next().value);
live.delete(2);
live.add(4);
console.log(it.next().value, it.next().value, it.next().done);
// Large map with deletions keeps order
const big = new Map<number, number>();
for (let i = 0; i < 1000; i++) big.set(i, i * i);
for (let i = 0; i < 1000; i += 3) big.delete(i);
for (let i = 0; i < 30; i += 3) big.set(i, -i);
const keys = [...big.keys()];
console.log(big.size, keys.slice(0, 8), keys.slice(-12));
let total = 0;
big.forEach((v) => { total += v; });
console.log(total);
// Map from entries and back
const fromObj = new Map(Object.entries({ z: 1, y: 2, 10: 3, 2: 4 }));
console.log([...fromObj.keys()], Object.fromEntries(fromObj));
console.log(new Map([[1, { a: [1, 2] }], [2, { b: new Set([1]) }]]));
console.log(new Set([[1, 2], { a: 1 }, 'str', 5]));
