// The regular-expression parser: ECMA-262 22.2.1's pattern grammar with Annex B's web
// extensions when the u flag is off (a lone `{` or `]` is a literal, `\1` beyond the
// group count is an octal escape, `\c` without a letter is a backslash, identity
// escapes of any character, quantified lookaheads), into the tree that compile.ts turns
// into a program. Errors carry V8's wording ("Unterminated group"), which the caller
// wraps as "Invalid regular expression: /<source>/<flags>: <message>".
// Not supported: the v flag, and \p{...} names beyond properties.ts's (a SyntaxError saying so).
//
// Built from the allowed primitives only (runtime/README.md).

import { propertyRanges } from './properties.ts';

/** Node kinds. */
export const N_EMPTY = 0, N_CHAR = 1, N_ANY = 2, N_SET = 3, N_SEQ = 4, N_ALT = 5, N_GROUP = 6, N_BACKREF = 7,
  N_ASSERT = 8, N_LOOK = 9, N_QUANT = 10;

/** Assertion kinds (N_ASSERT's `k`). */
export const A_START = 0, A_END = 1, A_WORD = 2, A_NOT_WORD = 3;

export interface Node {
  t: number;
  /** N_CHAR: the character; N_GROUP: capture number (0: not capturing); N_BACKREF: group number; N_ASSERT: kind. */
  k: number;
  /** N_SET: inclusive ranges [lo0, hi0, lo1, hi1, ...]. */
  ranges: number[];
  /** N_SET: negated. N_LOOK: negative. N_QUANT: greedy. */
  neg: boolean;
  /** N_LOOK: lookbehind. */
  behind: boolean;
  /** N_SEQ items, N_ALT alternatives, N_GROUP / N_LOOK / N_QUANT: [body]. */
  kids: Node[];
  /** N_QUANT bounds (max may be Infinity); captures numbered in [capLo, capHi) are inside. */
  min: number;
  max: number;
  capLo: number;
  capHi: number;
  /** N_BACKREF by name, resolved when the whole pattern is parsed. */
  name: string;
}

export interface Pattern {
  root: Node;
  /** Number of capture groups (not counting group 0). */
  groups: number;
  /** Names of groups, index = group number (undefined for unnamed). */
  names: (string | undefined)[];
  hasNames: boolean;
}

export class RegExpSyntaxError {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function node(t: number, k: number): Node {
  return { t, k, ranges: [], neg: false, behind: false, kids: [], min: 0, max: 0, capLo: 0, capHi: 0, name: '' };
}

const DIGIT = [48, 57];
const WORD = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACE = [9, 13, 32, 32, 160, 160, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f,
  0x3000, 0x3000, 0xfeff, 0xfeff];

/** The complement of sorted, disjoint ranges within [0, 0x10ffff]. */
export function complement(r: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] > next) {
      out.push(next);
      out.push(r[i] - 1);
    }
    next = r[i + 1] + 1;
  }
  if (next <= 0x10ffff) {
    out.push(next);
    out.push(0x10ffff);
  }
  return out;
}

/** The ranges of \d \D \w \W \s \S (c the letter's code); with u and i, \w also has ſ and K (Kelvin). */
export function classEscapeRanges(c: number, unicodeIgnoreCase: boolean): number[] | undefined {
  let r: number[];
  if (c === 100 || c === 68) r = DIGIT;
  else if (c === 119 || c === 87) r = unicodeIgnoreCase ? [48, 57, 65, 90, 95, 95, 97, 122, 0x17f, 0x17f, 0x212a, 0x212a] : WORD;
  else if (c === 115 || c === 83) r = SPACE;
  else return undefined;
  return c < 97 ? complement(r) : r;
}

function isSyntaxChar(c: number): boolean {
  // ^ $ \ . * + ? ( ) [ ] { } |
  return c === 94 || c === 36 || c === 92 || c === 46 || c === 42 || c === 43 || c === 63 || c === 40 || c === 41 ||
    c === 91 || c === 93 || c === 123 || c === 125 || c === 124;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c >= 128;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57) || c === 0x200c || c === 0x200d;
}

