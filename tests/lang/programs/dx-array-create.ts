// flat flatMap Array.from Array.of entries keys values and array construction.
console.log([1, [2, [3, [4, [5]]]]].flat(), [1, [2, [3, [4, [5]]]]].flat(2), [1, [2, [3, [4, [5]]]]].flat(Infinity), [1, [2, [3]]].flat(0), [1, [2, [3]]].flat(-1));
console.log([1, , [2, , 3], [[, 4]]].flat(), [[]].flat(), [[], [[]]].flat(2));
console.log([1, 2, 3].flatMap((x) => [x, x * 2]), [1, 2].flatMap((x) => [[x]]), ['a b', 'c'].flatMap((s) => s.split(' ')), [1, 2, 3].flatMap((x) => (x % 2 ? [] : x)));
console.log(Array.from('héllo'), Array.from([1, , 3]), Array.from({ length: 3 }), Array.from({ length: 3, 0: 'a', 2: 'c' } as ArrayLike<string>));
console.log(Array.from({ length: 5 }, (_, i) => i * i), Array.from(new Set([1, 2, 2, 3]), (v) => v * 10), Array.from(new Map([[1, 'x']])));
console.log(Array.from([1, 2, 3], function (this: { k: number }, v) { return v * this.k; }, { k: 7 }));
console.log(Array.of(), Array.of(3), Array.of<unknown>(1, 'a', null), new Array(3), new Array(3).length, new Array('3' as unknown as number), new Array(1, 2));
try { console.log(new Array(-1)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
try { console.log(new Array(1.5)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
const arr = ['x', , 'z'];
console.log([...arr.entries()], [...arr.keys()], [...arr.values()], Object.keys(arr), Object.entries(arr));
const it = ['p', 'q'].entries();
console.log(it.next(), it.next(), it.next(), it.next());
for (const [i, v] of ['first', 'second'].entries()) console.log(i, v);
// Building 2D grids
const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 4 }, (_, c) => r * 4 + c));
console.log(grid);
const transposed = grid[0].map((_, c) => grid.map((row) => row[c]));
console.log(transposed);
const aliased = new Array(2).fill(null).map(() => [0, 0]);
aliased[0][0] = 1;
console.log(aliased);
// Range helpers
const range = (start: number, end: number, step = 1) => Array.from({ length: Math.max(0, Math.ceil((end - start) / step)) }, (_, i) => start + i * step);
console.log(range(0, 5), range(5, 0, -1), range(0, 1, 0.25), range(3, 3));
// Chunking and zipping
const chunk = <T,>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
console.log(chunk(range(0, 10), 3), chunk([], 2));
const zip = <A, B>(xs: A[], ys: B[]) => xs.slice(0, Math.min(xs.length, ys.length)).map((x, i) => [x, ys[i]] as [A, B]);
console.log(zip([1, 2, 3], ['a', 'b']), Object.fromEntries(zip(['k1', 'k2'], [true, false])));
console.log(Array.isArray(Array.from('ab')), Array.isArray(new Array()), Array.isArray(Array.prototype), Array.isArray({ length: 0 }));
