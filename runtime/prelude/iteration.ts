// Iterators and the GetIterator intrinsic: how for..of, spread and array destructuring
// find an iterator (runtime/README.md, "Iteration").
//
// GetIterator(value), called by the machine:
//   1. if the machine has symbols (the reference interpreter's Symbol stand-in) and
//      value[Symbol.iterator] is a function, its result;
//   2. arrays: an Array Iterator over the values; strings: a String Iterator over code
//      points; Map and Set: their entries / values iterators; an object with a callable
//      `next` that is one of the prelude's iterators: itself;
//   3. otherwise TypeError "<value> is not iterable".

import { ArrayPrototype, GLOBAL$, ObjectPrototype, StringPrototype, SymbolIterator, describe, hidden, install, isCallable, isObject } from './core.ts';

/** Extra iterator sources (Map, Set): return an iterator or undefined. */
const sources: ((v: any) => any)[] = [];

export function addIteratorSource(f: (v: any) => any): void {
  sources[sources.length] = f;
}

export const IteratorPrototype: any = {};
if (SymbolIterator !== undefined) {
  hidden(IteratorPrototype, SymbolIterator, function iterator(this: any): any {
    return this;
  });
}

/** Array iterators: kind 0 values, 1 keys, 2 entries. */
export const ArrayIteratorPrototype: any = {};
__native.setPrototypeOf(ArrayIteratorPrototype, IteratorPrototype);

export function arrayIterator(a: any, kind: number): any {
  const it: any = { a, i: 0, kind };
  __native.setPrototypeOf(it, ArrayIteratorPrototype);
  return it;
}

install(ArrayIteratorPrototype, {
  next(this: any): any {
    const a = this.a;
    if (a === undefined) return { value: undefined, done: true };
    const i = this.i;
    if (i >= a.length) {
      this.a = undefined;
      return { value: undefined, done: true };
    }
    this.i = i + 1;
    if (this.kind === 1) return { value: i, done: false };
    if (this.kind === 2) return { value: [i, a[i]], done: false };
    return { value: a[i], done: false };
  },
});

export const StringIteratorPrototype: any = {};
__native.setPrototypeOf(StringIteratorPrototype, IteratorPrototype);

install(StringIteratorPrototype, {
  next(this: any): any {
    const s: string = this.s;
    const i: number = this.i;
    if (i >= s.length) return { value: undefined, done: true };
    const c = __native.charCodeAt(s, i);
    let end = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && end < s.length) {
      const d = __native.charCodeAt(s, end);
      if (d >= 0xdc00 && d <= 0xdfff) end++;
    }
    this.i = end;
    return { value: __native.stringSlice(s, i, end), done: false };
  },
});

export function stringIterator(s: string): any {
  const it: any = { s, i: 0 };
  __native.setPrototypeOf(it, StringIteratorPrototype);
  return it;
}

function isPreludeIterator(v: any): boolean {
  for (let p = __native.getPrototypeOf(v); p !== null; p = __native.getPrototypeOf(p)) if (p === IteratorPrototype) return true;
  return false;
}

export function getIterator(v: any): any {
  if (SymbolIterator !== undefined && v !== undefined && v !== null) {
    const m = v[SymbolIterator];
    if (isCallable(m)) {
      const it = __native.apply(m, v, []);
      if (!isObject(it)) throw new GLOBAL$.TypeError('Result of the Symbol.iterator method is not an object');
      return it;
    }
  }
  const k = __native.valueKind(v);
  if (k === 6) return arrayIterator(v, 0);
  if (k === 4) return stringIterator(v);
  if (isObject(v)) {
    for (let i = 0; i < sources.length; i++) {
      const it = sources[i](v);
      if (it !== undefined) return it;
    }
    if (isPreludeIterator(v)) return v;
  }
  let what: string;
  if (v === undefined || v === null) what = v === undefined ? 'undefined' : 'null';
  else if (typeof v === 'number') what = 'number ' + describe(v);
  else if (isCallable(v)) what = describe(v);
  else if (isObject(v)) what = 'object';
  else what = describe(v);
  throw new GLOBAL$.TypeError(what + ' is not iterable');
}

/** Calls each(value) for every value an iterable produces (arrays directly). */
export function iterateValues(v: any, each: (x: any) => void): void {
  const it = getIterator(v);
  const next = it.next;
  for (;;) {
    const r = __native.apply(next, it, []);
    if (!isObject(r)) throw new GLOBAL$.TypeError('Iterator result ' + describe(r) + ' is not an object');
    if (r.done) return;
    each(r.value);
  }
}

__native.registerIntrinsic(11, getIterator);

// Array.prototype / String.prototype iteration methods and [Symbol.iterator].
install(ArrayPrototype, {
  entries(this: any): any {
    return arrayIterator(this, 2);
  },
  keys(this: any): any {
    return arrayIterator(this, 1);
  },
  values(this: any): any {
    return arrayIterator(this, 0);
  },
});
if (SymbolIterator !== undefined) {
  hidden(ArrayPrototype, SymbolIterator, ArrayPrototype.values);
  hidden(StringPrototype, SymbolIterator, function (this: any): any {
    return stringIterator(typeof this === 'string' ? this : GLOBAL$.String(this));
  });
}
void ObjectPrototype;