class Parser {
  s: string;
  i = 0;
  u: boolean;
  ignoreCase: boolean;
  /** Capture groups seen so far. */
  groupCount = 0;
  /** Capture groups in the whole pattern (prescan), and whether any is named. */
  totalGroups: number;
  namedMode: boolean;
  names: (string | undefined)[] = [undefined];
  backrefs: Node[] = [];

  constructor(s: string, u: boolean, ignoreCase: boolean) {
    this.s = s;
    this.u = u;
    this.ignoreCase = ignoreCase;
    const scan = prescan(s);
    this.totalGroups = scan[0];
    this.namedMode = u || scan[1] > 0;
  }

  fail(msg: string): never {
    throw new RegExpSyntaxError(msg);
  }

  peek(): number {
    return this.i < this.s.length ? this.s.charCodeAt(this.i) : -1;
  }

  unitAt(j: number): number {
    return j < this.s.length ? this.s.charCodeAt(j) : -1;
  }

  /** The code point at i (a surrogate pair as one under u), advancing past it. */
  nextChar(): number {
    const c = this.s.charCodeAt(this.i++);
    if (this.u && c >= 0xd800 && c <= 0xdbff && this.i < this.s.length) {
      const d = this.s.charCodeAt(this.i);
      if (d >= 0xdc00 && d <= 0xdfff) {
        this.i++;
        return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      }
    }
    return c;
  }

  disjunction(): Node {
    const first = this.alternative();
    if (this.peek() !== 124) return first;
    const alt = node(N_ALT, 0);
    alt.kids.push(first);
    while (this.peek() === 124) {
      this.i++;
      alt.kids.push(this.alternative());
    }
    return alt;
  }

  alternative(): Node {
    const seq = node(N_SEQ, 0);
    for (;;) {
      const c = this.peek();
      if (c < 0 || c === 124 || c === 41) break;
      seq.kids.push(this.term());
    }
    return seq.kids.length === 1 ? seq.kids[0] : seq;
  }

  term(): Node {
    const c = this.peek();
    const groupsBefore = this.groupCount;
    let atom: Node;
    let quantifiable = true;
    let lookbehindOrStrict = false;
    if (c === 94 || c === 36) {
      this.i++;
      atom = node(N_ASSERT, c === 94 ? A_START : A_END);
      quantifiable = false;
    } else if (c === 92 && (this.unitAt(this.i + 1) === 98 || this.unitAt(this.i + 1) === 66)) {
      atom = node(N_ASSERT, this.unitAt(this.i + 1) === 98 ? A_WORD : A_NOT_WORD);
      this.i += 2;
      quantifiable = false;
    } else if (c === 40) {
      atom = this.group();
      if (atom.t === N_LOOK) {
        if (atom.behind || this.u) lookbehindOrStrict = true;
      }
    } else if (c === 42 || c === 43 || c === 63) {
      this.fail('Nothing to repeat');
    } else if (c === 123) {
      if (this.u) this.fail(this.quantifierAt(this.i) ? 'Nothing to repeat' : 'Lone quantifier brackets');
      if (this.quantifierAt(this.i)) this.fail('Nothing to repeat');
      this.i++;
      atom = node(N_CHAR, 123);
    } else if (c === 125 || c === 93) {
      if (this.u) this.fail('Lone quantifier brackets');
      this.i++;
      atom = node(N_CHAR, c);
    } else if (c === 91) {
      atom = this.characterClass();
    } else if (c === 46) {
      this.i++;
      atom = node(N_ANY, 0);
    } else if (c === 92) {
      atom = this.atomEscape();
    } else {
      atom = node(N_CHAR, this.nextChar());
    }
    const q = this.peek();
    if (q === 42 || q === 43 || q === 63 || (q === 123 && this.quantifierAt(this.i))) {
      if (!quantifiable) this.fail('Nothing to repeat');
      if (lookbehindOrStrict) this.fail('Invalid quantifier');
      const quant = node(N_QUANT, 0);
      this.i++;
      if (q === 42) { quant.min = 0; quant.max = Infinity; }
      else if (q === 43) { quant.min = 1; quant.max = Infinity; }
      else if (q === 63) { quant.min = 0; quant.max = 1; }
      else {
        quant.min = this.decimal();
        quant.max = quant.min;
        if (this.peek() === 44) {
          this.i++;
          quant.max = this.peek() === 125 ? Infinity : this.decimal();
        }
        this.i++; // }
        if (quant.max < quant.min) this.fail('numbers out of order in {} quantifier');
      }
      quant.neg = true;
      if (this.peek() === 63) {
        this.i++;
        quant.neg = false;
      }
      quant.kids.push(atom);
      quant.capLo = groupsBefore + 1;
      quant.capHi = this.groupCount + 1;
      return quant;
    }
    if (q === 123 && this.u && quantifiable) this.fail('Incomplete quantifier');
    return atom;
  }

