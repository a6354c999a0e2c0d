// The built-ins the machine answers itself for easy arguments (boot/interp/machine-methods.ts:
// Math.floor, ceil, trunc, round, abs, sqrt, min, max, charCodeAt, pop) against the same
// calls with the arguments the prelude must take (strings, objects, holes, extra arguments):
// every value and sign of zero as Node gives it.
const show = (x: any): string => (Object.is(x, -0) ? '-0' : String(x));
const nums: any[] = [0, -0, 1, -1, 7, -7, 2147483647, -2147483648, 2147483648, -2147483649, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
  0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 1e21, -1e21, 1e-300, -1e-300,
  NaN, Infinity, -Infinity, 3.7, -3.7, 123456789.25, -0.0000001, 0.9999999999999999, -0.9999999999999999];
const extra: any[] = ['2.5', '-0', '', 'x', null, undefined, true, false, [3.5], { valueOf: () => -1.5 }];
for (const name of ['floor', 'ceil', 'trunc', 'round', 'abs', 'sqrt'] as const) {
  const f = (Math as any)[name];
  console.log(name, nums.map((x) => show(f(x))).join(' '));
  console.log(name, extra.map((x) => show(f(x))).join(' '), show(f()), show(f(1.5, 'ignored')));
}
for (const name of ['min', 'max'] as const) {
  const f = (Math as any)[name];
  const rows: string[] = [];
  const pair = [0, -0, 1, -1, 2147483647, -2147483648, 1.5, -1.5, NaN, Infinity, -Infinity, 3, 3.0000001];
  for (const x of pair) for (const y of pair) rows.push(show(f(x, y)));
  console.log(name, rows.join(' '));
  console.log(name, show(f()), show(f(1)), show(f(1, 2, 3)), show(f(3, 2, 1)), show(f('1', 2)), show(f(1, '-2')), show(f(1, NaN, 2)), show(f(-0, 0, -0)));
}
const strs = ['hello', '', 'h\u00e9llo', 'a\u{1F600}b', '\uffff\u0100x'];
for (const s of strs) {
  const out: string[] = [];
  for (const i of [-1, 0, 1, 2, 3, 4, 5, 6, 2147483647, -2147483648, 1.5, -0, NaN, Infinity, '1', undefined, null, true]) out.push(show(s.charCodeAt(i as any)));
  console.log(JSON.stringify(s), out.join(' '), show(s.charCodeAt()));
}
console.log(String.prototype.charCodeAt.call(12345, 2), String.prototype.charCodeAt.call(new String('xyz'), 1), new String('abc').charCodeAt(2));
try { String.prototype.charCodeAt.call(undefined, 0); } catch (e: any) { console.log(e.constructor.name, e.message); }
const a: any[] = [1, 'two', { three: 3 }, undefined, null];
const popped: any[] = [];
while (a.length > 0) popped.push(a.pop());
console.log(JSON.stringify(popped), a.length, a.pop(), a.length);
const holes: any[] = [1, , 3, ,];
console.log(holes.length, show(holes.pop()), holes.length, holes.pop(), holes.pop(), holes.pop(), holes.length, 1 in holes);
(Array.prototype as any)[1] = 'from proto';
const withHole: any[] = [0, , ];
console.log(withHole.length, withHole.pop(), withHole.length);
delete (Array.prototype as any)[1];
const frozen = Object.freeze([1, 2, 3]);
try { (frozen as any).pop(); } catch (e: any) { console.log(e.constructor.name); }
console.log(frozen.length);
const ne = Object.preventExtensions([4, 5, 6]);
console.log(ne.pop(), ne.length);
const like = { length: 2, 0: 'a', 1: 'b' };
console.log(Array.prototype.pop.call(like), JSON.stringify(like));
const big: number[] = [];
for (let i = 0; i < 100; i++) big.push(i * 1.5);
let sum = 0;
while (big.length) sum += big.pop()!;
console.log(sum, big.length, JSON.stringify(big));
const grown: number[] = [1, 2, 3]; grown.pop(); grown[5] = 6; console.log(JSON.stringify(grown), grown.length, 2 in grown);
// a replaced method is what runs: the machine keys on the original function
const origFloor = Math.floor;
(Math as any).floor = (x: number) => 'mine ' + x;
console.log(Math.floor(1.5));
Math.floor = origFloor;
console.log(Math.floor(1.5), [1.5, -1.5].map(Math.floor), origFloor.call(null, -2.5), Reflect.apply(Math.max, null, [1, 5, 2]));
let acc = 0;
for (let i = 0; i < 2000; i++) acc += Math.floor(i / 7) + Math.round(i * 0.37) + Math.abs(i - 1000) + Math.min(i, 700) + Math.max(i, 1300) + 'abcdefgh'.charCodeAt(i & 7);
console.log(acc);
// charCodeAt on a long string built by += (a slice of a shared buffer: boot/interp/string-units.ts)
let long = '';
for (let i = 0; i < 600; i++) long += String.fromCharCode(97 + (i % 26));
const longWide = long + '\u0101\u{1F600}';
let codes = 0;
for (let i = 0; i < longWide.length; i++) codes += longWide.charCodeAt(i) * (i + 1);
console.log(long.length, longWide.length, codes, long.charCodeAt(599), longWide.charCodeAt(600), longWide.charCodeAt(601), longWide.charCodeAt(603));
