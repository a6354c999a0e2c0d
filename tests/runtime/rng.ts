// Seeded, reproducible random inputs for the runtime differential tests.

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** Uniform 32-bit unsigned integer (mulberry32). */
  u32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }
  float(): number {
    return this.u32() / 4294967296;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }
  /** A double from a uniformly random bit pattern (may be NaN/Infinity). */
  bitsDouble(): number {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(0, this.u32());
    dv.setUint32(4, this.u32());
    return dv.getFloat64(0);
  }
  /** A finite double with random significand and exponent in [lo, hi] (biased). */
  doubleWithExponent(lo: number, hi: number): number {
    const dv = new DataView(new ArrayBuffer(8));
    const exp = lo + this.int(hi - lo + 1);
    dv.setUint32(0, ((this.u32() & 0x800fffff) | (exp << 20)) >>> 0);
    dv.setUint32(4, this.u32());
    return dv.getFloat64(0);
  }
  /** A mixture of interesting doubles. */
  interestingDouble(): number {
    switch (this.int(12)) {
      case 0:
        return this.bitsDouble();
      case 1:
        return this.int(2000001) - 1000000;
      case 2:
        return (this.u32() * 2097152 + (this.u32() >>> 11)) * (this.int(2) ? 1 : -1);
      case 3:
        return Math.pow(10, this.int(650) - 325) * (this.int(2) ? 1 : -1);
      case 4:
        return this.doubleWithExponent(0, 0); // subnormal
      case 5:
        return this.pick(BOUNDARIES) + (this.int(5) - 2) * this.pick([1, 0.5, 0.25, 1e-9]);
      case 6:
        return this.pick(BOUNDARIES) * (1 + (this.int(5) - 2) * Number.EPSILON);
      case 7:
        return (this.int(100000) / Math.pow(10, this.int(8))) * (this.int(2) ? 1 : -1);
      case 8:
        return this.float() * Math.pow(2, this.int(200) - 100);
      case 9:
        return this.doubleWithExponent(1023 - 30, 1023 + 80);
      case 10:
        return Math.pow(2, this.int(2098) - 1074);
      default:
        return this.doubleWithExponent(1, 2046);
    }
  }
}

export const BOUNDARIES: number[] = [
  0, -0, 1, -1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 - 1, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2,
  -(2 ** 53), 1e21, 1e21 - 65536, 999999999999999900000, 1e-7, 1e-6, 9.999999999999999e-7, 0.1, 0.2, 0.3,
  5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 1e308, 1e22, 1e23,
  123456789012345680000, 4.35, 0.5, 1.5, 2.5, 1.005, 1.45, 8.345, 1e-10, 0.000001, 1234.5678,
];
