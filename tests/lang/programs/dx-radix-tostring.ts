// Number.prototype.toString(radix) for integers, negatives, fractions and extremes.
const values = [0, 1, -1, 7, -7, 255, -255, 4096, 2147483647, -2147483648, 4294967295, 9007199254740991, 1e21, 0.5, -0.5, 0.25, 0.1, 0.2, 1 / 3, 2 / 3, -0.75, 255.5, -255.5, 3.125, 1e-7, 123.456, 1e300, 5e-324];
for (const radix of [2, 3, 8, 16, 32, 36]) {
  console.log('radix', radix);
  for (const v of values) console.log('  ', String(v).padEnd(24), v.toString(radix));
}
console.log((10).toString(10), (10).toString(), (10).toString(undefined), Infinity.toString(2), (-Infinity).toString(16), NaN.toString(36));
for (const bad of [0, 1, 37, 100, -2]) {
  try { console.log((10).toString(bad)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
}
console.log((35).toString(36), (36).toString(36), (1295).toString(36), (1296).toString(36), (-1296).toString(36));
console.log((0.5).toString(2), (0.1).toString(2).length, (0.1).toString(3), (1 / 7).toString(7), (1 / 49).toString(7), (100.125).toString(8));
