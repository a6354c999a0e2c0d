// String to number conversions: parseFloat, Number(string) and parseInt, correctly
// rounded (round half to even) like V8.
//
// Decimal strings: up to 15 significant digits with a power of ten up to 22 are converted
// with one exact-operand double operation (correctly rounded by IEEE). Everything else is
// done exactly with bignums: the digits (truncated to 780 significant digits plus a sticky
// nonzero digit, enough to decide every rounding between doubles) times 10^E are either an
// integer, rounded directly, or divided by 10^-E to a 55-56 bit quotient plus a sticky
// remainder bit, then rounded to the double's precision (subnormals included).

import {
  type Big,
  bigBit,
  bigBitLength,
  bigDivBounded,
  bigLowBitsNonZero,
  bigMul,
  bigMulAddSmall,
  bigPow10,
  bigShiftLeft,
  bigShiftRight,
  bigToNumber,
} from './bignum.ts';
import { digitValue, isWhiteSpaceOrLineTerminator, pow2, toInt32 } from './primitives.ts';

/**
 * The double nearest to q * 2^e2 (q a bignum), ties to even; `sticky` says the true value
 * is slightly above q * 2^e2 (a nonzero remainder was dropped).
 */
export function roundBigToDouble(q: Big, e2: number, sticky: boolean): number {
  const len = bigBitLength(q);
  if (len === 0) return 0;
  const topExp = len - 1 + e2;
  if (topExp > 1023) return Infinity;
  let lsbExp = topExp - 52;
  if (lsbExp < -1074) lsbExp = -1074;
  const sh = lsbExp - e2;
  if (sh <= 0) return bigToNumber(bigShiftLeft(q, -sh)) * pow2(lsbExp);
  let mant = bigToNumber(bigShiftRight(q, sh));
  const half = bigBit(q, sh - 1) === 1;
  if (half && (sticky || bigLowBitsNonZero(q, sh - 1) || mant % 2 === 1)) mant += 1;
  return mant * pow2(lsbExp);
}

// 10^0 .. 10^22, every one exact in a double (a literal: no loop of pushes at every start)
const EXACT_POW10: number[] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const MAX_DIGITS = 780;

/**
 * The double nearest to DIGITS * 10^exp10, where digits is a string of decimal digits
 * without leading zeros (may be empty for zero).
 */
export function decimalToDouble(digits: string, exp10: number): number {
  let n = digits.length;
  while (n > 0 && digits.charCodeAt(n - 1) === 48) n--;
  if (n === 0) return 0;
  let e = exp10 + (digits.length - n);
  if (n + e > 310) return Infinity;
  if (n + e < -330) return 0;
  if (n <= 15 && e >= -22 && e <= 22) {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 10 + (digits.charCodeAt(i) - 48);
    return e >= 0 ? v * EXACT_POW10[e] : v / EXACT_POW10[-e];
  }
  let sticky = false;
  let count = n;
  if (count > MAX_DIGITS) {
    for (let i = MAX_DIGITS; i < n; i++) {
      if (digits.charCodeAt(i) !== 48) sticky = true;
    }
    e += count - MAX_DIGITS;
    count = MAX_DIGITS;
  }
  let m: Big = [];
  let chunk = 0;
  let chunkLen = 0;
  for (let i = 0; i < count; i++) {
    chunk = chunk * 10 + (digits.charCodeAt(i) - 48);
    chunkLen++;
    if (chunkLen === 7) {
      m = bigMulAddSmall(m, 10000000, chunk);
      chunk = 0;
      chunkLen = 0;
    }
  }
  if (chunkLen > 0) m = bigMulAddSmall(m, EXACT_POW10[chunkLen], chunk);
  if (sticky) {
    m = bigMulAddSmall(m, 10, 1);
    e -= 1;
  }
  if (e >= 0) return roundBigToDouble(bigMul(m, bigPow10(e)), 0, false);
  const den = bigPow10(-e);
  const s = bigBitLength(den) - bigBitLength(m) + 55;
  const d = s >= 0 ? bigDivBounded(bigShiftLeft(m, s), den, 57) : bigDivBounded(m, bigShiftLeft(den, -s), 57);
  return roundBigToDouble(d.q, -s, d.remNonZero);
}

