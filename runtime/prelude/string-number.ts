// String, Number, Math, parseInt/parseFloat/isNaN/isFinite.

import { numberToExponential, numberToFixed, numberToPrecision, numberToString } from '../number-format.ts';
import { parseFloatString, parseIntString } from '../number-parse.ts';
import * as F from '../fdlibm.ts';
import { caseMapUnits } from '../case-mapping.ts';
import { isWhiteSpaceOrLineTerminator } from '../primitives.ts';
import {
  GLOBAL$, K_SYMBOL, NumberPrototype, StringPrototype, SymbolToStringTag, constant, hidden, isCallable, linkConstructor,
  relativeIndex, symbolDescriptiveString, toIntegerOrInfinity, toNum, toStr, boxInto, unboxPrimitive,
} from './core.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

function thisString(v: any, method: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) throw new GLOBAL$.TypeError('String.prototype.' + method + ' called on null or undefined');
  return toStr(v);
}

function thisNumber(v: any, method: string): number {
  if (typeof v === 'number') return v;
  const p = unboxPrimitive(v);
  if (typeof p === 'number') return p;
  throw new GLOBAL$.TypeError('Number.prototype.' + method + ' requires that \'this\' be a Number');
}

function repeat(s: string, n: number): string {
  let out = '';
  let p = s;
  while (n > 0) {
    if (n & 1) out += p;
    n = __native.mathFloor(n / 2);
    if (n > 0) p += p;
  }
  return out;
}

function indexOf(s: string, search: string, from: number): number {
  return __native.stringIndexOf(s, search, from);
}

function lastIndexOf(s: string, search: string, from: number): number {
  for (let i = from; i >= 0; i--) if (__native.stringSlice(s, i, i + search.length) === search) return i;
  return -1;
}

/** The replacement text for one match: $$, $&, $`, $' (no groups without regexps). */
function expand(template: string, match: string, position: number, s: string): string {
  if (indexOf(template, '$', 0) < 0) return template;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = __native.charCodeAt(template, i);
    if (c === 36 && i + 1 < template.length) {
      const d = __native.charCodeAt(template, i + 1);
      if (d === 36) { out += '$'; i++; continue; }
      if (d === 38) { out += match; i++; continue; }
      if (d === 96) { out += __native.stringSlice(s, 0, position); i++; continue; }
      if (d === 39) { out += __native.stringSlice(s, position + match.length, s.length); i++; continue; }
    }
    out += __native.fromCharCode(c);
  }
  return out;
}

function replaceImpl(s: string, pattern: any, replacement: any, all: boolean): string {
  const p = toStr(pattern);
  const fn = isCallable(replacement);
  const rep = fn ? '' : toStr(replacement);
  let out = '';
  let last = 0;
  let pos = indexOf(s, p, 0);
  while (pos >= 0) {
    out += __native.stringSlice(s, last, pos);
    out += fn ? toStr(replacement(p, pos, s)) : expand(rep, p, pos, s);
    last = pos + p.length;
    if (!all) break;
    pos = indexOf(s, p, p.length === 0 ? pos + 1 : last);
    if (p.length === 0 && pos > s.length) break;
  }
  if (all && p.length === 0 && last <= s.length && pos < 0 && last === s.length) {
    // empty pattern: matched at every position including the end (handled in the loop)
  }
  return out + __native.stringSlice(s, last, s.length);
}

/** Upper case of one unit (ASCII, Latin-1, ÿ); 0x00DF (ß) is special-cased by the caller. */
function mapUnits(s: string, upper: boolean): string {
  const units: number[] = [];
  caseMapUnits(s, upper, units);
  return __native.stringFromUnits(units);
}

function trimImpl(s: string, start: boolean, end: boolean): string {
  let a = 0, b = s.length;
  if (start) while (a < b && isWhiteSpaceOrLineTerminator(__native.charCodeAt(s, a))) a++;
  if (end) while (b > a && isWhiteSpaceOrLineTerminator(__native.charCodeAt(s, b - 1))) b--;
  return __native.stringSlice(s, a, b);
}

function pad(s: string, maxLength: any, fill: any, atStart: boolean): string {
  const n = toIntegerOrInfinity(maxLength);
  if (n <= s.length) return s;
  const f = fill === undefined ? ' ' : toStr(fill);
  if (f === '') return s;
  const need = n - s.length;
  let padding = repeat(f, __native.mathCeil(need / f.length));
  padding = __native.stringSlice(padding, 0, need);
  return atStart ? padding + s : s + padding;
}

