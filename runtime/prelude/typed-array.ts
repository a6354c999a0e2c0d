// ArrayBuffer, the typed arrays (%TypedArray% and its nine constructors) and DataView.
//
// The objects are the machine's buffer and view objects (natives.ts bufferNew/viewNew,
// boot/interp/typed.ts): the machine reads and writes typed array elements itself on
// integer keys (`ta[i]`, with V8's conversions), so the methods here index `this` like
// arrays do. Everything else (argument conversion, range checks and V8's messages) is
// here; the natives never see a range that was not checked.

import { mergeSort } from '../sort.ts';
import {
  ArrayPrototype, GLOBAL$, ObjectPrototype, SymbolIterator, SymbolToStringTag, hidden, isCallable, isObject, linkConstructor,
  relativeIndex, requireCallable, sameValueZero, toIntegerOrInfinity, toLength, toNum, toStr,
} from './core.ts';
import { arrayIterator, iterateValues } from './iteration.ts';

/** Types 0-8 in the machine's order (layout.ts VIEW_TYPES). */
const NAMES = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'];
const SIZES = [1, 1, 1, 2, 2, 4, 4, 4, 8];
const T_DATAVIEW = 9, T_BUFFER = 10;

/** The view type of v: 0-8 typed arrays, 9 DataView, 10 ArrayBuffer, -1 anything else. */
export function viewType(v: unknown): number {
  return __native.viewInfo(v, 0);
}

function isTyped(v: unknown): boolean {
  const t = viewType(v);
  return t >= 0 && t <= 8;
}

function rangeError(message: string): never {
  throw new GLOBAL$.RangeError(message);
}

function typeError(message: string): never {
  throw new GLOBAL$.TypeError(message);
}

/** `this` of a %TypedArray%.prototype method: its type, or TypeError. */
function validate(ta: unknown): number {
  const t = viewType(ta);
  if (t < 0 || t > 8) typeError('this is not a typed array.');
  return t;
}

/** ToIndex: undefined is 0; a negative or too large integer throws RangeError `message`. */
function toIndex(v: unknown, message: string): number {
  if (v === undefined) return 0;
  const n = toIntegerOrInfinity(v);
  if (n < 0 || n > 9007199254740991) rangeError(message);
  return n;
}

// ---- ArrayBuffer -------------------------------------------------------------------------

const ArrayBufferC: any = function ArrayBuffer(this: any, length?: unknown): any {
  if (new.target === undefined) typeError("Constructor ArrayBuffer requires 'new'");
  const n = toIndex(length, 'Invalid array buffer length');
  if (n > 2147483647) rangeError('Array buffer allocation failed');
  return __native.bufferNew(protoFor(new.target, ArrayBufferPrototype), n, undefined);
};
const ArrayBufferPrototype: any = {};
linkConstructor(ArrayBufferC, ArrayBufferPrototype, 'ArrayBuffer');
hidden(GLOBAL$, 'ArrayBuffer', ArrayBufferC);
__native.defineProperty(ArrayBufferPrototype, SymbolToStringTag, 'ArrayBuffer', 4);

/** new.target.prototype when it is an object (subclasses), else the builtin prototype. */
function protoFor(newTarget: any, dflt: any): any {
  if (newTarget === undefined) return dflt;
  const p = newTarget.prototype;
  return isObject(p) ? p : dflt;
}

function requireBuffer(b: unknown, what: string): void {
  if (viewType(b) !== T_BUFFER) typeError('Method ArrayBuffer.prototype.' + what + ' called on incompatible receiver ' + toStr(b));
}

__native.installMethods(ArrayBufferPrototype, {
  get byteLength(): number {
    requireBuffer(this, 'byteLength');
    return __native.viewInfo(this, 2);
  },
  slice(this: any, start?: unknown, end?: unknown): any {
    requireBuffer(this, 'slice');
    const len: number = __native.viewInfo(this, 2);
    const first = relativeIndex(start, len, 0);
    const final = relativeIndex(end, len, len);
    const n = final > first ? final - first : 0;
    const out = __native.bufferNew(ArrayBufferPrototype, n, undefined);
    __native.bytesCopy(out, 0, this, first, n);
    return out;
  },
});
__native.installMethods(ArrayBufferC, {
  isView(v: unknown): boolean {
    const t = viewType(v);
    return t >= 0 && t <= T_DATAVIEW;
  },
});

