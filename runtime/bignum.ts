// Arbitrary-precision non-negative integers for exact number conversion.
// A bignum is a plain array of limbs in base 2^24, least significant first, with no
// leading (most significant) zero limbs; zero is []. Every intermediate product or sum
// stays below 2^53, so plain double arithmetic is exact. Functions never mutate their
// arguments unless their name ends in "InPlace".

export type Big = number[];

const BASE = 16777216; // 2^24
const MASK = 16777215;

function trim(a: Big): Big {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  if (n === a.length) return a;
  const r: Big = [];
  for (let i = 0; i < n; i++) r.push(a[i]);
  return r;
}

/** A bignum from a non-negative safe integer. */
export function bigFromInt(n: number): Big {
  const r: Big = [];
  let v = n;
  while (v > 0) {
    const q = (v - (v % BASE)) / BASE;
    r.push(v - q * BASE);
    v = q;
  }
  return r;
}

export function bigIsZero(a: Big): boolean {
  return a.length === 0;
}

/** The value as a double when it is below 2^53 (exact); approximate otherwise. */
export function bigToNumber(a: Big): number {
  let r = 0;
  for (let i = a.length - 1; i >= 0; i--) r = r * BASE + a[i];
  return r;
}

export function bigCompare(a: Big, b: Big): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

export function bigAdd(a: Big, b: Big): Big {
  const r: Big = [];
  const n = a.length > b.length ? a.length : b.length;
  let carry = 0;
  for (let i = 0; i < n; i++) {
    const s = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0) + carry;
    if (s >= BASE) {
      r.push(s - BASE);
      carry = 1;
    } else {
      r.push(s);
      carry = 0;
    }
  }
  if (carry) r.push(carry);
  return r;
}

/** a - b, requires a >= b. */
export function bigSub(a: Big, b: Big): Big {
  const r: Big = [];
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let s = a[i] - (i < b.length ? b[i] : 0) - borrow;
    if (s < 0) {
      s += BASE;
      borrow = 1;
    } else {
      borrow = 0;
    }
    r.push(s);
  }
  return trim(r);
}

/** a * m for an integer 0 <= m < 2^28. */
export function bigMulSmall(a: Big, m: number): Big {
  if (m === 0) return [];
  const r: Big = [];
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] * m + carry;
    const lo = p % BASE;
    r.push(lo);
    carry = (p - lo) / BASE;
  }
  while (carry > 0) {
    const lo = carry % BASE;
    r.push(lo);
    carry = (carry - lo) / BASE;
  }
  return r;
}

/** a * m + c for integers 0 <= m < 2^28, 0 <= c < 2^24. */
export function bigMulAddSmall(a: Big, m: number, c: number): Big {
  const r: Big = [];
  let carry = c;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] * m + carry;
    const lo = p % BASE;
    r.push(lo);
    carry = (p - lo) / BASE;
  }
  while (carry > 0) {
    const lo = carry % BASE;
    r.push(lo);
    carry = (carry - lo) / BASE;
  }
  return trim(r);
}

export function bigMul(a: Big, b: Big): Big {
  if (a.length === 0 || b.length === 0) return [];
  const r: Big = [];
  for (let i = 0; i < a.length + b.length; i++) r.push(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    const ai = a[i];
    for (let j = 0; j < b.length; j++) {
      const p = ai * b[j] + r[i + j] + carry;
      const lo = p % BASE;
      r[i + j] = lo;
      carry = (p - lo) / BASE;
    }
    let k = i + b.length;
    while (carry > 0) {
      const s = r[k] + carry;
      const lo = s % BASE;
      r[k] = lo;
      carry = (s - lo) / BASE;
      k++;
    }
  }
  return trim(r);
}

/** a * 2^n for an integer n >= 0. */
export function bigShiftLeft(a: Big, n: number): Big {
  if (a.length === 0) return [];
  const limbs = (n - (n % 24)) / 24;
  const bits = n % 24;
  const r: Big = [];
  for (let i = 0; i < limbs; i++) r.push(0);
  if (bits === 0) {
    for (let i = 0; i < a.length; i++) r.push(a[i]);
    return r;
  }
  const mul = 1 << bits;
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] * mul + carry;
    const lo = p % BASE;
    r.push(lo);
    carry = (p - lo) / BASE;
  }
  if (carry > 0) r.push(carry);
  return r;
}