  /** Whether a {n}, {n,} or {n,m} quantifier starts at j. */
  quantifierAt(j: number): boolean {
    if (this.unitAt(j) !== 123) return false;
    j++;
    const d0 = j;
    while (this.unitAt(j) >= 48 && this.unitAt(j) <= 57) j++;
    if (j === d0) return false;
    if (this.unitAt(j) === 125) return true;
    if (this.unitAt(j) !== 44) return false;
    j++;
    while (this.unitAt(j) >= 48 && this.unitAt(j) <= 57) j++;
    return this.unitAt(j) === 125;
  }

  decimal(): number {
    let v = 0;
    while (this.peek() >= 48 && this.peek() <= 57) {
      v = v * 10 + (this.peek() - 48);
      this.i++;
    }
    return v;
  }

  group(): Node {
    this.i++; // (
    let g: Node;
    if (this.peek() === 63) {
      const c = this.unitAt(this.i + 1);
      if (c === 58) {
        this.i += 2;
        g = node(N_GROUP, 0);
      } else if (c === 61 || c === 33) {
        this.i += 2;
        g = node(N_LOOK, 0);
        g.neg = c === 33;
      } else if (c === 60 && (this.unitAt(this.i + 2) === 61 || this.unitAt(this.i + 2) === 33)) {
        g = node(N_LOOK, 0);
        g.neg = this.unitAt(this.i + 2) === 33;
        g.behind = true;
        this.i += 3;
      } else if (c === 60) {
        this.i += 2;
        g = node(N_GROUP, ++this.groupCount);
        g.name = this.groupName();
        this.names[g.k] = undefined;
      } else {
        this.fail('Invalid group');
      }
    } else {
      g = node(N_GROUP, ++this.groupCount);
      this.names[g.k] = undefined;
    }
    g.kids.push(this.disjunction());
    if (this.peek() !== 41) this.fail('Unterminated group');
    this.i++;
    if (g.name !== '') {
      // V8 checks a name when its group closes
      for (let k = 1; k < this.names.length; k++) if (this.names[k] === g.name) this.fail('Duplicate capture group name');
      this.names[g.k] = g.name;
    }
    return g;
  }

  /** A group name after `<`, through the closing `>`. */
  groupName(): string {
    let name = '';
    let first = true;
    for (;;) {
      if (this.i >= this.s.length) this.fail('Invalid capture group name');
      let c = this.s.charCodeAt(this.i);
      if (c === 62) {
        this.i++;
        break;
      }
      if (c === 92) {
        this.i++;
        if (this.peek() !== 117) this.fail('Invalid capture group name');
        this.i++;
        c = this.unicodeEscapeBody(true);
        if (c === -2) this.fail('Invalid Unicode escape');
        if (c < 0) this.fail('Invalid capture group name');
      } else {
        this.i++;
        if (c >= 0xd800 && c <= 0xdbff && this.i < this.s.length) {
          const d = this.s.charCodeAt(this.i);
          if (d >= 0xdc00 && d <= 0xdfff) {
            this.i++;
            c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          }
        }
      }
      if (first ? !isIdStart(c) : !isIdPart(c)) this.fail('Invalid capture group name');
      first = false;
      name += codePointString(c);
    }
    if (first) this.fail('Invalid capture group name');
    return name;
  }