/**
 * A buffer over the physical range [phys, phys + length), seen through the kernel's direct
 * map: for drivers (kernel/arch/intrinsics.ts physBuffer). Writes through views of it are
 * writes to RAM. The machine stops if the range is not inside the direct map.
 */
export function physicalBuffer(phys: number, length: number): any {
  return __native.bufferNew(ArrayBufferPrototype, length, phys);
}

// ---- %TypedArray% -------------------------------------------------------------------------

const TypedArrayC: any = function TypedArray(): any {
  typeError('Abstract class TypedArray not directly constructable');
};
const TypedArrayPrototype: any = {};
linkConstructor(TypedArrayC, TypedArrayPrototype, 'TypedArray');

const constructors: any[] = [];
const prototypes: any[] = [];

/** A new typed array of type t and length n over a new buffer, with prototype proto. */
function allocate(t: number, n: number, proto: any): any {
  if (n * SIZES[t] > 2147483647) rangeError('Array buffer allocation failed');
  const buffer = __native.bufferNew(ArrayBufferPrototype, n * SIZES[t], undefined);
  return __native.viewNew(proto, t, buffer, 0, n);
}

/** The typed array a typed array method makes of this one's type (no species lookup). */
function like(ta: any, n: number): any {
  const t = viewType(ta);
  return allocate(t, n, prototypes[t]);
}

/** What `new C(...)` makes for the nine constructors (type t). */
function construct(t: number, newTarget: any, a0: any, a1: any, a2: any): any {
  const name = NAMES[t], size = SIZES[t];
  if (newTarget === undefined) typeError("Constructor " + name + " requires 'new'");
  const proto = protoFor(newTarget, prototypes[t]);
  if (!isObject(a0)) return allocate(t, toIndex(a0, 'Invalid typed array length: ' + toStr(a0)), proto);
  const at = viewType(a0);
  if (at === T_BUFFER) {
    const offset = toIndex(a1, 'Start offset ' + toStr(a1) + ' is outside the bounds of the buffer');
    if (offset % size !== 0) rangeError('start offset of ' + name + ' should be a multiple of ' + size);
    const bufLen: number = __native.viewInfo(a0, 2);
    let n: number;
    if (a2 === undefined) {
      if (bufLen % size !== 0) rangeError('byte length of ' + name + ' should be a multiple of ' + size);
      if (offset > bufLen) rangeError('Start offset ' + offset + ' is outside the bounds of the buffer');
      n = (bufLen - offset) / size;
    } else {
      n = toIndex(a2, 'Invalid typed array length: ' + toStr(a2));
      if (offset + n * size > bufLen) rangeError('Invalid typed array length: ' + n);
    }
    return __native.viewNew(proto, t, a0, offset, n);
  }
  if (at >= 0 && at <= 8) {
    const n: number = __native.viewInfo(a0, 2);
    const out = allocate(t, n, proto);
    if (at === t) __native.bytesCopy(out, 0, a0, 0, n * size);
    else for (let i = 0; i < n; i++) out[i] = a0[i];
    return out;
  }
  // an array (its own iteration gives its elements), another iterable, or an array-like
  let src: any = a0;
  if (__native.valueKind(a0) !== 6) {
    const method = a0[SymbolIterator];
    if (method !== undefined && method !== null) {
      src = [];
      iterateValues(a0, (v: any) => { src[src.length] = v; });
    }
  }
  const n = toLength(src.length);
  const out = allocate(t, n, proto);
  for (let i = 0; i < n; i++) out[i] = src[i];
  return out;
}

/** Default sort order: numeric, -0 before +0, NaN last. */
function numberGreater(x: number, y: number): boolean {
  if (x !== x) return y === y;
  if (y !== y) return false;
  if (x > y) return true;
  if (x < y) return false;
  return x === 0 && 1 / x > 0 && 1 / y < 0;
}

