// util.inspect / console.log formatting with Node's defaults (depth 2, breakLength 80,
// compact 3, maxArrayLength 100, maxStringLength 10000, no colors, no hidden properties).
//
// Object internals are read through an `Introspect` (the interpreter implements it over
// its heap; tests implement it over Node's reflection), so this module uses only the
// allowed primitives of runtime/README.md.
//
// Layout rules (observed from Node 20 and reproduced here):
// - Each container's entries are formatted first (children indented 2 more than the
//   parent). An array with more than 6 entries may be grouped into aligned columns (see
//   groupArrayElements). Then the entries are put on a single line `{ a, b }` when
//   (1) the most recently formatted nested container is fewer than 3 levels below this one
//       ("compact = 3"; empty containers and [Object] placeholders do not count),
//   (2) grouping did not change the entries, and
//   (3) entries.length + start + sum(entry lengths) + entries.length <= 80, where
//       start = entries.length + indentation + opening-brace length + prefix length + 10,
//       and neither the prefix nor the joined entries contain a newline.
//   Otherwise each entry goes on its own line, indented by the current indentation + 2.
// - A string longer than 16 units and than 80 - indentation - 4 is split after each
//   newline into quoted pieces joined by ` +\n` and the indentation + 2.

import { type JsonHooks, jsonStringify } from './json.ts';
import { numberToString } from './number-format.ts';
import { parseFloatString, parseIntString, stringToNumber } from './number-parse.ts';
import { floorNumber, isNegativeZero, repeatString, substring, uintToDecimal } from './primitives.ts';

export type Key = string | symbol;

/** How a property looks from the outside. */
export interface PropertyInfo {
  /** True for accessor properties; then `value` is not read. */
  accessor: boolean;
  enumerable: boolean;
  hasGetter: boolean;
  hasSetter: boolean;
  value: unknown;
}

export interface FunctionInfo {
  /** '' when anonymous. */
  name: string;
  /** 'Function', 'AsyncFunction', 'GeneratorFunction' or 'AsyncGeneratorFunction'. */
  kind: string;
  isClass: boolean;
  /** For classes: the name written after `extends`, or '' if none. */
  extendsName: string;
}

/** What inspect needs to know about objects (all arguments are objects or functions). */
export interface Introspect {
  /** Own enumerable keys, in property order: array indices ascending, strings, symbols. */
  ownEnumerableKeys(obj: object): Key[];
  getOwnProperty(obj: object, key: Key): PropertyInfo;
  /**
   * The name of the nearest constructor on the prototype chain (the first prototype with
   * an own `constructor` function having a nonempty name), or null if there is none.
   */
  constructorName(obj: object): string | null;
  /** The value of obj[Symbol.toStringTag] if it is a string, else ''. */
  toStringTag(obj: object): string;
  isArray(obj: object): boolean;
  arrayLength(obj: object): number;
  hasOwnIndex(obj: object, index: number): boolean;
  isMap(obj: object): boolean;
  isSet(obj: object): boolean;
  /** Map entries as [key, value] pairs in order. */
  mapEntries(obj: object): unknown[][];
  setValues(obj: object): unknown[];
  isError(obj: object): boolean;
  /** The error's `stack` when it is a string, else Error.prototype.toString's result. */
  errorStack(obj: object): string;
  /** Whether `'cause' in err` (then shown as `[cause]` unless an own enumerable key). */
  errorHasCause(obj: object): boolean;
  /** obj[key] read through the prototype chain, as a string if it is one, else undefined. */
  getStringProperty(obj: object, key: string): string | undefined;
  functionInfo(fn: object): FunctionInfo;
  /** The description of a symbol (undefined for Symbol()). */
  symbolDescription(sym: symbol): string | undefined;
  /** Number(value) for an object or function (used by %d). */
  toNumber(value: object): number;
  /** String(value) for an object or function (used by %s, %i, %f). */
  toDisplayString(value: object): string;
  /** Whether obj's toString is a built-in one (else %s uses String(obj)). */
  hasBuiltInToString(obj: object): boolean;
  /** A promise's state (0 pending, 1 fulfilled, 2 rejected) and result; undefined for other objects. */
  promiseInfo?(obj: object): { state: number; result: unknown } | undefined;
  /**
   * What kind of buffer or view obj is: 'typed' (a typed array), 'buffer' (an ArrayBuffer),
   * 'dataview', or '' for any other object.
   */
  viewKind?(obj: object): string;
  /** A typed array's first n elements (n at most its length), or an ArrayBuffer's first n bytes. */
  viewElements?(obj: object, n: number): number[];
  /** A typed array's length, an ArrayBuffer's or DataView's byteLength. */
  viewLength?(obj: object): number;
  /** A DataView's byteOffset and buffer. */
  dataViewParts?(obj: object): { byteOffset: number; buffer: object };
  /** 'WeakMap' or 'WeakSet' for those (shown as `WeakMap { <items unknown> }`), else ''. */
  weakKind?(obj: object): string;
  /** For a Date: its ISO string, or "Invalid Date"; undefined for other objects. */
  dateString?(obj: object): string | undefined;
  /** For a Number, String, Boolean or Symbol wrapper object: the primitive it holds; undefined for other objects. */
  boxedPrimitive?(obj: object): { value: unknown } | undefined;
  /** For a RegExp: RegExp.prototype.toString's text (`/a+/g`); undefined for other objects. */
  regexpString?(obj: object): string | undefined;
}

