// RegExp objects and the string methods that take regular expressions (ECMA-262 22.2),
// over the engine in runtime/regexp/. A RegExp keeps its compiled program, source and
// flags in private fields (the brand check of every method); `lastIndex` is an own data
// property, as in Node. The Symbol.match/matchAll/replace/search/split protocol is
// followed: String.prototype.match & co. call the pattern's method when it has one, and
// RegExp's methods call `exec` through the property unless it is still the builtin one,
// when they run the engine directly. Literals in programs come here through the
// RegExpCreate intrinsic (the compiler emits it; intrinsics.ts Intrinsic.RegExpCreate).
// Not supported: the v flag and the property names properties.ts lacks; the legacy static
// properties (RegExp.$1, RegExp.lastMatch...) are below.

import { compilePattern, type Program } from '../regexp/compile.ts';
import { matchAt, setUnitReader } from '../regexp/match.ts';
import { RegExpSyntaxError } from '../regexp/syntax.ts';
import {
  GLOBAL$, StringPrototype, SymbolMatch, SymbolMatchAll, SymbolReplace, SymbolSearch, SymbolSplit, describe, hidden,
  defineSpecies, isCallable, isObject, linkConstructor, sameValue, setName, speciesConstructor, toLength, toNum, toStr,
} from './core.ts';
import { incompatibleReceiver, iteratorPrototypeOf } from './iteration.ts';
import { RegExpImpl, flagsOf, isRegExpObject, programOf, reinitialize, sourceOf } from './regexp-brand.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

setUnitReader((s, i) => __native.charCodeAt(s, i));

// ---- compiled programs, shared by equal (source, flags) --------------------------------------------

const programCache: any = {};
__native.setPrototypeOf(programCache, null);
let programCacheSize = 0;

const FLAG_CHARS = 'dgimsuvy';

/** The canonical flags string, or throws SyntaxError as V8 for an invalid one. */
function checkFlags(f: string): string {
  let seen = 0;
  for (let i = 0; i < f.length; i++) {
    const c = __native.charCodeAt(f, i);
    let bit = -1;
    for (let k = 0; k < FLAG_CHARS.length; k++) if (__native.charCodeAt(FLAG_CHARS, k) === c) bit = k;
    if (bit < 0 || (seen & (1 << bit)) !== 0) throw new GLOBAL$.SyntaxError('Invalid flags supplied to RegExp constructor \'' + f + '\'');
    seen |= 1 << bit;
  }
  if (seen & (1 << 6)) throw new GLOBAL$.SyntaxError('Invalid regular expression flags: the v flag (unicodeSets) is not supported by this runtime');
  let out = '';
  for (let k = 0; k < FLAG_CHARS.length; k++) if (seen & (1 << k)) out += __native.stringSlice(FLAG_CHARS, k, k + 1);
  return out;
}

function hasFlag(flags: string, c: string): boolean {
  return __native.stringIndexOf(flags, c, 0) >= 0;
}

function programFor(source: string, flags: string): Program {
  const key = flags + '/' + source;
  if (__native.propertyFlags(programCache, key) >= 0) return programCache[key];
  let p: Program;
  try {
    p = compilePattern(source, {
      ignoreCase: hasFlag(flags, 'i'), multiline: hasFlag(flags, 'm'), dotAll: hasFlag(flags, 's'), unicode: hasFlag(flags, 'u'),
    });
  } catch (e) {
    if (e instanceof RegExpSyntaxError) {
      throw new GLOBAL$.SyntaxError('Invalid regular expression: /' + source + '/' + flags + ': ' + e.message);
    }
    throw e;
  }
  if (programCacheSize < 512) {
    programCache[key] = p;
    programCacheSize++;
  }
  return p;
}

