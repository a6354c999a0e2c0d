// Map and Set over runtime/ordered-hash.ts; console, JSON, process, FormatUncaught; the
// Introspect / JsonHooks implementations over natives.

import { formatLogArgs, improveStack, inspect, type Introspect } from '../inspect.ts';
import { jsonParse, jsonStringify, type JsonHooks } from '../json.ts';
import { OrderedHashTable } from '../ordered-hash.ts';
import { numberToString } from '../number-format.ts';
import {
  ErrorPrototype, FunctionPrototype, GLOBAL$, SymbolIterator, SymbolToStringTag, constructorNameOf, describe, hidden,
  defineSpecies, isCallable, isError, isObject, linkConstructor, ObjectPrototype, requireCallable, toLength, toNum, toStr, unboxPrimitive, errorStackNow,
} from './core.ts';
import { objectToStringTag } from './object.ts';
import { inspectDate } from './date.ts';
import { inspectRegExp } from './regexp.ts';
import { isWeakMap, isWeakSet } from './weak.ts';
import { incompatibleReceiver, iterateValues, iteratorPrototypeOf } from './iteration.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

/**
 * Hash for SameValueZero keys: strings by content, numbers by value, objects by identity.
 * A string's is the machine's str_hash (FNV-1a over the units, mod 2^32, 0 made 1), which
 * boot/interp/collections.ts uses for the same tables: h * 16777619 is computed exactly as
 * (h << 24) + h * 0x193.
 */
function hashOf(key: any): number {
  const k = __native.valueKind(key);
  if (k === 4) {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) {
      const x = h ^ __native.charCodeAt(key, i);
      h = ((x << 24) + x * 0x193) | 0;
    }
    return h === 0 ? 1 : h;
  }
  if (k === 3) {
    if (key !== key) return 0x7ff8;
    if ((key | 0) === key) return key | 0;
    return (__native.doubleBits(key, 0) ^ __native.doubleBits(key, 1)) | 0;
  }
  if (k <= 2) return k * 7919 + (key === true ? 1 : 0);
  return __native.identityHash(key);
}

/** Map and Set iterators (kind 0 keys, 1 values, 2 entries) over the table's live iterator. */
function collectionNext(it: any, kind: number): any {
  const e = it.next();
  if (e.done) return { value: undefined, done: true };
  if (kind === 0) return { value: e.key, done: false };
  if (kind === 1) return { value: e.value, done: false };
  return { value: [e.key, e.value], done: false };
}

