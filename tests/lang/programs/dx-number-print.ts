// How numbers print: shortest round-trip digits, exponent thresholds, in arrays and objects.
const xs = [1e21, 1e20, 123456789012345680000, 1e-6, 1e-7, 0.000001234, 0.0000001234, 1.5e-10, 2 ** 53 + 1, 18446744073709551616, 1180591620717411303424, 1 / 3, 2 / 3, 10 / 3,
  0.1 + 0.2, 0.3 - 0.1, 1.1 * 1.1, 100 / 7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 4.35, 0.000123, 123e-5, 1e100, -1e-100, 9.999999999999999e22];
for (const x of xs) console.log(x, String(x), -x);
console.log(xs.slice(0, 8));
console.log({ small: 1e-7, big: 1e21, third: 1 / 3, neg: -2.5e-8 });
const products: number[] = [];
let p = 1;
for (let i = 0; i < 25; i++) { p *= 7.3; products.push(p); }
console.log(products);
const halves: number[] = [];
let h = 1;
for (let i = 0; i < 12; i++) { h /= 10; halves.push(h); }
console.log(halves.join(' '));
console.log([0.1, 0.2, 0.3].map((v) => v * 3), [1e15, 1e16, 1e17].map((v) => v + 0.5));
console.log(Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, -Number.MAX_VALUE);
console.log(0.1 * 0.1, 0.57 * 100, 1.15 * 100, 4.35 * 100, 1.005 * 1000, 8.2 - 0.2, 3 * 1.1);