/** EscapeRegExpPattern: `/` outside classes and line terminators escaped; "(?:)" for the empty pattern. */
function escapeSource(p: string): string {
  if (p === '') return '(?:)';
  let out = '';
  let inClass = false;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    const c = __native.charCodeAt(p, i);
    let rep = '';
    if (c === 92) {
      if (i + 1 < p.length) {
        const d = __native.charCodeAt(p, i + 1);
        if (d === 10 || d === 13 || d === 0x2028 || d === 0x2029) {
          out += __native.stringSlice(p, last, i);
          out += lineTerminatorEscape(d);
          i++;
          last = i + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) rep = '\\/';
    else if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) rep = lineTerminatorEscape(c);
    if (rep !== '') {
      out += __native.stringSlice(p, last, i) + rep;
      last = i + 1;
    }
  }
  return out + __native.stringSlice(p, last, p.length);
}

function lineTerminatorEscape(c: number): string {
  return c === 10 ? '\\n' : c === 13 ? '\\r' : c === 0x2028 ? '\\u2028' : '\\u2029';
}

// ---- the objects ---------------------------------------------------------------------------------

const RegExpPrototype: any = RegExpImpl.prototype;

/** A new RegExp (prototype `proto`) of pattern text p and flags f (strings). */
function regExpAlloc(p: string, f: string, proto: any): any {
  const flags = checkFlags(f);
  const r: any = new RegExpImpl(programFor(p, flags), p, flags);
  if (proto !== RegExpPrototype) __native.setPrototypeOf(r, proto);
  __native.defineProperty(r, 'lastIndex', 0, 2);
  return r;
}

/** IsRegExp: an object whose Symbol.match says so, or a RegExp. */
function isRegExp(v: any): boolean {
  if (!isObject(v)) return false;
  const m = v[SymbolMatch];
  if (m !== undefined) return !!m;
  return isRegExpObject(v);
}

const RegExpC: any = function RegExp(this: any, pattern: any, flags: any): any {
  const patternIsRegExp = isRegExp(pattern);
  if (new.target === undefined && patternIsRegExp && flags === undefined) {
    if (pattern.constructor === RegExpC) return pattern;
  }
  let p: string, f: string;
  if (isRegExpObject(pattern)) {
    p = sourceOf(pattern);
    f = flags === undefined ? flagsOf(pattern) : toStr(flags);
  } else if (patternIsRegExp) {
    p = pattern.source === undefined ? '' : toStr(pattern.source);
    f = flags === undefined ? (pattern.flags === undefined ? '' : toStr(pattern.flags)) : toStr(flags);
  } else {
    p = pattern === undefined ? '' : toStr(pattern);
    f = flags === undefined ? '' : toStr(flags);
  }
  let proto = RegExpPrototype;
  if (new.target !== undefined && new.target !== RegExpC) {
    const np = new.target.prototype;
    if (isObject(np)) proto = np;
  }
  return regExpAlloc(p, f, proto);
};
linkConstructor(RegExpC, RegExpPrototype, 'RegExp');
__native.defineProperty(RegExpC, 'length', 2, 4);
hidden(GLOBAL$, 'RegExp', RegExpC);
defineSpecies(RegExpC);

// ---- the legacy static properties (RegExp.$1-$9, input, lastMatch...) ----------------------
// Every successful match of the engine (exec, test, match, replace, split, search...) sets
// them, as V8's last match info does; `input` can also be assigned. They are read lazily
// from the subject and the match's registers.

let lastSubject = '';
let lastInput = '';
let lastRegs: number[] = [0, 0];

function noteMatch(s: string, m: number[]): void {
  lastSubject = s;
  lastInput = s;
  lastRegs = m;
}

function lastGroup(n: number): string {
  const a = lastRegs[n * 2], b = lastRegs[n * 2 + 1];
  return a === undefined || a < 0 || b < 0 ? '' : __native.stringSlice(lastSubject, a, b);
}

