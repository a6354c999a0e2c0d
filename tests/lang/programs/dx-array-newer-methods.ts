// Less common Array methods: copyWithin, lastIndexOf, findLast/findLastIndex and the
// non-mutating ES2023 toSorted/toReversed/toSpliced/with.
const a = [1, 2, 3, 4, 5];
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(-2, 0, 2), [1, 2, 3, 4, 5].copyWithin(1, -2, -1), [1, 2, 3].copyWithin(5, 0));
console.log(a.lastIndexOf(3), a.lastIndexOf(9), [1, 2, 1].lastIndexOf(1, -2), a.findLast((x) => x < 3), a.findLastIndex((x) => x > 10));
console.log(a.toSorted((x, y) => y - x), a.toReversed(), a.toSpliced(1, 2, 9), a.with(0, 100), a.with(-1, -5), a);
try { a.with(10, 1); } catch (e) { console.log((e as Error).name, (e as Error).message); }
console.log([3, 1, 2].toSorted(), [, 1].toReversed(), [1, , 3].toSorted());
