// Iterators and the GetIterator intrinsic: how for..of, spread and array destructuring
// find an iterator (runtime/README.md, "Iteration").
//
// GetIterator(value), for the machine (and Array.from, Map, Set...): the method
// value[Symbol.iterator] (TypeError "<value> is not iterable" when it is null or
// undefined), called with this = value; its result must be an object, whose `next` is read
// once. The machine gets the record [iterator, next] (Intrinsic 11) and calls next itself;
// it skips all this for arrays and strings whose [Symbol.iterator] and iterator `next` are
// still the ones registered below (intrinsics.ts Intrinsic.ArrayIterator...) and iterates
// them natively.

import {
  ArrayPrototype, GLOBAL$, StringPrototype, SymbolIterator, SymbolToStringTag, describe, hidden, isCallable, isObject,
  setName, toObject, toStr, typedDescribe,
} from './core.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

/** %IteratorPrototype%: [Symbol.iterator]() { return this; } */
export const IteratorPrototype: any = {};
const iteratorSelf = function (this: any): any {
  return this;
};
setName(iteratorSelf, '[Symbol.iterator]');
hidden(IteratorPrototype, SymbolIterator, iteratorSelf);

/** Makes a class's prototype an iterator prototype as Node has them: no `constructor`,
 *  [[Prototype]] %IteratorPrototype%, a Symbol.toStringTag. */
export function iteratorPrototypeOf(cls: any, tag: string): any {
  const proto = cls.prototype;
  __native.deleteProperty(proto, 'constructor');
  __native.setPrototypeOf(proto, IteratorPrototype);
  __native.defineProperty(proto, SymbolToStringTag, tag, 4);
  return proto;
}

export function incompatibleReceiver(what: string, receiver: any): never {
  throw new GLOBAL$.TypeError('Method ' + what + ' called on incompatible receiver ' + describe(receiver));
}