export interface InspectOptions {
  depth?: number;
  breakLength?: number;
}

interface Ctx {
  intro: Introspect;
  depth: number;
  breakLength: number;
  indentationLvl: number;
  currentDepth: number;
  seen: unknown[];
  circular: unknown[];
}

const COMPACT = 3;
const MAX_ARRAY_LENGTH = 100;
const MAX_STRING_LENGTH = 10000;

function hex2(c: number, digits: number): string {
  let s = numberToString(c, 16);
  while (s.length < digits) s = '0' + s;
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    r += String.fromCharCode(ch >= 97 ? ch - 32 : ch);
  }
  return r;
}

/** Two lowercase hex digits. */
function hexByte(b: number): string {
  const s = numberToString(b, 16);
  return s.length < 2 ? '0' + s : s;
}

function contains(s: string, c: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === c) return true;
  return false;
}

function containsDollarBrace(s: string): boolean {
  for (let i = 0; i + 1 < s.length; i++) if (s.charCodeAt(i) === 36 && s.charCodeAt(i + 1) === 123) return true;
  return false;
}

/** Node's strEscape: quote choice and escapes. */
export function quoteString(s: string): string {
  let quote = 39; // '
  if (contains(s, 39)) {
    if (!contains(s, 34)) quote = 34;
    else if (!contains(s, 96) && !containsDollarBrace(s)) quote = 96;
  }
  const q = String.fromCharCode(quote);
  return q + escapeUnits(s, quote) + q;
}

/** strEscape's escapes of s's units (the quote character `quote` too when it is '). */
function escapeUnits(s: string, quote: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === quote && quote === 39) out += "\\'";
    else if (c === 92) out += '\\\\';
    else if (c < 32 || (c >= 0x7f && c <= 0x9f)) {
      if (c === 8) out += '\\b';
      else if (c === 9) out += '\\t';
      else if (c === 10) out += '\\n';
      else if (c === 12) out += '\\f';
      else if (c === 13) out += '\\r';
      else out += '\\x' + hex2(c, 2);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += String.fromCharCode(c) + String.fromCharCode(next);
        i++;
      } else {
        out += '\\u' + numberToString(c, 16);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\\u' + numberToString(c, 16);
    } else {
      out += String.fromCharCode(c);
    }
  }
  return out;
}

function isIdentifierKey(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** Canonical array index strings ("0", "17", not "01", below 2^32 - 1). */
function isArrayIndexKey(k: Key): boolean {
  if (typeof k !== 'string' || k.length === 0 || k.length > 10) return false;
  if (k.length > 1 && k.charCodeAt(0) === 48) return false;
  let v = 0;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    v = v * 10 + (c - 48);
  }
  return v < 4294967295;
}

function formatNumber(n: number): string {
  if (isNegativeZero(n)) return '-0';
  return numberToString(n);
}