// Accessors (not enumerable, configurable) named "get input", "set input"...; each alias has
// functions of its own, and only input's setter does anything. One literal copied by
// installMethods: the start-up's costliest statement was a loop making and naming them.
__native.installMethods(RegExpC, {
  get input() { return lastInput; },
  set input(v: any) { lastInput = toStr(v); },
  get $_() { return lastInput; },
  set $_(v: any) { lastInput = toStr(v); },
  get lastMatch() { return lastGroup(0); },
  set lastMatch(_v: any) {},
  get '$&'() { return lastGroup(0); },
  set '$&'(_v: any) {},
  get lastParen() { return lastParen(); },
  set lastParen(_v: any) {},
  get '$+'() { return lastParen(); },
  set '$+'(_v: any) {},
  get leftContext() { return leftContext(); },
  set leftContext(_v: any) {},
  get '$`'() { return leftContext(); },
  set '$`'(_v: any) {},
  get rightContext() { return rightContext(); },
  set rightContext(_v: any) {},
  get "$'"() { return rightContext(); },
  set "$'"(_v: any) {},
  get $1() { return lastGroup(1); },
  set $1(_v: any) {},
  get $2() { return lastGroup(2); },
  set $2(_v: any) {},
  get $3() { return lastGroup(3); },
  set $3(_v: any) {},
  get $4() { return lastGroup(4); },
  set $4(_v: any) {},
  get $5() { return lastGroup(5); },
  set $5(_v: any) {},
  get $6() { return lastGroup(6); },
  set $6(_v: any) {},
  get $7() { return lastGroup(7); },
  set $7(_v: any) {},
  get $8() { return lastGroup(8); },
  set $8(_v: any) {},
  get $9() { return lastGroup(9); },
  set $9(_v: any) {},
});

function lastParen(): string {
  return lastRegs.length > 2 ? lastGroup(lastRegs.length / 2 - 1) : '';
}

function leftContext(): string {
  return __native.stringSlice(lastSubject, 0, lastRegs[0]!);
}

function rightContext(): string {
  return __native.stringSlice(lastSubject, lastRegs[1]!, lastSubject.length);
}

/** Literals: the compiler has checked the pattern and flags. */
__native.registerIntrinsic(Intrinsic.RegExpCreate, function RegExpCreate(p: string, f: string): any {
  return regExpAlloc(p, f, RegExpPrototype);
});

function thisRegExp(r: any, method: string): void {
  if (!isRegExpObject(r)) incompatibleReceiver(method, r);
}

// ---- exec ----------------------------------------------------------------------------------------

/** The match array of registers `m` over s, as exec returns it (groups, indices under d). */
function matchArray(r: any, s: string, m: number[]): any[] {
  const prog = programOf(r);
  const a: any = [];
  const n = prog.groups + 1;
  for (let g = 0; g < n; g++) a[g] = m[g * 2] < 0 || m[g * 2 + 1] < 0 ? undefined : __native.stringSlice(s, m[g * 2], m[g * 2 + 1]);
  a.index = m[0];
  a.input = s;
  let groups: any = undefined;
  if (prog.hasNames) {
    groups = {};
    __native.setPrototypeOf(groups, null);
    for (let g = 1; g < n; g++) if (prog.names[g] !== undefined) groups[prog.names[g]!] = a[g];
  }
  a.groups = groups;
  if (hasFlag(flagsOf(r), 'd')) {
    const indices: any = [];
    for (let g = 0; g < n; g++) indices[g] = m[g * 2] < 0 || m[g * 2 + 1] < 0 ? undefined : [m[g * 2], m[g * 2 + 1]];
    let ig: any = undefined;
    if (prog.hasNames) {
      ig = {};
      __native.setPrototypeOf(ig, null);
      for (let g = 1; g < n; g++) if (prog.names[g] !== undefined) ig[prog.names[g]!] = indices[g];
    }
    indices.groups = ig;
    a.indices = indices;
  }
  return a;
}

/** RegExpBuiltinExec's matching part: the registers of the match or undefined, lastIndex updated. */
function builtinMatch(r: any, s: string): number[] | undefined {
  const flags = flagsOf(r);
  const global = hasFlag(flags, 'g'), sticky = hasFlag(flags, 'y');
  let lastIndex = toLength(r.lastIndex);
  if (!global && !sticky) lastIndex = 0;
  if (lastIndex > s.length) {
    if (global || sticky) r.lastIndex = 0;
    return undefined;
  }
  const m = matchAt(programOf(r), s, lastIndex, sticky, global || sticky);
  if (m === undefined) {
    if (global || sticky) r.lastIndex = 0;
    return undefined;
  }
  if (global || sticky) r.lastIndex = m[1];
  noteMatch(s, m);
  return m;
}

