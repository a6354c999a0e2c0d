// Number to string conversions: Number.prototype.toString(radix) / String(number) and
// Number.prototype.toFixed, computed exactly with runtime/bignum.ts.
//
// Radix 10 uses the free-format shortest-digit algorithm of Steele & White as refined by
// Burger & Dybvig ("Printing floating-point numbers quickly and accurately", 1996): exact
// bignum arithmetic on the scaled value r/s and the rounding-interval half-widths m+/m-,
// generating digits until the prefix uniquely identifies the double (interval ends are
// inclusive when the significand is even, as round-to-nearest-even reads them back), and
// choosing the last digit closest to the value (ties to the even digit), as ECMA-262
// Number::toString requires.
//
// Other radixes follow the semantics of V8's DoubleToRadixCString, which Node uses: the
// fraction is expanded with double arithmetic one digit at a time while it exceeds half
// the distance to the next double (itself multiplied by the radix each step), and the
// last digit is rounded half-to-even with carry into earlier digits; integer digits
// beyond double precision are written as zeros.

import {
  type Big,
  bigAdd,
  bigCompare,
  bigFromInt,
  bigMulPow10,
  bigMulSmall,
  bigShiftLeft,
  bigShiftRight,
  bigBit,
  bigSub,
  bigToDecimal,
  bigBitLength,
  bigMul,
  bigPow10,
} from './bignum.ts';
import {
  decomposeDouble,
  digitChar,
  floorNumber,
  intToDecimal,
  isFiniteNumber,
  isNaNNumber,
  pow2,
  repeatString,
  substring,
  truncNumber,
  uintToDecimal,
} from './primitives.ts';

const TWO52 = 4503599627370496;

/** Shortest digits: value = 0.DIGITS * 10^point, digits without leading/trailing zeros. */
export interface ShortestDigits {
  digits: string;
  point: number;
}

/** Shortest round-trip decimal digits of a positive finite double. */
export function shortestDigits(x: number): ShortestDigits {
  const d = decomposeDouble(x);
  const f = d.f;
  const e = d.e;
  const even = f % 2 === 0;
  const unequalGaps = f === TWO52 && e > -1074;
  let r: Big;
  let s: Big;
  let mp: Big;
  let mm: Big;
  if (e >= 0) {
    const be = bigShiftLeft([1], e);
    if (!unequalGaps) {
      r = bigShiftLeft(bigFromInt(f), e + 1);
      s = [2];
      mp = be;
      mm = be;
    } else {
      r = bigShiftLeft(bigFromInt(f), e + 2);
      s = [4];
      mp = bigShiftLeft([1], e + 1);
      mm = be;
    }
  } else if (!unequalGaps) {
    r = bigFromInt(f * 2);
    s = bigShiftLeft([1], 1 - e);
    mp = [1];
    mm = [1];
  } else {
    r = bigFromInt(f * 4);
    s = bigShiftLeft([1], 2 - e);
    mp = [2];
    mm = [1];
  }
  // Estimate k = ceil(log10(x)) from below, then fix it up exactly.
  const est = (e + bigBitLength(bigFromInt(f)) - 1) * 0.30102999566398114 - 1e-10;
  let k = floorNumber(est);
  if (k < est) k += 1;
  if (k >= 0) {
    s = bigMulPow10(s, k);
  } else {
    r = bigMulPow10(r, -k);
    const same = mp === mm;
    mp = bigMulPow10(mp, -k);
    mm = same ? mp : bigMulPow10(mm, -k);
  }
  for (;;) {
    const c = bigCompare(bigAdd(r, mp), s);
    if (even ? c >= 0 : c > 0) {
      s = bigMulSmall(s, 10);
      k++;
    } else {
      break;
    }
  }
  for (;;) {
    const c = bigCompare(bigMulSmall(bigAdd(r, mp), 10), s);
    if (even ? c < 0 : c <= 0) {
      r = bigMulSmall(r, 10);
      const same = mp === mm;
      mp = bigMulSmall(mp, 10);
      mm = same ? mp : bigMulSmall(mm, 10);
      k--;
    } else {
      break;
    }
  }
  let digits = '';
  for (;;) {
    r = bigMulSmall(r, 10);
    const same = mp === mm;
    mp = bigMulSmall(mp, 10);
    mm = same ? mp : bigMulSmall(mm, 10);
    let digit = 0;
    while (bigCompare(r, s) >= 0) {
      r = bigSub(r, s);
      digit++;
    }
    const c1 = bigCompare(r, mm);
    const tc1 = even ? c1 <= 0 : c1 < 0;
    const c2 = bigCompare(bigAdd(r, mp), s);
    const tc2 = even ? c2 >= 0 : c2 > 0;
    if (!tc1 && !tc2) {
      digits += String.fromCharCode(48 + digit);
      continue;
    }
    if (tc1 && tc2) {
      const c = bigCompare(bigShiftLeft(r, 1), s);
      if (c > 0 || (c === 0 && digit % 2 === 1)) digit++;
    } else if (tc2) {
      digit++;
    }
    digits += String.fromCharCode(48 + digit);
    break;
  }
  return { digits: digits, point: k };
}

