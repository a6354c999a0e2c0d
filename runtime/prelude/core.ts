// The prelude's core: the intrinsic prototypes (created first and registered, so every
// object made afterwards gets them), conversions (ToString, ToNumber, ToPrimitive), the
// helpers the other prelude modules share, and the Error classes.
//
// Written on __native primitives only (runtime/README.md, "The prelude"). Constructors
// are named function/class *expressions* inside functions: esbuild renames top-level
// declarations that clash with globals the program uses (Map -> Map2), not those.

import { numberToString } from '../number-format.ts';
import { stringToNumber } from '../number-parse.ts';

import { ArrayPrototype, BooleanPrototype, FunctionPrototype, GLOBAL$, NumberPrototype, ObjectPrototype, StringPrototype } from './bootstrap.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

export { ArrayPrototype, BooleanPrototype, FunctionPrototype, GLOBAL$, NumberPrototype, ObjectPrototype, StringPrototype };

// ---- the well-known symbols ---------------------------------------------------------------
// Made first, so every later module can use them as keys. The machine is told the ones it
// consults itself (intrinsics.ts Intrinsic): Symbol.iterator for its iteration fast paths,
// Symbol.toPrimitive in ToPrimitive, Symbol.hasInstance in `instanceof`.
export const SymbolIterator: any = __native.newSymbol('Symbol.iterator');
export const SymbolToPrimitive: any = __native.newSymbol('Symbol.toPrimitive');
export const SymbolHasInstance: any = __native.newSymbol('Symbol.hasInstance');
export const SymbolToStringTag: any = __native.newSymbol('Symbol.toStringTag');
export const SymbolAsyncIterator: any = __native.newSymbol('Symbol.asyncIterator');
// the regular-expression protocol (regexp.ts)
export const SymbolMatch: any = __native.newSymbol('Symbol.match');
export const SymbolMatchAll: any = __native.newSymbol('Symbol.matchAll');
export const SymbolReplace: any = __native.newSymbol('Symbol.replace');
export const SymbolSearch: any = __native.newSymbol('Symbol.search');
export const SymbolSplit: any = __native.newSymbol('Symbol.split');
export const SymbolSpecies: any = __native.newSymbol('Symbol.species');
__native.registerIntrinsic(Intrinsic.SymbolIterator, SymbolIterator);
__native.registerIntrinsic(Intrinsic.SymbolToPrimitive, SymbolToPrimitive);
__native.registerIntrinsic(Intrinsic.SymbolHasInstance, SymbolHasInstance);

// ---- kinds and property helpers ------------------------------------------------------
export const K_UNDEFINED = 0, K_NULL = 1, K_BOOLEAN = 2, K_NUMBER = 3, K_STRING = 4, K_OBJECT = 5, K_ARRAY = 6,
  K_FUNCTION = 7, K_CLASS = 8, K_ARROW = 9, K_SYMBOL = 11;

export function isObject(v: unknown): boolean {
  const k = __native.valueKind(v);
  return k >= 5 && k <= 9;
}

export function isCallable(v: unknown): boolean {
  const k = __native.valueKind(v);
  return k >= 7 && k <= 9;
}

/** Defines a non-enumerable, writable, configurable data property (builtin methods). */
export function hidden(o: any, key: unknown, value: unknown): void {
  __native.defineProperty(o, key, value, 6);
}

/** Copies the methods of an object literal onto target as non-enumerable properties
 *  (accessors stay accessors), in ownKeys order: one native call (the start-up's largest
 *  cost was this loop: ~20 ops and two natives a method). */
export function install(target: any, methods: any): void {
  __native.installMethods(target, methods);
}

/** Constants: non-writable, non-enumerable, non-configurable. */
export function constant(o: any, key: string, value: unknown): void {
  __native.defineProperty(o, key, value, 0);
}

/** Sets up ctor.prototype / proto.constructor as the builtins have them. */
export function linkConstructor(ctor: any, proto: any, name: string): void {
  // The name is set explicitly: esbuild may rename the function expression (Array2).
  // (setName's and hidden()'s natives called directly: ~40 constructors at every start)
  __native.defineProperty(ctor, 'name', name, 4);
  __native.defineProperty(ctor, 'prototype', proto, 0);
  __native.defineProperty(proto, 'constructor', ctor, 6);
}

