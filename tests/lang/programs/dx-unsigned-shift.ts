// `>>> 0` and friends around 2^31 and 2^32, with negatives, fractions and huge doubles.
const values = [
  0, -0, 1, -1, 2147483647, 2147483648, 2147483649, -2147483648, -2147483649,
  4294967295, 4294967296, 4294967297, -4294967295, -4294967296, -4294967297,
  0.5, -0.5, 1.9, -1.9, 2147483647.9, 4294967295.5, 1e10, -1e10, 2 ** 53, -(2 ** 53),
  2 ** 53 + 2, 1e20, -1e20, 1e300, NaN, Infinity, -Infinity,
];
for (const v of values) {
  console.log(String(v).padStart(24), v >>> 0, v | 0, v >> 0, v >>> 1, v >>> 31, v << 0);
}
console.log('shift counts');
for (const n of [0, 1, 31, 32, 33, -1, 63, 64, 100]) {
  console.log(n, -1 >>> n, 1 << n, -8 >> n, 0x80000000 >>> n, 0x80000000 >> n);
}
// >>> results are numbers >= 0 that may exceed int32
const u = -1 >>> 0;
console.log(u, u + 1, u * 2, u % 1000, u / 2, u - 4294967295, typeof u);
console.log(u === 4294967295, u > 2147483647, [u].indexOf(4294967295), u.toString(16), u.toString(2).length);
const m = new Map<number, string>();
m.set(-1 >>> 0, 'uint');
console.log(m.get(4294967295), m.has(-1), m.size);
// Hashing with unsigned arithmetic (FNV-1a on 32 bits).
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
for (const s of ['', 'a', 'abc', 'hello world', 'The quick brown fox jumps over the lazy dog']) console.log(JSON.stringify(s), fnv1a(s), fnv1a(s).toString(16));
// A 32-bit xorshift generator, kept unsigned.
let state = 2463534242;
const outs: number[] = [];
for (let i = 0; i < 8; i++) {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  outs.push(state);
}
console.log(outs);
console.log(outs.map((x) => x % 100));
// Compound shift assignments
let c = -16;
c >>>= 2; console.log(c);
c >>= 3; console.log(c);
c <<= 4; console.log(c);
c >>>= 0; console.log(c);
let d = 3000000000;
d |= 0; console.log(d);
d >>>= 0; console.log(d);
// Sorting unsigned values
console.log([4294967295, 2147483648, 1, 0, 2147483647].sort((a, b) => a - b));
console.log([4294967295 >>> 0, (2147483648 | 0) >>> 0].map((x) => x.toString(16)));
