// Number.prototype.toPrecision and toExponential: rounding, formats, limits and errors.
const xs = [0, -0, 1, -1.5, 2.5, 1.25, 1.35, 123.456, 0.00001234, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 999.5, 9.995, 1 / 3, NaN, Infinity, -Infinity];
for (const x of xs) {
  console.log(x, x.toPrecision(), x.toPrecision(1), x.toPrecision(3), x.toPrecision(8), x.toPrecision(21));
  console.log(x, x.toExponential(), x.toExponential(0), x.toExponential(2), x.toExponential(10));
}
console.log((123.456).toPrecision(100));
console.log((0.1).toExponential(60));
for (const bad of [0, 101, -1]) {
  try { console.log((1).toPrecision(bad)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
  try { console.log((1).toExponential(bad)); } catch (e) { console.log((e as Error).name, (e as Error).message); }
}
console.log(NaN.toPrecision(200), Infinity.toExponential(-5), (25).toPrecision(1.9 as any), (25).toExponential('1' as any));