function sortedValues(ta: any, cmp: any): number[] {
  const n: number = ta.length;
  const items: number[] = [];
  for (let i = 0; i < n; i++) items[i] = ta[i];
  if (cmp === undefined) return mergeSort(items, numberGreater);
  return mergeSort(items, (x: number, y: number) => {
    const v = toNum(cmp(x, y));
    return v > 0;
  });
}

function call3(f: any, thisArg: any, v: any, i: number, o: any): any {
  if (thisArg === undefined) return f(v, i, o);
  return __native.apply(f, thisArg, [v, i, o]);
}

function joinTyped(ta: any, sep: string): string {
  const n: number = ta.length;
  let s = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) s += sep;
    s += toStr(ta[i]);
  }
  return s;
}

__native.installMethods(TypedArrayPrototype, {
  get buffer(): any {
    if (!isTyped(this)) typeError('Method get TypedArray.prototype.buffer called on incompatible receiver ' + toStr(this));
    return __native.viewInfo(this, 3);
  },
  get byteLength(): number {
    if (!isTyped(this)) typeError('Method get TypedArray.prototype.byteLength called on incompatible receiver ' + toStr(this));
    return __native.viewInfo(this, 2) * SIZES[viewType(this)];
  },
  get byteOffset(): number {
    if (!isTyped(this)) typeError('Method get TypedArray.prototype.byteOffset called on incompatible receiver ' + toStr(this));
    return __native.viewInfo(this, 1);
  },
  get length(): number {
    if (!isTyped(this)) typeError('Method get TypedArray.prototype.length called on incompatible receiver ' + toStr(this));
    return __native.viewInfo(this, 2);
  },
  at(this: any, index: unknown): any {
    validate(this);
    const n: number = this.length;
    let k = toIntegerOrInfinity(index);
    if (k < 0) k += n;
    return k < 0 || k >= n ? undefined : this[k];
  },
  copyWithin(this: any, target: unknown, start: unknown, end?: unknown): any {
    const t = validate(this);
    const n: number = this.length;
    const to = relativeIndex(target, n, 0);
    const from = relativeIndex(start, n, 0);
    const final = relativeIndex(end, n, n);
    let count = final - from;
    if (n - to < count) count = n - to;
    if (count > 0) __native.bytesCopy(this, to * SIZES[t], this, from * SIZES[t], count * SIZES[t]);
    return this;
  },
  entries(this: any): any {
    validate(this);
    return arrayIterator(this, 2);
  },
  keys(this: any): any {
    validate(this);
    return arrayIterator(this, 1);
  },
  values(this: any): any {
    validate(this);
    return arrayIterator(this, 0);
  },
  every(this: any, f: any, thisArg?: any): boolean {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    for (let i = 0; i < n; i++) if (!call3(f, thisArg, this[i], i, this)) return false;
    return true;
  },
  some(this: any, f: any, thisArg?: any): boolean {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    for (let i = 0; i < n; i++) if (call3(f, thisArg, this[i], i, this)) return true;
    return false;
  },
  fill(this: any, value: unknown, start?: unknown, end?: unknown): any {
    validate(this);
    const v = toNum(value);
    const n: number = this.length;
    const first = relativeIndex(start, n, 0);
    const final = relativeIndex(end, n, n);
    for (let i = first; i < final; i++) this[i] = v;
    return this;
  },
  filter(this: any, f: any, thisArg?: any): any {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = this[i];
      if (call3(f, thisArg, v, i, this)) kept[kept.length] = v;
    }
    const out = like(this, kept.length);
    for (let i = 0; i < kept.length; i++) out[i] = kept[i];
    return out;
  },
  find(this: any, f: any, thisArg?: any): any {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    for (let i = 0; i < n; i++) {
      const v = this[i];
      if (call3(f, thisArg, v, i, this)) return v;
    }
    return undefined;
  },
  findIndex(this: any, f: any, thisArg?: any): number {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    for (let i = 0; i < n; i++) if (call3(f, thisArg, this[i], i, this)) return i;
    return -1;
  },
  findLast(this: any, f: any, thisArg?: any): any {
    validate(this);
    requireCallable(f);
    for (let i: number = this.length - 1; i >= 0; i--) {
      const v = this[i];
      if (call3(f, thisArg, v, i, this)) return v;
    }
    return undefined;
  },
  findLastIndex(this: any, f: any, thisArg?: any): number {
    validate(this);
    requireCallable(f);
    for (let i: number = this.length - 1; i >= 0; i--) if (call3(f, thisArg, this[i], i, this)) return i;
    return -1;
  },
  forEach(this: any, f: any, thisArg?: any): void {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    for (let i = 0; i < n; i++) call3(f, thisArg, this[i], i, this);
  },
  includes(this: any, x: unknown, from?: unknown): boolean {
    validate(this);
    const n: number = this.length;
    for (let i = relativeIndex(from, n, 0); i < n; i++) if (sameValueZero(this[i], x)) return true;
    return false;
  },
  indexOf(this: any, x: unknown, from?: unknown): number {
    validate(this);
    const n: number = this.length;
    for (let i = relativeIndex(from, n, 0); i < n; i++) if (this[i] === x) return i;
    return -1;
  },
  lastIndexOf(this: any, x: unknown, ...rest: unknown[]): number {
    validate(this);
    const n: number = this.length;
    if (n === 0) return -1;
    let k = rest.length > 0 ? toIntegerOrInfinity(rest[0]) : n - 1;
    k = k >= 0 ? (k < n - 1 ? k : n - 1) : n + k;
    for (let i = k; i >= 0; i--) if (this[i] === x) return i;
    return -1;
  },
  join(this: any, separator?: unknown): string {
    validate(this);
    return joinTyped(this, separator === undefined ? ',' : toStr(separator));
  },
  map(this: any, f: any, thisArg?: any): any {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    const out = like(this, n);
    for (let i = 0; i < n; i++) out[i] = call3(f, thisArg, this[i], i, this);
    return out;
  },
  reduce(this: any, f: any, ...init: unknown[]): any {
    validate(this);
    requireCallable(f);
    const n: number = this.length;
    let i = 0;
    let acc: any;
    if (init.length > 0) acc = init[0];
    else {
      if (n === 0) typeError('Reduce of empty array with no initial value');
      acc = this[0];
      i = 1;
    }
    for (; i < n; i++) acc = f(acc, this[i], i, this);
    return acc;
  },
  reduceRight(this: any, f: any, ...init: unknown[]): any {
    validate(this);
    requireCallable(f);
    let i: number = this.length - 1;
    let acc: any;
    if (init.length > 0) acc = init[0];
    else {
      if (i < 0) typeError('Reduce of empty array with no initial value');
      acc = this[i];
      i--;
    }
    for (; i >= 0; i--) acc = f(acc, this[i], i, this);
    return acc;
  },
  reverse(this: any): any {
    validate(this);
    for (let i = 0, j: number = this.length - 1; i < j; i++, j--) {
      const v = this[i];
      this[i] = this[j];
      this[j] = v;
    }
    return this;
  },
  set(this: any, source: any, offset?: unknown): void {
    const t = validate(this);
    const off = toIntegerOrInfinity(offset);
    if (off < 0) rangeError('offset is out of bounds');
    const n: number = this.length;
    const st = viewType(source);
    if (st >= 0 && st <= 8) {
      const sn: number = __native.viewInfo(source, 2);
      if (sn + off > n) rangeError('offset is out of bounds');
      if (st === t) {
        __native.bytesCopy(this, off * SIZES[t], source, 0, sn * SIZES[t]);
        return;
      }
      // different types over one buffer may overlap: read every source element first
      const values: number[] = [];
      for (let i = 0; i < sn; i++) values[i] = source[i];
      for (let i = 0; i < sn; i++) this[off + i] = values[i];
      return;
    }
    if (source === undefined || source === null) typeError('Cannot convert undefined or null to object');
    const sn = toLength(source.length);
    if (sn + off > n) rangeError('offset is out of bounds');
    for (let i = 0; i < sn; i++) this[off + i] = toNum(source[i]);
  },
  slice(this: any, start?: unknown, end?: unknown): any {
    const t = validate(this);
    const n: number = this.length;
    const first = relativeIndex(start, n, 0);
    const final = relativeIndex(end, n, n);
    const count = final > first ? final - first : 0;
    const out = like(this, count);
    if (count > 0) __native.bytesCopy(out, 0, this, first * SIZES[t], count * SIZES[t]);
    return out;
  },
  sort(this: any, cmp?: any): any {
    validate(this);
    if (cmp !== undefined && !isCallable(cmp)) typeError('The comparison function must be either a function or undefined');
    const sorted = sortedValues(this, cmp);
    for (let i = 0; i < sorted.length; i++) this[i] = sorted[i];
    return this;
  },
  subarray(this: any, start?: unknown, end?: unknown): any {
    const t = validate(this);
    const n: number = this.length;
    const first = relativeIndex(start, n, 0);
    const final = relativeIndex(end, n, n);
    const count = final > first ? final - first : 0;
    const buffer = __native.viewInfo(this, 3);
    return __native.viewNew(prototypes[t], t, buffer, __native.viewInfo(this, 1) + first * SIZES[t], count);
  },
  toLocaleString(this: any): string {
    validate(this);
    const n: number = this.length;
    let s = '';
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ',';
      s += toStr(this[i].toLocaleString());
    }
    return s;
  },
  toReversed(this: any): any {
    validate(this);
    const n: number = this.length;
    const out = like(this, n);
    for (let i = 0; i < n; i++) out[i] = this[n - 1 - i];
    return out;
  },
  toSorted(this: any, cmp?: any): any {
    validate(this);
    if (cmp !== undefined && !isCallable(cmp)) typeError('The comparison function must be either a function or undefined');
    const sorted = sortedValues(this, cmp);
    const out = like(this, sorted.length);
    for (let i = 0; i < sorted.length; i++) out[i] = sorted[i];
    return out;
  },
  with(this: any, index: unknown, value: unknown): any {
    validate(this);
    const n: number = this.length;
    let k = toIntegerOrInfinity(index);
    if (k < 0) k += n;
    const v = toNum(value);
    if (k < 0 || k >= n) rangeError('Invalid typed array index');
    const out = like(this, n);
    __native.bytesCopy(out, 0, this, 0, n * SIZES[viewType(this)]);
    out[k] = v;
    return out;
  },
});
hidden(TypedArrayPrototype, 'toString', ArrayPrototype.toString);
hidden(TypedArrayPrototype, SymbolIterator, TypedArrayPrototype.values);
__native.defineAccessor(TypedArrayPrototype, SymbolToStringTag, function (this: any): any {
  const t = viewType(this);
  return t >= 0 && t <= 8 ? NAMES[t] : undefined;
}, undefined, 4);
__native.setFunctionName(__native.getOwnAccessor(TypedArrayPrototype, SymbolToStringTag, 0), SymbolToStringTag, 'get');

