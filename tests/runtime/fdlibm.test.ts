// Math's transcendental functions (runtime/fdlibm.ts) against Node's, bit for bit, over
// 100,000 inputs each: random doubles in the ranges that exercise each code path, random
// bit patterns, and the special values. Zero differences are required.
import { describe, expect, test } from 'vitest';
import * as M from '../../runtime/fdlibm.ts';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
M.setWordAccess(
  (x) => { f64[0] = x; return u32[1] | 0; },
  (x) => { f64[0] = x; return u32[0]; },
  (hi, lo) => { u32[1] = hi >>> 0; u32[0] = lo >>> 0; return f64[0]; },
  Math.sqrt,
);

/** A deterministic xorshift generator (the test is reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

function fromBits(hi: number, lo: number): number {
  u32[1] = hi >>> 0; u32[0] = lo >>> 0;
  return f64[0];
}
function bits(x: number): string {
  f64[0] = x;
  return u32[1].toString(16).padStart(8, '0') + u32[0].toString(16).padStart(8, '0');
}

const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, 1e-300, 5e-324, -5e-324,
  Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 709.782712893384, 710, -745.1332191019412, -746, 22, 0.75, 1e308, 1e-8, 3e-9];

/** n inputs for one function: specials, then a mix of uniform ranges (log-uniform magnitudes) and raw bit patterns. */
function inputs(n: number, seed: number, lo: number, hi: number): number[] {
  const r = rng(seed);
  const out = SPECIAL.slice();
  while (out.length < n) {
    const kind = r() % 4;
    if (kind === 0) out.push(fromBits(r(), r()));
    else if (kind === 1) out.push(lo + (hi - lo) * (r() / 4294967296));
    else {
      // log-uniform magnitude within [2^lo2, 2^hi2]
      const e = Math.floor(Math.log2(Math.max(Math.abs(lo), Math.abs(hi), 1e-300)));
      const ex = -60 + (r() % (e + 62 > 0 ? e + 62 : 1));
      const m = 1 + r() / 4294967296;
      out.push((r() & 1 ? -1 : 1) * m * 2 ** ex);
    }
  }
  return out;
}

const UNARY: [string, (x: number) => number, (x: number) => number, number, number][] = [
  ['exp', M.exp, Math.exp, -750, 750],
  ['expm1', M.expm1, Math.expm1, -60, 720],
  ['log', M.log, Math.log, 0, 1e6],
  ['log1p', M.log1p, Math.log1p, -1, 10],
  ['log2', M.log2, Math.log2, 0, 1e6],
  ['log10', M.log10, Math.log10, 0, 1e6],
  ['sin', M.sin, Math.sin, -1e6, 1e6],
  ['cos', M.cos, Math.cos, -1e6, 1e6],
  ['tan', M.tan, Math.tan, -1e6, 1e6],
  ['atan', M.atan, Math.atan, -10, 10],
  ['asin', M.asin, Math.asin, -1, 1],
  ['acos', M.acos, Math.acos, -1, 1],
  ['sinh', M.sinh, Math.sinh, -720, 720],
  ['cosh', M.cosh, Math.cosh, -720, 720],
  ['tanh', M.tanh, Math.tanh, -25, 25],
  ['asinh', M.asinh, Math.asinh, -1e3, 1e3],
  ['acosh', M.acosh, Math.acosh, 1, 1e3],
  ['atanh', M.atanh, Math.atanh, -1, 1],
  ['cbrt', M.cbrt, Math.cbrt, -1e6, 1e6],
];

describe('fdlibm against Node, bit for bit', () => {
  UNARY.forEach(([name, ours, node, lo, hi], i) => {
    test(name, () => {
      const bad: string[] = [];
      let count = 0;
      for (const x of inputs(100000, 1234 + i, lo, hi)) {
        const a = ours(x), b = node(x);
        count++;
        if (bits(a) !== bits(b) && !(a !== a && b !== b)) {
          if (bad.length < 5) bad.push(`${name}(${x}) = ${a}, Node ${b}`);
          else bad.push('');
        }
      }
      expect(count).toBe(100000);
      expect({ differences: bad.length, first: bad.slice(0, 5) }).toEqual({ differences: 0, first: [] });
    });
  });
  test('sin/cos/tan of large arguments', () => {
    const r = rng(99);
    const bad: string[] = [];
    for (let i = 0; i < 100000; i++) {
      const x = (r() & 1 ? -1 : 1) * (1 + r() / 4294967296) * 2 ** (20 + (r() % 1000));
      for (const [n, ours, node] of [['sin', M.sin, Math.sin], ['cos', M.cos, Math.cos], ['tan', M.tan, Math.tan]] as const) {
        const a = ours(x), b = node(x);
        if (bits(a) !== bits(b)) bad.push(`${n}(${x}) = ${a}, Node ${b}`);
      }
    }
    expect({ differences: bad.length, first: bad.slice(0, 5) }).toEqual({ differences: 0, first: [] });
  });
  test('atan2', () => {
    const r = rng(7);
    const xs = inputs(100000, 77, -100, 100), ys = inputs(100000, 78, -100, 100);
    const bad: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      const y = ys[(i * 7919 + (r() % 3)) % ys.length], x = xs[i];
      const a = M.atan2(y, x), b = Math.atan2(y, x);
      if (bits(a) !== bits(b) && !(a !== a && b !== b)) bad.push(`atan2(${y}, ${x}) = ${a}, Node ${b}`);
    }
    expect({ differences: bad.length, first: bad.slice(0, 5) }).toEqual({ differences: 0, first: [] });
  });
});
