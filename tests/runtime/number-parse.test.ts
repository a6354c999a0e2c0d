import { describe, expect, it } from 'vitest';
import { numberToString } from '../../runtime/number-format.ts';
import { parseFloatString, parseIntString, stringToNumber } from '../../runtime/number-parse.ts';
import { BOUNDARIES, Rng } from './rng.ts';

function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

const WS = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\ufeff', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u180e', '\u200b'];
const FIXED = [
  '', ' ', '0', '-0', '+0', '00', '007', '1', '-1', '+1', '1.', '.5', '-.5', '+.5', '.', '-', '+', '1e', '1e+', '1e-', '1e5', '1E5',
  '1e-5', '.e1', '1.e1', '-1.5e-3x', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'Infinityx', 'NaN', '0x10', '0X1f', '-0x10',
  '0x', '0o17', '0O7', '0b101', '0B2', '0b', '0xg', '1_000', '1,5', '12abc', 'abc', '  42  ', '\n\t 3.14 \u00a0', '1e1000', '-1e1000',
  '1e-400', '2.4703282292062327e-324', '2.4703282292062328e-324', '4.9406564584124654e-324', '2.2250738585072011e-308',
  '2.2250738585072012e-308', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '9007199254740993',
  '9007199254740992.5', '9007199254740993.0000000000000000000000001', '0.1', '0.30000000000000004', '123456789012345678901234567890',
  '0x1fffffffffffff', '0x20000000000001', '0x20000000000003', '0x' + 'f'.repeat(300), '0b' + '1'.repeat(60), '0.' + '0'.repeat(400) + '1',
  '1' + '0'.repeat(400), '5e-324', '1e-323', '0e10', '0.0000', '-0.0', '1e+308', '  -  1', '0x10.5', '08', '0.5e', 'e5', '+-1',
];

function randomNumericString(rng: Rng): string {
  switch (rng.int(8)) {
    case 0:
      return numberToString(rng.interestingDouble());
    case 1: {
      // Many digits around a halfway point.
      const x = rng.interestingDouble();
      let s = Math.abs(x).toPrecision(rng.int(21) + 1);
      if (rng.int(2)) s += rng.pick(['5', '50000000000000000000001', '4999999999999999999', '0'.repeat(rng.int(30)) + '1']);
      return s;
    }
    case 2: {
      let s = '';
      const n = 1 + rng.int(40);
      for (let i = 0; i < n; i++) s += String.fromCharCode(48 + rng.int(10));
      if (rng.int(2)) s = s.slice(0, rng.int(s.length)) + '.' + s.slice(rng.int(s.length));
      if (rng.int(2)) s += 'e' + rng.pick(['', '+', '-']) + rng.int(400);
      return s;
    }
    case 3: {
      const x = rng.doubleWithExponent(0, 3);
      return x.toExponential(rng.int(25));
    }
    case 4:
      return rng.pick(WS) + rng.pick(FIXED) + rng.pick(['', ...WS, 'x', 'e', '.', '5']);
    case 5:
      return (rng.int(2) ? '-' : '') + '0x' + rng.u32().toString(16) + rng.u32().toString(16);
    case 6: {
      const x = rng.pick(BOUNDARIES);
      return x.toPrecision(1 + rng.int(21));
    }
    default: {
      let s = rng.pick(['', '-', '+']);
      const n = rng.int(25);
      for (let i = 0; i < n; i++) s += rng.pick(['0', '1', '9', '5', '.', 'e', 'E', '-', '+', 'x', 'a', 'f', 'z', ' ']);
      return s;
    }
  }
}