function defineString(): void {
  const StringC: any = function String(this: any, ...args: any[]): string {
    if (args.length === 0) {
      if (new.target !== undefined) boxInto(this, '');
      return '';
    }
    const v = args[0];
    if (__native.valueKind(v) === K_SYMBOL && new.target === undefined) return symbolDescriptiveString(v);
    if (new.target !== undefined) boxInto(this, toStr(v));
    return toStr(v);
  };
  linkConstructor(StringC, StringPrototype, 'String');
  hidden(GLOBAL$, 'String', StringC);
  __native.installMethods(StringC, {
    fromCharCode(...codes: any[]): string {
      const units: number[] = [];
      for (let i = 0; i < codes.length; i++) units[i] = toNum(codes[i]) & 0xffff;
      return __native.stringFromUnits(units);
    },
    fromCodePoint(...points: any[]): string {
      const units: number[] = [];
      for (let i = 0; i < points.length; i++) {
        const p = toNum(points[i]);
        if (p !== __native.mathTrunc(p) || p < 0 || p > 0x10ffff) throw new GLOBAL$.RangeError('Invalid code point ' + toStr(points[i]));
        if (p < 0x10000) units[units.length] = p;
        else {
          units[units.length] = 0xd800 + ((p - 0x10000) >> 10);
          units[units.length] = 0xdc00 + ((p - 0x10000) & 0x3ff);
        }
      }
      return __native.stringFromUnits(units);
    },
  });
  __native.installMethods(StringPrototype, {
    charAt(this: any, i?: any): string {
      const s = thisString(this, 'charAt');
      const n = toIntegerOrInfinity(i);
      return n < 0 || n >= s.length ? '' : __native.stringSlice(s, n, n + 1);
    },
    charCodeAt(this: any, i?: any): number {
      const s = thisString(this, 'charCodeAt');
      const n = toIntegerOrInfinity(i);
      return n < 0 || n >= s.length ? NaN : __native.charCodeAt(s, n);
    },
    codePointAt(this: any, i?: any): number | undefined {
      const s = thisString(this, 'codePointAt');
      const n = toIntegerOrInfinity(i);
      if (n < 0 || n >= s.length) return undefined;
      const c = __native.charCodeAt(s, n);
      if (c >= 0xd800 && c <= 0xdbff && n + 1 < s.length) {
        const d = __native.charCodeAt(s, n + 1);
        if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      }
      return c;
    },
    at(this: any, i?: any): string | undefined {
      const s = thisString(this, 'at');
      let n = toIntegerOrInfinity(i);
      if (n < 0) n += s.length;
      return n < 0 || n >= s.length ? undefined : __native.stringSlice(s, n, n + 1);
    },
    indexOf(this: any, search: any, from?: any): number {
      const s = thisString(this, 'indexOf');
      const p = toStr(search);
      let f = toIntegerOrInfinity(from);
      if (f < 0) f = 0;
      if (f > s.length) f = s.length;
      return indexOf(s, p, f);
    },
    lastIndexOf(this: any, search: any, from?: any): number {
      const s = thisString(this, 'lastIndexOf');
      const p = toStr(search);
      const n = toNum(from);
      let f = n !== n ? Infinity : toIntegerOrInfinity(n);
      if (f > s.length - p.length) f = s.length - p.length;
      return lastIndexOf(s, p, f);
    },
    includes(this: any, search: any, from?: any): boolean {
      const s = thisString(this, 'includes');
      return indexOf(s, toStr(search), relativeIndex(from, s.length, 0) < 0 ? 0 : toIntegerOrInfinity(from) < 0 ? 0 : toIntegerOrInfinity(from)) >= 0;
    },
    startsWith(this: any, search: any, pos?: any): boolean {
      const s = thisString(this, 'startsWith');
      const p = toStr(search);
      let start = toIntegerOrInfinity(pos);
      if (start < 0) start = 0;
      if (start > s.length) start = s.length;
      return __native.stringSlice(s, start, start + p.length) === p && start + p.length <= s.length;
    },
    endsWith(this: any, search: any, endPos?: any): boolean {
      const s = thisString(this, 'endsWith');
      const p = toStr(search);
      let end = endPos === undefined ? s.length : toIntegerOrInfinity(endPos);
      if (end < 0) end = 0;
      if (end > s.length) end = s.length;
      const start = end - p.length;
      return start >= 0 && __native.stringSlice(s, start, end) === p;
    },
    slice(this: any, start?: any, end?: any): string {
      const s = thisString(this, 'slice');
      return __native.stringSlice(s, relativeIndex(start, s.length, 0), relativeIndex(end, s.length, s.length));
    },
    substring(this: any, start?: any, end?: any): string {
      const s = thisString(this, 'substring');
      const clamp = (v: any, d: number): number => {
        const n = v === undefined ? d : toIntegerOrInfinity(v);
        return n < 0 ? 0 : n > s.length ? s.length : n;
      };
      const a = clamp(start, 0), b = clamp(end, s.length);
      return a < b ? __native.stringSlice(s, a, b) : __native.stringSlice(s, b, a);
    },
    substr(this: any, start?: any, length?: any): string {
      const s = thisString(this, 'substr');
      const a = relativeIndex(start, s.length, 0);
      const n = length === undefined ? s.length - a : toIntegerOrInfinity(length);
      return n <= 0 ? '' : __native.stringSlice(s, a, a + n > s.length ? s.length : a + n);
    },
    split(this: any, separator?: any, limit?: any): string[] {
      const s = thisString(this, 'split');
      const lim = limit === undefined ? 4294967295 : toNum(limit) >>> 0;
      const out: string[] = [];
      if (lim === 0) return out;
      if (separator === undefined) {
        out[0] = s;
        return out;
      }
      const sep = toStr(separator);
      if (sep === '') {
        for (let i = 0; i < s.length && out.length < lim; i++) out[i] = __native.stringSlice(s, i, i + 1);
        return out;
      }
      if (s === '') {
        out[0] = s;
        return out;
      }
      let last = 0;
      let pos = indexOf(s, sep, 0);
      while (pos >= 0) {
        out[out.length] = __native.stringSlice(s, last, pos);
        if (out.length >= lim) return out;
        last = pos + sep.length;
        pos = indexOf(s, sep, last);
      }
      out[out.length] = __native.stringSlice(s, last, s.length);
      return out;
    },
    replace(this: any, pattern: any, replacement: any): string {
      return replaceImpl(thisString(this, 'replace'), pattern, replacement, false);
    },
    replaceAll(this: any, pattern: any, replacement: any): string {
      const s = thisString(this, 'replaceAll');
      if (toStr(pattern) === '') {
        let out = '';
        const fn = isCallable(replacement);
        for (let i = 0; i <= s.length; i++) {
          out += fn ? toStr(replacement('', i, s)) : expand(toStr(replacement), '', i, s);
          if (i < s.length) out += __native.stringSlice(s, i, i + 1);
        }
        return out;
      }
      return replaceImpl(s, pattern, replacement, true);
    },
    trim(this: any): string {
      return trimImpl(thisString(this, 'trim'), true, true);
    },
    trimStart(this: any): string {
      return trimImpl(thisString(this, 'trimStart'), true, false);
    },
    trimEnd(this: any): string {
      return trimImpl(thisString(this, 'trimEnd'), false, true);
    },
    padStart(this: any, n: any, fill?: any): string {
      return pad(thisString(this, 'padStart'), n, fill, true);
    },
    padEnd(this: any, n: any, fill?: any): string {
      return pad(thisString(this, 'padEnd'), n, fill, false);
    },
    repeat(this: any, count?: any): string {
      const s = thisString(this, 'repeat');
      const n = toIntegerOrInfinity(count);
      if (n < 0 || n === Infinity) throw new GLOBAL$.RangeError('Invalid count value: ' + toStr(toNum(count)));
      return repeat(s, n);
    },
    toUpperCase(this: any): string {
      return mapUnits(thisString(this, 'toUpperCase'), true);
    },
    toLowerCase(this: any): string {
      return mapUnits(thisString(this, 'toLowerCase'), false);
    },
    toLocaleUpperCase(this: any): string {
      return mapUnits(thisString(this, 'toLocaleUpperCase'), true);
    },
    toLocaleLowerCase(this: any): string {
      return mapUnits(thisString(this, 'toLocaleLowerCase'), false);
    },
    localeCompare(this: any, other: any): number {
      return __native.stringCompare(thisString(this, 'localeCompare'), toStr(other));
    },
    concat(this: any, ...parts: any[]): string {
      let s = thisString(this, 'concat');
      for (let i = 0; i < parts.length; i++) s += toStr(parts[i]);
      return s;
    },
    toString(this: any): string {
      if (typeof this === 'string') return this;
      const p = unboxPrimitive(this);
      if (typeof p !== 'string') throw new GLOBAL$.TypeError('String.prototype.toString requires that \'this\' be a String');
      return p;
    },
    valueOf(this: any): string {
      if (typeof this === 'string') return this;
      const p = unboxPrimitive(this);
      if (typeof p !== 'string') throw new GLOBAL$.TypeError('String.prototype.valueOf requires that \'this\' be a String');
      return p;
    },
  });
}

