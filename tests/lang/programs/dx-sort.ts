// Array.prototype.sort: default order compares strings, comparators, stability, holes.
console.log([10, 9, 1, 100, 25, 2, -1, -10, -2].sort());
console.log([10, 9, 1, 100, 25, 2, -1, -10, -2].sort((a, b) => a - b));
console.log([10, 9, 1, 100, 25, 2, -1, -10, -2].sort((a, b) => b - a));
console.log([0.5, 1e21, 1e-7, 3, 20].sort());
console.log([true, false, null, undefined, 'null', 'true', 1, 'undefined'].sort());
console.log(['b', 'B', 'a', 'A', '_', '1', 'ä', 'z', ''].sort());
console.log(['apple', 'Apple', 'apricot', 'app', 'apple pie'].sort());
const holes = [5, , 1, undefined, , 3];
const sorted = holes.sort();
console.log(sorted, sorted.length, 1 in sorted, 4 in sorted, 5 in sorted, sorted === holes);
// Stability with a comparator over many equal keys
type Rec = { key: number; id: number };
const recs: Rec[] = [];
for (let i = 0; i < 200; i++) recs.push({ key: (i * 7) % 5, id: i });
recs.sort((x, y) => x.key - y.key);
let stable = true;
for (let i = 1; i < recs.length; i++) if (recs[i - 1].key === recs[i].key && recs[i - 1].id > recs[i].id) stable = false;
console.log('stable', stable, recs.slice(0, 6).map((r) => r.id), recs.slice(-6).map((r) => r.id));
// Multi-key sort by chaining comparisons
const people = [
  { name: 'Eve', dept: 'ops', age: 31 }, { name: 'Bob', dept: 'dev', age: 25 }, { name: 'Amy', dept: 'dev', age: 31 },
  { name: 'Dan', dept: 'ops', age: 25 }, { name: 'Cid', dept: 'dev', age: 25 }, { name: 'Fay', dept: 'qa', age: 40 },
];
people.sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : 0) || b.age - a.age);
console.log(people.map((p) => `${p.dept}/${p.age}/${p.name}`).join(' '));
// Comparator returning non-numbers
console.log([3, 1, 2].sort((a, b) => (a > b ? 1 : -1)), [3, 1, 2].sort(() => 0), ['b', 'a'].sort((a, b) => a.localeCompare(b)));
// Sorting numbers as strings vs numerically at scale
const big: number[] = [];
for (let i = 0; i < 50; i++) big.push((i * 37) % 101);
console.log(big.slice().sort().slice(0, 15));
console.log(big.slice().sort((a, b) => a - b).slice(0, 15));
// Sorting returns the same array, mutates in place
const arr = [3, 2, 1];
const r = arr.sort();
console.log(r === arr, arr);
// Comparator call counts are not observable in output; result only
const words = 'the quick brown fox jumps over the lazy dog again and again'.split(' ');
console.log(words.slice().sort(), words.slice().sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
// Sorting objects by a string key with equal keys keeps input order
const tags = ['x:3', 'y:1', 'x:1', 'z:2', 'y:2', 'x:2'].map((t) => ({ group: t[0], n: Number(t[2]) }));
console.log(tags.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)).map((t) => t.group + t.n).join(' '));
// Sort of an array-like subset via slice, and reverse after sort
console.log([5, 3, 8, 1].slice(1, 3).sort(), [5, 3, 8, 1].sort().reverse());
// Exceptions from the comparator propagate
try { [1, 2, 3].sort(() => { throw new Error('cmp failed'); }); } catch (e) { console.log((e as Error).message); }
try { [1, 2].sort('nope' as unknown as () => number); } catch (e) { console.log((e as Error).name, (e as Error).message); }
