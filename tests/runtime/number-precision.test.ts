// Number.prototype.toPrecision / toExponential (runtime/number-format.ts) against Node's
// over 100,000 random doubles each (random bit patterns and decimal-looking values, every
// precision), with zero differences.
import { describe, expect, test } from 'vitest';
import { numberToExponential, numberToPrecision } from '../../runtime/number-format.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function inputs(seed: number): number[] {
  const r = rng(seed);
  const out = [0, -0, 1, -1, 0.5, 1.25, 1.35, 2.5, 123.456, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 0.000001, 999.5, 9.995];
  while (out.length < 100000) {
    const k = r() % 3;
    if (k === 0) {
      u32[0] = r(); u32[1] = r();
      const x = f64[0];
      if (x === x && x !== Infinity && x !== -Infinity) out.push(x);
    } else if (k === 1) out.push((r() % 2000000 - 1000000) / 10 ** (r() % 12));
    else out.push((r() / 4294967296) * 10 ** ((r() % 60) - 30));
  }
  return out;
}

describe('toPrecision / toExponential against Node', () => {
  test('toPrecision, precision 1..100', () => {
    const r = rng(5);
    const bad: string[] = [];
    for (const x of inputs(11)) {
      const p = 1 + (r() % 100 < 80 ? r() % 21 : r() % 100);
      const a = numberToPrecision(x, p), b = x.toPrecision(p);
      if (a !== b) bad.push(`(${x}).toPrecision(${p}) = ${a}, Node ${b}`);
    }
    expect({ differences: bad.length, first: bad.slice(0, 5) }).toEqual({ differences: 0, first: [] });
  });
  test('toExponential, 0..100 digits and shortest', () => {
    const r = rng(6);
    const bad: string[] = [];
    for (const x of inputs(12)) {
      const k = r() % 100;
      const f = k < 10 ? undefined : k < 90 ? r() % 21 : r() % 101;
      const a = numberToExponential(x, f === undefined ? -1 : f), b = x.toExponential(f);
      if (a !== b) bad.push(`(${x}).toExponential(${f}) = ${a}, Node ${b}`);
    }
    expect({ differences: bad.length, first: bad.slice(0, 5) }).toEqual({ differences: 0, first: [] });
  });
});
