// Property order: integer-like keys ascending first, then strings in insertion order.
const o: Record<string, number> = {};
const keys = ['b', '10', 'a', '2', '-1', '1.5', '01', '0', '4294967294', '4294967295', '4294967296', '999999999', '1000000000', ' 3', '3 ', '1e3', 'NaN', '9007199254740993', '7'];
keys.forEach((k, i) => { o[k] = i; });
console.log(Object.keys(o));
console.log(JSON.stringify(o));
const forIn: string[] = [];
for (const k in o) forIn.push(k);
console.log(forIn.join('|'));
console.log(Object.entries(o).slice(0, 6));
// Numeric literal keys are canonicalised
const lit = { 1: 'a', 0x10: 'b', 1.5: 'c', 1e3: 'd', '02': 'e', 1_000_000: 'f', 0.5: 'g', b: 'h', a: 'i', [-3]: 'j' };
console.log(Object.keys(lit), lit);
// Delete and re-insert: strings go to the end, integers stay sorted
const d: Record<string, number> = { x: 1, y: 2, 5: 3, z: 4, 1: 5 };
delete d.x;
d.x = 6;
delete d[5];
d[3] = 7;
console.log(Object.keys(d), Object.values(d));
// Object.assign and spread follow source order
const merged = Object.assign({ z: 0 }, { b: 1, 2: 2 }, { a: 3, 1: 4, z: 5 });
console.log(Object.keys(merged), { ...{ q: 1, 9: 2 }, ...{ p: 3, 8: 4 } });
// Class instance fields in declaration order, constructor assignments after fields
class Ordered {
  second = 2;
  first = 1;
  constructor() { (this as Record<string, unknown>)['0'] = 'zero'; (this as Record<string, unknown>).last = 'l'; }
}
console.log(Object.keys(new Ordered()), new Ordered());
// Arrays: indices first, then extra named properties
const arr = Object.assign(['x', 'y'], { named: true });
arr[5] = 'z';
console.log(Object.keys(arr), arr);
// Object.entries over a string-keyed map built from counts
const text = 'to be or not to be that is the question 2 be 1';
const counts: Record<string, number> = {};
for (const w of text.split(' ')) counts[w] = (counts[w] ?? 0) + 1;
console.log(Object.entries(counts).map(([k, v]) => k + '=' + v).join(' '));