describe('number parsing', () => {
  it('fixed cases match parseFloat / Number / parseInt', () => {
    for (const s of FIXED) {
      expect([s, parseFloatString(s)]).toEqual([s, parseFloat(s)]);
      expect([s, stringToNumber(s)]).toEqual([s, Number(s)]);
      expect([s, parseIntString(s)]).toEqual([s, parseInt(s)]);
    }
    for (const w of WS) {
      expect(stringToNumber(w + '12' + w)).toEqual(Number(w + '12' + w));
      expect(parseFloatString(w + '12')).toEqual(parseFloat(w + '12'));
    }
  });
  it('round-trips 100k doubles through numberToString', () => {
    const rng = new Rng(21);
    for (let i = 0; i < 100_000; i++) {
      const x = rng.interestingDouble();
      const s = String(x);
      const want = x === 0 ? 0 : x;
      if (!same(parseFloatString(s), want) || !same(stringToNumber(s), want)) {
        expect([s, parseFloatString(s), stringToNumber(s)]).toEqual([s, want, want]);
      }
    }
  });
  it('matches on 100k random strings', () => {
    const rng = new Rng(22);
    const bad: unknown[] = [];
    for (let i = 0; i < 100_000; i++) {
      const s = randomNumericString(rng);
      const r = rng.pick([undefined, 0, 2, 8, 10, 16, 36, rng.int(40), 3, 7, 1, 37, -1, 4.5, 2 ** 32 + 10]);
      const a = [parseFloatString(s), stringToNumber(s), parseIntString(s, r)];
      const b = [parseFloat(s), Number(s), parseInt(s, r)];
      if (!(same(a[0], b[0]) && same(a[1], b[1]) && same(a[2], b[2])) && bad.length < 10) bad.push([s, r, a, b]);
    }
    expect(bad).toEqual([]);
  });
  it('parseInt matches on long digit strings in every radix', () => {
    const rng = new Rng(23);
    const bad: unknown[] = [];
    for (let i = 0; i < 30_000; i++) {
      const r = 2 + rng.int(35);
      let s = rng.pick(['', '-', ' ', '0x']);
      const n = 1 + rng.int(rng.pick([5, 20, 80, 400]));
      for (let k = 0; k < n; k++) s += (rng.int(r)).toString(r);
      const rr = rng.int(5) === 0 ? undefined : r;
      if (!same(parseIntString(s, rr), parseInt(s, rr)) && bad.length < 10) bad.push([s, rr, parseIntString(s, rr), parseInt(s, rr)]);
    }
    expect(bad).toEqual([]);
  });
});

/** The exact decimal expansion of m * 2^e. */
function exactDecimal(m: bigint, e: number): string {
  if (e >= 0) return (m << BigInt(e)).toString();
  const s = (m * 5n ** BigInt(-e)).toString();
  const pad = s.padStart(-e + 1, '0');
  return pad.slice(0, pad.length + e) + '.' + pad.slice(pad.length + e);
}

describe('exact halfway cases', () => {
  it('rounds exact midpoints between doubles (and their neighbours) like parseFloat', () => {
    const rng = new Rng(24);
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = Math.abs(rng.interestingDouble());
      if (!Number.isFinite(x) || x === 0) continue;
      const dv = new DataView(new ArrayBuffer(8));
      dv.setFloat64(0, x);
      const bits = dv.getBigUint64(0);
      const be = Number(bits >> 52n);
      const frac = bits & ((1n << 52n) - 1n);
      const m = be === 0 ? frac : frac | (1n << 52n);
      const e = (be === 0 ? 1 : be) - 1075;
      const mid = exactDecimal(2n * m + 1n, e - 1); // exactly halfway to the next double
      const below = mid.slice(0, -1) + String(Number(mid.slice(-1)) - 1) + '9999';
      for (const s of [mid, mid + '0000001', below, '-' + mid]) {
        if (!Object.is(parseFloatString(s), parseFloat(s)) && bad.length < 5) bad.push(s.slice(0, 60));
        if (!Object.is(stringToNumber(s), Number(s)) && bad.length < 5) bad.push(s.slice(0, 60));
      }
    }
    expect(bad).toEqual([]);
  });
});
