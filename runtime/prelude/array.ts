// Array and Array.prototype.

import { sortArray } from '../sort.ts';
import {
  ArrayPrototype, GLOBAL$, SymbolIterator, SymbolSpecies, defineSpecies, hidden, isConstructorValue, isObject, isCallable, linkConstructor, relativeIndex, requireCallable, sameValueZero,
  toIntegerOrInfinity, toLength, toNum, toObject, toStr,
} from './core.ts';
import { builtinNotIterable, iterateIterator, iteratorWith } from './iteration.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

function isArray(v: unknown): boolean {
  return __native.valueKind(v) === 6;
}

function lengthOf(o: any): number {
  return isArray(o) ? o.length : toLength(o.length);
}

/** f(v, i, o) with an optional this. */
function call3(f: any, thisArg: any, v: any, i: number, o: any): any {
  if (thisArg === undefined) return f(v, i, o);
  return __native.apply(f, thisArg, [v, i, o]);
}

const sortHooks = {
  hasIndex(a: unknown[], i: number): boolean {
    return i in a;
  },
  deleteIndex(a: unknown[], i: number): void {
    if (!__native.deleteProperty(a, i)) throw new GLOBAL$.TypeError('Cannot delete property \'' + toStr(i) + '\' of [object Array]');
  },
  stringOf(v: unknown): string {
    return toStr(v);
  },
  toNumber(v: unknown): number {
    return toNum(v);
  },
};

function flattenInto(out: any[], src: any, depth: number): void {
  const n = lengthOf(src);
  for (let i = 0; i < n; i++) {
    if (!(i in src)) continue;
    const v = src[i];
    if (depth > 0 && isArray(v)) flattenInto(out, v, depth - 1);
    else out[out.length] = v;
  }
}

function joinArray(o: any, sep: string): string {
  const n = lengthOf(o);
  let s = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) s += sep;
    const v = o[i];
    if (v !== undefined && v !== null) s += toStr(v);
  }
  return s;
}

/** Arrays being joined by toString (a cycle prints as ''). */
const joining: any[] = [];

let arrayConstructor: any;

/**
 * ArraySpeciesCreate(o, n): a plain array unless o is an array whose constructor's
 * [Symbol.species] is another constructor (an Array subclass: new C(n)).
 */
function arraySpeciesCreate(o: any, n: number): any {
  if (!isArray(o)) return [];
  let C = o.constructor;
  if (C === arrayConstructor) return []; // (the common case, before the species lookup)
  if (isObject(C)) {
    C = C[SymbolSpecies];
    if (C === null) C = undefined;
  }
  if (C === undefined || C === arrayConstructor) return [];
  if (!isConstructorValue(C)) throw new GLOBAL$.TypeError('object.constructor[Symbol.species] is not a constructor');
  return __native.construct(C, [n]);
}

/** Array.from/of's result: the array made, or (this a constructor other than Array) new this(n) filled with its elements. */
function ofConstructor(C: any, items: any[], withLength: boolean): any {
  if (C === arrayConstructor || !isConstructorValue(C)) return items;
  const o = withLength ? __native.construct(C, [items.length]) : __native.construct(C, []);
  for (let i = 0; i < items.length; i++) o[i] = items[i];
  o.length = items.length;
  return o;
}