__native.installMethods(TypedArrayC, {
  from(this: any, source: any, mapFn?: any, thisArg?: any): any {
    if (mapFn !== undefined) requireCallable(mapFn);
    const values: any[] = [];
    if (source === undefined || source === null) typeError('Cannot convert undefined or null to object');
    const method = source[SymbolIterator];
    if (method !== undefined && method !== null) iterateValues(source, (v: any) => { values[values.length] = v; });
    else {
      const n = toLength(source.length);
      for (let i = 0; i < n; i++) values[i] = source[i];
    }
    const out = new this(values.length);
    for (let i = 0; i < values.length; i++) {
      out[i] = mapFn === undefined ? values[i] : thisArg === undefined ? mapFn(values[i], i) : __native.apply(mapFn, thisArg, [values[i], i]);
    }
    return out;
  },
  of(this: any, ...items: any[]): any {
    const out = new this(items.length);
    for (let i = 0; i < items.length; i++) out[i] = items[i];
    return out;
  },
});

for (let t = 0; t < 9; t++) {
  const type = t;
  const C: any = function (this: any, a0?: any, a1?: any, a2?: any): any {
    return construct(type, new.target, a0, a1, a2);
  };
  const P: any = {};
  __native.setPrototypeOf(P, TypedArrayPrototype);
  __native.setPrototypeOf(C, TypedArrayC);
  linkConstructor(C, P, NAMES[t]);
  __native.defineProperty(C, 'length', 3, 4);
  __native.defineProperty(C, 'BYTES_PER_ELEMENT', SIZES[t], 0);
  __native.defineProperty(P, 'BYTES_PER_ELEMENT', SIZES[t], 0);
  constructors[t] = C;
  prototypes[t] = P;
  hidden(GLOBAL$, NAMES[t], C);
}

