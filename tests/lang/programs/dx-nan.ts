// NaN: comparisons, equality, searches, collections, conversions to integers.
const n = NaN;
const others = [NaN, 0, -0, 1, -1, Infinity, -Infinity, '', 'NaN', null, undefined];
for (const o of others) {
  const x = o as number;
  console.log(String(o).padEnd(9), n < x, n > x, n <= x, n >= x, n == x, n === x, n != x, n !== x, Object.is(n, x));
}
console.log(n === n, Object.is(NaN, NaN), Object.is(NaN, 0 / 0), isNaN(NaN), isNaN('abc' as unknown as number), Number.isNaN('abc'), isNaN(undefined as unknown as number), Number.isNaN(undefined));
console.log(0 / 0, Infinity - Infinity, Infinity * 0, Math.sqrt(-1), Number('x'), parseInt('q'), +undefined!, undefined! + 1, ({} as number) * 1, Math.max(1, NaN, 3), Math.min(NaN), NaN ** 0, 1 ** NaN);
console.log([NaN].indexOf(NaN), [NaN].includes(NaN), [NaN].lastIndexOf(NaN), [1, NaN].findIndex((v) => v !== v), [NaN].some(Number.isNaN));
const m = new Map<number, string>();
m.set(NaN, 'a').set(0 / 0, 'b').set(Number('nope'), 'c');
console.log(m.size, m.get(NaN), m);
const s = new Set([NaN, NaN, 0 / 0]);
console.log(s.size, s.has(NaN), s);
console.log(NaN | 0, NaN >>> 0, ~NaN, NaN << 1, NaN & -1, 'abc'.charAt(NaN), 'abc'.slice(NaN), 'abc'.substring(NaN, 2), [1, 2, 3].slice(NaN, 2), 'abc'.charCodeAt(NaN));
console.log(NaN.toString(), NaN.toString(2), NaN.toFixed(3), String(NaN), `${NaN}`, JSON.stringify(NaN), JSON.stringify({ v: NaN, w: [NaN] }), [NaN] + '');
console.log(NaN ? 'truthy' : 'falsy', !NaN, Boolean(NaN), NaN || 'fallback', NaN ?? 'nullish', NaN && 'and');
let count = 0;
for (let x = 0; x < NaN; x++) count++;
console.log('loop with NaN bound', count);
switch (NaN) { case NaN: console.log('NaN case'); break; default: console.log('NaN falls to default'); }
console.log([3, NaN, 1, 2].sort(), [3, NaN, 1, 2].sort((a, b) => (a !== a ? 1 : b !== b ? -1 : a - b)));
console.log(Math.round(NaN), Math.floor(NaN), Math.abs(NaN), Math.sign(NaN), Math.trunc(NaN), Math.hypot(NaN, Infinity), Math.hypot(3, NaN));
console.log(NaN.toString(16), Number.parseFloat('NaN'), Number('NaN'), Number('-NaN'), Number('Infinity'), Number('-Infinity'), Number('+Infinity'), Number('infinity'));
// NaN as a property key is the string 'NaN'.
const o: Record<string, number> = {};
o[NaN] = 1;
console.log(Object.keys(o), o.NaN, 'NaN' in o, [1, 2, 3][NaN as number]);
