// ** and Math.pow where the result is pinned down: special cases and exact powers
// (inexact results are correctly rounded here and may differ from Node 20's last digit;
// see docs/architecture.md, "Exp").
const specials = [0, -0, 1, -1, 2, -2, 0.5, -3, 3, Infinity, -Infinity, NaN];
for (const x of specials) {
  const row: string[] = [];
  for (const y of specials) row.push(String(Object.is(x ** y, -0) ? '-0' : x ** y));
  console.log(String(x).padStart(9), row.join(' '));
}
console.log(0.5 ** 3, 2 ** -10, 4 ** 0.5, 1.5 ** 2, 9 ** 0.5, (-2) ** -3, 10 ** 21, 2 ** 0.5, 0.25 ** -2);
console.log(Math.pow(2, 10), Math.pow('3' as any, 2), Math.pow(8, -1), Math.pow(-8, 1 / 3), Math.pow(2, 1024), Math.pow(2, -1074));
console.log(2 ** 31, 2 ** 32, (-2) ** 31, 3 ** 33, 7 ** 18, 2 ** 53, 2 ** 60, 10 ** 15, 10 ** 16);
let x = 3;
x **= 4;
console.log(x, (x as number) ** -1 === 1 / 81, 2 ** 3 ** 2, (2 ** 3) ** 2, -(2 ** 2));
const big = [1e10, 1e-10, 123.456, 1 / 3];
for (const b of big) console.log(b ** 2 === b * b, b ** 1 === b, b ** -1 === 1 / b, b ** 0);