function isIntegralNumber(n: any): boolean {
  return typeof n === 'number' && n - n === 0 && __native.mathTrunc(n) === n;
}

function defineNumber(): void {
  const NumberC: any = function Number(this: any, ...args: any[]): number {
    const n = args.length === 0 ? 0 : toNum(args[0]);
    if (new.target !== undefined) boxInto(this, n);
    return n;
  };
  linkConstructor(NumberC, NumberPrototype, 'Number');
  hidden(GLOBAL$, 'Number', NumberC);
  const parseFloat = function parseFloat(s: any): number {
    return parseFloatString(toStr(s));
  };
  const parseInt = function parseInt(s: any, radix?: any): number {
    return parseIntString(toStr(s), radix === undefined ? undefined : toNum(radix) | 0);
  };
  __native.installMethods(NumberC, {
    isInteger(n: any): boolean {
      return isIntegralNumber(n);
    },
    isSafeInteger(n: any): boolean {
      return isIntegralNumber(n) && n <= 9007199254740991 && n >= -9007199254740991;
    },
    isFinite(n: any): boolean {
      return typeof n === 'number' && n - n === 0;
    },
    isNaN(n: any): boolean {
      return typeof n === 'number' && n !== n;
    },
  });
  hidden(NumberC, 'parseFloat', parseFloat);
  hidden(NumberC, 'parseInt', parseInt);
  hidden(GLOBAL$, 'parseFloat', parseFloat);
  hidden(GLOBAL$, 'parseInt', parseInt);
  constant(NumberC, 'MAX_SAFE_INTEGER', 9007199254740991);
  constant(NumberC, 'MIN_SAFE_INTEGER', -9007199254740991);
  constant(NumberC, 'EPSILON', 2.220446049250313e-16);
  constant(NumberC, 'MAX_VALUE', 1.7976931348623157e308);
  constant(NumberC, 'MIN_VALUE', 5e-324);
  constant(NumberC, 'NaN', NaN);
  constant(NumberC, 'POSITIVE_INFINITY', Infinity);
  constant(NumberC, 'NEGATIVE_INFINITY', -Infinity);
  __native.installMethods(GLOBAL$, {
    isNaN(v: any): boolean {
      const n = toNum(v);
      return n !== n;
    },
    isFinite(v: any): boolean {
      const n = toNum(v);
      return n - n === 0;
    },
  });
  constant(GLOBAL$, 'NaN', NaN);
  constant(GLOBAL$, 'Infinity', Infinity);
  constant(GLOBAL$, 'undefined', undefined);
  __native.installMethods(NumberPrototype, {
    toString(this: any, radix?: any): string {
      const x = thisNumber(this, 'toString');
      const r = radix === undefined ? 10 : toIntegerOrInfinity(radix);
      if (r < 2 || r > 36) throw new GLOBAL$.RangeError('toString() radix argument must be between 2 and 36');
      return numberToString(x, r);
    },
    toFixed(this: any, digits?: any): string {
      const x = thisNumber(this, 'toFixed');
      const d = toIntegerOrInfinity(digits);
      if (d < 0 || d > 100) throw new GLOBAL$.RangeError('toFixed() digits argument must be between 0 and 100');
      return numberToFixed(x, d);
    },
    toPrecision(this: any, precision?: any): string {
      const x = thisNumber(this, 'toPrecision');
      if (precision === undefined) return numberToString(x);
      const p = toIntegerOrInfinity(precision);
      if (x !== x || x === Infinity || x === -Infinity) return numberToString(x);
      if (p < 1 || p > 100) throw new GLOBAL$.RangeError('toPrecision() argument must be between 1 and 100');
      return numberToPrecision(x, p);
    },
    toExponential(this: any, fractionDigits?: any): string {
      const x = thisNumber(this, 'toExponential');
      const f = toIntegerOrInfinity(fractionDigits);
      if (x !== x || x === Infinity || x === -Infinity) return numberToString(x);
      if (f < 0 || f > 100) throw new GLOBAL$.RangeError('toExponential() argument must be between 0 and 100');
      return numberToExponential(x, fractionDigits === undefined ? -1 : f);
    },
    toLocaleString(this: any): string {
      return numberToString(thisNumber(this, 'toLocaleString'));
    },
    valueOf(this: any): number {
      return thisNumber(this, 'valueOf');
    },
  });
}

