// STAND-INS: the reference interpreter's minimal JavaScript builtins, written against the
// host. They exist only until the runtime/ library (TypeScript compiled with every
// program) provides the real ones through natives; keep them small and Node-compatible.

import type { VM } from './vm.ts';
import {
  HOLE, JSArray, JSFunction, JSObject, JSSymbol, Throw, arrayIndex, isCallable, isObject,
  type HostCall, type Key, type Value,
} from './values.ts';

export interface Realm {
  global: JSObject;
  ObjectPrototype: JSObject;
  FunctionPrototype: JSObject;
  ArrayPrototype: JSObject;
  StringPrototype: JSObject;
  NumberPrototype: JSObject;
  BooleanPrototype: JSObject;
  SymbolPrototype: JSObject;
  symbolIterator: JSSymbol;
  iteratorNext: JSFunction;
  inspect: (v: Value) => string;
}

export function installBuiltins(vm: VM): Realm {
  const ObjectPrototype = new JSObject(null);
  const FunctionPrototype = new JSFunction(ObjectPrototype);
  FunctionPrototype.host = () => undefined;
  const realm = { ObjectPrototype, FunctionPrototype } as unknown as Realm;
  (vm as unknown as { realm: Realm }).realm = realm;

  const fn = (name: string, length: number, impl: HostCall, ctor = false): JSFunction => {
    const f = new JSFunction(FunctionPrototype);
    f.host = impl;
    f.fname = name;
    f.flength = length;
    f.hostConstructor = ctor;
    return f;
  };
  const def = (o: JSObject, key: Key, v: Value) => vm.defineData(o, key, v, false);
  const method = (o: JSObject, name: string, length: number, impl: HostCall, key: Key = name) => def(o, key, fn(name, length, impl));
  const getter = (o: JSObject, name: string, impl: (t: Value) => Value) => {
    o.props.set(name, { value: undefined, get: fn(`get ${name}`, 0, (t) => impl(t)), accessor: true, enumerable: false, writable: false, configurable: true });
  };
  const ctor = (name: string, length: number, proto: JSObject, impl: HostCall): JSFunction => {
    const f = fn(name, length, impl, true);
    f.props.set('prototype', { value: proto, accessor: false, enumerable: false, writable: false, configurable: false });
    def(proto, 'constructor', f);
    return f;
  };
  const protoFrom = (nt: JSObject | undefined, fallback: JSObject): JSObject => {
    if (!nt) return fallback;
    const p = vm.get(nt, 'prototype');
    return isObject(p) ? p : fallback;
  };
  const obj = (entries: Record<string, Value> = {}): JSObject => {
    const o = new JSObject(ObjectPrototype);
    for (const [k, v] of Object.entries(entries)) vm.defineData(o, k, v, true);
    return o;
  };
  const toObject = (v: Value): JSObject => {
    if (isObject(v)) return v;
    if (v == null) throw vm.error('TypeError', 'Cannot convert undefined or null to object');
    const o = new JSObject(typeof v === 'string' ? realm.StringPrototype : ObjectPrototype);
    if (typeof v === 'string') { o.cls = 'String'; o.internal = v; }
    return o;
  };
  const num = (v: Value) => vm.toNumber(v);
  const str = (v: Value) => vm.toString(v);
  const int = (v: Value, dflt = 0) => { const n = v === undefined ? dflt : num(v); return Number.isNaN(n) ? 0 : Math.trunc(n); };
  const relIndex = (v: Value, len: number, dflt: number) => { const n = int(v, dflt); return n < 0 ? Math.max(len + n, 0) : Math.min(n, len); };
  const thisArray = (t: Value, name: string): JSArray => {
    if (t instanceof JSArray) return t;
    throw vm.error('TypeError', `Array.prototype.${name} called on a non-array (refvm stand-in)`);
  };
  const elem = (a: JSArray, i: number): Value => { const v = a.elems[i]; return v === HOLE ? undefined : v; };
  const callback = (f: Value): JSFunction => {
    if (!isCallable(f)) throw vm.error('TypeError', `${realm.inspect(f)} is not a function`);
    return f;
  };

  const global = new JSObject(ObjectPrototype);
  realm.global = global;
  def(global, 'globalThis', global);

  // ---- Symbol ------------------------------------------------------------------------
  const SymbolPrototype = new JSObject(ObjectPrototype);
  realm.SymbolPrototype = SymbolPrototype;
  const symbolIterator = new JSSymbol('Symbol.iterator');
  realm.symbolIterator = symbolIterator;
  const SymbolCtor = fn('Symbol', 0, (_t, a) => new JSSymbol(a[0] === undefined ? undefined : str(a[0])));
  def(SymbolCtor, 'prototype', SymbolPrototype);
  def(SymbolPrototype, 'constructor', SymbolCtor);
  def(SymbolCtor, 'iterator', symbolIterator);
  method(SymbolPrototype, 'toString', 0, (t) => `Symbol(${(t as JSSymbol).description ?? ''})`);
  getter(SymbolPrototype, 'description', (t) => (t as JSSymbol).description);
  def(global, 'Symbol', SymbolCtor);

  // ---- iterators ---------------------------------------------------------------------
  const IteratorPrototype = new JSObject(ObjectPrototype);
  const iteratorNext = fn('next', 0, (t) => {
    const it = t as JSObject;
    const r = (it.internal as { step: () => { done: boolean; value?: Value } }).step();
    return obj({ value: r.done ? undefined : r.value, done: r.done });
  });
  realm.iteratorNext = iteratorNext;
  def(IteratorPrototype, 'next', iteratorNext);
  method(IteratorPrototype, '[Symbol.iterator]', 0, (t) => t, symbolIterator);
  const makeIterator = (step: () => { done: boolean; value?: Value }): JSObject => {
    const it = new JSObject(IteratorPrototype);
    it.cls = 'Iterator';
    it.internal = { step };
    return it;
  };
  const hostIterator = (src: Iterator<Value>) => makeIterator(() => {
    const r = src.next();
    return r.done ? { done: true } : { done: false, value: r.value };
  });

  // ---- Object ------------------------------------------------------------------------
  const ObjectCtor = ctor('Object', 1, ObjectPrototype, (_t, a) => (a[0] == null ? obj() : toObject(a[0])));
  def(global, 'Object', ObjectCtor);
  method(ObjectCtor, 'keys', 1, (_t, a) => vm.newArray(vm.ownEnumerableStringKeys(toObject(a[0]))));
  method(ObjectCtor, 'values', 1, (_t, a) => { const o = toObject(a[0]); return vm.newArray(vm.ownEnumerableStringKeys(o).map((k) => vm.get(o, k))); });
  method(ObjectCtor, 'entries', 1, (_t, a) => {
    const o = toObject(a[0]);
    return vm.newArray(vm.ownEnumerableStringKeys(o).map((k) => vm.newArray([k, vm.get(o, k)])));
  });
  method(ObjectCtor, 'assign', 2, (_t, a) => {
    const target = toObject(a[0]);
    for (const src of a.slice(1)) {
      if (src == null) continue;
      const s = toObject(src);
      for (const k of vm.ownKeys(s)) if (vm.getOwn(s, k)?.enumerable) vm.set(target, k, vm.get(s, k));
    }
    return target;
  });
  method(ObjectCtor, 'freeze', 1, (_t, a) => {
    const o = a[0];
    if (isObject(o)) {
      o.frozen = true;
      o.extensible = false;
      for (const p of o.props.values()) { p.configurable = false; if (!p.accessor) p.writable = false; }
    }
    return o;
  });
  method(ObjectCtor, 'is', 2, (_t, a) => Object.is(a[0], a[1]));
  method(ObjectCtor, 'isFrozen', 1, (_t, a) => !isObject(a[0]) || a[0].frozen);
  method(ObjectCtor, 'getPrototypeOf', 1, (_t, a) => toObject(a[0]).proto);
  method(ObjectCtor, 'setPrototypeOf', 2, (_t, a) => { if (isObject(a[0])) a[0].proto = a[1] as JSObject | null; return a[0]; });
  method(ObjectCtor, 'create', 2, (_t, a) => {
    if (a[0] !== null && !isObject(a[0])) throw vm.error('TypeError', `Object prototype may only be an Object or null: ${realm.inspect(a[0])}`);
    return new JSObject(a[0] as JSObject | null);
  });
  method(ObjectCtor, 'getOwnPropertyNames', 1, (_t, a) => vm.newArray(vm.ownKeys(toObject(a[0])).filter((k) => typeof k === 'string')));
  method(ObjectCtor, 'fromEntries', 1, (_t, a) => {
    const o = obj();
    vm.iterate(a[0], (e) => vm.defineData(o, vm.toKey(vm.getV(e, '0')), vm.getV(e, '1'), true));
    return o;
  });
  method(ObjectCtor, 'defineProperty', 3, (_t, a) => {
    const o = a[0], d = a[2];
    if (!isObject(o) || !isObject(d)) throw vm.error('TypeError', 'Object.defineProperty called on non-object');
    const key = vm.toKey(a[1]);
    const has = (k: string) => vm.hasProperty(d, k);
    const get = vm.get(d, 'get'), set = vm.get(d, 'set');
    if (has('get') || has('set')) {
      o.props.set(key, { value: undefined, get: get as JSObject | undefined, set: set as JSObject | undefined, accessor: true,
        enumerable: vm.toBoolean(vm.get(d, 'enumerable')), writable: false, configurable: vm.toBoolean(vm.get(d, 'configurable')) });
    } else {
      if (o instanceof JSArray && arrayIndex(key) >= 0) { vm.defineData(o, key, vm.get(d, 'value'), true); return o; }
      o.props.set(key, { value: vm.get(d, 'value'), accessor: false, enumerable: vm.toBoolean(vm.get(d, 'enumerable')),
        writable: vm.toBoolean(vm.get(d, 'writable')), configurable: vm.toBoolean(vm.get(d, 'configurable')) });
    }
    return o;
  });
  method(ObjectPrototype, 'hasOwnProperty', 1, (t, a) => vm.getOwn(toObject(t), vm.toKey(a[0])) !== undefined);
  method(ObjectPrototype, 'propertyIsEnumerable', 1, (t, a) => vm.getOwn(toObject(t), vm.toKey(a[0]))?.enumerable === true);
  method(ObjectPrototype, 'isPrototypeOf', 1, (t, a) => {
    if (!isObject(a[0])) return false;
    for (let p = a[0].proto; p; p = p.proto) if (p === t) return true;
    return false;
  });
  method(ObjectPrototype, 'toString', 0, (t) => {
    if (t === undefined) return '[object Undefined]';
    if (t === null) return '[object Null]';
    if (t instanceof JSArray) return '[object Array]';
    if (isCallable(t)) return '[object Function]';
    if (isObject(t) && t.cls === 'Error') return '[object Error]';
    return `[object ${typeof t === 'string' ? 'String' : typeof t === 'number' ? 'Number' : typeof t === 'boolean' ? 'Boolean' : 'Object'}]`;
  });
  method(ObjectPrototype, 'valueOf', 0, (t) => toObject(t));

  // ---- Function ----------------------------------------------------------------------
  const FunctionCtor = ctor('Function', 1, FunctionPrototype, () => { throw vm.error('TypeError', 'Function() is not supported by the refvm'); });
  def(global, 'Function', FunctionCtor);
  method(FunctionPrototype, 'call', 1, (t, a) => vm.call(t, a[0], a.slice(1)));
  method(FunctionPrototype, 'apply', 2, (t, a) => vm.call(t, a[0], a[1] == null ? [] : listFrom(a[1])));
  method(FunctionPrototype, 'bind', 1, (t, a) => {
    const target = callback(t);
    const bound = fn(`bound ${target.fname}`, Math.max(0, target.flength - (a.length - 1)), (_t2, b, nt) =>
      nt ? vm.construct(target, [...a.slice(1), ...b]) : vm.call(target, a[0], [...a.slice(1), ...b]), vm.isConstructor(target));
    return bound;
  });
  method(FunctionPrototype, 'toString', 0, (t) => (isCallable(t) ? `function ${t.fname}() { [native code] }` : ''));
  const listFrom = (v: Value): Value[] => {
    if (v instanceof JSArray) return v.elems.map((x) => (x === HOLE ? undefined : x));
    const o = toObject(v);
    const n = int(vm.get(o, 'length'));
    return Array.from({ length: n }, (_, i) => vm.get(o, String(i)));
  };

  // ---- Array -------------------------------------------------------------------------
  const ArrayPrototype = new JSArray(ObjectPrototype);
  realm.ArrayPrototype = ArrayPrototype;
  const ArrayCtor = ctor('Array', 1, ArrayPrototype, (_t, a, nt) => {
    const arr = vm.newArray([]);
    arr.proto = protoFrom(nt, ArrayPrototype);
    if (a.length === 1 && typeof a[0] === 'number') {
      if (!Number.isInteger(a[0]) || a[0] < 0 || a[0] > 4294967295) throw vm.error('RangeError', 'Invalid array length');
      arr.elems = new Array(a[0]).fill(HOLE);
    } else arr.elems = [...a];
    return arr;
  });
  def(global, 'Array', ArrayCtor);
  method(ArrayCtor, 'isArray', 1, (_t, a) => a[0] instanceof JSArray);
  method(ArrayCtor, 'of', 0, (_t, a) => vm.newArray([...a]));
  method(ArrayCtor, 'from', 1, (_t, a) => {
    const src = a[0];
    const out: Value[] = [];
    const usesIterator = src != null && vm.getV(src, symbolIterator) !== undefined;
    if (usesIterator) vm.iterate(src, (v) => { out.push(v); });
    else out.push(...listFrom(src));
    const map = a[1];
    return vm.newArray(map === undefined ? out : out.map((v, i) => vm.call(callback(map), a[2], [v, i])));
  });
  const AP = ArrayPrototype;
  method(AP, 'push', 1, (t, a) => { const arr = thisArray(t, 'push'); arr.elems.push(...a); return arr.elems.length; });
  method(AP, 'pop', 0, (t) => { const arr = thisArray(t, 'pop'); return arr.elems.length ? unhole(arr.elems.pop()) : undefined; });
  method(AP, 'shift', 0, (t) => { const arr = thisArray(t, 'shift'); return arr.elems.length ? unhole(arr.elems.shift()) : undefined; });
  method(AP, 'unshift', 1, (t, a) => { const arr = thisArray(t, 'unshift'); arr.elems.unshift(...a); return arr.elems.length; });
  const unhole = (v: Value | undefined): Value => (v === HOLE ? undefined : v);
  const iterCb = (name: string, body: (arr: JSArray, f: JSFunction, thisArg: Value) => Value) =>
    method(AP, name, 1, (t, a) => body(thisArray(t, name), callback(a[0]), a[1]));
  iterCb('forEach', (arr, f, ta) => { for (let i = 0; i < arr.elems.length; i++) if (arr.elems[i] !== HOLE) vm.call(f, ta, [arr.elems[i], i, arr]); return undefined; });
  iterCb('map', (arr, f, ta) => {
    const out = vm.newArray(new Array(arr.elems.length).fill(HOLE));
    for (let i = 0; i < arr.elems.length; i++) if (arr.elems[i] !== HOLE) out.elems[i] = vm.call(f, ta, [arr.elems[i], i, arr]);
    return out;
  });
  iterCb('filter', (arr, f, ta) => {
    const out: Value[] = [];
    for (let i = 0; i < arr.elems.length; i++) if (arr.elems[i] !== HOLE && vm.toBoolean(vm.call(f, ta, [arr.elems[i], i, arr]))) out.push(arr.elems[i]);
    return vm.newArray(out);
  });
  iterCb('some', (arr, f, ta) => { for (let i = 0; i < arr.elems.length; i++) if (arr.elems[i] !== HOLE && vm.toBoolean(vm.call(f, ta, [arr.elems[i], i, arr]))) return true; return false; });
  iterCb('every', (arr, f, ta) => { for (let i = 0; i < arr.elems.length; i++) if (arr.elems[i] !== HOLE && !vm.toBoolean(vm.call(f, ta, [arr.elems[i], i, arr]))) return false; return true; });
  iterCb('find', (arr, f, ta) => { for (let i = 0; i < arr.elems.length; i++) { const v = elem(arr, i); if (vm.toBoolean(vm.call(f, ta, [v, i, arr]))) return v; } return undefined; });
  iterCb('findIndex', (arr, f, ta) => { for (let i = 0; i < arr.elems.length; i++) if (vm.toBoolean(vm.call(f, ta, [elem(arr, i), i, arr]))) return i; return -1; });
  iterCb('findLast', (arr, f, ta) => { for (let i = arr.elems.length - 1; i >= 0; i--) { const v = elem(arr, i); if (vm.toBoolean(vm.call(f, ta, [v, i, arr]))) return v; } return undefined; });
  iterCb('flatMap', (arr, f, ta) => {
    const out: Value[] = [];
    for (let i = 0; i < arr.elems.length; i++) {
      if (arr.elems[i] === HOLE) continue;
      const r = vm.call(f, ta, [arr.elems[i], i, arr]);
      if (r instanceof JSArray) out.push(...r.elems.filter((x) => x !== HOLE)); else out.push(r);
    }
    return vm.newArray(out);
  });
  const reduce = (right: boolean) => (t: Value, a: Value[]) => {
    const arr = thisArray(t, right ? 'reduceRight' : 'reduce');
    const f = callback(a[0]);
    const idx = arr.elems.map((_, i) => i).filter((i) => arr.elems[i] !== HOLE);
    if (right) idx.reverse();
    let k = 0;
    let acc: Value;
    if (a.length >= 2) acc = a[1];
    else {
      if (!idx.length) throw vm.error('TypeError', 'Reduce of empty array with no initial value');
      acc = arr.elems[idx[k++]];
    }
    for (; k < idx.length; k++) acc = vm.call(f, undefined, [acc, arr.elems[idx[k]], idx[k], arr]);
    return acc;
  };
  method(AP, 'reduce', 1, reduce(false));
  method(AP, 'reduceRight', 1, reduce(true));
  method(AP, 'join', 1, (t, a) => {
    const arr = thisArray(t, 'join');
    const sep = a[0] === undefined ? ',' : str(a[0]);
    return arr.elems.map((v) => (v == null || v === HOLE ? '' : str(v))).join(sep);
  });
  method(AP, 'toString', 0, (t) => vm.call(vm.get(AP, 'join'), t, []));
  const sameValueZero = (x: Value, y: Value) => x === y || (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y));
  method(AP, 'indexOf', 1, (t, a) => { const arr = thisArray(t, 'indexOf'); for (let i = relIndex(a[1], arr.elems.length, 0); i < arr.elems.length; i++) if (arr.elems[i] === a[0]) return i; return -1; });
  method(AP, 'lastIndexOf', 1, (t, a) => { const arr = thisArray(t, 'lastIndexOf'); for (let i = arr.elems.length - 1; i >= 0; i--) if (arr.elems[i] === a[0]) return i; return -1; });
  method(AP, 'includes', 1, (t, a) => { const arr = thisArray(t, 'includes'); for (let i = relIndex(a[1], arr.elems.length, 0); i < arr.elems.length; i++) if (sameValueZero(unhole(arr.elems[i]), a[0])) return true; return false; });
  method(AP, 'slice', 2, (t, a) => {
    const arr = thisArray(t, 'slice');
    const n = arr.elems.length;
    return vm.newArray(arr.elems.slice(relIndex(a[0], n, 0), relIndex(a[1], n, n)));
  });
  method(AP, 'splice', 2, (t, a) => {
    const arr = thisArray(t, 'splice');
    const n = arr.elems.length;
    const start = relIndex(a[0], n, 0);
    const count = a.length < 2 ? n - start : Math.min(Math.max(int(a[1]), 0), n - start);
    return vm.newArray(arr.elems.splice(start, count, ...a.slice(2)));
  });
  method(AP, 'concat', 1, (t, a) => {
    const out = [...thisArray(t, 'concat').elems];
    for (const x of a) if (x instanceof JSArray) out.push(...x.elems); else out.push(x);
    return vm.newArray(out);
  });
  method(AP, 'reverse', 0, (t) => { thisArray(t, 'reverse').elems.reverse(); return t; });
  method(AP, 'fill', 1, (t, a) => {
    const arr = thisArray(t, 'fill');
    const n = arr.elems.length;
    for (let i = relIndex(a[1], n, 0); i < relIndex(a[2], n, n); i++) arr.elems[i] = a[0];
    return arr;
  });
  method(AP, 'at', 1, (t, a) => { const arr = thisArray(t, 'at'); let i = int(a[0]); if (i < 0) i += arr.elems.length; return elem(arr, i); });
  method(AP, 'flat', 0, (t, a) => {
    const depth = a[0] === undefined ? 1 : int(a[0]);
    const flat = (xs: Value[], d: number): Value[] => xs.filter((x) => x !== HOLE).flatMap((x) => (x instanceof JSArray && d > 0 ? flat(x.elems, d - 1) : [x]));
    return vm.newArray(flat(thisArray(t, 'flat').elems, depth));
  });
  method(AP, 'sort', 1, (t, a) => {
    const arr = thisArray(t, 'sort');
    const cmp = a[0];
    if (cmp !== undefined) callback(cmp);
    const present = arr.elems.filter((v) => v !== HOLE);
    const undefs = present.filter((v) => v === undefined);
    const vals = present.filter((v) => v !== undefined);
    vals.sort((x, y) => {
      if (cmp !== undefined) return num(vm.call(cmp, undefined, [x, y])) || 0;
      const sx = str(x), sy = str(y);
      return sx < sy ? -1 : sx > sy ? 1 : 0;
    });
    const holes = arr.elems.length - present.length;
    arr.elems = [...vals, ...undefs, ...new Array(holes).fill(HOLE)];
    return arr;
  });
  const arrayIter = (arr: Value, kind: 'values' | 'keys' | 'entries') => {
    let i = 0;
    return makeIterator(() => {
      const len = arr instanceof JSArray ? arr.elems.length : int(vm.getV(arr, 'length'));
      if (i >= len) { i = Infinity; return { done: true }; }
      const k = i++;
      const v = () => (arr instanceof JSArray ? elem(arr, k) : vm.getV(arr, String(k)));
      return { done: false, value: kind === 'keys' ? k : kind === 'values' ? v() : vm.newArray([k, v()]) };
    });
  };
  const arrayValues = fn('values', 0, (t) => arrayIter(t, 'values'));
  def(AP, 'values', arrayValues);
  def(AP, symbolIterator, arrayValues);
  method(AP, 'keys', 0, (t) => arrayIter(t, 'keys'));
  method(AP, 'entries', 0, (t) => arrayIter(t, 'entries'));

  // ---- String ------------------------------------------------------------------------
  const StringPrototype = new JSObject(ObjectPrototype);
  StringPrototype.cls = 'String';
  StringPrototype.internal = '';
  realm.StringPrototype = StringPrototype;
  const StringCtor = ctor('String', 1, StringPrototype, (_t, a, nt) => {
    const s = a.length === 0 ? '' : a[0] instanceof JSSymbol && !nt ? `Symbol(${a[0].description ?? ''})` : str(a[0]);
    if (!nt) return s;
    const o = new JSObject(protoFrom(nt, StringPrototype));
    o.cls = 'String';
    o.internal = s;
    return o;
  });
  def(global, 'String', StringCtor);
  method(StringCtor, 'fromCharCode', 1, (_t, a) => String.fromCharCode(...a.map(num)));
  method(StringCtor, 'fromCodePoint', 1, (_t, a) => String.fromCodePoint(...a.map(num)));
  const thisStr = (t: Value): string => {
    if (typeof t === 'string') return t;
    if (isObject(t) && t.cls === 'String') return t.internal as string;
    if (t == null) throw vm.error('TypeError', 'String.prototype method called on null or undefined');
    return str(t);
  };
  const SP = StringPrototype;
  const sm = (name: string, length: number, impl: (s: string, a: Value[]) => Value) => method(SP, name, length, (t, a) => impl(thisStr(t), a));
  sm('toString', 0, (s) => s);
  sm('valueOf', 0, (s) => s);
  sm('charAt', 1, (s, a) => s.charAt(int(a[0])));
  sm('charCodeAt', 1, (s, a) => s.charCodeAt(int(a[0])));
  sm('codePointAt', 1, (s, a) => s.codePointAt(int(a[0])));
  sm('at', 1, (s, a) => s.at(int(a[0])));
  sm('indexOf', 1, (s, a) => s.indexOf(str(a[0]), int(a[1])));
  sm('lastIndexOf', 1, (s, a) => s.lastIndexOf(str(a[0]), a[1] === undefined ? Infinity : num(a[1])));
  sm('includes', 1, (s, a) => s.includes(str(a[0]), int(a[1])));
  sm('startsWith', 1, (s, a) => s.startsWith(str(a[0]), int(a[1])));
  sm('endsWith', 1, (s, a) => s.endsWith(str(a[0]), a[1] === undefined ? s.length : int(a[1])));
  sm('slice', 2, (s, a) => s.slice(int(a[0]), a[1] === undefined ? undefined : int(a[1])));
  sm('substring', 2, (s, a) => s.substring(int(a[0]), a[1] === undefined ? undefined : int(a[1])));
  sm('toUpperCase', 0, (s) => s.toUpperCase());
  sm('toLowerCase', 0, (s) => s.toLowerCase());
  sm('trim', 0, (s) => s.trim());
  sm('trimStart', 0, (s) => s.trimStart());
  sm('trimEnd', 0, (s) => s.trimEnd());
  sm('repeat', 1, (s, a) => {
    const n = int(a[0]);
    if (n < 0 || n === Infinity) throw vm.error('RangeError', `Invalid count value: ${vm.toString(a[0])}`);
    return s.repeat(n);
  });
  sm('padStart', 2, (s, a) => s.padStart(int(a[0]), a[1] === undefined ? ' ' : str(a[1])));
  sm('padEnd', 2, (s, a) => s.padEnd(int(a[0]), a[1] === undefined ? ' ' : str(a[1])));
  sm('concat', 1, (s, a) => s + a.map(str).join(''));
  sm('split', 2, (s, a) => vm.newArray(a[0] === undefined ? [s] : s.split(str(a[0]), a[1] === undefined ? undefined : int(a[1]))));
  sm('replace', 2, (s, a) => {
    const pat = str(a[0]);
    const i = s.indexOf(pat);
    if (i < 0) return s;
    const rep = isCallable(a[1]) ? str(vm.call(a[1], undefined, [pat, i, s])) : str(a[1]);
    return s.slice(0, i) + rep + s.slice(i + pat.length);
  });
  sm('replaceAll', 2, (s, a) => s.split(str(a[0])).join(str(a[1])));
  method(SP, '[Symbol.iterator]', 0, (t) => hostIterator(thisStr(t)[Symbol.iterator]()), symbolIterator);

  // ---- Number, Boolean, Math ---------------------------------------------------------
  const NumberPrototype = new JSObject(ObjectPrototype);
  realm.NumberPrototype = NumberPrototype;
  const thisNum = (t: Value): number => {
    if (typeof t === 'number') return t;
    throw vm.error('TypeError', 'Number.prototype method called on a non-number');
  };
  const NumberCtor = ctor('Number', 1, NumberPrototype, (_t, a) => (a.length ? num(a[0]) : 0));
  def(global, 'Number', NumberCtor);
  for (const [k, v] of Object.entries({
    MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER, EPSILON: Number.EPSILON,
    MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE, POSITIVE_INFINITY: Infinity, NEGATIVE_INFINITY: -Infinity, NaN,
  })) def(NumberCtor, k, v);
  method(NumberCtor, 'isInteger', 1, (_t, a) => Number.isInteger(a[0]));
  method(NumberCtor, 'isSafeInteger', 1, (_t, a) => Number.isSafeInteger(a[0]));
  method(NumberCtor, 'isFinite', 1, (_t, a) => Number.isFinite(a[0]));
  method(NumberCtor, 'isNaN', 1, (_t, a) => Number.isNaN(a[0]));
  const parseIntF = fn('parseInt', 2, (_t, a) => parseInt(str(a[0]), a[1] === undefined ? undefined : num(a[1])));
  const parseFloatF = fn('parseFloat', 1, (_t, a) => parseFloat(str(a[0])));
  def(NumberCtor, 'parseInt', parseIntF);
  def(NumberCtor, 'parseFloat', parseFloatF);
  def(global, 'parseInt', parseIntF);
  def(global, 'parseFloat', parseFloatF);
  method(global, 'isNaN', 1, (_t, a) => Number.isNaN(num(a[0])));
  method(global, 'isFinite', 1, (_t, a) => Number.isFinite(num(a[0])));
  method(NumberPrototype, 'toString', 1, (t, a) => {
    const r = a[0] === undefined ? 10 : int(a[0]);
    if (r < 2 || r > 36) throw vm.error('RangeError', 'toString() radix must be between 2 and 36');
    return thisNum(t).toString(r);
  });
  method(NumberPrototype, 'toFixed', 1, (t, a) => {
    const d = int(a[0]);
    if (d < 0 || d > 100) throw vm.error('RangeError', 'toFixed() digits argument must be between 0 and 100');
    return thisNum(t).toFixed(d);
  });
  method(NumberPrototype, 'valueOf', 0, (t) => thisNum(t));
  const BooleanPrototype = new JSObject(ObjectPrototype);
  realm.BooleanPrototype = BooleanPrototype;
  def(global, 'Boolean', ctor('Boolean', 1, BooleanPrototype, (_t, a) => vm.toBoolean(a[0])));
  method(BooleanPrototype, 'toString', 0, (t) => String(t));
  method(BooleanPrototype, 'valueOf', 0, (t) => t);

  const MathObj = obj();
  def(global, 'Math', MathObj);
  for (const k of ['PI', 'E', 'LN2', 'LN10', 'SQRT2'] as const) def(MathObj, k, Math[k]);
  for (const k of ['floor', 'ceil', 'round', 'abs', 'sqrt', 'cbrt', 'trunc', 'sign', 'log', 'log2', 'log10', 'exp', 'sin', 'cos', 'tan', 'atan', 'fround'] as const) {
    const h = Math[k] as (x: number) => number;
    method(MathObj, k, 1, (_t, a) => h(num(a[0])));
  }
  method(MathObj, 'random', 0, () => Math.random());
  method(MathObj, 'pow', 2, (_t, a) => num(a[0]) ** num(a[1]));
  method(MathObj, 'atan2', 2, (_t, a) => Math.atan2(num(a[0]), num(a[1])));
  method(MathObj, 'imul', 2, (_t, a) => Math.imul(num(a[0]), num(a[1])));
  method(MathObj, 'max', 2, (_t, a) => Math.max(...a.map(num)));
  method(MathObj, 'min', 2, (_t, a) => Math.min(...a.map(num)));
  method(MathObj, 'hypot', 2, (_t, a) => Math.hypot(...a.map(num)));

  // ---- errors ------------------------------------------------------------------------
  const ErrorPrototype = new JSObject(ObjectPrototype);
  const makeErrorCtor = (name: string, proto: JSObject, parent: JSFunction | undefined): JSFunction => {
    const c = ctor(name, 1, proto, (_t, a, nt) => {
      const e = new JSObject(protoFrom(nt, proto));
      e.cls = 'Error';
      if (a[0] !== undefined) vm.defineData(e, 'message', str(a[0]), false);
      if (isObject(a[1]) && vm.hasProperty(a[1], 'cause')) vm.defineData(e, 'cause', vm.get(a[1], 'cause'), false);
      const header = errorToString(e);
      vm.defineData(e, 'stack', `${header}\n${vm.stackTrace()}`, false);
      return e;
    });
    if (parent) c.proto = parent;
    def(proto, 'name', name);
    def(proto, 'message', '');
    def(global, name, c);
    return c;
  };
  const errorToString = (e: Value): string => {
    if (!isObject(e)) throw vm.error('TypeError', 'Error.prototype.toString called on non-object');
    const n = vm.get(e, 'name'), m = vm.get(e, 'message');
    const ns = n === undefined ? 'Error' : str(n), ms = m === undefined ? '' : str(m);
    return !ns ? ms : !ms ? ns : `${ns}: ${ms}`;
  };
  const ErrorCtor = makeErrorCtor('Error', ErrorPrototype, undefined);
  method(ErrorPrototype, 'toString', 0, (t) => errorToString(t));
  for (const n of ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']) makeErrorCtor(n, new JSObject(ErrorPrototype), ErrorCtor);

  // ---- Map and Set -------------------------------------------------------------------
  const collection = (name: 'Map' | 'Set') => {
    const proto = new JSObject(ObjectPrototype);
    const c = ctor(name, 0, proto, (_t, a, nt) => {
      if (!nt) throw vm.error('TypeError', `Constructor ${name} requires 'new'`);
      const o = new JSObject(protoFrom(nt, proto));
      o.cls = name;
      const m = new Map<Value, Value>();
      o.internal = m;
      if (a[0] != null) {
        const adder = vm.get(o, name === 'Map' ? 'set' : 'add');
        vm.iterate(a[0], (e) => { if (name === 'Map') vm.call(adder, o, [vm.getV(e, '0'), vm.getV(e, '1')]); else vm.call(adder, o, [e]); });
      }
      return o;
    });
    def(global, name, c);
    const data = (t: Value): Map<Value, Value> => {
      if (isObject(t) && t.cls === name) return t.internal as Map<Value, Value>;
      throw vm.error('TypeError', `Method ${name}.prototype function called on incompatible receiver ${realm.inspect(t)}`);
    };
    const norm = (k: Value) => (k === 0 ? 0 : k);
    if (name === 'Map') {
      method(proto, 'get', 1, (t, a) => data(t).get(norm(a[0])));
      method(proto, 'set', 2, (t, a) => { data(t).set(norm(a[0]), a[1]); return t; });
    } else {
      method(proto, 'add', 1, (t, a) => { data(t).set(norm(a[0]), norm(a[0])); return t; });
    }
    method(proto, 'has', 1, (t, a) => data(t).has(norm(a[0])));
    method(proto, 'delete', 1, (t, a) => data(t).delete(norm(a[0])));
    method(proto, 'clear', 0, (t) => { data(t).clear(); return undefined; });
    getter(proto, 'size', (t) => data(t).size);
    method(proto, 'forEach', 1, (t, a) => {
      const f = callback(a[0]);
      for (const [k, v] of data(t)) vm.call(f, a[1], [v, k, t]);
      return undefined;
    });
    const keys = fn('keys', 0, (t) => hostIterator(data(t).keys()));
    const values = fn('values', 0, (t) => hostIterator(data(t).values()));
    const entries = fn('entries', 0, (t) => {
      const it = data(t).entries();
      return makeIterator(() => { const r = it.next(); return r.done ? { done: true } : { done: false, value: vm.newArray([...r.value]) }; });
    });
    def(proto, 'keys', name === 'Map' ? keys : values);
    def(proto, 'values', values);
    def(proto, 'entries', entries);
    def(proto, symbolIterator, name === 'Map' ? entries : values);
  };
  collection('Map');
  collection('Set');

  // ---- JSON --------------------------------------------------------------------------
  const JSONObj = obj();
  def(global, 'JSON', JSONObj);
  method(JSONObj, 'stringify', 3, (_t, a) => {
    const indentArg = a[2];
    const gap = typeof indentArg === 'number' ? ' '.repeat(Math.min(10, Math.max(0, Math.trunc(indentArg)))) : typeof indentArg === 'string' ? indentArg.slice(0, 10) : '';
    const stack: JSObject[] = [];
    const ser = (holder: JSObject, key: string, value: Value, indent: string): string | undefined => {
      if (isObject(value)) {
        const toJSON = vm.get(value, 'toJSON');
        if (isCallable(toJSON)) value = vm.call(toJSON, value, [key]);
      }
      if (isCallable(a[1])) value = vm.call(a[1], holder, [key, value]);
      if (value === null) return 'null';
      if (typeof value === 'boolean') return String(value);
      if (typeof value === 'string') return JSON.stringify(value);
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
      if (!isObject(value) || isCallable(value)) return undefined;
      if (value.cls === 'String') return JSON.stringify(value.internal);
      if (stack.includes(value)) throw vm.error('TypeError', 'Converting circular structure to JSON');
      stack.push(value);
      const inner = indent + gap;
      let out: string;
      if (value instanceof JSArray) {
        const parts = value.elems.map((_, i) => ser(value as JSObject, String(i), vm.get(value as JSObject, String(i)), inner) ?? 'null');
        out = !parts.length ? '[]' : gap ? `[\n${inner}${parts.join(`,\n${inner}`)}\n${indent}]` : `[${parts.join(',')}]`;
      } else {
        const parts: string[] = [];
        for (const k of vm.ownEnumerableStringKeys(value)) {
          const s = ser(value, k, vm.get(value, k), inner);
          if (s !== undefined) parts.push(`${JSON.stringify(k)}:${gap ? ' ' : ''}${s}`);
        }
        out = !parts.length ? '{}' : gap ? `{\n${inner}${parts.join(`,\n${inner}`)}\n${indent}}` : `{${parts.join(',')}}`;
      }
      stack.pop();
      return out;
    };
    const wrapper = obj({ '': a[0] });
    return ser(wrapper, '', a[0], '');
  });

  // ---- console and process ------------------------------------------------------------
  const inspect = makeInspect(vm, realm);
  realm.inspect = (v) => inspect(v, 0, []);
  const format = (args: Value[]) => args.map((v) => (typeof v === 'string' ? v : realm.inspect(v))).join(' ') + '\n';
  const consoleObj = obj();
  def(global, 'console', consoleObj);
  method(consoleObj, 'log', 0, (_t, a) => { vm.stdout += format(a); return undefined; });
  method(consoleObj, 'info', 0, (_t, a) => { vm.stdout += format(a); return undefined; });
  method(consoleObj, 'error', 0, (_t, a) => { vm.stderr += format(a); return undefined; });
  method(consoleObj, 'warn', 0, (_t, a) => { vm.stderr += format(a); return undefined; });
  const processObj = obj();
  def(global, 'process', processObj);
  method(processObj, 'exit', 1, (_t, a) => { throw new ExitRequest(a[0] === undefined ? 0 : int(a[0])); });
  def(processObj, 'argv', vm.newArray([]));
  return realm;
}