function formatDecimal(negative: boolean, sd: ShortestDigits): string {
  const digits = sd.digits;
  const k = digits.length;
  const n = sd.point;
  let out: string;
  if (k <= n && n <= 21) {
    out = digits + repeatString('0', n - k);
  } else if (0 < n && n <= 21) {
    out = substring(digits, 0, n) + '.' + substring(digits, n, k);
  } else if (-6 < n && n <= 0) {
    out = '0.' + repeatString('0', -n) + digits;
  } else {
    const exp = n - 1;
    const expStr = (exp < 0 ? '-' : '+') + intToDecimal(exp < 0 ? -exp : exp);
    if (k === 1) out = digits + 'e' + expStr;
    else out = substring(digits, 0, 1) + '.' + substring(digits, 1, k) + 'e' + expStr;
  }
  return negative ? '-' + out : out;
}

function radixString(value: number, radix: number): string {
  const negative = value < 0;
  const v = negative ? -value : value;
  let integer = floorNumber(v);
  let fraction = v - integer;
  const dd = decomposeDouble(v);
  // Half the distance to the next double, but at least the smallest subnormal.
  let delta: number;
  if (dd.f === 9007199254740991 && dd.e === 971) delta = Infinity;
  else delta = dd.e > -1074 ? pow2(dd.e - 1) : pow2(-1074);
  const frac: number[] = [];
  let fracLen = 0;
  if (fraction >= delta) {
    do {
      fraction = fraction * radix;
      delta = delta * radix;
      const digit = fraction | 0;
      frac.push(digit);
      fracLen++;
      fraction = fraction - digit;
      if (fraction > 0.5 || (fraction === 0.5 && (digit & 1) === 1)) {
        if (fraction + delta > 1) {
          // Round up, carrying into earlier digits (and into the integer part); the
          // digits after the one incremented are dropped.
          let i = fracLen - 1;
          while (i >= 0 && frac[i] + 1 >= radix) i--;
          if (i < 0) {
            integer += 1;
            fracLen = 0;
          } else {
            frac[i] = frac[i] + 1;
            fracLen = i + 1;
          }
          break;
        }
      }
    } while (fraction >= delta);
  }
  // Integer digits: those below double precision are zeros.
  let intDigits = '';
  while (integer / radix >= 9007199254740992) {
    integer = integer / radix;
    intDigits = '0' + intDigits;
  }
  do {
    const rem = integer % radix;
    intDigits = digitChar(rem) + intDigits;
    integer = (integer - rem) / radix;
  } while (integer > 0);
  let out = negative ? '-' + intDigits : intDigits;
  if (fracLen > 0) {
    out += '.';
    for (let i = 0; i < fracLen; i++) out += digitChar(frac[i]);
  }
  return out;
}