interface DecimalScan {
  /** Index after the literal, or -1 when there is none. */
  end: number;
  value: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function matchesAt(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The longest StrDecimalLiteral (with sign) starting at `start`. */
function scanDecimal(s: string, start: number): DecimalScan {
  let i = start;
  let negative = false;
  const c0 = i < s.length ? s.charCodeAt(i) : -1;
  if (c0 === 43 || c0 === 45) {
    negative = c0 === 45;
    i++;
  }
  if (matchesAt(s, i, 'Infinity')) return { end: i + 8, value: negative ? -Infinity : Infinity };
  let digits = '';
  let exp = 0;
  let sawDigit = false;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    const c = s.charCodeAt(i);
    sawDigit = true;
    if (!(c === 48 && digits.length === 0)) digits += String.fromCharCode(c);
    i++;
  }
  if (i < s.length && s.charCodeAt(i) === 46) {
    let j = i + 1;
    let fracDigit = false;
    while (j < s.length && isDigit(s.charCodeAt(j))) {
      const c = s.charCodeAt(j);
      fracDigit = true;
      if (!(c === 48 && digits.length === 0)) digits += String.fromCharCode(c);
      exp--;
      j++;
    }
    if (sawDigit || fracDigit) {
      sawDigit = true;
      i = j;
    }
  }
  if (!sawDigit) return { end: -1, value: 0 };
  if (i < s.length && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    let j = i + 1;
    let expNegative = false;
    if (j < s.length && (s.charCodeAt(j) === 43 || s.charCodeAt(j) === 45)) {
      expNegative = s.charCodeAt(j) === 45;
      j++;
    }
    if (j < s.length && isDigit(s.charCodeAt(j))) {
      let e = 0;
      while (j < s.length && isDigit(s.charCodeAt(j))) {
        if (e < 100000000) e = e * 10 + (s.charCodeAt(j) - 48);
        j++;
      }
      exp += expNegative ? -e : e;
      i = j;
    }
  }
  const v = decimalToDouble(digits, exp);
  return { end: i, value: negative ? -v : v };
}

/** parseFloat(s) for a string s. */
export function parseFloatString(s: string): number {
  let i = 0;
  while (i < s.length && isWhiteSpaceOrLineTerminator(s.charCodeAt(i))) i++;
  const r = scanDecimal(s, i);
  return r.end < 0 ? NaN : r.value;
}

/** Number(s) / ToNumber for a string s (StringToNumber). */
export function stringToNumber(s: string): number {
  let start = 0;
  let end = s.length;
  while (start < end && isWhiteSpaceOrLineTerminator(s.charCodeAt(start))) start++;
  while (end > start && isWhiteSpaceOrLineTerminator(s.charCodeAt(end - 1))) end--;
  if (start === end) return 0;
  if (end - start > 2 && s.charCodeAt(start) === 48) {
    const p = s.charCodeAt(start + 1) | 32;
    const radix = p === 120 ? 16 : p === 111 ? 8 : p === 98 ? 2 : 0;
    if (radix !== 0) {
      let m: Big = [];
      for (let i = start + 2; i < end; i++) {
        const d = digitValue(s.charCodeAt(i));
        if (d >= radix) return NaN;
        m = bigMulAddSmall(m, radix, d);
      }
      return roundBigToDouble(m, 0, false);
    }
  }
  const r = scanDecimal(s, start);
  if (r.end !== end) return NaN;
  return r.value;
}

/** parseInt(s, radix) for a string s and a number (or undefined) radix. */
export function parseIntString(s: string, radix?: number): number {
  let i = 0;
  while (i < s.length && isWhiteSpaceOrLineTerminator(s.charCodeAt(i))) i++;
  let sign = 1;
  if (i < s.length && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) {
    if (s.charCodeAt(i) === 45) sign = -1;
    i++;
  }
  let r = radix === undefined ? 0 : toInt32(radix);
  let stripPrefix = true;
  if (r !== 0) {
    if (r < 2 || r > 36) return NaN;
    if (r !== 16) stripPrefix = false;
  } else {
    r = 10;
  }
  if (stripPrefix && i + 1 < s.length && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    i += 2;
    r = 16;
  }
  const start = i;
  while (i < s.length && digitValue(s.charCodeAt(i)) < r) i++;
  if (i === start) return NaN;
  let value: number;
  if (r === 10) {
    let digits = '';
    for (let k = start; k < i; k++) {
      const c = s.charCodeAt(k);
      if (!(c === 48 && digits.length === 0)) digits += String.fromCharCode(c);
    }
    value = decimalToDouble(digits, 0);
  } else if ((r & (r - 1)) === 0) {
    let m: Big = [];
    for (let k = start; k < i; k++) m = bigMulAddSmall(m, r, digitValue(s.charCodeAt(k)));
    value = roundBigToDouble(m, 0, false);
  } else {
    value = parseIntGeneric(s, start, i, r);
  }
  return sign * value;
}

// Other radixes: V8's approximation (allowed by the spec), reproduced for identical
// results: digits are taken in parts whose multiplier radix^k stays at most
// floor((2^32 - 1) / 36), and result = result * multiplier + part in doubles, leading
// zeros skipped first.
function parseIntGeneric(s: string, start: number, end: number, radix: number): number {
  const maxMultiplier = 119304647;
  let result = 0;
  let i = start;
  while (i < end && s.charCodeAt(i) === 48) i++; // leading zeros start no part
  while (i < end) {
    let part = 0;
    let multiplier = 1;
    while (i < end) {
      const m = multiplier * radix;
      if (m > maxMultiplier) break;
      part = part * radix + digitValue(s.charCodeAt(i));
      multiplier = m;
      i++;
    }
    result = result * multiplier + part;
  }
  return result;
}