function symbolToString(ctx: Ctx, s: symbol): string {
  const d = ctx.intro.symbolDescription(s);
  return d === undefined ? 'Symbol()' : 'Symbol(' + d + ')';
}

function splitAfterNewlines(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 10) {
      parts.push(substring(s, start, i + 1));
      start = i + 1;
    }
  }
  if (start < s.length) parts.push(substring(s, start, s.length));
  return parts;
}

function formatString(ctx: Ctx, value: string): string {
  let trailer = '';
  let v = value;
  if (v.length > MAX_STRING_LENGTH) {
    const remaining = v.length - MAX_STRING_LENGTH;
    v = substring(v, 0, MAX_STRING_LENGTH);
    trailer = '... ' + uintToDecimal(remaining) + ' more character' + (remaining > 1 ? 's' : '');
  }
  if (v.length > 16 && v.length > ctx.breakLength - ctx.indentationLvl - 4) {
    const parts = splitAfterNewlines(v);
    let out = '';
    const sep = ' +\n' + repeatString(' ', ctx.indentationLvl + 2);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) out += sep;
      out += quoteString(parts[i]);
    }
    return out + trailer;
  }
  return quoteString(v) + trailer;
}

function formatPrimitive(ctx: Ctx, value: unknown): string | undefined {
  const t = typeof value;
  if (t === 'string') return formatString(ctx, value as string);
  if (t === 'number') return formatNumber(value as number);
  if (t === 'boolean') return value ? 'true' : 'false';
  if (t === 'undefined') return 'undefined';
  if (value === null) return 'null';
  if (t === 'symbol') return symbolToString(ctx, value as symbol);
  return undefined;
}

function indexOf(list: unknown[], v: unknown): number {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return i;
  return -1;
}

function formatValue(ctx: Ctx, value: unknown, recurseTimes: number): string {
  const p = formatPrimitive(ctx, value);
  if (p !== undefined) return p;
  const obj = value as object;
  if (indexOf(ctx.seen, obj) >= 0) {
    let index = indexOf(ctx.circular, obj);
    if (index < 0) {
      ctx.circular.push(obj);
      index = ctx.circular.length - 1;
    }
    return '[Circular *' + uintToDecimal(index + 1) + ']';
  }
  return formatRaw(ctx, obj, recurseTimes);
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size: string): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return '[' + fallback + size + ': null prototype] [' + tag + '] ';
    return '[' + fallback + size + ': null prototype] ';
  }
  if (tag !== '' && constructor !== tag) return constructor + size + ' [' + tag + '] ';
  return constructor + size + ' ';
}

function functionBase(ctx: Ctx, fn: object, constructor: string | null, tag: string): string {
  const info = ctx.intro.functionInfo(fn);
  if (info.isClass) {
    let base = '[class ' + (info.name !== '' ? info.name : '(anonymous)');
    if (constructor !== 'Function' && constructor !== null) base += ' [' + constructor + ']';
    if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
    if (constructor === null) base += ' extends [null prototype]';
    else if (info.extendsName !== '') base += ' extends ' + info.extendsName;
    return base + ']';
  }
  const type = info.kind;
  let base = '[' + type;
  if (constructor === null) base += ' (null prototype)';
  if (info.name === '') base += ' (anonymous)';
  else base += ': ' + info.name;
  base += ']';
  if (constructor !== type && constructor !== null) base += ' ' + constructor;
  if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
  return base;
}