// ---- DataView ------------------------------------------------------------------------------

const DataViewC: any = function DataView(this: any, buffer?: any, byteOffset?: unknown, byteLength?: unknown): any {
  if (new.target === undefined) typeError("Constructor DataView requires 'new'");
  if (viewType(buffer) !== T_BUFFER) typeError('First argument to DataView constructor must be an ArrayBuffer');
  const offset = toIndex(byteOffset, 'Start offset ' + toStr(byteOffset) + ' is outside the bounds of the buffer');
  const bufLen: number = __native.viewInfo(buffer, 2);
  if (offset > bufLen) rangeError('Start offset ' + offset + ' is outside the bounds of the buffer');
  let n = bufLen - offset;
  if (byteLength !== undefined) {
    n = toIndex(byteLength, 'Invalid DataView length ' + toStr(byteLength));
    if (offset + n > bufLen) rangeError('Invalid DataView length ' + n);
  }
  return __native.viewNew(protoFor(new.target, DataViewPrototype), T_DATAVIEW, buffer, offset, n);
};
const DataViewPrototype: any = {};
linkConstructor(DataViewC, DataViewPrototype, 'DataView');
hidden(GLOBAL$, 'DataView', DataViewC);
__native.defineProperty(DataViewPrototype, SymbolToStringTag, 'DataView', 4);