/** Number.prototype.toString(radix) / String(x) for a number x. */
export function numberToString(x: number, radix: number = 10): string {
  if (isNaNNumber(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return '0';
  if (radix === 10) {
    // A safe integer's shortest round-trip digits are its own digits.
    if (x % 1 === 0 && x < 9007199254740992 && x > -9007199254740992) return intToDecimal(x);
    if (x < 0) return formatDecimal(true, shortestDigits(-x));
    return formatDecimal(false, shortestDigits(x));
  }
  if (radix < 2 || radix > 36 || truncNumber(radix) !== radix) {
    throw new RangeError('toString() radix must be between 2 and 36');
  }
  return radixString(x, radix);
}

/** Number.prototype.toFixed(digits). Throws RangeError outside 0..100. */
export function numberToFixed(x: number, fractionDigits: number = 0): string {
  let fd = isNaNNumber(fractionDigits) ? 0 : truncNumber(fractionDigits);
  if (!isFiniteNumber(fd) || fd < 0 || fd > 100) {
    throw new RangeError('toFixed() digits argument must be between 0 and 100');
  }
  if (fd === 0) fd = 0;
  if (!isFiniteNumber(x)) return numberToString(x);
  let negative = false;
  let v = x;
  if (v < 0) {
    negative = true;
    v = -v;
  }
  let m: string;
  if (v >= 1e21) {
    m = numberToString(v);
  } else {
    let n: Big;
    if (v === 0) {
      n = [];
    } else {
      const d = decomposeDouble(v);
      const scaled = bigMulPow10(bigFromInt(d.f), fd);
      if (d.e >= 0) {
        n = bigShiftLeft(scaled, d.e);
      } else {
        // Round half up: n is the integer nearest to f * 10^fd / 2^-e, the larger on a tie.
        n = bigShiftRight(scaled, -d.e);
        if (bigBit(scaled, -d.e - 1) === 1) n = bigAdd(n, [1]);
      }
    }
    m = bigToDecimal(n);
    if (fd !== 0) {
      let k = m.length;
      if (k <= fd) {
        m = repeatString('0', fd + 1 - k) + m;
        k = fd + 1;
      }
      m = substring(m, 0, k - fd) + '.' + substring(m, k - fd, k);
    }
  }
  return negative ? '-' + m : m;
}

// ---- toPrecision / toExponential ------------------------------------------------------------

/** The exact decimal digits of a positive finite double: value = 0.DIGITS * 10^point. */
function exactDigits(x: number): ShortestDigits {
  const d = decomposeDouble(x);
  if (d.e >= 0) {
    const s = bigToDecimal(bigShiftLeft(bigFromInt(d.f), d.e));
    return { digits: s, point: s.length };
  }
  // f * 2^e = f * 5^-e / 10^-e
  const five = bigShiftRight(bigPow10(-d.e), -d.e);
  const s = bigToDecimal(bigMul(bigFromInt(d.f), five));
  return { digits: s, point: s.length + d.e };
}

/** x (positive finite) rounded to p significant digits, ties away from zero (ECMA-262: the larger n). */
function roundedDigits(x: number, p: number): ShortestDigits {
  const ex = exactDigits(x);
  let s = ex.digits;
  let point = ex.point;
  if (s.length <= p) return { digits: s + repeatString('0', p - s.length), point: point };
  const up = s.charCodeAt(p) >= 53;
  s = substring(s, 0, p);
  if (up) {
    let out = '';
    let i = p - 1;
    while (i >= 0 && s.charCodeAt(i) === 57) {
      out = '0' + out;
      i--;
    }
    if (i < 0) {
      s = '1' + out;
      s = substring(s, 0, p);
      point++;
    } else {
      s = substring(s, 0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + out;
    }
  }
  return { digits: s, point: point };
}

function exponentSuffix(e: number): string {
  return e < 0 ? 'e-' + uintToDecimal(-e) : 'e+' + uintToDecimal(e);
}

/** Number.prototype.toPrecision for a finite x and 1 <= p <= 100. */
export function numberToPrecision(x: number, p: number): string {
  if (x < 0) return '-' + numberToPrecision(-x, p);
  let digits: string;
  let e: number;
  if (x === 0) {
    digits = repeatString('0', p);
    e = 0;
  } else {
    const r = roundedDigits(x, p);
    digits = r.digits;
    e = r.point - 1;
  }
  if (e < -6 || e >= p) {
    return substring(digits, 0, 1) + (p > 1 ? '.' + substring(digits, 1, p) : '') + exponentSuffix(e);
  }
  if (e >= 0) return e + 1 === p ? digits : substring(digits, 0, e + 1) + '.' + substring(digits, e + 1, p);
  return '0.' + repeatString('0', -e - 1) + digits;
}

/** Number.prototype.toExponential for a finite x: f digits after the point (0..100), or as many as needed when f < 0. */
export function numberToExponential(x: number, f: number): string {
  if (x < 0) return '-' + numberToExponential(-x, f);
  let digits: string;
  let e: number;
  if (x === 0) {
    digits = repeatString('0', f < 0 ? 1 : f + 1);
    e = 0;
  } else if (f < 0) {
    const r = shortestDigits(x);
    digits = r.digits;
    e = r.point - 1;
  } else {
    const r = roundedDigits(x, f + 1);
    digits = r.digits;
    e = r.point - 1;
  }
  return substring(digits, 0, 1) + (digits.length > 1 ? '.' + substring(digits, 1, digits.length) : '') + exponentSuffix(e);
}
