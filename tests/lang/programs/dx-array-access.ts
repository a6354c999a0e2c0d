// slice concat indexOf lastIndexOf includes join at with negative indices, holes, NaN.
const a = ['a', 'b', 'c', 'd', 'e'];
const sliceArgs: (number | undefined)[][] = [[], [2], [-2], [1, 3], [1, -1], [-3, -1], [3, 1], [-100, 2], [2, 100], [NaN, 2], [1.9, 3.9], [undefined, 2], [0, undefined]];
for (const args of sliceArgs) console.log(JSON.stringify(args).padEnd(16), a.slice(...(args as [number?, number?])));
console.log(a.at(0), a.at(-1), a.at(-5), a.at(-6), a.at(5), a.at(1.5), a.at(-0.5), a.at(NaN));
const hs = [0, , 2, undefined, NaN, null, -0, '0'];
console.log(hs.indexOf(undefined), hs.includes(undefined), hs.indexOf(NaN), hs.includes(NaN), hs.indexOf(0), hs.lastIndexOf(0), hs.indexOf('0'), hs.indexOf(null));
console.log(hs.at(1), hs.join('-'), hs.join(), hs.join(undefined), hs.join(''), hs.join(' | '));
const nums = [1, 2, 3, 2, 1];
console.log(nums.indexOf(2, 2), nums.indexOf(2, -2), nums.indexOf(1, -1), nums.indexOf(1, 10), nums.lastIndexOf(2, 2), nums.lastIndexOf(2, -3), nums.lastIndexOf(1, -10), nums.includes(3, 3), nums.includes(3, -3));
console.log([1, [2, [3, [4]]]].join(';'), [null, undefined, [], [null], [[]]].join(','), [{}, { toString: () => 'T' }].join());
// concat: arrays are flattened one level, holes preserved, non-arrays appended
const c1: unknown[] = [1, , 3];
const c2 = c1.concat([4, , 6], 7, [[8]], 'str' as unknown as number);
console.log(c2, c2.length, 1 in c2, 4 in c2);
console.log([].concat(), ([] as number[]).concat([]), [1].concat([2], [3], [[4, 5]] as unknown as number[]), ['x'].concat('y', 'z'));
const orig = [{ n: 1 }];
const shallow = orig.concat();
shallow[0].n = 99;
console.log(orig[0].n, shallow !== orig);
// slice copies holes as holes
const s2 = [1, , 3].slice();
console.log(s2, 1 in s2, s2.length);
// Reading out of bounds and negative indexes directly
const arr = [10, 20, 30];
console.log(arr[-1], arr[3], arr['1' as unknown as number], arr[1.0], arr.length);
// includes vs indexOf on sparse arrays
const sparse: number[] = [];
sparse[3] = 3;
console.log(sparse.includes(undefined as unknown as number), sparse.indexOf(undefined as unknown as number), sparse.length, sparse);
// join on large arrays
const big = Array.from({ length: 200 }, (_, i) => i);
const joined = big.join(',');
console.log(joined.length, joined.slice(0, 30), joined.slice(-20));
// Array.prototype.toString and String()
console.log(String([1, [2, 3]]), [1, 2] + '', `${[[]]}` === '', String([undefined]), String([null, null]));