  /**
   * After `\u`: XXXX (a surrogate pair \uXXXX\uXXXX as one character when `pairs`) or,
   * with `braces` allowed, {X...}; -1 when malformed (i unchanged then).
   */
  unicodeEscapeBody(braces: boolean): number {
    const start = this.i;
    if (braces && this.peek() === 123) {
      this.i++;
      let v = 0;
      let n = 0;
      while (hexValue(this.peek()) >= 0) {
        v = v * 16 + hexValue(this.peek());
        if (v > 0x10ffff) {
          this.i = start;
          return -2;
        }
        this.i++;
        n++;
      }
      if (n === 0 || this.peek() !== 125) {
        this.i = start;
        return -1;
      }
      this.i++;
      return v;
    }
    const v = this.hex4(this.i);
    if (v < 0) return -1;
    this.i += 4;
    if (braces && v >= 0xd800 && v <= 0xdbff && this.unitAt(this.i) === 92 && this.unitAt(this.i + 1) === 117) {
      const w = this.hex4(this.i + 2);
      if (w >= 0xdc00 && w <= 0xdfff) {
        this.i += 6;
        return (v - 0xd800) * 0x400 + (w - 0xdc00) + 0x10000;
      }
    }
    return v;
  }

  hex4(j: number): number {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const h = hexValue(this.unitAt(j + k));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }

  atomEscape(): Node {
    this.i++; // backslash
    if (this.i >= this.s.length) this.fail('\\ at end of pattern');
    const c = this.peek();
    if (c >= 49 && c <= 57) {
      const save = this.i;
      const n = this.decimal();
      if (n <= this.totalGroups) {
        const b = node(N_BACKREF, n);
        return b;
      }
      if (this.u) this.fail('Invalid escape');
      this.i = save;
      if (c >= 56) {
        this.i++;
        return node(N_CHAR, c);
      }
      return node(N_CHAR, this.legacyOctal());
    }
    if (c === 107) {
      if (this.namedMode) {
        this.i++;
        if (this.peek() !== 60) this.fail('Invalid named reference');
        this.i++;
        const name = this.groupName();
        const b = node(N_BACKREF, 0);
        b.name = name;
        this.backrefs.push(b);
        return b;
      }
      this.i++;
      return node(N_CHAR, 107);
    }
    const set = this.classEscape();
    if (set !== undefined) return set;
    return node(N_CHAR, this.characterEscape(false));
  }

  /** \d \D \w \W \s \S (and \p{...} \P{...} under u) at i, consumed; else undefined. */
  classEscape(): Node | undefined {
    const c = this.peek();
    if (c === 112 || c === 80) {
      if (!this.u) return undefined;
      this.i++;
      if (this.peek() !== 123) this.fail('Invalid property name');
      let close = this.i;
      while (close < this.s.length && this.s.charCodeAt(close) !== 125) close++;
      if (close >= this.s.length) this.fail('Invalid property name');
      let name = '';
      for (let j = this.i + 1; j < close; j++) name += String.fromCharCode(this.s.charCodeAt(j));
      this.i = close + 1;
      const r = name === '' ? undefined : propertyRanges(name);
      if (r === undefined) throw new RegExpSyntaxError('Unicode property \\p{' + name + '} is not supported by this runtime');
      const set = node(N_SET, 0);
      set.ranges = c === 80 ? complement(r) : r;
      return set;
    }
    const r = classEscapeRanges(c, this.u && this.ignoreCase);
    if (r === undefined) return undefined;
    this.i++;
    const set = node(N_SET, 0);
    set.ranges = r;
    return set;
  }