function builtinExec(r: any, s: string): any[] | null {
  const m = builtinMatch(r, s);
  return m === undefined ? null : matchArray(r, s, m);
}

let execMethod: any;

/** RegExpExec: a user `exec` when one replaces the builtin, else the builtin. */
function regExpExec(r: any, s: string): any {
  const exec = r.exec;
  if (exec !== execMethod && isCallable(exec)) {
    const result = __native.apply(exec, r, [s]);
    if (result !== null && !isObject(result)) throw new GLOBAL$.TypeError('object null is not a function');
    return result;
  }
  thisRegExp(r, 'RegExp.prototype.exec');
  return builtinExec(r, s);
}

/** Whether r's methods may take the engine's fast path (its exec is the builtin one). */
function plain(r: any): boolean {
  return isRegExpObject(r) && r.exec === execMethod;
}

function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const a = __native.charCodeAt(s, i), b = __native.charCodeAt(s, i + 1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff ? i + 2 : i + 1;
}

// ---- GetSubstitution -----------------------------------------------------------------------------

/** The replacement text for a match: $$ $& $` $' $n $nn $<name>. */
function substitution(matched: string, s: string, position: number, captures: any[], groups: any, template: string): string {
  if (__native.stringIndexOf(template, '$', 0) < 0) return template;
  let out = '';
  const m = captures.length;
  const tailPos = position + matched.length;
  let i = 0;
  let last = 0;
  while (i < template.length) {
    const c = __native.charCodeAt(template, i);
    if (c !== 36 || i + 1 >= template.length) {
      i++;
      continue;
    }
    const d = __native.charCodeAt(template, i + 1);
    let rep: string | undefined;
    let len = 2;
    if (d === 36) rep = '$';
    else if (d === 38) rep = matched;
    else if (d === 96) rep = __native.stringSlice(s, 0, position);
    else if (d === 39) rep = tailPos >= s.length ? '' : __native.stringSlice(s, tailPos, s.length);
    else if (d >= 48 && d <= 57) {
      let n = d - 48;
      const e = i + 2 < template.length ? __native.charCodeAt(template, i + 2) : -1;
      if (e >= 48 && e <= 57 && n * 10 + (e - 48) >= 1 && n * 10 + (e - 48) <= m) {
        n = n * 10 + (e - 48);
        len = 3;
      }
      if (n >= 1 && n <= m) {
        const v = captures[n - 1];
        rep = v === undefined ? '' : toStr(v);
      }
    } else if (d === 60) {
      if (groups !== undefined) {
        const close = __native.stringIndexOf(template, '>', i + 2);
        if (close >= 0) {
          const name = __native.stringSlice(template, i + 2, close);
          const v = groups[name];
          rep = v === undefined ? '' : toStr(v);
          len = close + 1 - i;
        }
      }
    }
    if (rep === undefined) {
      i++;
      continue;
    }
    out += __native.stringSlice(template, last, i) + rep;
    i += len;
    last = i;
  }
  return out + __native.stringSlice(template, last, template.length);
}

// ---- the prototype -------------------------------------------------------------------------------

const FLAG_GETTERS = [
  ['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'], ['dotAll', 's'], ['unicode', 'u'],
  ['unicodeSets', 'v'], ['sticky', 'y'],
];
for (let i = 0; i < FLAG_GETTERS.length; i++) {
  const name = FLAG_GETTERS[i][0], c = FLAG_GETTERS[i][1];
  const getter = function (this: any): any {
    if (!isRegExpObject(this)) {
      if (this === RegExpPrototype) return undefined;
      throw new GLOBAL$.TypeError('RegExp.prototype.' + name + ' getter called on non-RegExp object');
    }
    return hasFlag(flagsOf(this), c);
  };
  setName(getter, 'get ' + name);
  __native.defineAccessor(RegExpPrototype, name, getter, undefined, 4);
}