function hasStackFrames(stack: string): boolean {
  // A line starting with "    at " after a newline.
  for (let i = 0; i + 7 < stack.length; i++) {
    if (
      stack.charCodeAt(i) === 10 &&
      stack.charCodeAt(i + 1) === 32 &&
      stack.charCodeAt(i + 2) === 32 &&
      stack.charCodeAt(i + 3) === 32 &&
      stack.charCodeAt(i + 4) === 32 &&
      stack.charCodeAt(i + 5) === 97 &&
      stack.charCodeAt(i + 6) === 116 &&
      stack.charCodeAt(i + 7) === 32
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Node's improveStack: a "regular" error's stack whose first line names an Error class
 * other than the constructor gets the constructor's name (`E2 [Error]: message`).
 */
export function improveStack(stack: string, constructor: string | null, name: string | undefined): string {
  if (constructor === null || name === undefined) return stack;
  const len = name.length;
  const endsWithError = len >= 5 && substring(name, len - 5, len) === 'Error';
  const next = stack.length > len ? stack.charCodeAt(len) : -1;
  if (!(endsWithError && substring(stack, 0, len) === name && (next === -1 || next === 58 || next === 10))) return stack;
  const prefix = constructor;
  if (name === prefix) return stack;
  if (includesString(prefix, name)) return prefix + substring(stack, len, stack.length);
  return prefix + ' [' + name + ']' + substring(stack, len, stack.length);
}

function formatError(ctx: Ctx, err: object): string {
  let stack = improveStack(ctx.intro.errorStack(err), ctx.intro.constructorName(err), ctx.intro.getStringProperty(err, 'name'));
  if (!hasStackFrames(stack)) stack = '[' + stack + ']';
  if (ctx.indentationLvl !== 0) {
    const ind = repeatString(' ', ctx.indentationLvl);
    let out = '';
    for (let i = 0; i < stack.length; i++) {
      const c = stack.charCodeAt(i);
      out += String.fromCharCode(c);
      if (c === 10) out += ind;
    }
    stack = out;
  }
  return stack;
}

function includesString(s: string, sub: string): boolean {
  for (let i = 0; i + sub.length <= s.length; i++) {
    let j = 0;
    while (j < sub.length && s.charCodeAt(i + j) === sub.charCodeAt(j)) j++;
    if (j === sub.length) return true;
  }
  return false;
}

/** Drops name/message/stack keys whose value the stack already shows; adds [cause]. */
function errorKeys(ctx: Ctx, err: object, keys: Key[], stack: string): Key[] {
  const out: Key[] = [];
  let hasCauseKey = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === 'name' || k === 'message' || k === 'stack') {
      const v = ctx.intro.getStringProperty(err, k);
      if (v !== undefined && includesString(stack, v)) continue;
    }
    if (k === 'cause') hasCauseKey = true;
    out.push(k);
  }
  if (!hasCauseKey && ctx.intro.errorHasCause(err)) out.push('cause');
  return out;
}

function formatProperty(ctx: Ctx, obj: object, recurseTimes: number, key: Key, valueOnly: boolean): string {
  const info = ctx.intro.getOwnProperty(obj, key);
  let str: string;
  if (!info.accessor) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, info.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (info.hasGetter) {
    str = info.hasSetter ? '[Getter/Setter]' : '[Getter]';
  } else if (info.hasSetter) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (valueOnly) return str;
  let name: string;
  if (typeof key === 'symbol') name = '[' + escapeUnits(symbolToString(ctx, key), 39) + ']';
  else if (key === '__proto__') name = "['__proto__']";
  else if (!info.enumerable) name = '[' + key + ']';
  else if (isIdentifierKey(key)) name = key;
  else name = quoteString(key);
  return name + ': ' + str;
}

function formatArrayEntries(ctx: Ctx, arr: object, recurseTimes: number, output: string[]): void {
  const intro = ctx.intro;
  const length = intro.arrayLength(arr);
  let i = 0;
  while (i < length && output.length < MAX_ARRAY_LENGTH) {
    if (!intro.hasOwnIndex(arr, i)) {
      let j = i + 1;
      while (j < length && !intro.hasOwnIndex(arr, j)) j++;
      const n = j - i;
      output.push('<' + uintToDecimal(n) + ' empty item' + (n > 1 ? 's' : '') + '>');
      i = j;
    } else {
      output.push(formatProperty(ctx, arr, recurseTimes, numberToString(i), true));
      i++;
    }
  }
  const remaining = length - i;
  if (remaining > 0) {
    output.push('... ' + uintToDecimal(remaining) + ' more item' + (remaining > 1 ? 's' : ''));
  }
}

function formatRaw(ctx: Ctx, obj: object, recurseTimes: number): string {
  const intro = ctx.intro;
  const constructor = intro.constructorName(obj);
  let tag = intro.toStringTag(obj);
  if (tag === constructor) tag = '';
  let keys: Key[] = intro.ownEnumerableKeys(obj);
  let braceOpen: string;
  let braceClose: string;
  let base = '';
  let kind = 0; // 0 object, 1 array, 2 set, 3 map, 4 promise, 5 typed array, 6 ArrayBuffer, 7 DataView
  let view = '';
  let date: string | undefined;
  let weak = '';
  let isArrayLike = false;
  let promise: { state: number; result: unknown } | undefined;
  let boxed: { value: unknown } | undefined;
  if (intro.isArray(obj)) {
    const nonIndex: Key[] = [];
    for (let i = 0; i < keys.length; i++) if (!isArrayIndexKey(keys[i])) nonIndex.push(keys[i]);
    keys = nonIndex;
    const length = intro.arrayLength(obj);
    const prefix =
      constructor !== 'Array' || tag !== '' ? getPrefix(constructor, tag, 'Array', '(' + uintToDecimal(length) + ')') : '';
    braceOpen = prefix + '[';
    braceClose = ']';
    if (length === 0 && keys.length === 0) return braceOpen + ']';
    kind = 1;
    isArrayLike = true;
  } else if ((view = intro.viewKind !== undefined ? intro.viewKind(obj) : '') === 'typed') {
    // as Node's formatTypedArray: `Uint8Array(3) [ 1, 2, 3 ]`, numbers only, grouped right-aligned
    const nonIndex: Key[] = [];
    for (let i = 0; i < keys.length; i++) if (!isArrayIndexKey(keys[i])) nonIndex.push(keys[i]);
    keys = nonIndex;
    const length = intro.viewLength!(obj);
    braceOpen = getPrefix(constructor, tag, '', '(' + uintToDecimal(length) + ')') + '[';
    braceClose = ']';
    if (length === 0 && keys.length === 0) return braceOpen + ']';
    kind = 5;
    isArrayLike = true;
  } else if (view === 'buffer' || view === 'dataview') {
    braceOpen = getPrefix(constructor, tag, view === 'buffer' ? 'ArrayBuffer' : 'DataView', '') + '{';
    braceClose = '}';
    kind = view === 'buffer' ? 6 : 7;
  } else if ((weak = intro.weakKind !== undefined ? intro.weakKind(obj) : '') !== '') {
    braceOpen = getPrefix(constructor, tag, weak, '') + '{';
    braceClose = '}';
    kind = 8;
  } else if (intro.isSet(obj)) {
    const size = intro.setValues(obj).length;
    const prefix = getPrefix(constructor, tag, 'Set', '(' + uintToDecimal(size) + ')');
    if (size === 0 && keys.length === 0) return prefix + '{}';
    braceOpen = prefix + '{';
    braceClose = '}';
    kind = 2;
  } else if (intro.isMap(obj)) {
    const size = intro.mapEntries(obj).length;
    const prefix = getPrefix(constructor, tag, 'Map', '(' + uintToDecimal(size) + ')');
    if (size === 0 && keys.length === 0) return prefix + '{}';
    braceOpen = prefix + '{';
    braceClose = '}';
    kind = 3;
  } else {
    braceOpen = '{';
    braceClose = '}';
    if (constructor === 'Object') {
      if (tag !== '') braceOpen = getPrefix(constructor, tag, 'Object', '') + '{';
      if (keys.length === 0) return braceOpen + '}';
    } else if (typeof obj === 'function') {
      base = functionBase(ctx, obj, constructor, tag);
      if (keys.length === 0) return base;
    } else if (intro.regexpString !== undefined && (date = intro.regexpString(obj)) !== undefined) {
      const prefix = getPrefix(constructor, tag, 'RegExp', '');
      base = prefix !== 'RegExp ' ? prefix + date : date;
      if (keys.length === 0) return base;
      if (recurseTimes > ctx.depth) return base;
    } else if (intro.dateString !== undefined && (date = intro.dateString(obj)) !== undefined) {
      const prefix = getPrefix(constructor, tag, 'Date', '');
      base = prefix !== 'Date ' ? prefix + date : date;
      if (keys.length === 0) return base;
    } else if (intro.isError(obj)) {
      base = formatError(ctx, obj);
      keys = errorKeys(ctx, obj, keys, intro.errorStack(obj));
      if (keys.length === 0) return base;
    } else if (intro.promiseInfo !== undefined && (promise = intro.promiseInfo(obj)) !== undefined) {
      braceOpen = getPrefix(constructor, tag, 'Promise', '') + '{';
      kind = 4;
    } else if (intro.boxedPrimitive !== undefined && (boxed = intro.boxedPrimitive(obj)) !== undefined) {
      // Node's getBoxedBase: `[Number: 5]`, `[String (Sub): 'ab']`; a String's index keys are not shown
      const p = boxed.value;
      const type = typeof p === 'number' ? 'Number' : typeof p === 'string' ? 'String' : typeof p === 'boolean' ? 'Boolean' : 'Symbol';
      if (typeof p === 'string') {
        // its index keys come first, in order
        const rest: Key[] = [];
        for (let i = p.length; i < keys.length; i++) rest.push(keys[i]);
        keys = rest;
      }
      base = '[' + type;
      if (type !== constructor) base += constructor === null ? ' (null prototype)' : ' (' + constructor + ')';
      base += ': ' + formatPrimitive(ctx, p) + ']';
      if (tag !== '' && tag !== constructor) base += ' [' + tag + ']';
      if (keys.length === 0) return base;
    } else {
      const name = getPrefix(constructor, tag, 'Object', '');
      if (keys.length === 0) return name + '{}';
      braceOpen = name + '{';
    }
  }
  if (recurseTimes > ctx.depth) {
    const full = getPrefix(constructor, tag, 'Object', '');
    const name = substring(full, 0, full.length - 1);
    return constructor !== null ? '[' + name + ']' : name;
  }
  const depth = recurseTimes + 1;
  ctx.seen.push(obj);
  ctx.currentDepth = depth;
  const output: string[] = [];
  if (kind === 1) {
    formatArrayEntries(ctx, obj, depth, output);
  } else if (kind === 5) {
    const length = intro.viewLength!(obj);
    const n = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
    const values = intro.viewElements!(obj, n);
    for (let i = 0; i < n; i++) output.push(formatNumber(values[i]));
    if (length > n) output.push('... ' + uintToDecimal(length - n) + ' more item' + (length - n > 1 ? 's' : ''));
  } else if (kind === 6) {
    // Node's formatArrayBuffer: the first 100 bytes in hex, then the byteLength property
    const length = intro.viewLength!(obj);
    const n = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
    const bytes = intro.viewElements!(obj, n);
    let hex = '';
    for (let i = 0; i < n; i++) hex += (i > 0 ? ' ' : '') + hexByte(bytes[i]);
    if (length > n) hex += ' ... ' + uintToDecimal(length - n) + ' more byte' + (length - n > 1 ? 's' : '');
    output.push('[Uint8Contents]: <' + hex + '>');
    output.push('byteLength: ' + formatNumber(length));
  } else if (kind === 8) {
    output.push('<items unknown>');
  } else if (kind === 7) {
    const parts = intro.dataViewParts!(obj);
    output.push('byteLength: ' + formatNumber(intro.viewLength!(obj)));
    output.push('byteOffset: ' + formatNumber(parts.byteOffset));
    ctx.indentationLvl += 2;
    output.push('buffer: ' + formatValue(ctx, parts.buffer, depth));
    ctx.indentationLvl -= 2;
  } else if (kind === 2) {
    const values = intro.setValues(obj);
    ctx.indentationLvl += 2;
    const n = values.length < MAX_ARRAY_LENGTH ? values.length : MAX_ARRAY_LENGTH;
    for (let i = 0; i < n; i++) output.push(formatValue(ctx, values[i], depth));
    ctx.indentationLvl -= 2;
    if (values.length > n) {
      const rem = values.length - n;
      output.push('... ' + uintToDecimal(rem) + ' more item' + (rem > 1 ? 's' : ''));
    }
  } else if (kind === 4) {
    if (promise!.state === 0) {
      output.push('<pending>');
    } else {
      ctx.indentationLvl += 2;
      const str = formatValue(ctx, promise!.result, depth);
      ctx.indentationLvl -= 2;
      output.push(promise!.state === 2 ? '<rejected> ' + str : str);
    }
  } else if (kind === 3) {
    const entries = intro.mapEntries(obj);
    ctx.indentationLvl += 2;
    const n = entries.length < MAX_ARRAY_LENGTH ? entries.length : MAX_ARRAY_LENGTH;
    for (let i = 0; i < n; i++) {
      const k = formatValue(ctx, entries[i][0], depth);
      output.push(k + ' => ' + formatValue(ctx, entries[i][1], depth));
    }
    ctx.indentationLvl -= 2;
    if (entries.length > n) {
      const rem = entries.length - n;
      output.push('... ' + uintToDecimal(rem) + ' more item' + (rem > 1 ? 's' : ''));
    }
  }
  for (let i = 0; i < keys.length; i++) output.push(formatProperty(ctx, obj, depth, keys[i], false));
  // Remove obj from seen (it is the last element).
  const seen: unknown[] = [];
  for (let i = 0; i + 1 < ctx.seen.length; i++) seen.push(ctx.seen[i]);
  ctx.seen = seen;
  const ref = indexOf(ctx.circular, obj);
  if (ref >= 0) {
    const reference = '<ref *' + uintToDecimal(ref + 1) + '>';
    base = base === '' ? reference : reference + ' ' + base;
  }
  return reduceToSingleString(ctx, output, base, braceOpen, braceClose, isArrayLike, depth, obj);
}

function sqrtNumber(x: number): number {
  if (x <= 0) return 0;
  let y = x < 1 ? 1 : x;
  for (let i = 0; i < 200; i++) {
    const next = (y + x / y) / 2;
    if (next >= y) break;
    y = next;
  }
  // Newton's iteration from above decreases monotonically to within an ulp of the
  // root (Math.sqrt is correctly rounded; the difference cannot change the rounded
  // column count except in contrived cases).
  return y;
}

function roundNumber(x: number): number {
  return floorNumber(x + 0.5);
}

function groupArrayElements(ctx: Ctx, output: string[], arr: object): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  // The trailing "... n more items" entry is not grouped (Node tests only the count).
  if (MAX_ARRAY_LENGTH < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = sqrtNumber(actualMax - totalLength / output.length);
    let biasedMax = actualMax - 3 - averageBias;
    if (biasedMax < 1) biasedMax = 1;
    let columns = roundNumber(sqrtNumber(2.5 * biasedMax * outputLength) / biasedMax);
    const byWidth = floorNumber((ctx.breakLength - ctx.indentationLvl) / actualMax);
    if (byWidth < columns) columns = byWidth;
    if (COMPACT * 4 < columns) columns = COMPACT * 4;
    if (15 < columns) columns = 15;
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if (j < outputLength && dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    // Numbers are right-aligned, anything else left-aligned.
    let padStart = true;
    const intro = ctx.intro;
    const typed = intro.viewKind !== undefined && intro.viewKind(arr) === 'typed';
    const len = typed ? 0 : intro.arrayLength(arr);
    for (let i = 0; i < output.length && !typed; i++) {
      let isNum = false;
      if (i < len && intro.hasOwnIndex(arr, i)) {
        const info = intro.getOwnProperty(arr, numberToString(i));
        isNum = !info.accessor && typeof info.value === 'number';
      }
      if (!isNum) {
        padStart = false;
        break;
      }
    }
    const tmp: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = i + columns < outputLength ? i + columns : outputLength;
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = output[j] + ', ';
        const pad = repeatString(' ', maxLineLength[j - i] - cell.length);
        str += padStart ? pad + cell : cell + pad;
      }
      if (padStart) {
        str += repeatString(' ', maxLineLength[j - i] - separatorSpace - output[j].length) + output[j];
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (outputLength < output.length) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

function reduceToSingleString(
  ctx: Ctx,
  output: string[],
  base: string,
  braceOpen: string,
  braceClose: string,
  isArrayLike: boolean,
  recurseTimes: number,
  value: object,
): string {
  let out = output;
  const entries = output.length;
  if (isArrayLike && entries > 6) out = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < COMPACT && entries === out.length) {
    const start = out.length + ctx.indentationLvl + braceOpen.length + base.length + 10;
    if (isBelowBreakLength(ctx, out, start, base)) {
      const joined = join(out, ', ');
      if (!contains(joined, 10)) {
        return (base !== '' ? base + ' ' : '') + braceOpen + ' ' + joined + ' ' + braceClose;
      }
    }
  }
  const indentation = '\n' + repeatString(' ', ctx.indentationLvl);
  return (
    (base !== '' ? base + ' ' : '') +
    braceOpen +
    indentation +
    '  ' +
    join(out, ',' + indentation + '  ') +
    indentation +
    braceClose
  );
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    total += output[i].length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !contains(base, 10);
}

function join(parts: string[], sep: string): string {
  let s = '';
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) s += sep;
    s += parts[i];
  }
  return s;
}