export function setName(fn: any, name: string): void {
  __native.defineProperty(fn, 'name', name, 4);
}

// ---- conversions -----------------------------------------------------------------------

/** ToPrimitive: obj[Symbol.toPrimitive](hint) when present, else OrdinaryToPrimitive
 *  (hint 'string': toString first; 'number' and 'default': valueOf first). */
export function toPrimitive(v: any, hint: string): any {
  if (!isObject(v)) return v;
  const exotic = v[SymbolToPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (!isCallable(exotic)) throw new GLOBAL$.TypeError(typedDescribe(exotic) + ' is not a function');
    const r = __native.apply(exotic, v, [hint]);
    if (!isObject(r)) return r;
    throw new GLOBAL$.TypeError('Cannot convert object to primitive value');
  }
  const first = hint === 'string' ? 'toString' : 'valueOf';
  const second = hint === 'string' ? 'valueOf' : 'toString';
  let m = v[first];
  if (isCallable(m)) {
    const r = __native.apply(m, v, []);
    if (!isObject(r)) return r;
  }
  m = v[second];
  if (isCallable(m)) {
    const r = __native.apply(m, v, []);
    if (!isObject(r)) return r;
  }
  throw new GLOBAL$.TypeError('Cannot convert object to primitive value');
}

// The machine's ToPrimitive hands objects with a Symbol.toPrimitive method (or accessor
// valueOf/toString) to this one (intrinsics.ts Intrinsic 25).
__native.registerIntrinsic(Intrinsic.ToPrimitive, toPrimitive);

export function toStr(v: any): string {
  const k = __native.valueKind(v);
  if (k === K_STRING) return v;
  if (k === K_NUMBER) return numberToString(v);
  if (k === K_UNDEFINED) return 'undefined';
  if (k === K_NULL) return 'null';
  if (k === K_BOOLEAN) return v ? 'true' : 'false';
  if (k === K_SYMBOL) throw new GLOBAL$.TypeError('Cannot convert a Symbol value to a string');
  return toStr(toPrimitive(v, 'string'));
}

export function toNum(v: any): number {
  const k = __native.valueKind(v);
  if (k === K_NUMBER) return v;
  if (k === K_STRING) return stringToNumber(v);
  if (k === K_UNDEFINED) return NaN;
  if (k === K_NULL) return 0;
  if (k === K_BOOLEAN) return v ? 1 : 0;
  if (k === K_SYMBOL) throw new GLOBAL$.TypeError('Cannot convert a Symbol value to a number');
  return toNum(toPrimitive(v, 'number'));
}

/** ToPropertyKey: a symbol stays a symbol, anything else becomes a string. */
export function toPropertyKey(v: any): any {
  const k = __native.valueKind(v);
  if (k === K_STRING || k === K_SYMBOL) return v;
  const p = toPrimitive(v, 'string');
  return __native.valueKind(p) === K_SYMBOL ? p : toStr(p);
}

/** "Symbol(description)", as String(symbol) and Symbol.prototype.toString give it. */
export function symbolDescriptiveString(sym: any): string {
  const d = __native.symbolDescription(sym);
  return 'Symbol(' + (d === undefined ? '' : d) + ')';
}

export function toIntegerOrInfinity(v: any): number {
  const n = toNum(v);
  if (n !== n) return 0;
  if (n === Infinity || n === -Infinity) return n;
  return __native.mathTrunc(n) + 0;
}

/** A relative index (slice, splice, fill, at...) clamped to 0..len. */
export function relativeIndex(v: any, len: number, dflt: number): number {
  const n = v === undefined ? dflt : toIntegerOrInfinity(v);
  if (n < 0) return len + n < 0 ? 0 : len + n;
  return n > len ? len : n;
}

// The machine answers calls of these whose argument is already the answer
// (boot/interp/machine-methods.ts); what is written above is what runs for the rest.
__native.registerIntrinsic(Intrinsic.PreludeToNum, toNum);
__native.registerIntrinsic(Intrinsic.PreludeToStr, toStr);
__native.registerIntrinsic(Intrinsic.PreludeToIntegerOrInfinity, toIntegerOrInfinity);
__native.registerIntrinsic(Intrinsic.PreludeRelativeIndex, relativeIndex);