  /** Up to three octal digits at i with value at most 0377 (Annex B). */
  legacyOctal(): number {
    let v = this.peek() - 48;
    this.i++;
    if (this.peek() >= 48 && this.peek() <= 55) {
      v = v * 8 + this.peek() - 48;
      this.i++;
      if (v < 32 && this.peek() >= 48 && this.peek() <= 55) {
        v = v * 8 + this.peek() - 48;
        this.i++;
      }
    }
    return v;
  }

  /** A CharacterEscape after the backslash (i at the letter), consumed: its character. */
  characterEscape(inClass: boolean): number {
    const c = this.peek();
    switch (c) {
      case 102: this.i++; return 12;
      case 110: this.i++; return 10;
      case 114: this.i++; return 13;
      case 116: this.i++; return 9;
      case 118: this.i++; return 11;
      case 99: {
        const l = this.unitAt(this.i + 1);
        if ((l >= 65 && l <= 90) || (l >= 97 && l <= 122)) {
          this.i += 2;
          return l % 32;
        }
        if (inClass && !this.u && ((l >= 48 && l <= 57) || l === 95)) {
          this.i += 2;
          return l % 32;
        }
        if (this.u) this.fail('Invalid Unicode escape');
        return 92; // the backslash alone; `c` is read next
      }
      case 48: {
        const d = this.unitAt(this.i + 1);
        if (!(d >= 48 && d <= 57)) {
          this.i++;
          return 0;
        }
        if (this.u) this.fail(inClass ? 'Invalid class escape' : 'Invalid decimal escape');
        return this.legacyOctal();
      }
      case 120: {
        const h1 = hexValue(this.unitAt(this.i + 1)), h2 = hexValue(this.unitAt(this.i + 2));
        if (h1 >= 0 && h2 >= 0) {
          this.i += 3;
          return h1 * 16 + h2;
        }
        if (this.u) this.fail('Invalid escape');
        this.i++;
        return 120;
      }
      case 117: {
        this.i++;
        const v = this.unicodeEscapeBody(this.u);
        if (v >= 0) return v;
        if (this.u) this.fail('Invalid Unicode escape');
        return 117;
      }
    }
    if (this.u) {
      if (isSyntaxChar(c) || c === 47 || (inClass && c === 45)) {
        this.i++;
        return c;
      }
      this.fail('Invalid escape');
    }
    if (inClass && c >= 49 && c <= 57) {
      if (c >= 56) {
        this.i++;
        return c;
      }
      return this.legacyOctal();
    }
    return this.nextChar();
  }

  characterClass(): Node {
    this.i++; // [
    const set = node(N_SET, 0);
    if (this.peek() === 94) {
      this.i++;
      set.neg = true;
    }
    const r: number[] = [];
    for (;;) {
      if (this.i >= this.s.length) this.fail('Unterminated character class');
      if (this.peek() === 93) {
        this.i++;
        break;
      }
      const a = this.classAtom();
      if (this.peek() === 45 && this.unitAt(this.i + 1) !== 93 && this.i + 1 < this.s.length) {
        this.i++; // -
        const b = this.classAtom();
        if (a.length > 0 || b.length > 0) {
          if (this.u) this.fail('Invalid character class');
          addRanges(r, a.length > 0 ? a : [this.firstAtom, this.firstAtom]);
          r.push(45);
          r.push(45);
          addRanges(r, b.length > 0 ? b : [this.lastAtom, this.lastAtom]);
          continue;
        }
        const lo = this.firstAtom, hi = this.lastAtom;
        if (lo > hi) this.fail('Range out of order in character class');
        r.push(lo);
        r.push(hi);
        continue;
      }
      if (a.length > 0) addRanges(r, a);
      else {
        r.push(this.lastAtom);
        r.push(this.lastAtom);
      }
    }
    set.ranges = normalize(r);
    return set;
  }

