// JSON.stringify and JSON.parse (ECMA-262 25.5) with V8's (Node 20's) error messages.
// Object access goes through JsonHooks so the interpreter can supply [[Get]], key order,
// property creation and calls; this module itself uses only the allowed primitives.

import { numberToString } from './number-format.ts';
import { decimalToDouble } from './number-parse.ts';
import { isFiniteNumber, repeatString, substring, truncNumber, uintToDecimal } from './primitives.ts';

export interface JsonHooks {
  /** EnumerableOwnProperties(obj, key): own enumerable string keys in property order. */
  ownEnumerableStringKeys(obj: object): string[];
  /** obj[key] ([[Get]], running getters). */
  get(obj: object, key: string): unknown;
  isArray(obj: object): boolean;
  /** LengthOfArrayLike(obj). */
  arrayLength(obj: object): number;
  /** fn.call(thisArg, ...args). */
  callFunction(fn: unknown, thisArg: unknown, args: unknown[]): unknown;
  /**
   * For Number, String, Boolean (and BigInt) wrapper objects the primitive that
   * SerializeJSONProperty unwraps them to (ToNumber / ToString / [[BooleanData]]);
   * undefined for any other object.
   */
  unbox(obj: object): unknown;
  /** Constructor name for the circular-structure message ('Object' when there is none). */
  constructorName(obj: object): string;
  /** CreateDataProperty(obj, key, value) (also for '__proto__'). */
  createDataProperty(obj: object, key: string, value: unknown): void;
  deleteProperty(obj: object, key: string): void;
}

// ---------------------------------------------------------------------------------
// stringify

function hex4(c: number): string {
  let s = numberToString(c, 16);
  while (s.length < 4) s = '0' + s;
  return s;
}

/** QuoteJSONString. */
export function quoteJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 32) out += '\\u' + hex4(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += String.fromCharCode(c) + String.fromCharCode(next);
        i++;
      } else {
        out += '\\u' + hex4(c);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\u' + hex4(c);
    else out += String.fromCharCode(c);
  }
  return out + '"';
}

interface StringifyState {
  hooks: JsonHooks;
  replacerFn: unknown;
  propertyList: string[] | null;
  gap: string;
  indent: string;
  stack: object[];
  /** Keys leading to each stack entry (stackKeys[i] is the key of stack[i] in stack[i-1]). */
  stackKeys: string[];
}