export function toLength(v: any): number {
  const n = toIntegerOrInfinity(v);
  if (n <= 0) return 0;
  return n > 9007199254740991 ? 9007199254740991 : n;
}

export function toObject(v: any): any {
  if (v === undefined || v === null) throw new GLOBAL$.TypeError('Cannot convert undefined or null to object');
  return isObject(v) ? v : wrapPrimitive(v);
}

// ---- boxed primitives: new Number/String/Boolean, Object(primitive) -------------------------
// A wrapper object carries its [[NumberData]] / [[StringData]] / [[BooleanData]] /
// [[SymbolData]] in a private field stamped onto it.

class BoxBase$ {
  constructor(o: any) {
    return o;
  }
}

class Box$ extends BoxBase$ {
  #primitive: any;
  constructor(o: any, v: any) {
    super(o);
    this.#primitive = v;
  }
  static has(o: any): boolean {
    return isObject(o) && #primitive in o;
  }
  static get(o: any): any {
    return o.#primitive;
  }
}

/** Makes obj (a new object) the wrapper of primitive v; a String wrapper gets its index properties and length. */
export function boxInto(obj: any, v: any): any {
  new Box$(obj, v);
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) __native.defineProperty(obj, i, __native.stringSlice(v, i, i + 1), 1);
    __native.defineProperty(obj, 'length', v.length, 0);
  }
  return obj;
}

/** ToObject of a primitive (not undefined or null): a new wrapper. */
export function wrapPrimitive(v: any): any {
  const k = __native.valueKind(v);
  const proto = k === K_NUMBER ? NumberPrototype : k === K_STRING ? StringPrototype : k === K_BOOLEAN ? BooleanPrototype
    : __native.loadIntrinsic(Intrinsic.SymbolPrototype);
  const o: any = {};
  __native.setPrototypeOf(o, proto);
  return boxInto(o, v);
}

/** The primitive a wrapper object holds, or undefined for anything else. */
export function unboxPrimitive(o: any): any {
  return Box$.has(o) ? Box$.get(o) : undefined;
}

export function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return a !== 0 || 1 / (a as number) === 1 / (b as number);
  return a !== a && b !== b;
}

/** A short description of a value for error messages (as V8 prints them). */
export function describe(v: any): string {
  const k = __native.valueKind(v);
  if (k === K_STRING) return '"' + v + '"';
  if (k === K_SYMBOL) return symbolDescriptiveString(v);
  if (k >= 7 && k <= 9) {
    const n = v.name;
    return typeof n === 'string' && n !== '' ? n : 'function';
  }
  if (k === K_ARRAY) return '[object Array]';
  if (k === K_OBJECT) return '#<' + (constructorNameOf(v) || 'Object') + '>';
  return toStr(v);
}

/** How V8 names a value that should have been a function in some messages: "number 5",
 *  'string "x"', "boolean true", "symbol", "object". */
export function typedDescribe(v: any): string {
  const k = __native.valueKind(v);
  if (k === K_STRING) return 'string "' + v + '"';
  if (k === K_NUMBER) return 'number ' + toStr(v);
  if (k === K_BOOLEAN) return v ? 'boolean true' : 'boolean false';
  if (k === K_SYMBOL) return 'symbol';
  if (k === K_UNDEFINED) return 'undefined';
  if (k === K_NULL) return 'null';
  return 'object';
}

export function requireCallable(f: unknown): void {
  if (!isCallable(f)) throw new GLOBAL$.TypeError(describe(f) + ' is not a function');
}

/** The name of the nearest constructor on obj's prototype chain, or null. */
export function constructorNameOf(obj: any): string | null {
  for (let p = __native.getPrototypeOf(obj); p !== null; p = __native.getPrototypeOf(p)) {
    const flags = __native.propertyFlags(p, 'constructor');
    if (flags >= 0 && (flags & 24) === 0) {
      const c = p.constructor;
      if (isCallable(c)) {
        const n = c.name;
        if (typeof n === 'string' && n !== '') return n;
      }
    }
  }
  return null;
}

