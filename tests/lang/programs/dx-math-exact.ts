// Math functions with exact results: rounding, abs, sign, min/max, hypot, sqrt, clz32, imul.
const xs = [0, -0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.4, -0.5, -0.6, -1.5, -2.5, 2.4999999999999996, 4503599627370495.5, -4503599627370495.5, 1e300, -1e-300, NaN, Infinity, -Infinity];
for (const x of xs) {
  const r = [Math.round(x), Math.floor(x), Math.ceil(x), Math.trunc(x), Math.sign(x), Math.abs(x)];
  console.log(String(x).padEnd(24), r.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(' '));
}
console.log(Math.max(), Math.min(), Math.max(1, '7' as unknown as number, 3), Math.min(-1, -5, -3), Math.max(-0, 0, -0), Math.max(...[3, 9, 2]), Math.min(...[]));
console.log(Math.hypot(), Math.hypot(3, 4), Math.hypot(-5, 12), Math.hypot(1, 1, 1, 1), Math.hypot(Infinity, NaN), Math.hypot(-0));
console.log(Math.sqrt(0), Math.sqrt(1), Math.sqrt(2), Math.sqrt(144), Math.sqrt(1e-300), Math.sqrt(-0), Math.sqrt(-4), Math.sqrt(Infinity), Math.sqrt(0.25));
console.log(Math.clz32(1), Math.clz32(1000), Math.clz32(-0), Math.imul(3, 4), Math.imul(-1, 8), Math.imul(0x7fffffff, 0x7fffffff), Math.imul(2.9, 3.9));
console.log(Math.pow(2, 10), Math.pow(-2, 3), Math.pow(10, 15), Math.pow(3, 0), Math.pow(0, 0), 2 ** 30, (-3) ** 3, 7 ** 2, 1.5 ** 2, 0.5 ** 3);
console.log(Math.PI, Math.E, Math.SQRT2, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT1_2);
// Integer square root by Newton's method vs Math.sqrt
function isqrt(n: number): number {
  if (n < 2) return n;
  let x = n, y = Math.floor((x + 1) / 2);
  while (y < x) { x = y; y = Math.floor((x + Math.floor(n / x)) / 2); }
  return x;
}
for (const n of [0, 1, 2, 15, 16, 17, 99, 100, 1e6, 1e12 + 1, 2 ** 52]) console.log(n, isqrt(n), Math.floor(Math.sqrt(n)));
// gcd / lcm / modular exponentiation with exact integers
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
console.log(gcd(48, 18), gcd(-48, 18), gcd(17, 5), lcm(4, 6), lcm(21, 6), [12, 18, 24].reduce(gcd), [2, 3, 4, 5, 6, 7, 8, 9, 10].reduce(lcm));
function modpow(b: number, e: number, m: number): number {
  let r = 1; b %= m;
  while (e > 0) { if (e & 1) r = (r * b) % m; b = (b * b) % m; e >>= 1; }
  return r;
}
console.log(modpow(2, 10, 1000), modpow(3, 200, 1000007), modpow(7, 65536, 65537), modpow(12345, 6789, 99991));
console.log([1.4, 1.5, -1.5, 2.675].map((v) => Math.round(v * 100) / 100), Math.round(0.49999999999999994), Math.round(-0.49999999999999994));
