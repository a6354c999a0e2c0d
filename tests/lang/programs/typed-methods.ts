// Typed array methods: subarray/set/slice/fill/copyWithin, from/of, searching, higher-order, sort.
const a = new Uint8Array([10, 20, 30, 40, 50, 60]);
const sub = a.subarray(1, 4);
console.log(sub, sub.length, sub.byteOffset, sub.buffer === a.buffer);
sub[0] = 99;
console.log(a, sub.subarray(-2), a.subarray(4, 2), a.subarray(-100, 100).length);
const b = a.slice(2, -1);
b[0] = 0;
console.log(b, a, a.slice(), a.slice(10));
a.fill(7, 1, 3);
console.log(a, new Int16Array(4).fill(-2), new Float32Array(3).fill(0.1), new Uint8Array(3).fill(300 as any));
// set: arrays, typed arrays of the same and other types, overlapping views of one buffer
const t = new Uint8Array(8);
t.set([1, 2, 3]);
t.set([9, 9], 6);
console.log(t);
t.set(t.subarray(0, 4), 2);
console.log(t);
const buf = new ArrayBuffer(8);
const bytes = new Uint8Array(buf);
bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
const words = new Uint16Array(buf, 2, 2);
bytes.set(words, 3);
console.log(bytes, words);
const f = new Float64Array([1.5, -2.7, 300]);
const i8 = new Int8Array(3);
i8.set(f);
console.log(i8, new Uint8ClampedArray(f), new Int32Array(new Float32Array([1.9, -1.9])));
console.log(new Uint8Array(new ArrayBuffer(6), 2), new Int32Array(new ArrayBuffer(16), 4, 2));
// copyWithin
console.log(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3), new Uint16Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3));
// from / of
console.log(Uint8Array.from([1, 2, 3]), Int16Array.from({ length: 3 }, (_, i) => i * -2), Float32Array.of(1, 2.5, 1e-50));
console.log(Uint8Array.from(new Set([4, 5, 4])), Uint8Array.from('123'), new Uint8Array(new Set([7, 8])));
function* gen() { yield 1; yield 2; }
void gen;
// searching
const s = new Float64Array([1, NaN, 3, -0, 3]);
console.log(s.indexOf(3), s.lastIndexOf(3), s.indexOf(NaN), s.includes(NaN), s.includes(0), s.indexOf(0), s.at(-1), s.at(9));
console.log(s.find((x) => x > 2), s.findIndex((x) => x > 2), s.findLast((x) => x > 0), s.findLastIndex((x) => x < 0), s.find((x) => x > 100));
// higher-order
const m = new Uint8Array([1, 2, 3, 4]);
console.log(m.map((x) => x * 100), m.filter((x) => x % 2 === 0), m.reduce((p, x) => p + x), m.reduce((p, x) => p + x, 10), m.reduceRight((p, x) => p + '-' + x, ''));
console.log(m.every((x) => x > 0), m.some((x) => x > 3), m.some((x) => x > 4));
m.forEach((x, i, arr) => console.log(i, x, arr === m));
// order
const r = new Int16Array([5, -1, 300, 0, -32768, 7]);
console.log(r.reverse(), r.sort(), r.sort((x, y) => y - x));
console.log(new Float64Array([3, NaN, -0, 0, -Infinity, 1]).sort(), new Uint8Array([10, 9, 100, 1]).sort());
console.log(new Uint8Array([3, 1, 2]).toSorted(), new Uint8Array([3, 1, 2]).toReversed(), new Uint8Array([3, 1, 2]).with(0, 9));
console.log(new Uint32Array([1, 2]).join(), new Float32Array([0.5, 1]).join(' / '), new Uint8Array(0).join());
const cls = class Bytes extends Uint8Array {
  sum(): number { return this.reduce((p, x) => p + x, 0); }
};
const mine = new cls([1, 2, 3]);
console.log(mine.sum(), mine instanceof Uint8Array, mine.length, mine);