// ---- Errors ------------------------------------------------------------------------------

/** Frames captureStack leaves out on top of the error constructor's own (RaiseError adds one). */
let extraSkip = 0;

export let ErrorPrototype: any;

export function initError(self: any, message: any, options: any): void {
  const skip = 2 + extraSkip;
  extraSkip = 0;
  const frames = __native.captureStack(skip);
  // V8 formats the stack when it is first read: its header is the name and message of that
  // moment. Until then `stack` is an accessor pair that becomes the data property V8 shows
  // (Object.getOwnPropertyDescriptor does that first too: object.ts descriptorOf).
  __native.defineAccessor(self, 'stack', lazyStackGet, lazyStackSet, 4);
  new StackSlot$(self, frames);
  if (message !== undefined) hidden(self, 'message', toStr(message));
  if (isObject(options) && 'cause' in options) hidden(self, 'cause', options.cause);
}

/** The getter of a stack not read yet (shared by every error). */
const lazyStackGet = function stack(this: any): any {
  return StackSlot$.materialize(this);
};
const lazyStackSet = function stack(this: any, v: any): void {
  if (isObject(this)) hidden(this, 'stack', v);
};

/** When o's own `stack` is still the lazy accessor: make it the data property it reads as. */
export function materializeStack(o: any): void {
  if (__native.getOwnAccessor(o, 'stack', 0) === lazyStackGet) StackSlot$.materialize(o);
}

class StackBase$ {
  constructor(o: any) {
    return o;
  }
}