  firstAtom = 0;
  lastAtom = 0;

  /** One class atom: returns its ranges for a class escape, else [] with the character in lastAtom (and firstAtom the previous one). */
  classAtom(): number[] {
    this.firstAtom = this.lastAtom;
    const c = this.peek();
    if (c === 92) {
      this.i++;
      if (this.i >= this.s.length) this.fail('\\ at end of pattern');
      const e = this.peek();
      if (e === 98) {
        this.i++;
        this.lastAtom = 8;
        return [];
      }
      if (this.u && e === 45) {
        this.i++;
        this.lastAtom = 45;
        return [];
      }
      if (this.u && e >= 49 && e <= 57) this.fail('Invalid class escape');
      if (this.u && e === 107) this.fail('Invalid escape');
      const set = this.classEscape();
      if (set !== undefined) return set.ranges;
      this.lastAtom = this.characterEscape(true);
      return [];
    }
    this.lastAtom = this.nextChar();
    return [];
  }
}

function addRanges(r: number[], a: number[]): void {
  for (let i = 0; i < a.length; i++) r.push(a[i]);
}

/** Sorted, merged ranges. */
export function normalize(r: number[]): number[] {
  const n = r.length / 2;
  // insertion sort by start (classes are short)
  const lo: number[] = [], hi: number[] = [];
  for (let i = 0; i < n; i++) {
    let j = lo.length;
    lo.push(0);
    hi.push(0);
    while (j > 0 && lo[j - 1] > r[i * 2]) {
      lo[j] = lo[j - 1];
      hi[j] = hi[j - 1];
      j--;
    }
    lo[j] = r[i * 2];
    hi[j] = r[i * 2 + 1];
  }
  const out: number[] = [];
  for (let i = 0; i < lo.length; i++) {
    const m = out.length;
    if (m > 0 && lo[i] <= out[m - 1] + 1) {
      if (hi[i] > out[m - 1]) out[m - 1] = hi[i];
    } else {
      out.push(lo[i]);
      out.push(hi[i]);
    }
  }
  return out;
}

/** Counts capture groups ([0]) and named ones ([1]) without parsing. */
function prescan(s: string): number[] {
  let groups = 0, named = 0;
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (inClass) {
      if (c === 93) inClass = false;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 40) {
      if (i + 1 < s.length && s.charCodeAt(i + 1) === 63) {
        if (i + 2 < s.length && s.charCodeAt(i + 2) === 60) {
          const d = i + 3 < s.length ? s.charCodeAt(i + 3) : -1;
          if (d !== 61 && d !== 33) {
            groups++;
            named++;
          }
        }
      } else groups++;
    }
  }
  return [groups, named];
}

export function codePointString(c: number): string {
  if (c <= 0xffff) return String.fromCharCode(c);
  const v = c - 0x10000;
  return String.fromCharCode(0xd800 + (v >> 10)) + String.fromCharCode(0xdc00 + (v & 0x3ff));
}

/** Parses a pattern; throws RegExpSyntaxError with V8's message. */
export function parsePattern(source: string, unicode: boolean, ignoreCase: boolean): Pattern {
  const p = new Parser(source, unicode, ignoreCase);
  const root = p.disjunction();
  if (p.i < source.length) {
    // only `)` stops a disjunction early
    p.fail('Unmatched \')\'');
  }
  for (let i = 0; i < p.backrefs.length; i++) {
    const b = p.backrefs[i];
    let found = 0;
    for (let k = 1; k < p.names.length; k++) if (p.names[k] === b.name) found = k;
    if (found === 0) p.fail('Invalid named capture referenced');
    b.k = found;
  }
  let hasNames = false;
  for (let k = 1; k < p.names.length; k++) if (p.names[k] !== undefined) hasNames = true;
  return { root, groups: p.groupCount, names: p.names, hasNames };
}