/** Array iterators: kind 0 values, 1 keys, 2 entries; the length is read at every step. */
const ArrayIteratorC = class {
  #a: any;
  #i = 0;
  #kind: number;
  constructor(a: any, kind: number) {
    this.#a = a;
    this.#kind = kind;
  }
  next(): any {
    if (!isObject(this) || !(#a in this)) incompatibleReceiver('Array Iterator.prototype.next', this);
    const a = this.#a;
    if (a === undefined) return { value: undefined, done: true };
    const i: number = this.#i;
    if (i >= a.length) {
      this.#a = undefined;
      return { value: undefined, done: true };
    }
    this.#i = i + 1;
    if (this.#kind === 1) return { value: i, done: false };
    if (this.#kind === 2) return { value: [i, a[i]], done: false };
    return { value: a[i], done: false };
  }
};
export const ArrayIteratorPrototype: any = iteratorPrototypeOf(ArrayIteratorC, 'Array Iterator');

export function arrayIterator(a: any, kind: number): any {
  return new ArrayIteratorC(a, kind);
}

/** String iterators: by code point. */
const StringIteratorC = class {
  #s: string;
  #i = 0;
  constructor(s: string) {
    this.#s = s;
  }
  next(): any {
    if (!isObject(this) || !(#s in this)) incompatibleReceiver('String Iterator.prototype.next', this);
    const s: string = this.#s;
    const i: number = this.#i;
    if (i >= s.length) return { value: undefined, done: true };
    const c = __native.charCodeAt(s, i);
    let end = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && end < s.length) {
      const d = __native.charCodeAt(s, end);
      if (d >= 0xdc00 && d <= 0xdfff) end++;
    }
    this.#i = end;
    return { value: __native.stringSlice(s, i, end), done: false };
  }
};
export const StringIteratorPrototype: any = iteratorPrototypeOf(StringIteratorC, 'String Iterator');

export function stringIterator(s: string): any {
  return new StringIteratorC(s);
}

function notIterable(v: any): string {
  let what: string;
  if (v === undefined || v === null) what = v === undefined ? 'undefined' : 'null';
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'symbol') what = typedDescribe(v);
  else if (isCallable(v)) what = describe(v);
  else if (isObject(v)) what = 'object';
  else what = describe(v);
  return what + ' is not iterable';
}

/** V8's message when a builtin (Array.from, Map, Set...) finds no iterator. */
export function builtinNotIterable(v: any): string {
  let what: string;
  if (v === null) what = 'object null';
  else if (isCallable(v)) what = 'function';
  else what = typedDescribe(v);
  return what + ' is not iterable (cannot read property Symbol(Symbol.iterator))';
}

/** GetIterator for for..of, spread and destructuring (the machine's Intrinsic 11). */
export function getIterator(v: any): any {
  const m = v === undefined || v === null ? undefined : v[SymbolIterator];
  if (m === undefined || m === null || !isCallable(m)) throw new GLOBAL$.TypeError(notIterable(v));
  return iteratorFrom(__native.apply(m, v, []));
}

/** IterationError(exception, value, text, kind) (intrinsics.ts Intrinsic 43): V8's TypeError for a value that is not iterable, else the exception again. */
__native.registerIntrinsic(Intrinsic.IterationError, function IterationError(e: any, v: any, text: any, kind: number): never {
  const m = v === undefined || v === null ? undefined : v[SymbolIterator];
  if (m !== undefined && m !== null && isCallable(m)) throw e;
  if (kind === 0) throw new GLOBAL$.TypeError(text);
  if (kind === 1) {
    if (v === undefined || v === null) throw new GLOBAL$.TypeError(text + ' is not iterable (cannot read property ' + (v === null ? 'null' : 'undefined') + ')');
    throw new GLOBAL$.TypeError('Spread syntax requires ...iterable[Symbol.iterator] to be a function');
  }
  throw new GLOBAL$.TypeError(builtinNotIterable(v));
});

/** GetIterator as the builtins do it (their error message differs). */
export function getIteratorForBuiltin(v: any): any {
  const m = v === undefined || v === null ? undefined : v[SymbolIterator];
  if (m === undefined || m === null || !isCallable(m)) throw new GLOBAL$.TypeError(builtinNotIterable(v));
  return iteratorFrom(__native.apply(m, v, []));
}

function iteratorFrom(it: any): any {
  if (!isObject(it)) throw new GLOBAL$.TypeError('Result of the Symbol.iterator method is not an object');
  return it;
}

/** Calls iterator.return() after an abrupt completion, ignoring what it does (the original
 *  exception wins, as IteratorClose with a throw completion). */
export function closeIteratorQuietly(it: any): void {
  try {
    const ret = it.return;
    if (ret !== undefined && ret !== null) __native.apply(ret, it, []);
  } catch {
    // dropped: the caller rethrows the original exception
  }
}

/** Runs each(value) for every value the iterator produces; closes it if each throws. */
export function iterateIterator(it: any, each: (x: any) => void): void {
  const next = it.next;
  for (;;) {
    if (!isCallable(next)) throw new GLOBAL$.TypeError(typedDescribe(next) + ' is not a function');
    const r = __native.apply(next, it, []);
    if (!isObject(r)) throw new GLOBAL$.TypeError('Iterator result ' + (typeof r === 'symbol' ? describe(r) : toStr(r)) + ' is not an object');
    if (r.done) return;
    const x = r.value;
    try {
      each(x);
    } catch (e) {
      closeIteratorQuietly(it);
      throw e;
    }
  }
}

/** Calls each(value) for every value an iterable produces (GetIterator, then next() until done). */
export function iterateValues(v: any, each: (x: any) => void): void {
  iterateIterator(getIteratorForBuiltin(v), each);
}

/** An iterator from a Symbol.iterator method already read (Array.from). */
export function iteratorWith(v: any, method: any): any {
  return iteratorFrom(__native.apply(method, v, []));
}

// The machine's iterator records (intrinsics.ts Intrinsic 11, 28, 29): GetIterator gives
// [iterator, next] with `next` read once, as the spec's iterator records keep it.
__native.registerIntrinsic(Intrinsic.GetIterator, function GetIteratorRecord(v: any): any[] {
  const it = getIterator(v);
  return [it, it.next];
});
// An iterator result with accessors (the machine reads data properties itself): done
// first, then value; the function itself stands for "done".
const iteratorResultValue = function IteratorResultValue(this: any): any {
  return this.done ? iteratorResultValue : this.value;
};
__native.registerIntrinsic(Intrinsic.IteratorResultValue, iteratorResultValue);
__native.registerIntrinsic(Intrinsic.NotCallable, function NotCallable(f: any): never {
  throw new GLOBAL$.TypeError(typedDescribe(f) + ' is not a function');
});
__native.registerIntrinsic(Intrinsic.IteratorClose, function IteratorClose(record: any[]): void {
  const it = record[0];
  const ret = it.return;
  if (ret === undefined || ret === null) return;
  if (!isCallable(ret)) throw new GLOBAL$.TypeError(typedDescribe(ret) + ' is not a function');
  const r = __native.apply(ret, it, []);
  if (!isObject(r)) throw new GLOBAL$.TypeError('Iterator result ' + (typeof r === 'symbol' ? describe(r) : toStr(r)) + ' is not an object');
});

// Array.prototype / String.prototype iteration methods and [Symbol.iterator].
__native.installMethods(ArrayPrototype, {
  entries(this: any): any {
    return arrayIterator(toObject(this), 2);
  },
  keys(this: any): any {
    return arrayIterator(toObject(this), 1);
  },
  values(this: any): any {
    return arrayIterator(toObject(this), 0);
  },
});
hidden(ArrayPrototype, SymbolIterator, ArrayPrototype.values);
const stringIteratorMethod = function (this: any): any {
  if (this === undefined || this === null) throw new GLOBAL$.TypeError('String.prototype[Symbol.iterator] called on null or undefined');
  return stringIterator(typeof this === 'string' ? this : toStr(this));
};
setName(stringIteratorMethod, '[Symbol.iterator]');
hidden(StringPrototype, SymbolIterator, stringIteratorMethod);

// The machine's fast paths (intrinsics.ts Intrinsic): arrays and strings are iterated natively
// while these are what a lookup finds.
__native.registerIntrinsic(Intrinsic.ArrayIterator, ArrayPrototype.values);
__native.registerIntrinsic(Intrinsic.ArrayIteratorPrototype, ArrayIteratorPrototype);
__native.registerIntrinsic(Intrinsic.ArrayIteratorNext, ArrayIteratorPrototype.next);
__native.registerIntrinsic(Intrinsic.StringIterator, stringIteratorMethod);
__native.registerIntrinsic(Intrinsic.StringIteratorPrototype, StringIteratorPrototype);
__native.registerIntrinsic(Intrinsic.StringIteratorNext, StringIteratorPrototype.next);
