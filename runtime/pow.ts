// x ** y for the cases the machine cannot do exactly (docs/bytecode.md, "Exp"): a
// fractional or negative exponent, or a result that is not an integer within 2^53.
//
// Node 20 computes ** with fdlibm's pow, which is "nearly rounded": its result is the
// double nearest to the true x^y except in rare hard cases. We compute x^y in double-double
// arithmetic (about 104 significant bits) and round once, which gives the correctly
// rounded result whenever the true value is not within ~2^-95 (relative) of a rounding
// boundary; so the two agree except where fdlibm itself is not correctly rounded.
//
//   x = m * 2^k with m in [1/sqrt2, sqrt2)
//   ln x = k ln2 + 2 atanh(s),  s = (m - 1) / (m + 1),  |s| < 0.172  (odd series in s)
//   t = y ln x = n ln2 + r,  |r| <= ln2/2
//   e^r = (1 + p)^(2^8) with 1 + p = e^(r / 2^8), p by its Taylor series
//   x^y = (1 + p) * 2^n, rounded to a double once (also when the result is subnormal)
//
// Exact special cases are taken first, as ECMA-262 Number::exponentiate lists them, and
// y = 2, 1, -1, 0.5 are the single correctly rounded operations fdlibm uses for them.
//
// Built from the allowed primitives only (runtime/README.md). The double-double operations
// return their pair in the module variables H (high) and L (low) to avoid allocating.

import { decomposeDouble, floorNumber, isIntegral, pow2 } from './primitives.ts';

let H = 0;
let L = 0;

/** H + L = a + b exactly (any a, b). */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bv = s - a;
  L = (a - (s - bv)) + (b - bv);
  H = s;
}

/** H + L = a + b exactly, given |a| >= |b| (or a = 0). */
function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  L = b - (s - a);
  H = s;
}

const SPLITTER = 134217729; // 2^27 + 1: splits a double into two 26-bit halves

/** H + L = a * b exactly (|a|, |b| < 2^996). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  L = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  H = p;
}

/** H + L ~ (ah + al) * (bh + bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const e = L + (ah * bl + al * bh);
  fastTwoSum(H, e);
}

/** H + L ~ (ah + al) + (bh + bl). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = H;
  const se = L;
  twoSum(al, bl);
  const th = H;
  const te = L;
  fastTwoSum(sh, se + th);
  fastTwoSum(H, L + te);
}

/** H + L ~ (ah + al) / (bh + bl): three quotient digits, each from the exact remainder. */
function ddDivExact(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -H, -L);
  const rh = H;
  const rl = L;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -H, -L);
  const q3 = H / bh;
  fastTwoSum(q1, q2);
  ddAdd(H, L, q3, 0);
}

// ln 2 = LN2_HI + LN2_LO to about 107 bits.
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const INV_LN2 = 1.4426950408889634;
const SQRT2 = 1.4142135623730951;
const TWO_M52 = 2.220446049250313e-16; // 2^-52
const LOG_TERMS = 22; // 1/(2j+1) for j < LOG_TERMS: |s|^44 < 2^-110
const EXP_TERMS = 12; // 1/j! for j <= EXP_TERMS: (ln2/2 / 256)^13 / 13! < 2^-120
const EXP_SQUARINGS = 8;

// Coefficient tables as double-doubles, made on first use.
let oddHi: number[] = [];
let oddLo: number[] = [];
let factHi: number[] = [];
let factLo: number[] = [];

function makeTables(): void {
  oddHi = [];
  oddLo = [];
  for (let j = 0; j < LOG_TERMS; j++) {
    ddDivExact(1, 0, 2 * j + 1, 0);
    oddHi.push(H);
    oddLo.push(L);
  }
  factHi = [1];
  factLo = [0];
  for (let j = 1; j <= EXP_TERMS; j++) {
    ddDivExact(factHi[j - 1], factLo[j - 1], j, 0);
    factHi.push(H);
    factLo.push(L);
  }
}

/** H + L ~ ln x, for finite x > 0. */
function logDD(x: number): void {
  const d = decomposeDouble(x); // x = f * 2^e, f an integer in [2^52, 2^53)
  let m = d.f * TWO_M52;
  let k = d.e + 52;
  if (m > SQRT2) {
    m = m * 0.5;
    k = k + 1;
  }
  twoSum(m, 1);
  ddDivExact(m - 1, 0, H, L); // m - 1 is exact (Sterbenz)
  const sh = H;
  const sl = L;
  ddMul(sh, sl, sh, sl);
  const zh = H;
  const zl = L;
  let ph = oddHi[LOG_TERMS - 1];
  let pl = oddLo[LOG_TERMS - 1];
  for (let j = LOG_TERMS - 2; j >= 0; j--) {
    ddMul(ph, pl, zh, zl);
    ddAdd(H, L, oddHi[j], oddLo[j]);
    ph = H;
    pl = L;
  }
  ddMul(sh, sl, ph, pl);
  const lh = 2 * H;
  const ll = 2 * L;
  twoProd(k, LN2_HI);
  const kh = H;
  const kl = L;
  ddAdd(kh, kl, k * LN2_LO, 0);
  ddAdd(H, L, lh, ll);
}