const MapIteratorC = class {
  #it: any;
  #kind: number;
  constructor(table: OrderedHashTable, kind: number) {
    this.#it = table.iterator();
    this.#kind = kind;
  }
  next(): any {
    if (!isObject(this) || !(#it in this)) incompatibleReceiver('Map Iterator.prototype.next', this);
    return collectionNext(this.#it, this.#kind);
  }
};
iteratorPrototypeOf(MapIteratorC, 'Map Iterator');

const SetIteratorC = class {
  #it: any;
  #kind: number;
  constructor(table: OrderedHashTable, kind: number) {
    this.#it = table.iterator();
    this.#kind = kind;
  }
  next(): any {
    if (!isObject(this) || !(#it in this)) incompatibleReceiver('Set Iterator.prototype.next', this);
    return collectionNext(this.#it, this.#kind);
  }
};
iteratorPrototypeOf(SetIteratorC, 'Set Iterator');

// Map and Set are functions, as in V8 (called without `new` they throw "Constructor Map
// requires 'new'", not a class constructor's error). Each stamps its table onto the object
// it gets through the classes below, whose constructor returns that object (SlotBase$),
// so the methods keep reading a private field.

class SlotBase$ {
  constructor(o: any) {
    return o;
  }
}

const MapImpl = class Map extends SlotBase$ {
  #table = new OrderedHashTable(hashOf, 0);
  constructor(o: any, iterable?: any) {
    super(o);
    if (iterable !== undefined && iterable !== null) {
      iterateValues(iterable, (e: any) => {
        if (!isObject(e)) throw new GLOBAL$.TypeError('Iterator value ' + (typeof e === 'symbol' ? describe(e) : toStr(e)) + ' is not an entry object');
        this.set(e[0], e[1]);
      });
    }
  }
  static tableOf(m: any): OrderedHashTable | undefined {
    return isObject(m) && #table in m ? m.#table : undefined;
  }
  // (in V8's property order)
  get(key: any): any {
    return mapTableFor(this, 'Map.prototype.get').get(key);
  }
  set(key: any, value: any): this {
    mapTableFor(this, 'Map.prototype.set').set(key, value);
    return this;
  }
  has(key: any): boolean {
    return mapTableFor(this, 'Map.prototype.has').has(key);
  }
  delete(key: any): boolean {
    return mapTableFor(this, 'Map.prototype.delete').delete(key);
  }
  clear(): void {
    mapTableFor(this, 'Map.prototype.clear').clear();
  }
  entries(): any {
    return new MapIteratorC(mapTableFor(this, 'Map.prototype.entries'), 2);
  }
  forEach(f: any, thisArg?: any): void {
    const it = mapTableFor(this, 'Map.prototype.forEach').iterator();
    requireCallable(f);
    for (let e = it.next(); !e.done; e = it.next()) __native.apply(f, thisArg, [e.value, e.key, this]);
  }
  keys(): any {
    return new MapIteratorC(mapTableFor(this, 'Map.prototype.keys'), 0);
  }
  get size(): number {
    return mapTableFor(this, 'get Map.prototype.size').size;
  }
  values(): any {
    return new MapIteratorC(mapTableFor(this, 'Map.prototype.values'), 1);
  }
};

function mapTableFor(o: any, method: string): OrderedHashTable {
  const t = (MapImpl as any).tableOf(o);
  if (t === undefined) incompatibleReceiver(method, o);
  return t;
}

const SetImpl = class Set extends SlotBase$ {
  #table = new OrderedHashTable(hashOf, 1);
  constructor(o: any, iterable?: any) {
    super(o);
    if (iterable !== undefined && iterable !== null) iterateValues(iterable, (v: any) => this.add(v));
  }
  static tableOf(s: any): OrderedHashTable | undefined {
    return isObject(s) && #table in s ? s.#table : undefined;
  }
  has(v: any): boolean {
    return setTableFor(this, 'Set.prototype.has').has(v);
  }
  add(v: any): this {
    setTableFor(this, 'Set.prototype.add').set(v, v);
    return this;
  }
  delete(v: any): boolean {
    return setTableFor(this, 'Set.prototype.delete').delete(v);
  }
  clear(): void {
    setTableFor(this, 'Set.prototype.clear').clear();
  }
  entries(): any {
    return new SetIteratorC(setTableFor(this, 'Set.prototype.entries'), 2);
  }
  forEach(f: any, thisArg?: any): void {
    const it = setTableFor(this, 'Set.prototype.forEach').iterator();
    requireCallable(f);
    for (let e = it.next(); !e.done; e = it.next()) __native.apply(f, thisArg, [e.key, e.key, this]);
  }
  get size(): number {
    return setTableFor(this, 'get Set.prototype.size').size;
  }
  values(): any {
    return new SetIteratorC(setTableFor(this, 'Set.prototype.values'), 0);
  }
};

function setTableFor(o: any, method: string): OrderedHashTable {
  const t = (SetImpl as any).tableOf(o);
  if (t === undefined) incompatibleReceiver(method, o);
  return t;
}

const MapC = function Map(this: any, iterable?: any): any {
  if (new.target === undefined) throw new GLOBAL$.TypeError("Constructor Map requires 'new'");
  new MapImpl(this, iterable);
};
const SetC = function Set(this: any, iterable?: any): any {
  if (new.target === undefined) throw new GLOBAL$.TypeError("Constructor Set requires 'new'");
  new SetImpl(this, iterable);
};
const mapTable = (MapImpl as any).tableOf;
const setTable = (SetImpl as any).tableOf;
for (const [C, Impl, name] of [[MapC, MapImpl, 'Map'], [SetC, SetImpl, 'Set']] as const) {
  __native.setPrototypeOf(Impl.prototype, ObjectPrototype);
  linkConstructor(C, Impl.prototype, name);
  __native.defineProperty(C, 'length', 0, 4);
  defineSpecies(C);
}
hidden(SetC.prototype, 'keys', (SetC.prototype as any).values);
hidden(GLOBAL$, 'Map', MapC);
hidden(GLOBAL$, 'Set', SetC);
hidden(MapC.prototype, SymbolIterator, (MapC.prototype as any).entries);
hidden(SetC.prototype, SymbolIterator, (SetC.prototype as any).values);
__native.defineProperty(MapC.prototype, SymbolToStringTag, 'Map', 4);
__native.defineProperty(SetC.prototype, SymbolToStringTag, 'Set', 4);

// The machine runs these methods itself over the tables' layout (boot/interp/collections.ts;
// Intrinsic.OrderedHashTablePrototype, MapGet .. SetDelete), declining to them whenever it
// cannot; it never sees another table than a Map's or Set's private #table.
OrderedHashTable.checkLayout((o: object) => __native.ownKeys(o, true));
__native.registerIntrinsic(Intrinsic.OrderedHashTablePrototype, OrderedHashTable.prototype);
__native.registerIntrinsic(Intrinsic.MapGet, (MapC.prototype as any).get);
__native.registerIntrinsic(Intrinsic.MapSet, (MapC.prototype as any).set);
__native.registerIntrinsic(Intrinsic.MapHas, (MapC.prototype as any).has);
__native.registerIntrinsic(Intrinsic.MapDelete, (MapC.prototype as any).delete);
__native.registerIntrinsic(Intrinsic.SetAdd, (SetC.prototype as any).add);
__native.registerIntrinsic(Intrinsic.SetHas, (SetC.prototype as any).has);
__native.registerIntrinsic(Intrinsic.SetDelete, (SetC.prototype as any).delete);

// ---- introspection for inspect / JSON -----------------------------------------------------

function entriesOf(table: OrderedHashTable, pairs: boolean): unknown[] {
  const out: unknown[] = [];
  const it = table.iterator();
  for (let e = it.next(); !e.done; e = it.next()) out[out.length] = pairs ? [e.key, e.value] : e.key;
  return out;
}

const builtinToStrings: unknown[] = [];

/** The state (0 pending, 1 fulfilled, 2 rejected) and result of a promise, or undefined (set by async.ts). */
let promiseDetails: (obj: any) => { state: number; result: unknown } | undefined = () => undefined;

export function setPromiseDetails(f: (obj: any) => { state: number; result: unknown } | undefined): void {
  promiseDetails = f;
}

/** util.inspect(v) with the default options. */
export function inspectValue(v: unknown): string {
  return inspect(v, intro);
}

const intro: Introspect = {
  ownEnumerableKeys(obj: object): any[] {
    return __native.ownKeys(obj, 3);
  },
  getOwnProperty(obj: any, key: any) {
    const f = __native.propertyFlags(obj, key);
    const accessor = (f & 24) !== 0;
    return { accessor, enumerable: (f & 1) !== 0, hasGetter: (f & 8) !== 0, hasSetter: (f & 16) !== 0, value: accessor ? undefined : obj[key] };
  },
  constructorName(obj: object): string | null {
    const name = constructorNameOf(obj);
    // Async functions have Function.prototype as [[Prototype]] here (not AsyncFunction.prototype).
    if (name === 'Function' && __native.getPrototypeOf(obj) === FunctionPrototype && (__native.functionFlags(obj) & 16) !== 0) return 'AsyncFunction';
    return name;
  },
  toStringTag(obj: any): string {
    // Promise.prototype[Symbol.toStringTag] is "Promise"
    if (promiseDetails(obj) !== undefined) return 'Promise';
    // Node ignores an own enumerable Symbol.toStringTag (it is shown as a property instead).
    const tag = obj[SymbolToStringTag];
    if (typeof tag !== 'string') return '';
    const own = __native.propertyFlags(obj, SymbolToStringTag);
    if (tag !== '' && own >= 0 && (own & 1) === 1) return '';
    return tag;
  },
  promiseInfo(obj: object): { state: number; result: unknown } | undefined {
    return promiseDetails(obj);
  },
  isArray(obj: object): boolean {
    return __native.valueKind(obj) === 6;
  },
  arrayLength(obj: any): number {
    return obj.length;
  },
  weakKind(obj: object): string {
    return isWeakMap(obj) ? 'WeakMap' : isWeakSet(obj) ? 'WeakSet' : '';
  },
  dateString(obj: object): string | undefined {
    return inspectDate(obj);
  },
  boxedPrimitive(obj: object): { value: unknown } | undefined {
    const p = unboxPrimitive(obj);
    return p === undefined ? undefined : { value: p };
  },
  regexpString(obj: object): string | undefined {
    return inspectRegExp(obj);
  },
  viewKind(obj: object): string {
    const t = __native.viewInfo(obj, 0);
    return t < 0 ? '' : t <= 8 ? 'typed' : t === 9 ? 'dataview' : 'buffer';
  },
  viewElements(obj: any, n: number): number[] {
    const out: number[] = [];
    const buffer = __native.viewInfo(obj, 0) === 10;
    for (let i = 0; i < n; i++) out[i] = buffer ? __native.viewGet(obj, i, 1, true) : obj[i];
    return out;
  },
  viewLength(obj: object): number {
    return __native.viewInfo(obj, 2);
  },
  dataViewParts(obj: object): { byteOffset: number; buffer: object } {
    return { byteOffset: __native.viewInfo(obj, 1), buffer: __native.viewInfo(obj, 3) };
  },
  hasOwnIndex(obj: object, index: number): boolean {
    return __native.propertyFlags(obj, index) >= 0;
  },
  isMap(obj: object): boolean {
    return mapTable(obj) !== undefined;
  },
  isSet(obj: object): boolean {
    return setTable(obj) !== undefined;
  },
  mapEntries(obj: object): unknown[][] {
    return entriesOf(mapTable(obj), true) as unknown[][];
  },
  setValues(obj: object): unknown[] {
    return entriesOf(setTable(obj), false);
  },
  isError(obj: object): boolean {
    return isError(obj);
  },
  errorStack(obj: any): string {
    const now = errorStackNow(obj);
    if (now !== undefined) return now;
    const s = obj.stack;
    if (typeof s === 'string') return s;
    return ErrorPrototype.toString.call(obj);
  },
  errorHasCause(obj: object): boolean {
    return 'cause' in obj;
  },
  getStringProperty(obj: any, key: string): string | undefined {
    const v = obj[key];
    return typeof v === 'string' ? v : undefined;
  },
  functionInfo(fn: any) {
    const n = fn.name;
    const isClass = __native.valueKind(fn) === 8;
    const proto = __native.getPrototypeOf(fn);
    let extendsName = '';
    if (isClass && proto !== FunctionPrototype && isCallable(proto)) {
      const pn = proto.name;
      extendsName = typeof pn === 'string' ? pn : '';
    }
    const flags = __native.functionFlags(fn);
    const kind = (flags & 80) === 80 ? 'AsyncGeneratorFunction' : (flags & 16) !== 0 ? 'AsyncFunction' : (flags & 64) !== 0 ? 'GeneratorFunction' : 'Function';
    return { name: typeof n === 'string' ? n : '', kind, isClass, extendsName };
  },
  symbolDescription(sym: any): string | undefined {
    return sym.description;
  },
  toNumber(value: object): number {
    return toNum(value);
  },
  toDisplayString(value: object): string {
    return toStr(value);
  },
  hasBuiltInToString(obj: any): boolean {
    const t = obj.toString;
    for (let i = 0; i < builtinToStrings.length; i++) if (builtinToStrings[i] === t) return true;
    return false;
  },
};

const jsonHooks: JsonHooks = {
  ownEnumerableStringKeys(obj: object): string[] {
    return __native.ownKeys(obj, true);
  },
  get(obj: any, key: string): unknown {
    return obj[key];
  },
  isArray(obj: object): boolean {
    return __native.valueKind(obj) === 6;
  },
  arrayLength(obj: any): number {
    return toLength(obj.length);
  },
  callFunction(fn: unknown, thisArg: unknown, args: unknown[]): unknown {
    return __native.apply(fn, thisArg, args);
  },
  unbox(obj: object): unknown {
    // SerializeJSONProperty: ToNumber / ToString of a Number / String wrapper, a Boolean's [[BooleanData]]
    const p = unboxPrimitive(obj);
    if (typeof p === 'number') return toNum(obj);
    if (typeof p === 'string') return toStr(obj);
    if (typeof p === 'boolean') return p;
    return undefined;
  },
  constructorName(obj: object): string {
    return constructorNameOf(obj) ?? 'Object';
  },
  createDataProperty(obj: object, key: string, value: unknown): void {
    __native.defineProperty(obj, key, value, 7);
  },
  deleteProperty(obj: object, key: string): void {
    __native.deleteProperty(obj, key);
  },
};

builtinToStrings[0] = GLOBAL$.Object.prototype.toString;
builtinToStrings[1] = GLOBAL$.Error.prototype.toString;
builtinToStrings[2] = GLOBAL$.Array.prototype.toString;
builtinToStrings[3] = GLOBAL$.Function.prototype.toString;
void objectToStringTag;

// ---- console, JSON, process ----------------------------------------------------------------

const consoleObj: any = {};
hidden(GLOBAL$, 'console', consoleObj);
__native.installMethods(consoleObj, {
  log(...args: unknown[]): void {
    __native.writeStdout(formatLogArgs(args, intro, jsonHooks) + '\n');
  },
  info(...args: unknown[]): void {
    __native.writeStdout(formatLogArgs(args, intro, jsonHooks) + '\n');
  },
  debug(...args: unknown[]): void {
    __native.writeStdout(formatLogArgs(args, intro, jsonHooks) + '\n');
  },
  error(...args: unknown[]): void {
    __native.writeStderr(formatLogArgs(args, intro, jsonHooks) + '\n');
  },
  warn(...args: unknown[]): void {
    __native.writeStderr(formatLogArgs(args, intro, jsonHooks) + '\n');
  },
});

const JSONObj: any = {};
hidden(GLOBAL$, 'JSON', JSONObj);
__native.defineProperty(JSONObj, SymbolToStringTag, 'JSON', 4);
__native.installMethods(JSONObj, {
  stringify(value: unknown, replacer?: unknown, space?: unknown): string | undefined {
    return jsonStringify(value, replacer, space, jsonHooks);
  },
  parse(text: unknown, reviver?: unknown): unknown {
    return jsonParse(toStr(text), reviver, jsonHooks);
  },
});

const processObj: any = {};
hidden(GLOBAL$, 'process', processObj);
processObj.argv = ['tskern', 'program'];
processObj.env = {};
// Under tsvm (the user build) the process's own argv and environment, as Node gives them.
installProcessStrings(processObj);
processObj.exitCode = undefined;
processObj.platform = 'tskern';
/** process's listeners by event name ('exit', 'beforeExit', ...): [listener, once] pairs in order. */
const processListeners: any = {};
let exiting = false;

function currentExitCode(): number {
  const c = processObj.exitCode;
  return c === undefined ? 0 : toNum(c) | 0;
}

/** process.emit: calls the listeners of `name` in order (once-listeners removed first); true if there were any. */
export function emitProcessEvent(name: string, arg: unknown): boolean {
  const list = processListeners[name];
  if (list === undefined || list.length === 0) return false;
  const copy = list.slice();
  const keep: any[] = [];
  for (let i = 0; i < list.length; i += 2) if (!list[i + 1]) keep.push(list[i], false);
  processListeners[name] = keep;
  for (let i = 0; i < copy.length; i += 2) __native.apply(copy[i], processObj, [arg]);
  return true;
}

/** The program ends with status `code` after the 'exit' listeners ran (once), which may change process.exitCode. */
export function exitProcess(code: number): never {
  if (!exiting) {
    exiting = true;
    processObj.exitCode = code;
    emitProcessEvent('exit', code);
  }
  return __native.exit(currentExitCode());
}

function addListener(name: any, listener: any, once: boolean): any {
  if (!isCallable(listener)) {
    let received: string;
    if (listener === undefined || listener === null) received = listener === undefined ? 'undefined' : 'null';
    else if (isObject(listener)) received = 'an instance of ' + (constructorNameOf(listener) || 'Object');
    else received = 'type ' + typeof listener + ' (' + inspectValue(listener) + ')';
    const err = new GLOBAL$.TypeError('The "listener" argument must be of type function. Received ' + received);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const key = toStr(name);
  if (processListeners[key] === undefined) processListeners[key] = [];
  processListeners[key].push(listener, once);
  return processObj;
}

__native.installMethods(processObj, {
  exit(code?: any): never {
    if (code !== undefined) processObj.exitCode = code;
    return exitProcess(currentExitCode());
  },
  on(name: any, listener: any): any {
    return addListener(name, listener, false);
  },
  addListener(name: any, listener: any): any {
    return addListener(name, listener, false);
  },
  once(name: any, listener: any): any {
    return addListener(name, listener, true);
  },
  off(name: any, listener: any): any {
    const list = processListeners[toStr(name)];
    if (list !== undefined) {
      for (let i = list.length - 2; i >= 0; i -= 2) {
        if (list[i] === listener) {
          list.splice(i, 2);
          break;
        }
      }
    }
    return processObj;
  },
  emit(name: any, ...args: any[]): boolean {
    return emitProcessEvent(toStr(name), args[0]);
  },
  listenerCount(name: any): number {
    const list = processListeners[toStr(name)];
    return list === undefined ? 0 : list.length / 2;
  },
});
hidden(processObj, 'removeListener', processObj.off);
processObj.stdout = {
  write(s: unknown): boolean {
    __native.writeStdout(toStr(s));
    return true;
  },
};
processObj.stderr = {
  write(s: unknown): boolean {
    __native.writeStderr(toStr(s));
    return true;
  },
};

__native.registerIntrinsic(Intrinsic.FormatUncaught, function FormatUncaught(v: unknown): string {
  if (isError(v)) return improveStack(intro.errorStack(v as object), intro.constructorName(v as object), intro.getStringProperty(v as object, 'name'));
  return inspect(v, intro);
});
void numberToString;

/** A string of bytes (one unit per byte) decoded as UTF-8; malformed sequences give U+FFFD. */
function utf8Decode(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (__native.charCodeAt(bytes, i) >= 0x80) { ascii = false; break; }
  if (ascii) return bytes;
  const units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = __native.charCodeAt(bytes, i);
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let cp = n === 0 ? b : n === 1 ? b & 0x1f : n === 2 ? b & 0x0f : b & 0x07;
    let ok = n >= 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) {
      const c = __native.charCodeAt(bytes, i + k);
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) { units.push(0xfffd); i += 1; continue; }
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += n + 1;
  }
  return __native.stringFromUnits(units);
}

/** process.argv and process.env from tsvm's argv and environment (nothing in the kernel image). */
function installProcessStrings(proc: any): void {
  const argv = __native.processStrings(0);
  if (argv === undefined) return;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) args.push(utf8Decode(argv[i]));
  proc.argv = args;
  const env: any = {};
  const envp = __native.processStrings(1) ?? [];
  for (let i = 0; i < envp.length; i++) {
    const eq = __native.stringIndexOf(envp[i], '=', 0);
    if (eq > 0) env[utf8Decode(__native.stringSlice(envp[i], 0, eq))] = utf8Decode(__native.stringSlice(envp[i], eq + 1, envp[i].length));
  }
  proc.env = env;
}