/** process.exit(): re-exported as the VM's Exit. */
import { Exit as ExitRequest } from './values.ts';

function makeInspect(vm: VM, realm: Realm) {
  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const quote = (s: string): string => {
    const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') ? '`' : "'";
    const esc = s.replace(/[\\\n\t\r\b\f\v]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[c]!);
    return q + (q === "'" ? esc.replace(/'/g, "\\'") : esc) + q;
  };
  const keyText = (k: Key): string => (k instanceof JSSymbol ? `[Symbol(${k.description ?? ''})]` : IDENT.test(k) ? k : quote(k));
  let currentDepth = 0;
  const ctorName = (o: JSObject): string | null => {
    for (let p: JSObject | null = o.proto; p; p = p.proto) {
      const c = p.props.get('constructor');
      if (c && !c.accessor && isCallable(c.value) && c.value.fname) return c.value.fname;
    }
    return null;
  };
  const inspect = (v: Value, depth: number, seen: JSObject[]): string => {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'string') return quote(v);
    if (v instanceof JSSymbol) return `Symbol(${v.description ?? ''})`;
    if (!isObject(v)) return v === HOLE ? "<hole>" : "<internal>";
    if (seen.includes(v)) return '[Circular *1]';
    if (v.cls === 'Error') {
      const stack = vm.get(v, 'stack');
      return typeof stack === 'string' ? stack : `[${vm.toString(v)}]`;
    }
    const name = ctorName(v);
    let base = '';
    let braces: [string, string] = ['{', '}'];
    let output: string[] = [];
    const isArray = v instanceof JSArray;
    const keys = vm.ownKeys(v).filter((k) => vm.getOwn(v, k)?.enumerable && !(isArray && typeof k === 'string' && arrayIndex(k) >= 0));
    if (isCallable(v)) {
      if (v.isClass) {
        const parent = v.proto !== realm.FunctionPrototype && isCallable(v.proto) ? ` extends ${v.proto.fname}` : '';
        base = `[class ${v.fname || '(anonymous)'}${parent}]`;
      } else base = v.fname ? `[Function: ${v.fname}]` : '[Function (anonymous)]';
      if (!keys.length) return base;
    } else if (isArray) {
      braces = name === 'Array' ? ['[', ']'] : [`${name ?? '[Array: null prototype]'}(${v.elems.length}) [`, ']'];
    } else if (v.cls === 'Map' || v.cls === 'Set') {
      braces = [`${v.cls}(${(v.internal as Map<Value, Value>).size}) {`, '}'];
    } else if (v.proto === null) {
      braces = ['[Object: null prototype] {', '}'];
    } else if (name && name !== 'Object') {
      braces = [`${name} {`, '}'];
    }
    if (depth > 2) {
      return isArray ? '[Array]' : `[${name && !isCallable(v) ? name : 'Object'}]`;
    }
    currentDepth = depth;
    seen.push(v);
    if (isArray) {
      let holes = 0;
      const flush = () => { if (holes) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; };
      for (const e of v.elems) {
        if (e === HOLE) { holes++; continue; }
        flush();
        output.push(inspect(e, depth + 1, seen));
      }
      flush();
    } else if (v.cls === 'Map') {
      for (const [k, x] of v.internal as Map<Value, Value>) output.push(`${inspect(k, depth + 1, seen)} => ${inspect(x, depth + 1, seen)}`);
    } else if (v.cls === 'Set') {
      for (const k of (v.internal as Map<Value, Value>).keys()) output.push(inspect(k, depth + 1, seen));
    }
    for (const k of keys) {
      const p = vm.getOwn(v, k)!;
      const val = p.accessor ? (p.get && p.set ? '[Getter/Setter]' : p.get ? '[Getter]' : '[Setter]') : inspect(p.value, depth + 1, seen);
      output.push(`${keyText(k)}: ${val}`);
    }
    seen.pop();
    if (isCallable(v)) braces = [`${base} {`, '}'];
    if (!output.length) {
      if (braces[0] === '[') return '[]';
      return braces[0].endsWith('{') && braces[0] !== '{' ? `${braces[0]}}` : `${braces[0]}${braces[1]}`;
    }
    const entries = output.length;
    if (isArray && entries > 6) output = groupArrayElements(output, v as JSArray, depth);
    const indentation = depth * 2;
    if (currentDepth - depth < 3 && entries === output.length) {
      const start = output.length + indentation + braces[0].length + 10;
      let total = output.length + start;
      let fits = total + output.length <= 80;
      for (const s of output) { total += s.length; if (total > 80) fits = false; }
      if (fits && !output.some((s) => s.includes('\n'))) return `${braces[0]} ${output.join(', ')} ${braces[1]}`;
    }
    const ind = `\n${' '.repeat(indentation)}`;
    return `${braces[0]}${ind}  ${output.join(`,${ind}  `)}${ind}${braces[1]}`;
  };
  const groupArrayElements = (output: string[], arr: JSArray, depth: number): string[] => {
    let totalLength = 0, maxLength = 0;
    const separatorSpace = 2;
    const dataLen = output.map((s) => s.length);
    for (const len of dataLen) { totalLength += len + separatorSpace; if (maxLength < len) maxLength = len; }
    const actualMax = maxLength + separatorSpace;
    const indentationLvl = depth * 2;
    if (actualMax * 3 + indentationLvl < 80 && (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * output.length) / biasedMax),
        Math.floor((80 - indentationLvl) / actualMax), 3 * 4, 15);
      if (columns <= 1) return output;
      const tmp: string[] = [];
      const maxLineLength: number[] = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
        maxLineLength.push(lineLength + separatorSpace);
      }
      const numeric = arr.elems.every((e, i) => i >= output.length || typeof e === 'number');
      for (let i = 0; i < output.length; i += columns) {
        const max = Math.min(i + columns, output.length);
        let s = '';
        let j = i;
        for (; j < max - 1; j++) {
          const cell = `${output[j]}, `;
          s += numeric ? cell.padStart(maxLineLength[j - i]) : cell.padEnd(maxLineLength[j - i]);
        }
        s += numeric ? output[j].padStart(maxLineLength[j - i] - separatorSpace) : output[j];
        tmp.push(s);
      }
      return tmp;
    }
    return output;
  };
  return inspect;
}

export { Throw };