/** The double nearest to (hi + lo) * 2^n (ties to even), for a normalised pair near 1. */
function scaleAndRound(hi: number, lo: number, n: number): number {
  if (n >= -1021) {
    const v = hi + lo; // hi = fl(hi + lo) already; the sum is the rounded pair
    if (n > 1023) return v * pow2(n - 1) * 2;
    return v * pow2(n);
  }
  // Subnormal result: count units of 2^-1074 in the pair and round that count once.
  const s = pow2(n + 1074 > 1023 ? 1023 : n + 1074);
  const wh = hi * s;
  const wl = lo * s;
  const i = floorNumber(wh);
  const frac = (wh - i) + wl;
  let units = i;
  if (frac > 0.5 || (frac === 0.5 && i % 2 !== 0)) units = i + 1;
  else if (frac < -0.5 || (frac === -0.5 && i % 2 !== 0)) units = i - 1;
  return units * pow2(-1074);
}

/** e^(th + tl), for |th| below about 746 (larger values give 0 or Infinity). */
function expDD(th: number, tl: number): number {
  if (th > 710) return Infinity;
  if (th < -746) return 0;
  const q = th * INV_LN2;
  const n = q >= 0 ? (q + 0.5) | 0 : -((-q + 0.5) | 0);
  twoProd(n, LN2_HI);
  const ah = H;
  const al = L;
  ddAdd(th, tl, -ah, -al);
  const rh0 = H;
  const rl0 = L;
  twoProd(n, LN2_LO);
  ddAdd(rh0, rl0, -H, -L);
  // r / 2^8, exact
  const rh = H * 0.00390625;
  const rl = L * 0.00390625;
  // p = e^r' - 1 = r' (1/1! + r' (1/2! + r' (1/3! + ...)))
  let ph = factHi[EXP_TERMS];
  let pl = factLo[EXP_TERMS];
  for (let j = EXP_TERMS - 1; j >= 1; j--) {
    ddMul(ph, pl, rh, rl);
    ddAdd(H, L, factHi[j], factLo[j]);
    ph = H;
    pl = L;
  }
  ddMul(ph, pl, rh, rl);
  ph = H;
  pl = L;
  // (1 + p)^2 = 1 + (2p + p^2), keeping p small so no bits are lost to the 1
  for (let j = 0; j < EXP_SQUARINGS; j++) {
    ddMul(ph, pl, ph, pl);
    ddAdd(2 * ph, 2 * pl, H, L);
    ph = H;
    pl = L;
  }
  twoSum(1, ph);
  const oh = H;
  const ol = L;
  fastTwoSum(oh, ol + pl);
  return scaleAndRound(H, L, n);
}

/** True if y is an odd integer. */
function isOddInteger(y: number): boolean {
  return isIntegral(y) && y % 2 !== 0;
}

/** x ** y as Node computes it (Number::exponentiate). */
export function powNumber(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  const ax = x < 0 ? -x : x;
  if (y === Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 ? Infinity : 0;
  }
  if (y === -Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 ? 0 : Infinity;
  }
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (x === -Infinity) {
    if (y > 0) return isOddInteger(y) ? -Infinity : Infinity;
    return isOddInteger(y) ? -0 : 0;
  }
  if (x === 0) {
    if (1 / x > 0) return y > 0 ? 0 : Infinity;
    if (y > 0) return isOddInteger(y) ? -0 : 0;
    return isOddInteger(y) ? -Infinity : Infinity;
  }
  if (y === 0.5 && x > 0) return sqrtImpl(x);
  let negate = false;
  if (x < 0) {
    if (!isIntegral(y)) return NaN;
    negate = isOddInteger(y);
  }
  if (ax === 1) return negate ? -1 : 1;
  if (oddHi.length === 0) makeTables();
  logDD(ax);
  const lh = H;
  const ll = L;
  // |y ln x| beyond 800 overflows or underflows for sure (and would break twoProd's split).
  const estimate = y * lh;
  let r: number;
  if (estimate > 800) r = Infinity;
  else if (estimate < -800) r = 0;
  else {
    ddMul(y, 0, lh, ll);
    r = expDD(H, L);
  }
  return negate ? -r : r;
}

let sqrtImpl: (x: number) => number = (x) => x ** 0.5;

/**
 * The correctly rounded square root used for y = 0.5. The prelude passes the machine's
 * native (sqrtsd); under Node the default is Node's own `**`.
 */
export function setSqrt(f: (x: number) => number): void {
  sqrtImpl = f;
}