function defineArray(): void {
  const ArrayC: any = function Array(this: any, ...args: any[]): any {
    let a: any[];
    if (args.length === 1 && typeof args[0] === 'number') {
      const n = args[0];
      if (toLength(n) !== n || n > 4294967295) throw new GLOBAL$.RangeError('Invalid array length');
      a = [];
      a.length = n;
    } else {
      a = [];
      for (let i = 0; i < args.length; i++) a[i] = args[i];
    }
    if (new.target !== undefined && new.target !== ArrayC) __native.setPrototypeOf(a, new.target.prototype);
    return a;
  };
  linkConstructor(ArrayC, ArrayPrototype, 'Array');
  hidden(GLOBAL$, 'Array', ArrayC);
  defineSpecies(ArrayC);
  arrayConstructor = ArrayC;
  __native.installMethods(ArrayC, {
    isArray(v: any): boolean {
      return isArray(v);
    },
    of(this: any, ...items: any[]): any[] {
      return ofConstructor(this, items, true);
    },
    from(src: any, mapFn?: any, thisArg?: any): any[] {
      if (mapFn !== undefined) requireCallable(mapFn);
      const out: any[] = [];
      if (src === undefined || src === null) throw new GLOBAL$.TypeError(builtinNotIterable(src));
      const method = src[SymbolIterator];
      if (method !== undefined && method !== null) {
        if (!isCallable(method)) {
          throw new GLOBAL$.TypeError('%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function');
        }
        iterateIterator(iteratorWith(src, method), (v) => {
          out[out.length] = mapFn === undefined ? v : call3(mapFn, thisArg, v, out.length, undefined);
        });
      } else {
        const n = toLength(src.length);
        for (let i = 0; i < n; i++) out[i] = mapFn === undefined ? src[i] : call3(mapFn, thisArg, src[i], i, undefined);
        return ofConstructor(this, out, true);
      }
      return ofConstructor(this, out, false);
    },
  });

  __native.installMethods(ArrayPrototype, {
    push(this: any, ...items: any[]): number {
      let n = lengthOf(this);
      for (let i = 0; i < items.length; i++) this[n++] = items[i];
      this.length = n;
      return n;
    },
    pop(this: any): any {
      const n = lengthOf(this);
      if (n === 0) {
        this.length = 0;
        return undefined;
      }
      const v = this[n - 1];
      delete this[n - 1]; // DeletePropertyOrThrow: an array-like loses the index too; a sealed array throws
      this.length = n - 1;
      return v;
    },
    shift(this: any): any {
      const n = lengthOf(this);
      if (n === 0) return undefined;
      const first = this[0];
      for (let i = 1; i < n; i++) {
        if (i in this) this[i - 1] = this[i];
        else __native.deleteProperty(this, i - 1);
      }
      this.length = n - 1;
      return first;
    },
    unshift(this: any, ...items: any[]): number {
      const n = lengthOf(this);
      const c = items.length;
      if (c > 0) {
        for (let i = n - 1; i >= 0; i--) {
          if (i in this) this[i + c] = this[i];
          else __native.deleteProperty(this, i + c);
        }
        for (let i = 0; i < c; i++) this[i] = items[i];
      }
      this.length = n + c;
      return n + c;
    },
    slice(this: any, start?: any, end?: any): any[] {
      const n = lengthOf(this);
      const s = relativeIndex(start, n, 0);
      const e = relativeIndex(end, n, n);
      const out: any[] = arraySpeciesCreate(this, e > s ? e - s : 0);
      let j = 0;
      for (let i = s; i < e; i++, j++) if (i in this) out[j] = this[i];
      out.length = e > s ? e - s : 0;
      return out;
    },
    splice(this: any, ...args: any[]): any[] {
      const n = lengthOf(this);
      const s = relativeIndex(args[0], n, 0);
      let dc: number;
      if (args.length === 0) dc = 0;
      else if (args.length === 1) dc = n - s;
      else {
        dc = toIntegerOrInfinity(args[1]);
        if (dc < 0) dc = 0;
        if (dc > n - s) dc = n - s;
      }
      const items: any[] = [];
      for (let i = 2; i < args.length; i++) items[i - 2] = args[i];
      const removed: any[] = arraySpeciesCreate(this, dc);
      for (let i = 0; i < dc; i++) if (s + i in this) removed[i] = this[s + i];
      removed.length = dc;
      const c = items.length;
      if (c < dc) {
        for (let k = s; k < n - dc; k++) {
          if (k + dc in this) this[k + c] = this[k + dc];
          else __native.deleteProperty(this, k + c);
        }
        for (let k = n; k > n - dc + c; k--) __native.deleteProperty(this, k - 1);
      } else if (c > dc) {
        for (let k = n - dc; k > s; k--) {
          if (k + dc - 1 in this) this[k + c - 1] = this[k + dc - 1];
          else __native.deleteProperty(this, k + c - 1);
        }
      }
      for (let i = 0; i < c; i++) this[s + i] = items[i];
      this.length = n - dc + c;
      return removed;
    },
    concat(this: any, ...args: any[]): any[] {
      const out: any[] = arraySpeciesCreate(this, 0);
      let n = 0;
      const add = (v: any): void => {
        if (isArray(v)) {
          const len = v.length;
          for (let i = 0; i < len; i++, n++) if (i in v) out[n] = v[i];
          out.length = n;
        } else out[n++] = v;
      };
      add(this);
      for (let i = 0; i < args.length; i++) add(args[i]);
      return out;
    },
    indexOf(this: any, x: any, from?: any): number {
      const n = lengthOf(this);
      for (let i = relativeIndex(from, n, 0); i < n; i++) if (i in this && this[i] === x) return i;
      return -1;
    },
    lastIndexOf(this: any, x: any, from?: any): number {
      const n = lengthOf(this);
      let i = from === undefined ? n - 1 : toIntegerOrInfinity(from);
      if (i < 0) i += n;
      if (i >= n) i = n - 1;
      for (; i >= 0; i--) if (i in this && this[i] === x) return i;
      return -1;
    },
    includes(this: any, x: any, from?: any): boolean {
      const n = lengthOf(this);
      for (let i = relativeIndex(from, n, 0); i < n; i++) if (sameValueZero(this[i], x)) return true;
      return false;
    },
    join(this: any, sep?: any): string {
      return joinArray(this, sep === undefined ? ',' : toStr(sep));
    },
    toString(this: any): string {
      for (let i = 0; i < joining.length; i++) if (joining[i] === this) return '';
      joining[joining.length] = this;
      try {
        return joinArray(this, ',');
      } finally {
        joining.length = joining.length - 1;
      }
    },
    toLocaleString(this: any): string {
      return this.toString();
    },
    reverse(this: any): any {
      const n = lengthOf(this);
      for (let lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
        const hasLo = lo in this, hasHi = hi in this;
        const a = this[lo], b = this[hi];
        if (hasHi) this[lo] = b;
        else __native.deleteProperty(this, lo);
        if (hasLo) this[hi] = a;
        else __native.deleteProperty(this, hi);
      }
      return this;
    },
    sort(this: any, compare?: any): any {
      if (compare !== undefined && !isCallable(compare)) throw new GLOBAL$.TypeError('The comparison function must be either a function or undefined');
      return sortArray(this, compare, sortHooks);
    },
    forEach(this: any, f: any, thisArg?: any): void {
      requireCallable(f);
      const n = lengthOf(this);
      for (let i = 0; i < n; i++) if (i in this) call3(f, thisArg, this[i], i, this);
    },
    map(this: any, f: any, thisArg?: any): any[] {
      requireCallable(f);
      const n = lengthOf(this);
      const out: any[] = arraySpeciesCreate(this, n);
      out.length = n;
      for (let i = 0; i < n; i++) if (i in this) out[i] = call3(f, thisArg, this[i], i, this);
      return out;
    },
    filter(this: any, f: any, thisArg?: any): any[] {
      requireCallable(f);
      const n = lengthOf(this);
      const out: any[] = arraySpeciesCreate(this, 0);
      for (let i = 0; i < n; i++) {
        if (!(i in this)) continue;
        const v = this[i];
        if (call3(f, thisArg, v, i, this)) out[out.length] = v;
      }
      return out;
    },
    reduce(this: any, f: any, ...init: any[]): any {
      requireCallable(f);
      const n = lengthOf(this);
      let i = 0;
      let acc: any;
      if (init.length > 0) acc = init[0];
      else {
        while (i < n && !(i in this)) i++;
        if (i >= n) throw new GLOBAL$.TypeError('Reduce of empty array with no initial value');
        acc = this[i++];
      }
      for (; i < n; i++) if (i in this) acc = f(acc, this[i], i, this);
      return acc;
    },
    reduceRight(this: any, f: any, ...init: any[]): any {
      requireCallable(f);
      let i = lengthOf(this) - 1;
      let acc: any;
      if (init.length > 0) acc = init[0];
      else {
        while (i >= 0 && !(i in this)) i--;
        if (i < 0) throw new GLOBAL$.TypeError('Reduce of empty array with no initial value');
        acc = this[i--];
      }
      for (; i >= 0; i--) if (i in this) acc = f(acc, this[i], i, this);
      return acc;
    },
    some(this: any, f: any, thisArg?: any): boolean {
      requireCallable(f);
      const n = lengthOf(this);
      for (let i = 0; i < n; i++) if (i in this && call3(f, thisArg, this[i], i, this)) return true;
      return false;
    },
    every(this: any, f: any, thisArg?: any): boolean {
      requireCallable(f);
      const n = lengthOf(this);
      for (let i = 0; i < n; i++) if (i in this && !call3(f, thisArg, this[i], i, this)) return false;
      return true;
    },
    find(this: any, f: any, thisArg?: any): any {
      requireCallable(f);
      const n = lengthOf(this);
      for (let i = 0; i < n; i++) {
        const v = this[i];
        if (call3(f, thisArg, v, i, this)) return v;
      }
      return undefined;
    },
    findIndex(this: any, f: any, thisArg?: any): number {
      requireCallable(f);
      const n = lengthOf(this);
      for (let i = 0; i < n; i++) if (call3(f, thisArg, this[i], i, this)) return i;
      return -1;
    },
    findLast(this: any, f: any, thisArg?: any): any {
      requireCallable(f);
      for (let i = lengthOf(this) - 1; i >= 0; i--) {
        const v = this[i];
        if (call3(f, thisArg, v, i, this)) return v;
      }
      return undefined;
    },
    findLastIndex(this: any, f: any, thisArg?: any): number {
      requireCallable(f);
      for (let i = lengthOf(this) - 1; i >= 0; i--) if (call3(f, thisArg, this[i], i, this)) return i;
      return -1;
    },
    flat(this: any, depth?: any): any[] {
      const d = depth === undefined ? 1 : toIntegerOrInfinity(depth);
      const out: any[] = arraySpeciesCreate(this, 0);
      flattenInto(out, this, d);
      return out;
    },
    flatMap(this: any, f: any, thisArg?: any): any[] {
      requireCallable(f);
      const n = lengthOf(this);
      const out: any[] = arraySpeciesCreate(this, 0);
      for (let i = 0; i < n; i++) {
        if (!(i in this)) continue;
        const v = call3(f, thisArg, this[i], i, this);
        if (isArray(v)) flattenInto(out, v, 0);
        else out[out.length] = v;
      }
      return out;
    },
    fill(this: any, value: any, start?: any, end?: any): any {
      const n = lengthOf(this);
      const e = relativeIndex(end, n, n);
      for (let i = relativeIndex(start, n, 0); i < e; i++) this[i] = value;
      return this;
    },
    at(this: any, index: any): any {
      const n = lengthOf(this);
      let i = toIntegerOrInfinity(index);
      if (i < 0) i += n;
      return i < 0 || i >= n ? undefined : this[i];
    },
    copyWithin(this: any, target: any, start: any, end?: any): any {
      const n = lengthOf(this);
      let to = relativeIndex(target, n, 0);
      let from = relativeIndex(start, n, 0);
      const e = relativeIndex(end, n, n);
      let count = e - from < n - to ? e - from : n - to;
      if (from < to && to < from + count) {
        // overlapping, moving right: copy from the end
        from += count - 1;
        to += count - 1;
        for (; count > 0; count--, from--, to--) {
          if (from in this) this[to] = this[from];
          else __native.deleteProperty(this, to);
        }
      } else {
        for (; count > 0; count--, from++, to++) {
          if (from in this) this[to] = this[from];
          else __native.deleteProperty(this, to);
        }
      }
      return this;
    },
    // The change-array-by-copy methods: a new dense array, holes read as undefined.
    toReversed(this: any): any[] {
      const n = lengthOf(this);
      const out: any[] = [];
      for (let i = n - 1; i >= 0; i--) out.push(this[i]);
      return out;
    },
    toSorted(this: any, compare?: any): any[] {
      if (compare !== undefined && !isCallable(compare)) throw new GLOBAL$.TypeError('The comparison function must be either a function or undefined');
      const n = lengthOf(this);
      const out: any[] = [];
      for (let i = 0; i < n; i++) out.push(this[i]);
      return sortArray(out, compare, sortHooks);
    },
    toSpliced(this: any, ...args: any[]): any[] {
      const n = lengthOf(this);
      const start = relativeIndex(args[0], n, 0);
      let skip = args.length === 0 ? 0 : args.length === 1 ? n - start : toIntegerOrInfinity(args[1]);
      if (skip < 0) skip = 0;
      if (skip > n - start) skip = n - start;
      const out: any[] = [];
      for (let i = 0; i < start; i++) out.push(this[i]);
      for (let i = 2; i < args.length; i++) out.push(args[i]);
      for (let i = start + skip; i < n; i++) out.push(this[i]);
      return out;
    },
    with(this: any, index: any, value: any): any[] {
      const n = lengthOf(this);
      let i = toIntegerOrInfinity(index);
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw new GLOBAL$.RangeError('Invalid index : ' + toStr(index));
      const out: any[] = [];
      for (let k = 0; k < n; k++) out.push(k === i ? value : this[k]);
      return out;
    },
  });
  // The machine does push(v) on an extensible array itself while Array.prototype.push is this one.
  __native.registerIntrinsic(Intrinsic.ArrayPush, ArrayPrototype.push);
  __native.registerIntrinsic(Intrinsic.ArrayPop, ArrayPrototype.pop);
  void toObject;
}

defineArray();