function isObjectLike(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function isIndexKey(k: string): boolean {
  if (k.length === 0 || (k.length > 1 && k.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function describeKey(k: string, holderIsArray: boolean): string {
  return holderIsArray && isIndexKey(k) ? 'index ' + k : "property '" + k + "'";
}

function circularError(st: StringifyState, value: object, key: string): TypeError {
  let start = 0;
  while (st.stack[start] !== value) start++;
  const h = st.hooks;
  let msg = 'Converting circular structure to JSON\n    --> starting at object with constructor ' + "'" + h.constructorName(value) + "'";
  const lines: string[] = [];
  for (let i = start + 1; i < st.stack.length; i++) {
    lines.push(
      '\n    |     ' +
        describeKey(st.stackKeys[i], h.isArray(st.stack[i - 1])) +
        " -> object with constructor '" +
        h.constructorName(st.stack[i]) +
        "'",
    );
  }
  if (lines.length > 3) {
    msg += lines[0] + lines[1] + '\n    |     ...' + lines[lines.length - 1];
  } else {
    for (let i = 0; i < lines.length; i++) msg += lines[i];
  }
  msg += '\n    --- ' + describeKey(key, h.isArray(st.stack[st.stack.length - 1])) + ' closes the circle';
  return new TypeError(msg);
}

function serializeProperty(st: StringifyState, holder: object, key: string, initial: unknown, useInitial: boolean): string | undefined {
  const h = st.hooks;
  let value = useInitial ? initial : h.get(holder, key);
  if (isObjectLike(value)) {
    const toJSON = h.get(value, 'toJSON');
    if (typeof toJSON === 'function') value = h.callFunction(toJSON, value, [key]);
  }
  if (st.replacerFn !== undefined) value = h.callFunction(st.replacerFn, holder, [key, value]);
  if (isObjectLike(value) && typeof value !== 'function') {
    const prim = h.unbox(value);
    if (prim !== undefined) value = prim;
  }
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'number') return isFiniteNumber(value) ? numberToString(value) : 'null';
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (typeof value === 'object' && value !== null) {
    for (let i = 0; i < st.stack.length; i++) if (st.stack[i] === value) throw circularError(st, value, key);
    return h.isArray(value) ? serializeArray(st, value, key) : serializeObject(st, value, key);
  }
  return undefined;
}

function serializeObject(st: StringifyState, value: object, key: string): string {
  st.stack.push(value);
  st.stackKeys.push(key);
  const stepback = st.indent;
  st.indent = st.indent + st.gap;
  const keys = st.propertyList !== null ? st.propertyList : st.hooks.ownEnumerableStringKeys(value);
  const partial: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const strP = serializeProperty(st, value, keys[i], undefined, false);
    if (strP !== undefined) partial.push(quoteJsonString(keys[i]) + (st.gap !== '' ? ': ' : ':') + strP);
  }
  const out = joinMembers(st, partial, '{', '}', stepback);
  popStack(st);
  st.indent = stepback;
  return out;
}

function serializeArray(st: StringifyState, value: object, key: string): string {
  st.stack.push(value);
  st.stackKeys.push(key);
  const stepback = st.indent;
  st.indent = st.indent + st.gap;
  const len = st.hooks.arrayLength(value);
  const partial: string[] = [];
  for (let i = 0; i < len; i++) {
    const strP = serializeProperty(st, value, uintToDecimal(i), undefined, false);
    partial.push(strP === undefined ? 'null' : strP);
  }
  const out = joinMembers(st, partial, '[', ']', stepback);
  popStack(st);
  st.indent = stepback;
  return out;
}

function popStack(st: StringifyState): void {
  const s: object[] = [];
  const k: string[] = [];
  for (let i = 0; i + 1 < st.stack.length; i++) {
    s.push(st.stack[i]);
    k.push(st.stackKeys[i]);
  }
  st.stack = s;
  st.stackKeys = k;
}

function joinMembers(st: StringifyState, partial: string[], open: string, close: string, stepback: string): string {
  if (partial.length === 0) return open + close;
  let out = open;
  if (st.gap === '') {
    for (let i = 0; i < partial.length; i++) out += (i > 0 ? ',' : '') + partial[i];
    return out + close;
  }
  const sep = ',\n' + st.indent;
  out += '\n' + st.indent;
  for (let i = 0; i < partial.length; i++) out += (i > 0 ? sep : '') + partial[i];
  return out + '\n' + stepback + close;
}

/** JSON.stringify(value, replacer, space). Returns undefined when JSON.stringify does. */
export function jsonStringify(value: unknown, replacer: unknown, space: unknown, hooks: JsonHooks): string | undefined {
  let replacerFn: unknown = undefined;
  let propertyList: string[] | null = null;
  if (typeof replacer === 'function') {
    replacerFn = replacer;
  } else if (typeof replacer === 'object' && replacer !== null && hooks.isArray(replacer)) {
    propertyList = [];
    const len = hooks.arrayLength(replacer);
    for (let i = 0; i < len; i++) {
      let v = hooks.get(replacer, uintToDecimal(i));
      let item: string | undefined = undefined;
      if (typeof v === 'object' && v !== null) {
        const prim = hooks.unbox(v);
        if (typeof prim === 'string' || typeof prim === 'number') v = prim;
      }
      if (typeof v === 'string') item = v;
      else if (typeof v === 'number') item = numberToString(v);
      if (item !== undefined) {
        let dup = false;
        for (let k = 0; k < propertyList.length; k++) if (propertyList[k] === item) dup = true;
        if (!dup) propertyList.push(item);
      }
    }
  }
  let sp = space;
  if (typeof sp === 'object' && sp !== null) {
    const prim = hooks.unbox(sp);
    if (typeof prim === 'number' || typeof prim === 'string') sp = prim;
  }
  let gap = '';
  if (typeof sp === 'number') {
    let n = sp !== sp ? 0 : truncNumber(sp);
    if (n > 10) n = 10;
    if (n >= 1) gap = repeatString(' ', n);
  } else if (typeof sp === 'string') {
    gap = sp.length <= 10 ? sp : substring(sp, 0, 10);
  }
  const st: StringifyState = {
    hooks: hooks,
    replacerFn: replacerFn,
    propertyList: propertyList,
    gap: gap,
    indent: '',
    stack: [],
    stackKeys: [],
  };
  const wrapper = {};
  hooks.createDataProperty(wrapper, '', value);
  return serializeProperty(st, wrapper, '', value, true);
}

// ---------------------------------------------------------------------------------
// parse

class Parser {
  pos = 0;
  constructor(
    readonly text: string,
    readonly hooks: JsonHooks,
  ) {}

  fail(message: string): never {
    throw new SyntaxError(message);
  }

  failAt(message: string, pos: number): never {
    throw new SyntaxError(message + ' in JSON at position ' + uintToDecimal(pos));
  }

  /** The "Unexpected token" error for the character at pos (or end of input). */
  unexpected(pos: number): never {
    const t = this.text;
    if (pos >= t.length) this.fail('Unexpected end of JSON input');
    const code = t.charCodeAt(pos);
    if (code === 45 || (code >= 48 && code <= 57)) this.failAt('Unexpected number', pos);
    if (code === 34) this.failAt('Unexpected string', pos);
    const token = String.fromCharCode(code);
    if (t === 'undefined' || t === 'NaN' || t === 'Infinity') this.fail('"' + t + '" is not valid JSON');
    let context: string;
    if (t.length < 21) {
      context = '"' + t + '"';
    } else {
      const start = pos - 10 < 0 ? 0 : pos - 10;
      const end = pos + 10 > t.length ? t.length : pos + 10;
      context = (pos >= 10 ? '..."' : '"') + substring(t, start, end) + (end < t.length ? '"...' : '"');
    }
    this.fail('Unexpected token ' + "'" + token + "', " + context + ' is not valid JSON');
  }

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  parseValue(): unknown {
    this.skipWs();
    const c = this.peek();
    if (c === 34) return this.parseString();
    if (c === 123) return this.parseObject();
    if (c === 91) return this.parseArray();
    if (c === 45 || (c >= 48 && c <= 57)) return this.parseNumber();
    if (c === 116) return this.parseLiteral('true', true);
    if (c === 102) return this.parseLiteral('false', false);
    if (c === 110) return this.parseLiteral('null', null);
    return this.unexpected(this.pos);
  }

  parseLiteral(word: string, value: unknown): unknown {
    for (let i = 0; i < word.length; i++) {
      if (this.pos >= this.text.length) this.unexpected(this.pos);
      if (this.text.charCodeAt(this.pos) !== word.charCodeAt(i)) this.unexpected(this.pos);
      this.pos++;
    }
    return value;
  }

  parseNumber(): number {
    const t = this.text;
    const start = this.pos;
    let negative = false;
    if (this.peek() === 45) {
      negative = true;
      this.pos++;
      const d = this.peek();
      if (!(d >= 48 && d <= 57)) this.failAt('No number after minus sign', this.pos);
    }
    let digits = '';
    let exp = 0;
    if (this.peek() === 48) {
      this.pos++;
      const d = this.peek();
      if (d >= 48 && d <= 57) this.failAt('Unexpected number', this.pos);
    } else {
      while (this.peek() >= 48 && this.peek() <= 57) {
        digits += String.fromCharCode(this.peek());
        this.pos++;
      }
    }
    if (this.peek() === 46) {
      this.pos++;
      const d = this.peek();
      if (!(d >= 48 && d <= 57)) this.failAt('Unterminated fractional number', this.pos);
      while (this.peek() >= 48 && this.peek() <= 57) {
        const c = this.peek();
        if (!(c === 48 && digits.length === 0)) digits += String.fromCharCode(c);
        exp--;
        this.pos++;
      }
    }
    const e = this.peek();
    if (e === 101 || e === 69) {
      this.pos++;
      let expNegative = false;
      if (this.peek() === 43 || this.peek() === 45) {
        expNegative = this.peek() === 45;
        this.pos++;
      }
      const d = this.peek();
      if (!(d >= 48 && d <= 57)) this.failAt('Exponent part is missing a number', this.pos);
      let ev = 0;
      while (this.peek() >= 48 && this.peek() <= 57) {
        if (ev < 100000000) ev = ev * 10 + (this.peek() - 48);
        this.pos++;
      }
      exp += expNegative ? -ev : ev;
    }
    if (start === this.pos) this.unexpected(this.pos);
    const v = decimalToDouble(digits, exp);
    return negative ? -v : v;
  }

  parseString(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.pos >= t.length) this.failAt('Unterminated string', this.pos);
      const c = t.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        return out;
      }
      if (c < 32) this.failAt('Bad control character in string literal', this.pos);
      if (c !== 92) {
        out += String.fromCharCode(c);
        this.pos++;
        continue;
      }
      this.pos++;
      if (this.pos >= t.length) this.fail('Unexpected end of JSON input');
      const e = t.charCodeAt(this.pos);
      if (e === 34) out += '"';
      else if (e === 92) out += '\\';
      else if (e === 47) out += '/';
      else if (e === 98) out += '\b';
      else if (e === 102) out += '\f';
      else if (e === 110) out += '\n';
      else if (e === 114) out += '\r';
      else if (e === 116) out += '\t';
      else if (e === 117) {
        let v = 0;
        for (let k = 1; k <= 4; k++) {
          const p = this.pos + k;
          const h = p < t.length ? t.charCodeAt(p) : -1;
          let d: number;
          if (h >= 48 && h <= 57) d = h - 48;
          else if (h >= 97 && h <= 102) d = h - 87;
          else if (h >= 65 && h <= 70) d = h - 55;
          else return this.failAt('Bad Unicode escape', p);
          v = v * 16 + d;
        }
        out += String.fromCharCode(v);
        this.pos += 4;
      } else if (e > 255) {
        this.unexpected(this.pos); // V8 classifies only Latin-1 escape characters
      } else {
        this.failAt('Bad escaped character', this.pos);
      }
      this.pos++;
    }
  }

  parseArray(): unknown[] {
    this.pos++;
    const arr: unknown[] = [];
    this.skipWs();
    if (this.peek() === 93) {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.parseValue());
      this.skipWs();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return arr;
      }
      this.failAt("Expected ',' or ']' after array element", this.pos);
    }
  }

  parseObject(): object {
    this.pos++;
    const obj = {};
    this.skipWs();
    if (this.peek() === 125) {
      this.pos++;
      return obj;
    }
    if (this.peek() !== 34) this.failAt("Expected property name or '}'", this.pos);
    let first = true;
    for (;;) {
      const key = this.parseString();
      this.skipWs();
      if (this.peek() !== 58) {
        // V8 words this differently for the first property and the later ones.
        if (first) this.failAt("Expected ':' after property name", this.pos);
        this.unexpected(this.pos);
      }
      first = false;
      this.pos++;
      const value = this.parseValue();
      this.hooks.createDataProperty(obj, key, value);
      this.skipWs();
      const c = this.peek();
      if (c === 125) {
        this.pos++;
        return obj;
      }
      if (c !== 44) this.failAt("Expected ',' or '}' after property value", this.pos);
      this.pos++;
      this.skipWs();
      if (this.peek() !== 34) this.failAt('Expected double-quoted property name', this.pos);
    }
  }
}

