// Map and Set keys down each path of the hash table's lookups: int32 keys (hashed without a
// call), -0 and +0, NaN, integral doubles beyond int32, fractions, numeric strings against
// numbers, objects, booleans, null and undefined; updates, deletes and re-adds; page
// addresses (multiples of 4096) through growth.
const m = new Map<unknown, string>();
const keys: unknown[] = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32, 2 ** 53, 1.5, -1.5, NaN, Infinity, -Infinity,
  '0', '1', '', 'NaN', true, false, null, undefined];
keys.forEach((k, i) => m.set(k, 'v' + i));
console.log(m.size);
for (const k of keys) console.log(String(k), typeof k, m.get(k), m.has(k));
console.log(m.get(0 / -1), m.get(Number('NaN')), m.get(4294967296), m.get(1.5 + 0), m.get('1' as unknown), m.get(1.0));
const o1 = {}, o2 = {};
m.set(o1, 'o1');
console.log(m.get(o1), m.get(o2), m.has(o2));
m.set(1, 'one again');
m.set(-0, 'zero again');
console.log(m.get(1), m.get(0), m.size, [...m.keys()].slice(0, 3));
console.log(m.delete(1), m.delete(1), m.get(1), m.has(1), m.size);
m.set(1, 'back');
console.log([...m.keys()].indexOf(1), m.get(1));
console.log(m.delete(NaN), m.has(NaN), m.delete(2 ** 32), m.get(2 ** 32));
const pages = new Map<number, number>();
for (let i = 0; i < 5000; i++) pages.set(i * 4096, i);
let sum = 0;
for (let i = 0; i < 5000; i++) sum += pages.get(i * 4096)!;
let miss = 0;
for (let i = 0; i < 5000; i++) if (pages.get(i * 4096 + 1) === undefined) miss++;
for (let i = 0; i < 5000; i += 2) pages.delete(i * 4096);
let left = 0;
for (let i = 0; i < 5000; i++) if (pages.has(i * 4096)) left++;
console.log(sum, miss, left, pages.size);
const s = new Set<unknown>([1, 1.0, -0, 0, NaN, NaN, '1', 2 ** 40]);
console.log(s.size, s.has(-0), s.has(NaN), s.has(2 ** 40), [...s]);