/** util.inspect(value) with Node's defaults. */
export function inspect(value: unknown, intro: Introspect, options?: InspectOptions): string {
  const ctx: Ctx = {
    intro: intro,
    depth: options !== undefined && options.depth !== undefined ? options.depth : 2,
    breakLength: options !== undefined && options.breakLength !== undefined ? options.breakLength : 80,
    indentationLvl: 0,
    currentDepth: 0,
    seen: [],
    circular: [],
  };
  return formatValue(ctx, value, 0);
}


function toPlainString(v: unknown, intro: Introspect): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'symbol') {
    const d = intro.symbolDescription(v);
    return d === undefined ? 'Symbol()' : 'Symbol(' + d + ')';
  }
  return intro.toDisplayString(v as object);
}

function toNumberValue(v: unknown, intro: Introspect): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToNumber(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined) return NaN;
  if (v === null) return 0;
  return intro.toNumber(v as object);
}

/**
 * console.log's formatting of its arguments (util.formatWithOptions with no options):
 * a first string argument may hold %s %d %i %f %j %o %O %c %% directives; the remaining
 * arguments follow, separated by spaces, strings raw and everything else inspected.
 * Gap: %o is formatted like util.inspect with depth 4 but without Node's showHidden
 * (so no `[length]` entries).
 */
