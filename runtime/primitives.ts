// Primitive helpers shared by the runtime algorithms. Everything here is built from the
// allowed primitives only (see runtime/README.md): arithmetic, bitwise and comparison
// operators, string concatenation, s.length, s.charCodeAt(i), String.fromCharCode(c),
// array literals, indexing, a.length, a.push(x).

/** True for NaN. */
export function isNaNNumber(x: number): boolean {
  return x !== x;
}

/** True for -0. */
export function isNegativeZero(x: number): boolean {
  return x === 0 && 1 / x < 0;
}

/** True for finite numbers (not NaN, not +-Infinity). */
export function isFiniteNumber(x: number): boolean {
  return x === x && x - x === 0;
}

/** Math.trunc (x % 1 is exact), including -0 for -1 < x <= -0. */
export function truncNumber(x: number): number {
  if (!isFiniteNumber(x) || x === 0) return x;
  const r = x - (x % 1);
  return r === 0 && x < 0 ? -0 : r;
}

/** Math.floor. */
export function floorNumber(x: number): number {
  if (!isFiniteNumber(x)) return x;
  const t = truncNumber(x);
  if (t > x) return t - 1;
  return t;
}

/** True if x is a finite integral number. */
export function isIntegral(x: number): boolean {
  return isFiniteNumber(x) && x % 1 === 0;
}

/** ToInt32. */
export function toInt32(x: number): number {
  if (!isFiniteNumber(x)) return 0;
  let t = truncNumber(x) % 4294967296;
  if (t < 0) t += 4294967296;
  // t is in [0, 2^32); `| 0` wraps it as the spec's modulo does.
  return t | 0;
}

/** ToUint32. */
export function toUint32(x: number): number {
  return toInt32(x) >>> 0;
}

// 2^(2^i) for i = 0..9.
const POW2_POW2: number[] = [];
{
  let p = 2;
  for (let i = 0; i < 10; i++) {
    POW2_POW2.push(p);
    p = p * p;
  }
}

/** 2^n, exact for integer n in [-1074, 1023]; 0 below, Infinity above. */
export function pow2(n: number): number {
  if (n > 1023) return Infinity;
  if (n < -1074) return 0;
  let r = 1;
  let m = n < 0 ? -n : n;
  if (m >= 1024) {
    // Only for n < -1023: 2^-1024 as two halves (2^1024 itself is not a double).
    r = 1 / POW2_POW2[9] / POW2_POW2[9];
    m -= 1024;
  }
  // Apply the largest factors first so every intermediate is a power of two between the
  // start and the target (hence exact, even when the target is subnormal).
  for (let i = 9; i >= 0; i--) {
    const bit = 1 << i;
    if (m >= bit) {
      m -= bit;
      if (n < 0) r = r / POW2_POW2[i];
      else r = r * POW2_POW2[i];
    }
  }
  return r;
}

/** A positive finite double as f * 2^e with f an integer (see decomposeDouble). */
export interface DecomposedDouble {
  /** Integer significand: in [2^52, 2^53) for normal numbers, below 2^52 for subnormals. */
  f: number;
  /** Exponent, >= -1074. */
  e: number;
}

const TWO52 = 4503599627370496;
const TWO53 = 9007199254740992;

/**
 * Split a positive finite nonzero double x into x = f * 2^e exactly, with f and e as in
 * IEEE 754 (the significand of a subnormal is below 2^52 and e is then -1074). Only
 * multiplications and divisions by powers of two are used, which are exact here.
 */
export function decomposeDouble(x: number): DecomposedDouble {
  let y = x;
  let e = 0;
  if (y >= TWO53) {
    for (let i = 9; i >= 0; i--) {
      const p = POW2_POW2[i];
      while (y / p >= TWO52) {
        y = y / p;
        e += 1 << i;
      }
    }
  } else if (y < TWO52) {
    for (let i = 9; i >= 0; i--) {
      const p = POW2_POW2[i];
      while (y * p < TWO53) {
        y = y * p;
        e -= 1 << i;
      }
    }
  }
  if (e < -1074) {
    y = y / pow2(-1074 - e);
    e = -1074;
  }
  return { f: y, e: e };
}

/** Code units of the decimal digits and letters used for radix output. */
export function digitChar(d: number): string {
  return String.fromCharCode(d < 10 ? 48 + d : 87 + d);
}

/** Value of a digit character code in radix 36 (or 36+ when not a digit/letter). */
export function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** s[start, end) built from code units (no String.prototype.slice). */
export function substring(s: string, start: number, end: number): string {
  let r = '';
  for (let i = start; i < end; i++) r += String.fromCharCode(s.charCodeAt(i));
  return r;
}

/** `n` copies of `s`. */
export function repeatString(s: string, n: number): string {
  let r = '';
  for (let i = 0; i < n; i++) r += s;
  return r;
}

/** A non-negative safe integer in decimal. */
export function uintToDecimal(n: number): string {
  if (n === 0) return '0';
  let r = '';
  let v = n;
  while (v > 0) {
    const q = truncNumber(v / 10);
    const d = v - q * 10;
    r = String.fromCharCode(48 + d) + r;
    v = q;
  }
  return r;
}

/** A safe integer in decimal. */
export function intToDecimal(n: number): string {
  return n < 0 ? '-' + uintToDecimal(-n) : uintToDecimal(n);
}

/** StrWhiteSpaceChar: WhiteSpace or LineTerminator (ECMA-262). */
export function isWhiteSpaceOrLineTerminator(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Code-unit order comparison of two strings: negative, 0 or positive. */
export function compareStrings(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