__native.installMethods(RegExpPrototype, {
  exec(this: any, string: any): any {
    thisRegExp(this, 'RegExp.prototype.exec');
    return builtinExec(this, toStr(string));
  },
  get flags(): string {
    if (!isObject(this)) throw new GLOBAL$.TypeError('RegExp.prototype.flags getter called on non-object ' + describe(this));
    const self: any = this;
    let out = '';
    for (let i = 0; i < FLAG_GETTERS.length; i++) if (self[FLAG_GETTERS[i][0]]) out += FLAG_GETTERS[i][1];
    return out;
  },
  get source(): string {
    if (!isRegExpObject(this)) {
      if (this === RegExpPrototype) return '(?:)';
      throw new GLOBAL$.TypeError('RegExp.prototype.source getter called on non-RegExp object');
    }
    return escapeSource(sourceOf(this));
  },
  compile(this: any, pattern: any, flags: any): any {
    thisRegExp(this, 'RegExp.prototype.compile');
    let p: string, f: string;
    if (isRegExpObject(pattern)) {
      if (flags !== undefined) throw new GLOBAL$.TypeError('Cannot supply flags when constructing one RegExp from another');
      p = sourceOf(pattern);
      f = flagsOf(pattern);
    } else {
      p = pattern === undefined ? '' : toStr(pattern);
      f = flags === undefined ? '' : toStr(flags);
    }
    const canonical = checkFlags(f);
    reinitialize(this, programFor(p, canonical), p, canonical);
    this.lastIndex = 0;
    return this;
  },
  toString(this: any): string {
    if (!isObject(this)) incompatibleReceiver('RegExp.prototype.toString', this);
    return '/' + toStr(this.source) + '/' + toStr(this.flags);
  },
  test(this: any, string: any): boolean {
    if (!isObject(this)) incompatibleReceiver('RegExp.prototype.test', this);
    const s = toStr(string);
    if (plain(this)) return builtinMatch(this, s) !== undefined;
    return regExpExec(this, s) !== null;
  },
});
execMethod = RegExpPrototype.exec;

function defineSymbolMethod(sym: any, name: string, length: number, f: any): void {
  setName(f, name);
  __native.defineProperty(f, 'length', length, 4);
  hidden(RegExpPrototype, sym, f);
}

defineSymbolMethod(SymbolMatch, '[Symbol.match]', 1, function (this: any, string: any): any {
  if (!isObject(this)) incompatibleReceiver('RegExp.prototype[Symbol.match]', this);
  const rx = this;
  const s = toStr(string);
  const flags = toStr(rx.flags);
  if (!hasFlag(flags, 'g')) return regExpExec(rx, s);
  const fullUnicode = hasFlag(flags, 'u') || hasFlag(flags, 'v');
  rx.lastIndex = 0;
  const out: string[] = [];
  for (;;) {
    let matched: string;
    if (plain(rx)) {
      const m = builtinMatch(rx, s);
      if (m === undefined) break;
      matched = __native.stringSlice(s, m[0], m[1]);
    } else {
      const result = regExpExec(rx, s);
      if (result === null) break;
      matched = toStr(result[0]);
    }
    out.push(matched);
    if (matched === '') rx.lastIndex = advance(s, toLength(rx.lastIndex), fullUnicode);
  }
  return out.length === 0 ? null : out;
});