/** floor(a / 2^n) for an integer n >= 0. */
export function bigShiftRight(a: Big, n: number): Big {
  const limbs = (n - (n % 24)) / 24;
  const bits = n % 24;
  if (limbs >= a.length) return [];
  const r: Big = [];
  const div = 1 << bits;
  for (let i = limbs; i < a.length; i++) {
    const cur = a[i];
    const lo = cur % div;
    let v = (cur - lo) / div;
    if (bits > 0 && i + 1 < a.length) v += (a[i + 1] % div) * (BASE / div);
    r.push(v);
  }
  return trim(r);
}

/** Bit i of a (0 or 1). */
export function bigBit(a: Big, i: number): number {
  const limb = (i - (i % 24)) / 24;
  if (limb >= a.length) return 0;
  return (a[limb] >> (i % 24)) & 1;
}

/** True if any of bits 0..n-1 of a is set. */
export function bigLowBitsNonZero(a: Big, n: number): boolean {
  const limbs = (n - (n % 24)) / 24;
  for (let i = 0; i < limbs && i < a.length; i++) if (a[i] !== 0) return true;
  if (limbs < a.length) {
    const bits = n % 24;
    if ((a[limbs] & ((1 << bits) - 1)) !== 0) return true;
  }
  return false;
}

/** Number of significant bits (0 for zero). */
export function bigBitLength(a: Big): number {
  if (a.length === 0) return 0;
  let top = a[a.length - 1];
  let n = 0;
  while (top > 0) {
    top = top >> 1;
    n++;
  }
  return (a.length - 1) * 24 + n;
}

/** Quotient and remainder of a / d for an integer 0 < d < 2^28. */
export function bigDivSmall(a: Big, d: number): { q: Big; r: number } {
  const q: Big = [];
  for (let i = 0; i < a.length; i++) q.push(0);
  let rem = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = rem * BASE + a[i];
    const lo = cur % d;
    q[i] = (cur - lo) / d;
    rem = lo;
  }
  return { q: trim(q), r: rem };
}

const POW10_CACHE: Big[] = [[1]];

/** 10^n as a bignum (cached). */
export function bigPow10(n: number): Big {
  while (POW10_CACHE.length <= n) {
    POW10_CACHE.push(bigMulSmall(POW10_CACHE[POW10_CACHE.length - 1], 10));
  }
  return POW10_CACHE[n];
}

/** a * 10^n. */
export function bigMulPow10(a: Big, n: number): Big {
  if (n <= 0) return a;
  return bigMul(a, bigPow10(n));
}

/**
 * floor(a / b) where the quotient is known to be below 2^bits, by binary long division,
 * together with whether the remainder is nonzero.
 */
export function bigDivBounded(a: Big, b: Big, bits: number): { q: Big; remNonZero: boolean } {
  let r = a;
  let q: Big = [];
  for (let i = bits - 1; i >= 0; i--) {
    const sh = bigShiftLeft(b, i);
    q = bigShiftLeft(q, 1);
    if (bigCompare(r, sh) >= 0) {
      r = bigSub(r, sh);
      q = bigAdd(q, [1]);
    }
  }
  return { q: q, remNonZero: r.length !== 0 };
}

/** Decimal digits of a (no leading zeros; "0" for zero). */
export function bigToDecimal(a: Big): string {
  if (a.length === 0) return '0';
  const chunks: number[] = [];
  let v = a;
  while (v.length > 0) {
    const d = bigDivSmall(v, 10000000);
    chunks.push(d.r);
    v = d.q;
  }
  let s = '';
  for (let i = chunks.length - 1; i >= 0; i--) {
    let c = chunks[i];
    let part = '';
    for (let k = 0; k < 7; k++) {
      const digit = c % 10;
      part = String.fromCharCode(48 + digit) + part;
      c = (c - digit) / 10;
      if (i === chunks.length - 1 && c === 0) break;
    }
    s += part;
  }
  return s;
}
