// copyWithin (overlaps, negative and missing arguments, holes) and the change-array-by-copy
// methods (toReversed, toSorted, toSpliced, with), which leave the original alone.
const base = [1, 2, 3, 4, 5, 6];
const cases: [number, number, number?][] = [[0, 3], [1, 0], [2, 0, 3], [-2, 0], [0, -3, -1], [3, 1, 4], [0, 0], [5, 0, 10], [-100, 2], [1, 2, 2]];
for (const [t, s, e] of cases) console.log(t, s, e, [...base].copyWithin(t, s, e));
const holes: number[] = [1, , 3, , 5] as number[];
console.log(holes.copyWithin(0, 1), Object.keys(holes));
const xs = [3, 1, 2];
console.log(xs.toReversed(), xs.toSorted(), xs.toSorted((a, b) => b - a), xs);
console.log(xs.toSpliced(1, 1), xs.toSpliced(1), xs.toSpliced(), xs.toSpliced(0, 0, 9, 8), xs.toSpliced(-1, 5, 7), xs.toSpliced(1, -2, 6), xs);
console.log(xs.with(0, 9), xs.with(-1, 9), xs);
for (const i of [3, -4, 1.5]) {
  try { console.log(xs.with(i, 0)); } catch (e: any) { console.log(e.name, e.message); }
}
console.log(([1, , 3] as number[]).toReversed(), ([, 2] as number[]).toSorted(), ([1, , 3] as number[]).with(0, 0));
const words = ['pear', 'Apple', 'fig'];
console.log(words.toSorted(), words.toSorted((a, b) => a.length - b.length), words);
