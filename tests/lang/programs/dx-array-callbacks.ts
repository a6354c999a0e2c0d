// map filter forEach reduce reduceRight some every find findIndex findLast findLastIndex
// with holes, indices, the array argument, and mutation during iteration.
const holey = [1, , 3, , 5] as number[];
const visits: string[] = [];
holey.forEach((v, i, arr) => visits.push(`${i}:${v}:${arr.length}`));
console.log(visits.join(' '));
console.log(holey.map((v) => v * 10), holey.filter(() => true), holey.some((v) => v === undefined), holey.every((v) => v !== undefined));
console.log(holey.find((v) => v === undefined), holey.findIndex((v) => v === undefined), holey.findLast((v) => v === undefined), holey.findLastIndex((v) => v === undefined));
console.log(holey.reduce((acc, v, i) => acc + `[${i}=${v}]`, ''), holey.reduceRight((acc, v, i) => acc + `[${i}=${v}]`, ''));
console.log([1, 2, 3, 4].reduce((a, b) => a + b), [1, 2, 3, 4].reduceRight((a, b) => a + '-' + b, 'start'), [[1], [2, 3]].reduce((a, b) => a.concat(b), [] as number[]));
const noNums: number[] = [], twoHoles = [, ,] as unknown as number[];
for (const f of [() => noNums.reduce((a, b) => a + b), () => twoHoles.reduceRight((a) => a)]) {
  try { console.log(f()); } catch (e) { console.log((e as Error).name, (e as Error).message); }
}
console.log([5].reduce((a, b) => a + b), [, 7, ,].reduce((a, b) => (a as number) + (b as number)));
// Index and array arguments
console.log(['a', 'b', 'c'].map((v, i, arr) => v + i + arr.length), [3, 2, 1].filter((v, i) => v > i), [1, 2, 3].some((v, i, arr) => arr[i + 1] === v + 1));
// Mutation during iteration: length is read once, deleted elements skipped, appended not visited
const grow = [1, 2, 3];
const seenGrow: number[] = [];
grow.forEach((v) => { seenGrow.push(v); if (grow.length < 6) grow.push(v * 10); });
console.log(seenGrow, grow);
const shrink = [1, 2, 3, 4, 5];
const seenShrink: number[] = [];
shrink.forEach((v, i) => { seenShrink.push(v); if (i === 1) shrink.pop(); if (i === 0) delete shrink[2]; });
console.log(seenShrink, shrink);
const mapped = [1, 2, 3].map((v, i, arr) => { if (i === 0) arr[2] = 30; return v; });
console.log(mapped);
// find visits holes and sees live values
const live = [1, 2, 3];
console.log(live.find((v, i) => { if (i === 0) live[1] = 20; return v > 10; }));
// every/some on empty arrays, early exit
let calls = 0;
console.log([].every(() => false), [].some(() => true), [1, 2, 3, 4].every((v) => { calls++; return v < 2; }), calls);
calls = 0;
console.log([1, 2, 3, 4].some((v) => { calls++; return v === 2; }), calls);
// thisArg
const ctx = { mul: 3 };
console.log([1, 2].map(function (this: typeof ctx, v) { return v * this.mul; }, ctx));
// Chained pipelines on data
type Sale = { region: string; item: string; qty: number; price: number };
const sales: Sale[] = [
  { region: 'north', item: 'apple', qty: 10, price: 0.5 }, { region: 'south', item: 'pear', qty: 4, price: 0.75 },
  { region: 'north', item: 'pear', qty: 7, price: 0.75 }, { region: 'east', item: 'apple', qty: 0, price: 0.5 },
  { region: 'south', item: 'apple', qty: 12, price: 0.5 }, { region: 'east', item: 'plum', qty: 9, price: 1.25 },
];
const byRegion = sales.filter((s) => s.qty > 0).reduce((acc, s) => { acc[s.region] = (acc[s.region] ?? 0) + s.qty * s.price; return acc; }, {} as Record<string, number>);
console.log(byRegion);
console.log(sales.map((s) => s.item).filter((v, i, arr) => arr.indexOf(v) === i), sales.findLast((s) => s.item === 'apple')?.region, sales.findLastIndex((s) => s.qty > 100));
console.log(sales.every((s) => s.price > 0), sales.some((s) => s.qty === 0), sales.find((s) => s.region === 'west'), sales.findIndex((s) => s.item === 'plum'));
// Callbacks that are not functions
for (const m of ['map', 'forEach', 'filter', 'find', 'reduce'] as const) {
  try { ([1] as unknown as Record<string, (x: unknown) => unknown>)[m]('nope'); } catch (e) { console.log(m, (e as Error).name); }
}
