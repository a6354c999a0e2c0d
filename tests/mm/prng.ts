// A small seeded PRNG (mulberry32) for property tests: the seed is printed on failure.
export class Prng {
  private s: number;
  constructor(readonly seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Seeds for a property test: PROPERTY_SEED=n runs just that one. */
export function seeds(count: number, base: number): number[] {
  const one = process.env.PROPERTY_SEED;
  if (one !== undefined) return [Number(one)];
  return Array.from({ length: count }, (_, i) => base + i * 7919);
}
