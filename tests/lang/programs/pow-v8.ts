// ** and Math.pow as V8 computes them (fdlibm's pow): inexact results print Node's digits,
// including the ones that are not correctly rounded.
let seed = 12345;
function rnd(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}
const out: string[] = [];
for (let i = 0; i < 400; i++) {
  const x = i % 3 === 0 ? rnd() * 20 : Math.floor(rnd() * 50) / 4;
  const y = i % 2 === 0 ? Math.floor(rnd() * 40) - 20 : (rnd() - 0.5) * 30;
  out.push(String(x ** y));
}
console.log(out.join(' '));
console.log(10 ** -5, 1.1 ** 4, Math.pow(2, 0.5), 0.1 ** 3, (-8) ** (1 / 3), 2 ** -1074, 2 ** -1075, 10 ** 308, 10 ** 309);
let acc = 1.0000001;
for (let i = 0; i < 5; i++) acc = acc ** 1.7;
console.log(acc, (-2) ** 31, (-2) ** -31, 0.5 ** 1074, 7 ** 0.5, (-0) ** -3);