function requireDataView(v: unknown, what: string): void {
  if (viewType(v) !== T_DATAVIEW) typeError('Receiver is not a DataView');
  void what;
}

/** The checked byte index of a DataView access of `size` bytes at byteOffset. */
function viewIndex(dv: any, byteOffset: unknown, size: number): number {
  const i = toIndex(byteOffset, 'Offset is outside the bounds of the DataView');
  if (i + size > __native.viewInfo(dv, 2)) rangeError('Offset is outside the bounds of the DataView');
  return i;
}

__native.installMethods(DataViewPrototype, {
  get buffer(): any {
    requireDataView(this, 'buffer');
    return __native.viewInfo(this, 3);
  },
  get byteLength(): number {
    requireDataView(this, 'byteLength');
    return __native.viewInfo(this, 2);
  },
  get byteOffset(): number {
    requireDataView(this, 'byteOffset');
    return __native.viewInfo(this, 1);
  },
});
// the accessors' names as constants (interned at load, not made at every start)
const VIEW_GETTERS = ['getInt8', 'getUint8', '', 'getInt16', 'getUint16', 'getInt32', 'getUint32', 'getFloat32', 'getFloat64'];
const VIEW_SETTERS = ['setInt8', 'setUint8', '', 'setInt16', 'setUint16', 'setInt32', 'setUint32', 'setFloat32', 'setFloat64'];
for (let t = 0; t < 9; t++) {
  if (t === 2) continue; // no Uint8Clamped accessors
  const type = t, size = SIZES[t], getName = VIEW_GETTERS[t], setName_ = VIEW_SETTERS[t];
  const getter = function (this: any, byteOffset?: unknown, littleEndian?: unknown): number {
    requireDataView(this, getName);
    const i = viewIndex(this, byteOffset, size);
    return __native.viewGet(this, i, type, !!littleEndian);
  };
  const setter = function (this: any, byteOffset?: unknown, value?: unknown, littleEndian?: unknown): void {
    requireDataView(this, setName_);
    const i0 = toIndex(byteOffset, 'Offset is outside the bounds of the DataView');
    const v = toNum(value);
    const i = viewIndex(this, i0, size);
    __native.viewSet(this, i, type, v, !!littleEndian);
  };
  __native.defineProperty(getter, 'name', getName, 4);
  __native.defineProperty(setter, 'name', setName_, 4);
  __native.defineProperty(getter, 'length', 1, 4);
  __native.defineProperty(setter, 'length', 2, 4);
  __native.defineProperty(DataViewPrototype, getName, getter, 6);
  __native.defineProperty(DataViewPrototype, setName_, setter, 6);
}

void ObjectPrototype;
