// Reflect; encodeURIComponent and friends. (The weak collections are in weak.ts.)

import {
  GLOBAL$, SymbolToStringTag, describe, hidden, isCallable, isObject, linkConstructor, toPropertyKey, toStr,
} from './core.ts';
import { iterateValues } from './iteration.ts';
import { compatibleDefinition, ownPropertyKeys } from './object.ts';

// ---- Reflect -----------------------------------------------------------------------------------

const ObjectC: any = GLOBAL$.Object;
const ReflectObj: any = {};
hidden(GLOBAL$, 'Reflect', ReflectObj);
__native.defineProperty(ReflectObj, SymbolToStringTag, 'Reflect', 4);

function requireTarget(v: unknown, method: string): void {
  if (!isObject(v)) throw new GLOBAL$.TypeError('Reflect.' + method + ' called on non-object');
}

__native.installMethods(ReflectObj, {
  apply(f: any, thisArg: any, args: any): any {
    if (!isCallable(f)) throw new GLOBAL$.TypeError('Function.prototype.apply was called on ' + toStr(describe(f)) + ', which is ' + articleType(f) + ' and not a function');
    return __native.apply(f, thisArg, GLOBAL$.Array.from(args));
  },
  construct(f: any, args: any, newTarget?: any): any {
    const nt = newTarget === undefined ? f : newTarget;
    if (!isConstructor(f)) throw new GLOBAL$.TypeError(toStr(describe(f)) + ' is not a constructor');
    if (!isConstructor(nt)) throw new GLOBAL$.TypeError(toStr(describe(nt)) + ' is not a constructor');
    const list = GLOBAL$.Array.from(args);
    if (nt === f) return __native.construct(f, list);
    // a different new.target: construct through a derived class whose prototype is nt's
    const Derived = class extends (f as any) {};
    __native.setPrototypeOf(Derived.prototype, nt.prototype);
    const o = __native.construct(Derived, list);
    __native.setPrototypeOf(o, nt.prototype);
    return o;
  },
  defineProperty(o: any, key: any, desc: any): boolean {
    requireTarget(o, 'defineProperty');
    if (!compatibleDefinition(o, toPropertyKey(key), desc)) return false;
    try {
      ObjectC.defineProperty(o, key, desc);
      return true;
    } catch (e) {
      if (isObject(e) && (e as any).name === 'TypeError') return false;
      throw e;
    }
  },
  deleteProperty(o: any, key: any): boolean {
    requireTarget(o, 'deleteProperty');
    return __native.deleteProperty(o, toPropertyKey(key));
  },
  get(o: any, key: any, ...rest: any[]): any {
    requireTarget(o, 'get');
    const k = toPropertyKey(key);
    const receiver = rest[0];
    if (rest.length === 0 || receiver === o) return o[k];
    for (let p = o; p !== null; p = __native.getPrototypeOf(p)) {
      const flags = __native.propertyFlags(p, k);
      if (flags < 0) continue;
      if (flags & 24) {
        const getter = __native.getOwnAccessor(p, k, 0);
        return getter === undefined ? undefined : __native.apply(getter, receiver, []);
      }
      return p[k];
    }
    return undefined;
  },
  getOwnPropertyDescriptor(o: any, key: any): any {
    requireTarget(o, 'getOwnPropertyDescriptor');
    return ObjectC.getOwnPropertyDescriptor(o, key);
  },
  getPrototypeOf(o: any): any {
    requireTarget(o, 'getPrototypeOf');
    return __native.getPrototypeOf(o);
  },
  has(o: any, key: any): boolean {
    requireTarget(o, 'has');
    return toPropertyKey(key) in o;
  },
  isExtensible(o: any): boolean {
    requireTarget(o, 'isExtensible');
    return __native.isExtensible(o);
  },
  ownKeys(o: any): any[] {
    requireTarget(o, 'ownKeys');
    return ownPropertyKeys(o, 2);
  },
  preventExtensions(o: any): boolean {
    requireTarget(o, 'preventExtensions');
    __native.preventExtensions(o, 0);
    return true;
  },
  set(o: any, key: any, value: any, ...rest: any[]): boolean {
    requireTarget(o, 'set');
    const k = toPropertyKey(key);
    const receiver = rest[0];
    if (rest.length > 0 && receiver !== o) {
      // a setter found on o's chain runs with the receiver; otherwise the receiver gets the property
      for (let p = o; p !== null; p = __native.getPrototypeOf(p)) {
        const flags = __native.propertyFlags(p, k);
        if (flags < 0) continue;
        if (flags & 24) {
          const setter = __native.getOwnAccessor(p, k, 1);
          if (setter === undefined) return false;
          __native.apply(setter, receiver, [value]);
          return true;
        }
        if ((flags & 2) === 0) return false;
        break;
      }
      if (!isObject(receiver)) return false;
      o = receiver;
    }
    try {
      o[k] = value;
      return true;
    } catch (e) {
      if (isObject(e) && (e as any).name === 'TypeError') return false;
      throw e;
    }
  },
  setPrototypeOf(o: any, proto: any): boolean {
    requireTarget(o, 'setPrototypeOf');
    if (proto !== null && !isObject(proto)) throw new GLOBAL$.TypeError('Object prototype may only be an Object or null: ' + toStr(proto));
    if (__native.getPrototypeOf(o) === proto) return true;
    if (!__native.isExtensible(o)) return false;
    for (let p = proto; p !== null; p = __native.getPrototypeOf(p)) if (p === o) return false;
    __native.setPrototypeOf(o, proto);
    return true;
  },
});

