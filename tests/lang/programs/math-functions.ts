// Math's transcendental functions print what Node prints (V8's fdlibm algorithms), on
// chosen values and on a few hundred generated ones; hypot and fround.
const fns: [string, (x: number) => number][] = [
  ['exp', Math.exp], ['expm1', Math.expm1], ['log', Math.log], ['log1p', Math.log1p], ['log2', Math.log2], ['log10', Math.log10],
  ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan], ['asin', Math.asin], ['acos', Math.acos], ['atan', Math.atan],
  ['sinh', Math.sinh], ['cosh', Math.cosh], ['tanh', Math.tanh], ['asinh', Math.asinh], ['acosh', Math.acosh], ['atanh', Math.atanh],
  ['cbrt', Math.cbrt], ['fround', Math.fround],
];
const special = [0, -0, 1, -1, 0.5, 2, 10, 100, -3.7, Math.PI, Math.E, 1e-10, 1e300, -1e300, Infinity, -Infinity, NaN, 709, 710, -745, 1e6, 5e-324];
for (const [name, f] of fns) console.log(name, special.map((x) => f(x)).join(' '));
// generated inputs: a linear congruential sequence, several magnitudes
let seed = 12345;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const xs: number[] = [];
for (let i = 0; i < 60; i++) xs.push((next() - 0.5) * 2 ** Math.floor(next() * 40 - 20));
for (const [name, f] of fns) {
  let line = name;
  for (const x of xs) line += ' ' + f(x);
  console.log(line);
}
console.log(Math.atan2(1, 1), Math.atan2(-1, -1), Math.atan2(0, -0), Math.atan2(-0, -1), Math.atan2(3, 0), Math.atan2(Infinity, -Infinity), Math.atan2(1e-300, 1e300));
for (let i = 0; i < 20; i++) console.log(Math.atan2(xs[i], xs[59 - i]));
console.log(Math.hypot(), Math.hypot(3, 4), Math.hypot(1e200, 1e200), Math.hypot(1e-200, 1e-200), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(-0), Math.hypot(1, 2, 3, 4, 5));
console.log(Math.fround(0.1), Math.fround(16777217), Math.fround(1e40), Math.fround(-1e-50), Math.fround(NaN), Math.fround(3.4028235677973366e38));
console.log(Math.sin(1e22), Math.cos(1e22), Math.tan(1e10), Math.sin(-123456789.5));
