import { describe, expect, it } from 'vitest';
import { numberToFixed, numberToString } from '../../runtime/number-format.ts';
import { BOUNDARIES, Rng } from './rng.ts';

function check(values: number[], f: (x: number) => [string, string]): void {
  const bad: string[] = [];
  for (const x of values) {
    const [got, want] = f(x);
    if (got !== want && bad.length < 20) bad.push(`${Object.is(x, -0) ? '-0' : x}: got ${got} want ${want}`);
  }
  expect(bad).toEqual([]);
}

function randomDoubles(seed: number, n: number): number[] {
  const rng = new Rng(seed);
  const out: number[] = [...BOUNDARIES, NaN, Infinity, -Infinity];
  for (const b of BOUNDARIES) out.push(-b);
  while (out.length < n) out.push(rng.interestingDouble());
  return out;
}

describe('numberToString radix 10', () => {
  it('matches String(x) on 100k doubles', () => {
    check(randomDoubles(1, 100_000), (x) => [numberToString(x), String(x)]);
  });
  it('matches on every power of two and of ten', () => {
    const v: number[] = [];
    for (let e = -1074; e <= 1023; e++) v.push(2 ** e);
    for (let e = -330; e <= 310; e++) v.push(Number(`1e${e}`), Number(`9.999999999999999e${e}`));
    check(v, (x) => [numberToString(x), String(x)]);
  });
});

describe('numberToString other radixes', () => {
  it('matches x.toString(r) on 30k doubles x radixes', () => {
    const rng = new Rng(2);
    const v = randomDoubles(3, 30_000);
    check(v, (x) => {
      const r = 2 + rng.int(35);
      return [numberToString(x, r), x.toString(r)];
    });
  });
  it('matches on small fractions and integers in all radixes', () => {
    const rng = new Rng(4);
    const bad: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = rng.pick([rng.float(), rng.int(1e6) / 1000, rng.u32(), rng.float() * 1e-5, rng.float() * 1e30]);
      for (const r of [2, 3, 7, 8, 16, 36]) {
        const got = numberToString(x, r);
        const want = x.toString(r);
        if (got !== want && bad.length < 20) bad.push(`${x}.toString(${r}): ${got} vs ${want}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('rejects bad radixes', () => {
    expect(() => numberToString(1, 1)).toThrow(RangeError);
    expect(() => numberToString(1, 37)).toThrow(RangeError);
  });
});

describe('numberToFixed', () => {
  it('matches x.toFixed(d) on random doubles and digit counts', () => {
    const rng = new Rng(5);
    const v = randomDoubles(6, 40_000);
    check(v, (x) => {
      const d = rng.pick([0, 1, 2, 3, 5, 10, 20, rng.int(101)]);
      return [numberToFixed(x, d), x.toFixed(d)];
    });
  });
  it('matches on halfway cases and all 101 digit counts', () => {
    const v = [0.5, 1.5, 2.5, 1.005, 1.45, 8.345, 0.000001, 1e-7, 123.456, 1e20, 9.99e20, 1e21, -1.5, -0, -1e-7, 5e-324];
    for (const x of v) {
      for (let d = 0; d <= 100; d++) expect(numberToFixed(x, d)).toBe(x.toFixed(d));
    }
  });
  it('throws RangeError out of range', () => {
    expect(() => numberToFixed(1, 101)).toThrow(RangeError);
    expect(() => numberToFixed(1, -1)).toThrow(RangeError);
    expect(numberToFixed(NaN, 2)).toBe('NaN');
  });
});
