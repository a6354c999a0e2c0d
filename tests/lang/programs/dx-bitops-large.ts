// Bitwise operators on negative numbers and doubles beyond the int32 range: ToInt32
// takes the value modulo 2^32.
const xs = [-1, -2, -255, -256, -2147483648, 2147483648, 4294967296 + 5, 2 ** 40 + 3, -(2 ** 40) - 3, 4503599627370497, 1e15 + 7, -1e15 - 7, 9223372036854775808, 1e21, 3.7, -3.7, 0.999, -0.999];
for (const x of xs) {
  console.log(x, ~x, x & 0xff, x | 0, x ^ 0x55555555, x & -x, x << 3, x >> 3, ~~x);
}
console.log('masks');
console.log(0xffffffff & 0xffffffff, 0xffffffff | 0, 0xffffffff ^ 0, ~0xffffffff, 0x7fffffff + 1 | 0);
console.log(0x12345678 & 0xff00ff00, (0x12345678 & 0xff00ff00) >>> 0, 0xdeadbeef | 0, 0xdeadbeef >>> 0, 0xdeadbeef & 0xffff);
console.log(~-1, ~0, ~1, ~2147483647, ~-2147483648, ~NaN, ~Infinity, ~(null as unknown as number), ~(undefined as unknown as number), ~(true as unknown as number));
const str = (s: string) => s as unknown as number;
console.log(5 & str('3'), str('12') | 1, str('0x10') ^ 1, ~str('12'), ~str('abc'));
// popcount and bit reversal via bit tricks
function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
function reverseBits(n: number): number {
  let r = 0;
  for (let i = 0; i < 32; i++) { r = (r << 1) | (n & 1); n >>>= 1; }
  return r >>> 0;
}
for (const n of [0, 1, 7, 255, -1, -2, 0x80000000, 0x55555555, 123456789]) console.log(n, popcount(n), reverseBits(n), reverseBits(n).toString(2).padStart(32, '0'));
// Bitsets in arrays of int32
const bits: number[] = [0, 0, 0, 0];
for (const i of [0, 5, 31, 32, 63, 64, 100, 127]) bits[i >> 5] |= 1 << (i & 31);
console.log(bits, bits.map((w) => w >>> 0));
const present: number[] = [];
for (let i = 0; i < 128; i++) if (bits[i >> 5] & (1 << (i & 31))) present.push(i);
console.log(present);
console.log(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0x80000000), Math.clz32(2 ** 32 + 1), Math.clz32(0.5));
// Sign extension of bytes and halfwords
const toInt8 = (b: number) => (b << 24) >> 24;
const toInt16 = (h: number) => (h << 16) >> 16;
console.log([0, 127, 128, 200, 255, 256, 383].map(toInt8), [0x7fff, 0x8000, 0xffff, 0x12345].map(toInt16));
