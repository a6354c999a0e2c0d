// x ** y (runtime/fdlibm.ts pow, what the machine's Exp hands over) against Node's **, bit
// for bit: 300,000 random pairs over the code paths (integer and fractional exponents,
// bases near 1, huge exponents, subnormal and overflowing results, negative bases), a grid
// of special values, and raw bit patterns. Zero differences are required.
import { describe, expect, test } from 'vitest';
import * as M from '../../runtime/fdlibm.ts';
import { Rng } from './rng.ts';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
M.setWordAccess(
  (x) => { f64[0] = x; return u32[1] | 0; },
  (x) => { f64[0] = x; return u32[0]; },
  (hi, lo) => { u32[1] = hi >>> 0; u32[0] = lo >>> 0; return f64[0]; },
  Math.sqrt,
);

const same = (a: number, b: number): boolean => Object.is(a, b);

function check(pairs: [number, number][]): string[] {
  const bad: string[] = [];
  for (const [x, y] of pairs) {
    const want = x ** y, got = M.pow(x, y);
    if (!same(got, want) && bad.length < 10) bad.push(`${x} ** ${y}: ${got} vs Node ${want}`);
  }
  return bad;
}

describe('pow: bit for bit with Node\'s **', () => {
  test('special values, every pair', () => {
    const specials = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5, 10, -10, Infinity, -Infinity, NaN, 5e-324, -5e-324,
      1.7976931348623157e308, 2.2250738585072014e-308, 1 + 2 ** -52, 1 - 2 ** -53, 2 ** 31, 2 ** 31 + 1, 2 ** 53, 2 ** 64, 2 ** 70, -(2 ** 53) - 2,
      0.1, 1 / 3, 1e-10, 1e10, 1074, -1074, 1023, 1024, -1075];
    const pairs: [number, number][] = [];
    for (const x of specials) for (const y of specials) pairs.push([x, y]);
    expect(check(pairs)).toEqual([]);
  });

  test('300,000 random pairs', () => {
    const rng = new Rng(424242);
    const pairs: [number, number][] = [];
    for (let i = 0; i < 300000; i++) {
      const kind = i % 6;
      let x: number, y: number;
      if (kind === 0) { x = rng.float() * 20; y = (rng.float() - 0.5) * 40; }
      else if (kind === 1) { x = Math.exp((rng.float() - 0.5) * 80) * (rng.int(4) === 0 ? -1 : 1); y = rng.int(121) - 60; }
      else if (kind === 2) { x = 1 + (rng.float() - 0.5) * 2 ** -(rng.int(40)); y = (rng.float() - 0.5) * 2 ** rng.int(60); }
      else if (kind === 3) { x = rng.doubleWithExponent(0, 2046); y = (rng.float() - 0.5) * 4; }
      else if (kind === 4) { x = rng.float() * 1000; y = (rng.float() - 0.5) * 300; }
      else { x = rng.bitsDouble(); y = rng.int(2) === 0 ? rng.bitsDouble() : rng.int(2001) - 1000; }
      pairs.push([x, y]);
    }
    expect(check(pairs)).toEqual([]);
  });

  test('known values where fdlibm is not correctly rounded, as Node prints them', () => {
    expect(M.pow(10, -5)).toBe(0.000009999999999999999);
    expect(M.pow(1.1, 4)).toBe(1.1 ** 4);
  });
});