// ---- Math ------------------------------------------------------------------------------

/** xorshift128 state, fixed seed: Math.random() is reproducible run to run. */
const rng = [0x193a6754, 0xa8a7d469, 0x97830e05, 0x113ba7bb];

function nextRandom32(): number {
  let t = rng[3];
  const s = rng[0];
  rng[3] = rng[2];
  rng[2] = rng[1];
  rng[1] = s;
  t ^= t << 11;
  t ^= t >>> 8;
  rng[0] = t ^ s ^ (s >>> 19);
  return rng[0] >>> 0;
}

// Math.fround through a Float32Array element (the machine rounds to single as V8 does);
// made on first use: typed arrays are installed after this module.
let FROUND: any;

function defineMath(): void {
  F.setWordAccess(
    (x) => __native.doubleBits(x, 1) | 0,
    (x) => __native.doubleBits(x, 0),
    (hi, lo) => __native.doubleFromBits(lo, hi),
    (x) => __native.mathSqrt(x),
  );
  const M: any = {};
  hidden(GLOBAL$, 'Math', M);
  __native.defineProperty(M, SymbolToStringTag, 'Math', 4);
  constant(M, 'PI', 3.141592653589793);
  constant(M, 'E', 2.718281828459045);
  constant(M, 'LN2', 0.6931471805599453);
  constant(M, 'LN10', 2.302585092994046);
  constant(M, 'LOG2E', 1.4426950408889634);
  constant(M, 'LOG10E', 0.4342944819032518);
  constant(M, 'SQRT2', 1.4142135623730951);
  constant(M, 'SQRT1_2', 0.7071067811865476);
  __native.installMethods(M, {
    floor(x: any): number {
      return __native.mathFloor(toNum(x));
    },
    ceil(x: any): number {
      return __native.mathCeil(toNum(x));
    },
    trunc(x: any): number {
      return __native.mathTrunc(toNum(x));
    },
    round(v: any): number {
      const x = toNum(v);
      if (x !== x || x - x !== 0 || __native.mathTrunc(x) === x) return x;
      if (x > 0 && x < 0.5) return 0;
      if (x < 0 && x >= -0.5) return -0;
      const f = __native.mathFloor(x);
      return x - f >= 0.5 ? f + 1 : f;
    },
    abs(v: any): number {
      const x = toNum(v);
      return x < 0 || (x === 0 && 1 / x < 0) ? -x : x;
    },
    sign(v: any): number {
      const x = toNum(v);
      if (x !== x || x === 0) return x;
      return x > 0 ? 1 : -1;
    },
    min(...xs: any[]): number {
      let m = Infinity;
      for (let i = 0; i < xs.length; i++) {
        const x = toNum(xs[i]);
        if (x !== x) m = NaN;
        else if (m === m && (x < m || (x === 0 && m === 0 && 1 / x < 0))) m = x;
      }
      return m;
    },
    max(...xs: any[]): number {
      let m = -Infinity;
      for (let i = 0; i < xs.length; i++) {
        const x = toNum(xs[i]);
        if (x !== x) m = NaN;
        else if (m === m && (x > m || (x === 0 && m === 0 && 1 / m < 0))) m = x;
      }
      return m;
    },
    sqrt(x: any): number {
      return __native.mathSqrt(toNum(x));
    },
    pow(x: any, y: any): number {
      return toNum(x) ** toNum(y);
    },
    hypot(...xs: any[]): number {
      // V8's algorithm: scale by the largest magnitude, Kahan-sum the squares (no overflow or underflow)
      const abs: number[] = [];
      let max = 0, nan = false;
      for (let i = 0; i < xs.length; i++) {
        const x = toNum(xs[i]);
        const a = x < 0 ? -x : x === 0 ? 0 : x;
        abs[i] = a;
        if (a !== a) nan = true;
        else if (a > max) max = a;
      }
      if (max === Infinity) return Infinity;
      if (nan) return NaN;
      if (max === 0) return 0;
      let sum = 0, compensation = 0;
      for (let i = 0; i < abs.length; i++) {
        const n = abs[i] / max;
        const summand = n * n - compensation;
        const preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
      }
      return __native.mathSqrt(sum) * max;
    },
    fround(x: any): number {
      const v = toNum(x);
      if (FROUND === undefined) FROUND = new GLOBAL$.Float32Array(1);
      FROUND[0] = v;
      return FROUND[0];
    },
    exp: (x: any): number => F.exp(toNum(x)),
    expm1: (x: any): number => F.expm1(toNum(x)),
    log: (x: any): number => F.log(toNum(x)),
    log1p: (x: any): number => F.log1p(toNum(x)),
    log2: (x: any): number => F.log2(toNum(x)),
    log10: (x: any): number => F.log10(toNum(x)),
    sin: (x: any): number => F.sin(toNum(x)),
    cos: (x: any): number => F.cos(toNum(x)),
    tan: (x: any): number => F.tan(toNum(x)),
    asin: (x: any): number => F.asin(toNum(x)),
    acos: (x: any): number => F.acos(toNum(x)),
    atan: (x: any): number => F.atan(toNum(x)),
    atan2: (y: any, x: any): number => {
      const yn = toNum(y);
      return F.atan2(yn, toNum(x));
    },
    sinh: (x: any): number => F.sinh(toNum(x)),
    cosh: (x: any): number => F.cosh(toNum(x)),
    tanh: (x: any): number => F.tanh(toNum(x)),
    asinh: (x: any): number => F.asinh(toNum(x)),
    acosh: (x: any): number => F.acosh(toNum(x)),
    atanh: (x: any): number => F.atanh(toNum(x)),
    cbrt: (x: any): number => F.cbrt(toNum(x)),
    random(): number {
      const hi = nextRandom32() >>> 5; // 27 bits
      const lo = nextRandom32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    clz32(v: any): number {
      let x = toNum(v) >>> 0;
      if (x === 0) return 32;
      let n = 0;
      while ((x & 0x80000000) === 0) {
        x = x << 1;
        n++;
      }
      return n;
    },
    imul(a: any, b: any): number {
      const x = toNum(a) | 0, y = toNum(b) | 0;
      const lo = (x & 0xffff) * y;
      const hi = ((x >>> 16) * y) | 0;
      return (lo + ((hi << 16) | 0)) | 0;
    },
  });
}

defineString();
defineNumber();
defineMath();

// The machine answers the easy calls of these itself (boot/interp/machine-methods.ts); the
// methods above stay what runs for every other call and what the machine must agree with.
{
  const M = (GLOBAL$ as any).Math;
  __native.registerIntrinsic(Intrinsic.MathFloor, M.floor);
  __native.registerIntrinsic(Intrinsic.MathCeil, M.ceil);
  __native.registerIntrinsic(Intrinsic.MathTrunc, M.trunc);
  __native.registerIntrinsic(Intrinsic.MathRound, M.round);
  __native.registerIntrinsic(Intrinsic.MathAbs, M.abs);
  __native.registerIntrinsic(Intrinsic.MathSqrt, M.sqrt);
  __native.registerIntrinsic(Intrinsic.MathMin, M.min);
  __native.registerIntrinsic(Intrinsic.MathMax, M.max);
  __native.registerIntrinsic(Intrinsic.StringCharCodeAt, StringPrototype.charCodeAt);
  __native.registerIntrinsic(Intrinsic.PreludeThisString, thisString);
}

// The machine's Exp asks this for every power it cannot compute exactly itself
// (docs/bytecode.md, "Exp"): fdlibm's pow, as V8's (runtime/fdlibm.ts).
__native.registerIntrinsic(Intrinsic.Pow, function Pow(this: number, y: number): number {
  return F.pow(this, y);
});