export function formatLogArgs(args: unknown[], intro: Introspect, json: JsonHooks): string {
  const first = args.length > 0 ? args[0] : undefined;
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue;
      const next = first.charCodeAt(i + 1);
      if (a + 1 !== args.length) {
        let tempStr: string;
        if (next === 115) {
          const arg = args[++a];
          if (typeof arg === 'number') tempStr = formatNumber(arg);
          else if ((typeof arg !== 'object' && typeof arg !== 'function') || arg === null) tempStr = toPlainString(arg, intro);
          else if (typeof arg === 'function' || !intro.hasBuiltInToString(arg)) tempStr = intro.toDisplayString(arg);
          else tempStr = inspect(arg, intro, { depth: 0 });
        } else if (next === 100) {
          const arg = args[++a];
          tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(toNumberValue(arg, intro));
        } else if (next === 105) {
          const arg = args[++a];
          tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseIntString(toPlainString(arg, intro)));
        } else if (next === 102) {
          const arg = args[++a];
          tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloatString(toPlainString(arg, intro)));
        } else if (next === 106) {
          const arg = args[++a];
          tempStr = jsonForLog(arg, json);
        } else if (next === 111) {
          tempStr = inspect(args[++a], intro, { depth: 4 });
        } else if (next === 79) {
          tempStr = inspect(args[++a], intro);
        } else if (next === 99) {
          a++;
          tempStr = '';
        } else if (next === 37) {
          str += substring(first, lastPos, i);
          lastPos = i + 1;
          i++;
          continue;
        } else {
          continue;
        }
        if (lastPos !== i) str += substring(first, lastPos, i);
        str += tempStr;
        lastPos = i + 2;
        i++;
      } else if (next === 37) {
        str += substring(first, lastPos, i);
        lastPos = i + 1;
        i++;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += substring(first, lastPos, first.length);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value === 'string' ? value : inspect(value, intro);
    join = ' ';
    a++;
  }
  return str;
}

function jsonForLog(value: unknown, json: JsonHooks): string {
  let r: string | undefined;
  try {
    r = jsonStringify(value, undefined, undefined, json);
  } catch (e) {
    const msg = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
    if (typeof msg === 'string' && includesString(msg, 'circular structure')) return '[Circular]';
    throw e;
  }
  return r === undefined ? 'undefined' : r;
}