function internalize(hooks: JsonHooks, reviver: unknown, holder: object, name: string): unknown {
  const val = hooks.get(holder, name);
  if (typeof val === 'object' && val !== null) {
    if (hooks.isArray(val)) {
      const len = hooks.arrayLength(val);
      for (let i = 0; i < len; i++) {
        const k = uintToDecimal(i);
        const el = internalize(hooks, reviver, val, k);
        if (el === undefined) hooks.deleteProperty(val, k);
        else hooks.createDataProperty(val, k, el);
      }
    } else {
      const keys = hooks.ownEnumerableStringKeys(val);
      for (let i = 0; i < keys.length; i++) {
        const el = internalize(hooks, reviver, val, keys[i]);
        if (el === undefined) hooks.deleteProperty(val, keys[i]);
        else hooks.createDataProperty(val, keys[i], el);
      }
    }
  }
  return hooks.callFunction(reviver, holder, [name, val]);
}

/** JSON.parse(text, reviver). Throws SyntaxError with V8's messages. */
export function jsonParse(text: string, reviver: unknown, hooks: JsonHooks): unknown {
  const p = new Parser(text, hooks);
  const value = p.parseValue();
  p.skipWs();
  if (p.pos < text.length) p.fail('Unexpected non-whitespace character after JSON at position ' + uintToDecimal(p.pos));
  if (typeof reviver === 'function') {
    const root = {};
    hooks.createDataProperty(root, '', value);
    return internalize(hooks, reviver, root, '');
  }
  return value;
}