// %RegExpStringIteratorPrototype%
const RegExpStringIteratorC = class {
  #r: any;
  #s: string;
  #global: boolean;
  #unicode: boolean;
  #done = false;
  constructor(r: any, s: string, global: boolean, unicode: boolean) {
    this.#r = r;
    this.#s = s;
    this.#global = global;
    this.#unicode = unicode;
  }
  next(): any {
    if (!isObject(this) || !(#r in this)) incompatibleReceiver('%RegExpStringIterator%.prototype.next', this);
    if (this.#done) return { value: undefined, done: true };
    const result = regExpExec(this.#r, this.#s);
    if (result === null) {
      this.#done = true;
      return { value: undefined, done: true };
    }
    if (!this.#global) {
      this.#done = true;
      return { value: result, done: false };
    }
    if (toStr(result[0]) === '') this.#r.lastIndex = advance(this.#s, toLength(this.#r.lastIndex), this.#unicode);
    return { value: result, done: false };
  }
};
iteratorPrototypeOf(RegExpStringIteratorC, 'RegExp String Iterator');

defineSymbolMethod(SymbolMatchAll, '[Symbol.matchAll]', 1, function (this: any, string: any): any {
  if (!isObject(this)) incompatibleReceiver('RegExp.prototype[Symbol.matchAll]', this);
  const s = toStr(string);
  const flags = toStr(this.flags);
  const matcher = speciesConstruct(this, flags);
  matcher.lastIndex = toLength(this.lastIndex);
  return new RegExpStringIteratorC(matcher, s, hasFlag(flags, 'g'), hasFlag(flags, 'u') || hasFlag(flags, 'v'));
});

defineSymbolMethod(SymbolReplace, '[Symbol.replace]', 2, function (this: any, string: any, replaceValue: any): string {
  if (!isObject(this)) incompatibleReceiver('RegExp.prototype[Symbol.replace]', this);
  const rx = this;
  const s = toStr(string);
  const functional = isCallable(replaceValue);
  const template = functional ? '' : toStr(replaceValue);
  const flags = toStr(rx.flags);
  const global = hasFlag(flags, 'g');
  const fullUnicode = hasFlag(flags, 'u') || hasFlag(flags, 'v');
  if (global) rx.lastIndex = 0;
  const results: any[] = [];
  for (;;) {
    const result = regExpExec(rx, s);
    if (result === null) break;
    results.push(result);
    if (!global) break;
    if (toStr(result[0]) === '') rx.lastIndex = advance(s, toLength(rx.lastIndex), fullUnicode);
  }
  let out = '';
  let nextPos = 0;
  for (let k = 0; k < results.length; k++) {
    const result = results[k];
    const nCaptures = toLength(result.length) - 1 < 0 ? 0 : toLength(result.length) - 1;
    const matched = toStr(result[0]);
    let position = toIntegerOrZero(result.index);
    if (position < 0) position = 0;
    if (position > s.length) position = s.length;
    const captures: any[] = [];
    for (let n = 1; n <= nCaptures; n++) {
      const c = result[n];
      captures.push(c === undefined ? undefined : toStr(c));
    }
    let groups = result.groups;
    let replacement: string;
    if (functional) {
      const args: any[] = [matched];
      for (let n = 0; n < captures.length; n++) args.push(captures[n]);
      args.push(position);
      args.push(s);
      if (groups !== undefined) args.push(groups);
      replacement = toStr(__native.apply(replaceValue, undefined, args));
    } else {
      if (groups !== undefined) groups = toObjectForGroups(groups);
      replacement = substitution(matched, s, position, captures, groups, template);
    }
    if (position >= nextPos) {
      out += __native.stringSlice(s, nextPos, position) + replacement;
      nextPos = position + matched.length;
    }
  }
  return nextPos >= s.length ? out : out + __native.stringSlice(s, nextPos, s.length);
});

/** new C(r, flags) with C = SpeciesConstructor(r, %RegExp%). */
function speciesConstruct(r: any, flags: string): any {
  const c = speciesConstructor(r, RegExpC);
  if (c === RegExpC) return new RegExpC(r, flags);
  return __native.construct(c, [r, flags]);
}

function toIntegerOrZero(v: any): number {
  const n = toLength(v);
  return n;
}

function toObjectForGroups(g: any): any {
  if (g === null) throw new GLOBAL$.TypeError('Cannot convert undefined or null to object');
  return g;
}

defineSymbolMethod(SymbolSearch, '[Symbol.search]', 1, function (this: any, string: any): number {
  if (!isObject(this)) incompatibleReceiver('RegExp.prototype[Symbol.search]', this);
  const rx = this;
  const s = toStr(string);
  const previous = rx.lastIndex;
  if (!sameValue(previous, 0)) rx.lastIndex = 0;
  const result = regExpExec(rx, s);
  const current = rx.lastIndex;
  if (!sameValue(current, previous)) rx.lastIndex = previous;
  return result === null ? -1 : result.index;
});

defineSymbolMethod(SymbolSplit, '[Symbol.split]', 2, function (this: any, string: any, limit: any): string[] {
  if (!isObject(this)) incompatibleReceiver('RegExp.prototype[Symbol.split]', this);
  const rx = this;
  const s = toStr(string);
  const flags = toStr(rx.flags);
  const unicode = hasFlag(flags, 'u') || hasFlag(flags, 'v');
  const splitter = speciesConstruct(rx, hasFlag(flags, 'y') ? flags : flags + 'y');
  const out: string[] = [];
  const lim = limit === undefined ? 4294967295 : toNumberUint32(limit);
  if (lim === 0) return out;
  const fast = plain(splitter);
  const exec = (at: number): any => {
    splitter.lastIndex = at;
    if (fast) {
      const m = matchAt(programOf(splitter), s, at, true, false);
      if (m === undefined) return null;
      noteMatch(s, m);
      splitter.lastIndex = m[1];
      return matchArray(splitter, s, m);
    }
    return regExpExec(splitter, s);
  };
  if (s.length === 0) {
    if (exec(0) !== null) return out;
    out.push(s);
    return out;
  }
  let p = 0;
  let q = p;
  if (fast && !hasFlag(flags, 'y')) {
    // one search per piece instead of a sticky match at every position, as V8's fast path
    // for a non-sticky regexp does (so under u a piece may end inside a surrogate pair when
    // the separator can match there, as in Node)
    const prog = programOf(splitter);
    while (q < s.length) {
      const m = matchAt(prog, s, q, false, false);
      if (m === undefined || m[0] >= s.length) break;
      noteMatch(s, m);
      const e = m[1] > s.length ? s.length : m[1];
      if (e === p) {
        q = advance(s, m[0], unicode);
        continue;
      }
      out.push(__native.stringSlice(s, p, m[0]));
      if (out.length === lim) return out;
      p = e;
      for (let i = 1; i <= prog.groups; i++) {
        out.push(m[i * 2] < 0 || m[i * 2 + 1] < 0 ? undefined as any : __native.stringSlice(s, m[i * 2], m[i * 2 + 1]));
        if (out.length === lim) return out;
      }
      q = p;
    }
    out.push(__native.stringSlice(s, p, s.length));
    return out;
  }
  while (q < s.length) {
    const z = exec(q);
    if (z === null) {
      q = advance(s, q, unicode);
      continue;
    }
    let e = toLength(splitter.lastIndex);
    if (e > s.length) e = s.length;
    if (e === p) {
      q = advance(s, q, unicode);
      continue;
    }
    out.push(__native.stringSlice(s, p, q));
    if (out.length === lim) return out;
    p = e;
    const nCaptures = toLength(z.length) - 1;
    for (let i = 1; i <= nCaptures; i++) {
      out.push(z[i]);
      if (out.length === lim) return out;
    }
    q = p;
  }
  out.push(__native.stringSlice(s, p, s.length));
  return out;
});

function toNumberUint32(v: any): number {
  return toNum(v) >>> 0;
}

// ---- String.prototype ----------------------------------------------------------------------------

function thisStringValue(v: any, method: string): any {
  if (v === undefined || v === null) throw new GLOBAL$.TypeError('String.prototype.' + method + ' called on null or undefined');
  return v;
}

const stringReplace = StringPrototype.replace;
const stringReplaceAll = StringPrototype.replaceAll;
const stringSplit = StringPrototype.split;

__native.installMethods(StringPrototype, {
  match(this: any, regexp: any): any {
    const o = thisStringValue(this, 'match');
    if (regexp !== undefined && regexp !== null) {
      const matcher = regexp[SymbolMatch];
      if (matcher !== undefined && matcher !== null) return __native.apply(matcher, regexp, [o]);
    }
    const s = toStr(o);
    const rx = regExpAlloc(regexp === undefined ? '' : toStr(regexp), '', RegExpPrototype);
    return rx[SymbolMatch](s);
  },
  matchAll(this: any, regexp: any): any {
    const o = thisStringValue(this, 'matchAll');
    if (regexp !== undefined && regexp !== null) {
      if (isRegExp(regexp)) {
        const flags = regexp.flags;
        if (flags === undefined || flags === null) throw new GLOBAL$.TypeError('Cannot convert undefined or null to object');
        if (!hasFlag(toStr(flags), 'g')) throw new GLOBAL$.TypeError('String.prototype.matchAll called with a non-global RegExp argument');
      }
      const matcher = regexp[SymbolMatchAll];
      if (matcher !== undefined && matcher !== null) return __native.apply(matcher, regexp, [o]);
    }
    const s = toStr(o);
    const rx = regExpAlloc(regexp === undefined ? '' : toStr(regexp), 'g', RegExpPrototype);
    return rx[SymbolMatchAll](s);
  },
  search(this: any, regexp: any): number {
    const o = thisStringValue(this, 'search');
    if (regexp !== undefined && regexp !== null) {
      const searcher = regexp[SymbolSearch];
      if (searcher !== undefined && searcher !== null) return __native.apply(searcher, regexp, [o]);
    }
    const s = toStr(o);
    const rx = regExpAlloc(regexp === undefined ? '' : toStr(regexp), '', RegExpPrototype);
    return rx[SymbolSearch](s);
  },
  replace(this: any, pattern: any, replacement: any): string {
    const o = thisStringValue(this, 'replace');
    if (pattern !== undefined && pattern !== null) {
      const replacer = pattern[SymbolReplace];
      if (replacer !== undefined && replacer !== null) return __native.apply(replacer, pattern, [o, replacement]);
    }
    return __native.apply(stringReplace, o, [pattern, replacement]);
  },
  replaceAll(this: any, pattern: any, replacement: any): string {
    const o = thisStringValue(this, 'replaceAll');
    if (pattern !== undefined && pattern !== null) {
      if (isRegExp(pattern)) {
        const flags = pattern.flags;
        if (flags === undefined || flags === null) throw new GLOBAL$.TypeError('Cannot convert undefined or null to object');
        if (!hasFlag(toStr(flags), 'g')) throw new GLOBAL$.TypeError('String.prototype.replaceAll called with a non-global RegExp argument');
      }
      const replacer = pattern[SymbolReplace];
      if (replacer !== undefined && replacer !== null) return __native.apply(replacer, pattern, [o, replacement]);
    }
    return __native.apply(stringReplaceAll, o, [pattern, replacement]);
  },
  split(this: any, separator: any, limit: any): string[] {
    const o = thisStringValue(this, 'split');
    if (separator !== undefined && separator !== null) {
      const splitter = separator[SymbolSplit];
      if (splitter !== undefined && splitter !== null) return __native.apply(splitter, separator, [o, limit]);
    }
    return __native.apply(stringSplit, o, [separator, limit]);
  },
});

// includes/startsWith/endsWith refuse regular expressions (IsRegExp), in V8's words
const refuseRegExp = ['includes', 'startsWith', 'endsWith'];
for (let i = 0; i < refuseRegExp.length; i++) {
  const name = refuseRegExp[i];
  const original = StringPrototype[name];
  const wrapper = function (this: any, search: any, position: any): boolean {
    thisStringValue(this, name);
    if (isRegExp(search)) {
      throw new GLOBAL$.TypeError('First argument to String.prototype.' + name + ' must not be a regular expression');
    }
    return __native.apply(original, this, [search, position]);
  };
  setName(wrapper, name);
  __native.defineProperty(wrapper, 'length', 1, 4);
  hidden(StringPrototype, name, wrapper);
}

/** console.log's text for a RegExp (its toString), or undefined for other objects. */
export function inspectRegExp(r: any): string | undefined {
  if (!isRegExpObject(r)) return undefined;
  return '/' + escapeSource(sourceOf(r)) + '/' + flagsOf(r);
}