/**
 * ValidateAndApplyPropertyDescriptor's refusals: a new property on a non-extensible object,
 * or a change to a non-configurable one (configurable or enumerable flipped, a different
 * value or writable true for a read-only one, data and accessor swapped, other accessors).
 */
function isConstructor(f: unknown): boolean {
  const k = __native.valueKind(f);
  if (k === 8) return true;
  if (k !== 7) return false;
  // methods, async functions and generators are not constructors (FunctionFlag: method 8, async 16, generator 64)
  return (__native.functionFlags(f) & 88) === 0;
}

function articleType(v: unknown): string {
  const t = typeof v;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  return (t === 'object' ? 'an ' : 'a ') + t;
}

// ---- URI encoding --------------------------------------------------------------------------------

const HEX = '0123456789ABCDEF';
/** Characters encodeURIComponent leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
const UNRESERVED_MARKS = "-_.!~*'()";
/** encodeURI also leaves the reserved characters and #. */
const URI_RESERVED = ';/?:@&=+$,#';

function contains(set: string, c: number): boolean {
  for (let i = 0; i < set.length; i++) if (set.charCodeAt(i) === c) return true;
  return false;
}

function uriError(): never {
  throw new GLOBAL$.URIError('URI malformed');
}

function encode(s: string, keep: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || contains(UNRESERVED_MARKS, c) || contains(keep, c)) {
      out += String.fromCharCode(c);
      continue;
    }
    let cp = c;
    if (c >= 0xdc00 && c <= 0xdfff) uriError();
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) uriError();
      cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
    }
    const bytes: number[] = [];
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    for (let k = 0; k < bytes.length; k++) out += '%' + HEX[bytes[k] >> 4] + HEX[bytes[k] & 15];
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** The byte %XX at s[i]; -1 if s[i] is not a valid escape (then URIError). */
function escapedByte(s: string, i: number): number {
  if (i + 2 >= s.length || s.charCodeAt(i) !== 37) return -1;
  const h = hexValue(s.charCodeAt(i + 1)), l = hexValue(s.charCodeAt(i + 2));
  return h < 0 || l < 0 ? -1 : h * 16 + l;
}

function decode(s: string, reserved: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 37) {
      out += String.fromCharCode(c);
      continue;
    }
    const b = escapedByte(s, i);
    if (b < 0) uriError();
    if (b < 0x80) {
      out += contains(reserved, b) ? __native.stringSlice(s, i, i + 3) : String.fromCharCode(b);
      i += 2;
      continue;
    }
    let n: number, cp: number, min: number;
    if ((b & 0xe0) === 0xc0) { n = 2; cp = b & 0x1f; min = 0x80; }
    else if ((b & 0xf0) === 0xe0) { n = 3; cp = b & 0x0f; min = 0x800; }
    else if ((b & 0xf8) === 0xf0) { n = 4; cp = b & 0x07; min = 0x10000; }
    else return uriError();
    const start = i;
    i += 3;
    for (let k = 1; k < n; k++) {
      const cb = escapedByte(s, i);
      if (cb < 0 || (cb & 0xc0) !== 0x80) uriError();
      cp = (cp << 6) | (cb & 0x3f);
      i += 3;
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) uriError();
    void start;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += String.fromCharCode(0xd800 + (cp >> 10)) + String.fromCharCode(0xdc00 + (cp & 0x3ff));
    } else out += String.fromCharCode(cp);
    i--;
  }
  return out;
}

__native.installMethods(GLOBAL$, {
  encodeURIComponent(s: any): string {
    return encode(toStr(s), '');
  },
  encodeURI(s: any): string {
    return encode(toStr(s), URI_RESERVED);
  },
  decodeURIComponent(s: any): string {
    return decode(toStr(s), '');
  },
  decodeURI(s: any): string {
    return decode(toStr(s), URI_RESERVED);
  },
});
void linkConstructor;