/** What initError captured: the frames, and the stack once formatted (V8 formats it lazily, so its header shows the name and message the error has when it is first read or printed: a subclass sets this.name after super()). */
class StackSlot$ extends StackBase$ {
  #frames: string;
  #stack: string | undefined = undefined;
  constructor(o: any, frames: string) {
    super(o);
    this.#frames = frames;
  }
  static materialize(o: any): any {
    if (!isObject(o) || !(#frames in o)) return undefined;
    if (o.#stack !== undefined) return o.#stack; // (a frozen error whose accessor stayed)
    const s = errorHeader(o) + o.#frames;
    o.#stack = s;
    // (a frozen or sealed error keeps the accessor: it reads the same from now on)
    if (__native.getOwnAccessor(o, 'stack', 0) !== lazyStackGet || (__native.propertyFlags(o, 'stack') & 4) !== 0) hidden(o, 'stack', s);
    return s;
  }
  static current(o: any): string | undefined {
    if (!isObject(o) || !(#frames in o)) return undefined;
    if (o.#stack !== undefined && __native.getOwnAccessor(o, 'stack', 0) === lazyStackGet) return o.#stack; // (frozen)
    const s = (o as any).stack; // (formats it when it was not read yet)
    return s === o.#stack ? s : undefined; // undefined: replaced by the program
  }
}

/** The stack an uncaught error or console.log shows: V8's lazily formatted one. */
export function errorStackNow(e: any): string | undefined {
  return StackSlot$.current(e);
}

function errorHeader(e: any): string {
  const name = e.name === undefined ? 'Error' : toStr(e.name);
  const msg = e.message === undefined ? '' : toStr(e.message);
  if (name === '') return msg;
  if (msg === '') return name;
  return name + ': ' + msg;
}

export function isError(o: any): boolean {
  if (!isObject(o)) return false;
  for (let p = __native.getPrototypeOf(o); p !== null; p = __native.getPrototypeOf(p)) if (p === ErrorPrototype) return true;
  return false;
}

function defineErrors(): void {
  const ErrorC: any = function Error(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(ErrorC, [message, options]);
    initError(this, message, options);
  };
  ErrorPrototype = ErrorC.prototype;
  linkConstructor(ErrorC, ErrorPrototype, 'Error');
  hidden(ErrorPrototype, 'name', 'Error');
  hidden(ErrorPrototype, 'message', '');
  __native.installMethods(ErrorPrototype, {
    toString(this: any): string {
      if (!isObject(this)) throw new GLOBAL$.TypeError('Error.prototype.toString requires that \'this\' be an Object');
      return errorHeader(this);
    },
  });
  __native.installMethods(ErrorC, {
    captureStackTrace(obj: any): void {
      hidden(obj, 'stack', errorHeader(obj) + __native.captureStack(2));
    },
  });
  hidden(ErrorC, 'stackTraceLimit', 10);
  hidden(GLOBAL$, 'Error', ErrorC);
  __native.registerIntrinsic(Intrinsic.Error, ErrorC);

  const sub = (name: string, ctor: any, id: number): void => {
    const proto = ctor.prototype;
    __native.setPrototypeOf(proto, ErrorPrototype);
    __native.setPrototypeOf(ctor, ErrorC);
    linkConstructor(ctor, proto, name);
    __native.defineProperty(proto, 'name', name, 6); // (hidden()'s native: at every start)
    __native.defineProperty(proto, 'message', '', 6);
    __native.defineProperty(GLOBAL$, name, ctor, 6);
    if (id >= 0) __native.registerIntrinsic(id, ctor);
  };
  const TypeErrorC: any = function TypeError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(TypeErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('TypeError', TypeErrorC, Intrinsic.TypeError);
  const ReferenceErrorC: any = function ReferenceError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(ReferenceErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('ReferenceError', ReferenceErrorC, Intrinsic.ReferenceError);
  const RangeErrorC: any = function RangeError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(RangeErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('RangeError', RangeErrorC, Intrinsic.RangeError);
  const SyntaxErrorC: any = function SyntaxError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(SyntaxErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('SyntaxError', SyntaxErrorC, Intrinsic.SyntaxError);
  const EvalErrorC: any = function EvalError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(EvalErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('EvalError', EvalErrorC, -1);
  const URIErrorC: any = function URIError(this: any, message?: any, options?: any): any {
    if (new.target === undefined) return __native.construct(URIErrorC, [message, options]);
    initError(this, message, options);
  };
  sub('URIError', URIErrorC, -1);

  const kinds = [TypeErrorC, ReferenceErrorC, RangeErrorC, SyntaxErrorC];
  __native.registerIntrinsic(Intrinsic.RaiseError, function RaiseError(kind: number, message: string, subject?: any): never {
    const C = kind >= 0 && kind < 4 ? kinds[kind] : ErrorC;
    // the machine's "#<Object>" for the object the error is about, as V8 names it ("#<Foo>")
    const k = __native.valueKind(subject);
    if (k === 5 || k === 6) {
      const at = __native.stringIndexOf(message, '#<Object>', 0);
      if (at >= 0) message = __native.stringSlice(message, 0, at) + (k === 5 && constructorNameOf(subject) === null ? '[object Object]' : describe(subject)) + __native.stringSlice(message, at + 9, message.length);
    }
    extraSkip = 1;
    throw __native.construct(C, [message]);
  });
}

defineErrors();

// ---- Symbol.species -------------------------------------------------------------------------

/** IsConstructor for functions of ours (classes, plain functions; not arrows, methods, async functions or generators). */
export function isConstructorValue(c: unknown): boolean {
  const k = __native.valueKind(c);
  if (k === 8) return true;
  return k === 7 && (__native.functionFlags(c) & (1 | 8 | 16 | 32 | 64)) === 0;
}

/** SpeciesConstructor(o, defaultC) (Promise's then/finally, RegExp's split/matchAll). */
export function speciesConstructor(o: any, defaultC: any): any {
  const C = o.constructor;
  if (C === undefined) return defaultC;
  if (!isObject(C)) throw new GLOBAL$.TypeError('The .constructor property is not an object');
  const S = C[SymbolSpecies];
  if (S === undefined || S === null) return defaultC;
  if (isConstructorValue(S)) return S;
  throw new GLOBAL$.TypeError('object.constructor[Symbol.species] is not a constructor');
}

/** get [Symbol.species]() { return this } on a builtin constructor. */
export function defineSpecies(C: any): void {
  const getter = function (this: any): any {
    return this;
  };
  __native.defineProperty(getter, 'name', 'get [Symbol.species]', 4); // (setName's native)
  __native.defineAccessor(C, SymbolSpecies, getter, undefined, 4);
}
