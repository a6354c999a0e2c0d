// runtime/pow.ts: the special cases of Number::exponentiate, and correct rounding checked
// against exact rational arithmetic (BigInt), not against Node's ** (Node 20's fdlibm pow
// is not correctly rounded: 10 ** -5 gives 0.000009999999999999999 there).

import { describe, expect, test } from 'vitest';
import { powNumber } from '../../runtime/pow.ts';
import { Rng } from './rng.ts';

/** x (finite, > 0) as an exact fraction [numerator, denominator]. */
function exact(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2 = e - 1075;
  if (e === 0) exp2 = -1074; else mant |= 1n << 52n;
  return exp2 >= 0 ? [mant << BigInt(exp2), 1n] : [mant, 1n << BigInt(-exp2)];
}

/** The neighbouring doubles of a positive finite double. */
function neighbours(x: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, bits - 1n);
  const below = view.getFloat64(0);
  view.setBigUint64(0, bits + 1n);
  return [below, view.getFloat64(0)];
}

/** a/b < c/d for positive denominators. */
const less = (a: [bigint, bigint], c: [bigint, bigint]): boolean => a[0] * c[1] < c[0] * a[1];
const powFrac = (f: [bigint, bigint], k: number): [bigint, bigint] => [f[0] ** BigInt(k), f[1] ** BigInt(k)];
const midpoint = (a: number, b: number): [bigint, bigint] => {
  const [p, q] = exact(a), [r, s] = exact(b);
  return [p * s + r * q, 2n * q * s];
};

/**
 * Whether r is the double nearest to v^(1/root), where v = x^k (exactly): the true value
 * lies strictly between the midpoints to r's neighbours (hard ties cannot occur for the
 * inputs used here: a tie would need v^(1/root) to be a 54-bit dyadic, checked separately).
 */
function correctlyRounded(r: number, x: number, k: number, root: number): boolean {
  const v = k >= 0 ? powFrac(exact(x), k) : ((f) => [f[1], f[0]] as [bigint, bigint])(powFrac(exact(x), -k));
  const [below, above] = neighbours(r);
  const lowMid = powFrac(midpoint(below, r), root), highMid = powFrac(midpoint(r, above), root);
  return less(lowMid, v) && less(v, highMid);
}

describe('powNumber: the special cases of Number::exponentiate (as Node computes them)', () => {
  const specials = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308];
  test('every pair where the result is exact or special matches Node', () => {
    let checked = 0;
    for (const x of specials) {
      for (const y of specials) {
        const expected = x ** y;
        const special = !Number.isFinite(x) || !Number.isFinite(y) || x === 0 || Math.abs(x) === 1 || [0, 1, -1, 2, 0.5].includes(y);
        const exactResult = Number.isInteger(y) && y > 0 && y < 8 && Number.isInteger(x);
        if (!special && !exactResult) continue;
        checked++;
        expect(Object.is(powNumber(x, y), expected), `${x} ** ${y}: ${powNumber(x, y)} vs ${expected}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
  test('negative bases: NaN for fractional exponents, the sign of odd integer exponents', () => {
    expect(powNumber(-8, 1 / 3)).toBeNaN();
    expect(powNumber(-2, 3)).toBe(-8);
    expect(powNumber(-2, -3)).toBe(-0.125);
    expect(powNumber(-2, 4)).toBe(16);
    expect(Object.is(powNumber(-0, 3), -0)).toBe(true);
    expect(Object.is(powNumber(-Infinity, -3), -0)).toBe(true);
  });
  test('overflow, underflow and subnormal results', () => {
    expect(powNumber(2, 1024)).toBe(Infinity);
    expect(powNumber(2, 1023)).toBe(2 ** 1023);
    expect(powNumber(2, -1074)).toBe(5e-324);
    expect(powNumber(2, -1075)).toBe(0);
    expect(powNumber(10, -323)).toBe(1e-323);
    expect(powNumber(10, 308)).toBe(1e308);
    expect(powNumber(10, 309)).toBe(Infinity);
    expect(powNumber(0.5, 1074)).toBe(5e-324);
    expect(powNumber(1.0000001, 1e10)).toBe(Infinity);
  });
});

describe('powNumber rounds correctly (exact BigInt oracle)', () => {
  test('integer exponents', () => {
    const rng = new Rng(0x5eed);
    for (let i = 0; i < 3000; i++) {
      const x = (rng.u32() / 4294967296) * 20 + 1e-3;
      const y = Math.floor(((rng.u32() / 4294967296) - 0.5) * 60);
      if (y === 0) continue;
      const r = powNumber(x, y);
      if (!Number.isFinite(r) || r === 0) continue;
      expect(correctlyRounded(r, x, y, 1), `${x} ** ${y} = ${r}`).toBe(true);
    }
  });
  test('exponents k/2 and k/4 (x^(k/q) checked as (x^k) against the q-th powers of the rounding midpoints)', () => {
    const rng = new Rng(0xabc);
    for (let i = 0; i < 2000; i++) {
      const x = (rng.u32() / 4294967296) * 50 + 1e-3;
      const q = i % 2 === 0 ? 2 : 4;
      let k = Math.floor(((rng.u32() / 4294967296) - 0.5) * 40);
      if (k % 2 === 0) k += 1;
      const r = powNumber(x, k / q);
      expect(correctlyRounded(r, x, k, q), `${x} ** ${k}/${q} = ${r}`).toBe(true);
    }
  });
  test('the cases where Node 20 is one unit off', () => {
    expect(powNumber(10, -5)).toBe(0.00001);
    expect(powNumber(1.1, 4)).toBe(1.4641000000000004);
    expect(correctlyRounded(powNumber(1.1, 4), 1.1, 4, 1)).toBe(true);
    expect(correctlyRounded(1.4641000000000006, 1.1, 4, 1)).toBe(false);
  });
});
