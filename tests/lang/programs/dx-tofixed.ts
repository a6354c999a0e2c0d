// toFixed rounds the exact binary value half up; results for negatives, tiny and huge values.
const values = [0, 1, -1, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1.005, 1.045, 1.055, 1.45, 1.55, 8.345, 8.335, 1.255, 0.615, 10.235, 0.125, 0.375, -0.125,
  123.456, 1e-10, -1e-10, 0.000001, 0.0000001, 1e20, 1e21, 1.5e21, -1e21, 4294967296.5, 9007199254740993, 0.1, 0.7, 99.995, 99.9949, 5e-7, 5e-8];
for (const v of values) {
  console.log(String(v).padEnd(22), v.toFixed(), v.toFixed(0), v.toFixed(1), v.toFixed(2), v.toFixed(3), v.toFixed(5));
}
console.log((0.1).toFixed(20), (1 / 3).toFixed(30), (1152921504606846976).toFixed(2), (123.456).toFixed(10), (0.000001).toFixed(7), (-0.0001).toFixed(2));
console.log((1.23).toFixed(100).length, (1.23).toFixed(100).slice(0, 40));
for (const d of [-1, 101, 1.5, NaN]) {
  try { console.log(d, (1.23).toFixed(d)); } catch (e) { console.log(d, (e as Error).name, (e as Error).message); }
}
console.log(NaN.toFixed(2), Infinity.toFixed(2), (-Infinity).toFixed(1), (-0).toFixed(3));
// Money formatting built on toFixed
function money(cents: number): string {
  const neg = cents < 0;
  const [whole, frac] = (Math.abs(cents) / 100).toFixed(2).split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return (neg ? '-$' : '$') + grouped + '.' + frac;
}
for (const c of [0, 5, 99, 100, 12345, -12345, 100000000, 123456789012, -1]) console.log(c, money(c));
let total = 0;
for (let i = 0; i < 10; i++) total += 0.1;
console.log(total, total.toFixed(2), total.toFixed(16), total.toFixed(17));
