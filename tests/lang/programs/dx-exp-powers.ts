// ** and Math.pow with integer exponents whose results are exact doubles but not integers
// within 2^53: large powers of two, negative exponents, powers of ten. (Inexact results
// such as 10 ** -5 are left out: Node 20's pow is not correctly rounded, docs/architecture.md "Exp".)
console.log(2 ** 53, 2 ** 54, 2 ** 63, 2 ** 64, 2 ** 100, 2 ** 1023, 2 ** 1024, (-2) ** 63, (-2) ** 64);
console.log(2 ** -1, 2 ** -2, 2 ** -10, 2 ** -1074, 2 ** -1075, 0.5 ** 2, 0.5 ** -2);
console.log(10 ** 15, 10 ** 16, 10 ** 21, 10 ** 22, 10 ** 23, 10 ** -1, 10 ** 308, 10 ** 309);
console.log(Math.pow(2, 64), Math.pow(10, -3), Math.pow(3, 40), Math.pow(-1, 1e300), Math.pow(0, -1), Math.pow(-0, -3));
let p = 1;
const table: number[] = [];
for (let i = 0; i <= 70; i += 10) table.push(2 ** i, p *= 1024);
console.log(table);
const bits = (n: number) => n.toString(2).length;
console.log([1, 2 ** 40, 2 ** 60].map(bits));
