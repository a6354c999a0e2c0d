// Object, Object.prototype, Function.prototype (call/apply/bind), Boolean, globalThis.

import { isDate } from './date.ts';
import { isRegExpObject } from './regexp-brand.ts';
import {
  BooleanPrototype, FunctionPrototype, GLOBAL$, K_ARRAY, K_BOOLEAN, K_NULL, K_NUMBER, K_STRING, K_SYMBOL, K_UNDEFINED, ObjectPrototype,
  SymbolHasInstance, SymbolToStringTag, describe, hidden, isCallable, isError, isObject, linkConstructor, requireCallable,
  materializeStack, sameValue, setName, toObject, toPropertyKey, toStr, typedDescribe, boxInto, unboxPrimitive,
} from './core.ts';
import { iterateValues } from './iteration.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

const propertyKey = toPropertyKey;

/** ValidateAndApplyPropertyDescriptor's refusals: false where defining desc on o[k] must fail. */
export function compatibleDefinition(o: any, k: any, desc: any): boolean {
  if (!isObject(desc)) return true; // Object.defineProperty throws its TypeError
  const flags = __native.propertyFlags(o, k);
  if (flags < 0) return __native.isExtensible(o);
  if ((flags & 4) !== 0) return true;
  if (desc.configurable === true) return false;
  if ('enumerable' in desc && !!desc.enumerable !== ((flags & 1) !== 0)) return false;
  const isAccessor = (flags & 24) !== 0;
  if ('get' in desc || 'set' in desc) {
    if (!isAccessor) return false;
    if ('get' in desc && desc.get !== __native.getOwnAccessor(o, k, 0)) return false;
    if ('set' in desc && desc.set !== __native.getOwnAccessor(o, k, 1)) return false;
    return true;
  }
  if (isAccessor) return !('value' in desc) && !('writable' in desc);
  if ((flags & 2) === 0) {
    if (desc.writable === true) return false;
    if ('value' in desc) {
      const a = desc.value, b = o[k];
      const same = a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
      if (!same) return false;
    }
  }
  return true;
}

function defineFromDescriptor(o: any, key: any, d: any): void {
  if (!isObject(d)) throw new GLOBAL$.TypeError('Property description must be an object: ' + toStr(d));
  const old = __native.propertyFlags(o, key);
  // V8's TypeErrors (the machines' defineProperty does not check redefinitions itself)
  if (!compatibleDefinition(o, key, d)) {
    const shown = typeof key === 'symbol' ? describe(key) : key;
    throw new GLOBAL$.TypeError(old < 0 ? 'Cannot define property ' + shown + ', object is not extensible' : 'Cannot redefine property: ' + shown);
  }
  const has = (name: string): boolean => name in d;
  const flag = (name: string, bit: number): number => {
    if (has(name)) return d[name] ? bit : 0;
    return old >= 0 ? old & bit : 0;
  };
  if (has('get') || has('set')) {
    const getter = has('get') ? d.get : old >= 0 ? __native.getOwnAccessor(o, key, 0) : undefined;
    const setter = has('set') ? d.set : old >= 0 ? __native.getOwnAccessor(o, key, 1) : undefined;
    if (getter !== undefined && !isCallable(getter)) throw new GLOBAL$.TypeError('Getter must be a function: ' + describe(getter));
    if (setter !== undefined && !isCallable(setter)) throw new GLOBAL$.TypeError('Setter must be a function: ' + describe(setter));
    __native.defineAccessor(o, key, getter, setter, flag('enumerable', 1) | flag('configurable', 4));
    return;
  }
  const value = has('value') ? d.value : old >= 0 && (old & 24) === 0 ? o[key] : undefined;
  __native.defineProperty(o, key, value, flag('enumerable', 1) | flag('writable', 2) | flag('configurable', 4));
}

function descriptorOf(o: any, key: any): any {
  if (key === 'stack') materializeStack(o); // an error's stack not read yet is a data property too
  const flags = __native.propertyFlags(o, key);
  if (flags < 0) return undefined;
  if (flags & 24) {
    return { get: __native.getOwnAccessor(o, key, 0), set: __native.getOwnAccessor(o, key, 1), enumerable: (flags & 1) !== 0, configurable: (flags & 4) !== 0 };
  }
  return { value: o[key], writable: (flags & 2) !== 0, enumerable: (flags & 1) !== 0, configurable: (flags & 4) !== 0 };
}

/**
 * OwnPropertyKeys of o as __native.ownKeys lists them (flags false: strings, 2: strings and
 * symbols), with a function's `length` and `name` first as V8 has them: the machine keeps
 * them virtual until they are redefined, and its ownKeys leaves the virtual ones out.
 */
export function ownPropertyKeys(o: any, flags: false | 2): any[] {
  const keys = __native.ownKeys(o, flags);
  if (!isCallable(o)) return keys;
  // the x86 interpreter makes an ordinary function's `prototype` when it is first read: read it
  if (__native.valueKind(o) === 7 && (__native.functionFlags(o) & 127) === 0) void o.prototype;
  const out: any[] = [];
  if (__native.propertyFlags(o, 'length') >= 0) out[out.length] = 'length';
  if (__native.propertyFlags(o, 'name') >= 0) out[out.length] = 'name';
  if (__native.propertyFlags(o, 'prototype') >= 0) out[out.length] = 'prototype';
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 'length' && keys[i] !== 'name' && keys[i] !== 'prototype') out[out.length] = keys[i];
  return out;
}

function isFrozenObject(o: any): boolean {
  if (!isObject(o)) return true;
  if (__native.isExtensible(o)) return false;
  const keys = __native.ownKeys(o, 2);
  for (let i = 0; i < keys.length; i++) {
    const f = __native.propertyFlags(o, keys[i]);
    if (f & 4) return false;
    if ((f & 24) === 0 && (f & 2)) return false;
  }
  return true;
}

/** The X of Object.prototype.toString's "[object X]": a string Symbol.toStringTag, else the builtin tag. */
export function objectToStringTag(v: any): string {
  const k = __native.valueKind(v);
  if (k === K_UNDEFINED) return 'Undefined';
  if (k === K_NULL) return 'Null';
  const tag = v[SymbolToStringTag];
  if (typeof tag === 'string') return tag;
  if (k === K_ARRAY) return 'Array';
  if (k === K_STRING) return 'String';
  if (k === K_NUMBER) return 'Number';
  if (k === K_BOOLEAN) return 'Boolean';
  const boxed = __native.valueKind(unboxPrimitive(v));
  if (boxed === K_STRING) return 'String';
  if (boxed === K_NUMBER) return 'Number';
  if (boxed === K_BOOLEAN) return 'Boolean';
  if (isCallable(v)) return 'Function';
  if (isError(v)) return 'Error';
  if (isDate(v)) return 'Date';
  if (isRegExpObject(v)) return 'RegExp';
  return 'Object';
}

/** OrdinaryHasInstance(C, O): O's prototype chain has C.prototype (Function.prototype[Symbol.hasInstance]). */
function ordinaryHasInstance(c: any, o: any): boolean {
  if (!isCallable(c)) return false;
  if (!isObject(o)) return false;
  const p = c.prototype;
  if (!isObject(p)) throw new GLOBAL$.TypeError('Function has non-object prototype \'' + displayValue(p) + '\' in instanceof check');
  for (let q = __native.getPrototypeOf(o); q !== null; q = __native.getPrototypeOf(q)) if (q === p) return true;
  return false;
}

/** `v instanceof c` (InstanceofOperator): c[Symbol.hasInstance](v) when c has one, else
 *  OrdinaryHasInstance. The machine runs the common cases itself and calls this for the rest
 *  (intrinsics.ts Intrinsic 26). */
function instanceOfOperator(v: any, c: any): boolean {
  if (!isObject(c)) throw new GLOBAL$.TypeError('Right-hand side of \'instanceof\' is not an object');
  const h = c[SymbolHasInstance];
  if (h !== undefined && h !== null) {
    if (!isCallable(h)) throw new GLOBAL$.TypeError(typedDescribe(h) + ' is not a function');
    return !!__native.apply(h, c, [v]);
  }
  if (!isCallable(c)) throw new GLOBAL$.TypeError('Right-hand side of \'instanceof\' is not callable');
  return ordinaryHasInstance(c, v);
}
__native.registerIntrinsic(Intrinsic.InstanceOf, instanceOfOperator);

// `delete v[key]` with a primitive v (the machine deletes from objects itself): strict mode's
// [[Delete]] on the wrapper, whose only own properties are a string's indices and length,
// none of them configurable.
__native.registerIntrinsic(Intrinsic.DeletePrimitive, function DeletePrimitive(this: any, key: any): boolean {
  const v = this;
  if (v === undefined || v === null) throw new GLOBAL$.TypeError('Cannot convert undefined or null to object');
  const k = propertyKey(key);
  if (typeof v !== 'string' || typeof k !== 'string') return true;
  const i = +k;
  if (k === 'length' || (i >= 0 && i < v.length && (i | 0) === i && '' + i === k)) {
    throw new GLOBAL$.TypeError("Cannot delete property '" + k + "' of [object String]");
  }
  return true;
});

function displayValue(v: any): string {
  return __native.valueKind(v) === K_SYMBOL ? describe(v) : toStr(v);
}

function defineObject(): void {
  const ObjectC: any = function Object(this: any, value?: any): any {
    if (value === undefined || value === null) return {};
    return toObject(value);
  };
  linkConstructor(ObjectC, ObjectPrototype, 'Object');
  hidden(GLOBAL$, 'Object', ObjectC);
  __native.installMethods(ObjectC, {
    keys(o: any): string[] {
      return __native.ownKeys(toObject(o), true);
    },
    values(o: any): unknown[] {
      const keys = __native.ownKeys(toObject(o), true);
      const out: unknown[] = [];
      for (let i = 0; i < keys.length; i++) out[i] = o[keys[i]];
      return out;
    },
    entries(o: any): unknown[] {
      const keys = __native.ownKeys(toObject(o), true);
      const out: unknown[] = [];
      for (let i = 0; i < keys.length; i++) out[i] = [keys[i], o[keys[i]]];
      return out;
    },
    assign(target: any, ...sources: any[]): any {
      toObject(target);
      for (let s = 0; s < sources.length; s++) {
        const src = sources[s];
        if (src === undefined || src === null) continue;
        const keys = __native.ownKeys(src, 3);
        for (let i = 0; i < keys.length; i++) target[keys[i]] = src[keys[i]];
      }
      return target;
    },
    freeze(o: any): any {
      if (isObject(o)) __native.preventExtensions(o, 2);
      return o;
    },
    seal(o: any): any {
      if (isObject(o)) __native.preventExtensions(o, 1);
      return o;
    },
    preventExtensions(o: any): any {
      if (isObject(o)) __native.preventExtensions(o, 0);
      return o;
    },
    isFrozen(o: any): boolean {
      return isFrozenObject(o);
    },
    isSealed(o: any): boolean {
      if (!isObject(o)) return true;
      if (__native.isExtensible(o)) return false;
      const keys = __native.ownKeys(o, 2);
      for (let i = 0; i < keys.length; i++) if (__native.propertyFlags(o, keys[i]) & 4) return false;
      return true;
    },
    isExtensible(o: any): boolean {
      return __native.isExtensible(o);
    },
    getPrototypeOf(o: any): any {
      return __native.getPrototypeOf(toObject(o));
    },
    setPrototypeOf(o: any, proto: any): any {
      toObject(o);
      if (proto !== null && !isObject(proto)) throw new GLOBAL$.TypeError('Object prototype may only be an Object or null: ' + toStr(proto));
      if (!isObject(o)) return o;
      return __native.setPrototypeOf(o, proto);
    },
    create(proto: any, props?: any): any {
      if (proto !== null && !isObject(proto)) throw new GLOBAL$.TypeError('Object prototype may only be an Object or null: ' + toStr(proto));
      const o = {};
      __native.setPrototypeOf(o, proto);
      if (props !== undefined) GLOBAL$.Object.defineProperties(o, props);
      return o;
    },
    defineProperty(o: any, key: any, desc: any): any {
      if (!isObject(o)) throw new GLOBAL$.TypeError('Object.defineProperty called on non-object');
      defineFromDescriptor(o, propertyKey(key), desc);
      return o;
    },
    defineProperties(o: any, props: any): any {
      if (!isObject(o)) throw new GLOBAL$.TypeError('Object.defineProperties called on non-object');
      const keys = __native.ownKeys(props, 3);
      for (let i = 0; i < keys.length; i++) defineFromDescriptor(o, keys[i], props[keys[i]]);
      return o;
    },
    getOwnPropertyNames(o: any): string[] {
      return ownPropertyKeys(toObject(o), false);
    },
    getOwnPropertySymbols(o: any): symbol[] {
      const keys = __native.ownKeys(toObject(o), 2);
      const out: symbol[] = [];
      for (let i = 0; i < keys.length; i++) if (typeof keys[i] === 'symbol') out[out.length] = keys[i] as unknown as symbol;
      return out;
    },
    getOwnPropertyDescriptor(o: any, key: any): any {
      return descriptorOf(toObject(o), propertyKey(key));
    },
    getOwnPropertyDescriptors(o: any): any {
      const keys = ownPropertyKeys(toObject(o), 2);
      const out: any = {};
      for (let i = 0; i < keys.length; i++) out[keys[i]] = descriptorOf(o, keys[i]);
      return out;
    },
    fromEntries(iterable: any): any {
      if (iterable === undefined || iterable === null) throw new GLOBAL$.TypeError('undefined is not iterable');
      const out: any = {};
      iterateValues(iterable, (e: any) => {
        if (!isObject(e)) throw new GLOBAL$.TypeError('Iterator value ' + displayValue(e) + ' is not an entry object');
        __native.defineProperty(out, propertyKey(e[0]), e[1], 7);
      });
      return out;
    },
    is(a: any, b: any): boolean {
      return sameValue(a, b);
    },
    hasOwn(o: any, key: any): boolean {
      return __native.propertyFlags(toObject(o), propertyKey(key)) >= 0;
    },
  });

  __native.installMethods(ObjectPrototype, {
    hasOwnProperty(this: any, key: any): boolean {
      return __native.propertyFlags(toObject(this), propertyKey(key)) >= 0;
    },
    propertyIsEnumerable(this: any, key: any): boolean {
      const f = __native.propertyFlags(toObject(this), propertyKey(key));
      return f >= 0 && (f & 1) !== 0;
    },
    isPrototypeOf(this: any, v: any): boolean {
      if (!isObject(v)) return false;
      for (let p = __native.getPrototypeOf(v); p !== null; p = __native.getPrototypeOf(p)) if (p === this) return true;
      return false;
    },
    toString(this: any): string {
      return '[object ' + objectToStringTag(this) + ']';
    },
    toLocaleString(this: any): string {
      return this.toString();
    },
    valueOf(this: any): any {
      return toObject(this);
    },
  });

  // ---- Function ----------------------------------------------------------------------
  const FunctionC: any = function Function(): any {
    throw new GLOBAL$.EvalError('Code generation from strings is not supported');
  };
  linkConstructor(FunctionC, FunctionPrototype, 'Function');
  hidden(GLOBAL$, 'Function', FunctionC);
  setName(FunctionPrototype, '');
  __native.installMethods(FunctionPrototype, {
    call(this: any, thisArg: any, ...args: any[]): any {
      requireCallable(this);
      return __native.apply(this, thisArg, args);
    },
    apply(this: any, thisArg: any, args?: any): any {
      requireCallable(this);
      if (args === undefined || args === null) return __native.apply(this, thisArg, []);
      if (!isObject(args)) throw new GLOBAL$.TypeError('CreateListFromArrayLike called on non-object');
      const list: any[] = [];
      const n = args.length;
      for (let i = 0; i < n; i++) list[i] = args[i];
      return __native.apply(this, thisArg, list);
    },
    bind(this: any, thisArg: any, ...bound: any[]): any {
      const target = this;
      requireCallable(target);
      const f = function (this: any, ...args: any[]): any {
        const all: any[] = [];
        for (let i = 0; i < bound.length; i++) all[all.length] = bound[i];
        for (let i = 0; i < args.length; i++) all[all.length] = args[i];
        if (new.target !== undefined) return __native.construct(target, all);
        return __native.apply(target, thisArg, all);
      };
      const name = target.name;
      setName(f, 'bound ' + (typeof name === 'string' ? name : ''));
      const len = typeof target.length === 'number' ? target.length - bound.length : 0;
      __native.defineProperty(f, 'length', len > 0 ? len : 0, 4);
      return f;
    },
    toString(this: any): string {
      requireCallable(this);
      const source = __native.functionSource(this);
      if (typeof source === 'string') return source;
      const k = __native.valueKind(this);
      if (k === 8) return 'class ' + __native.functionName(this) + ' { }';
      // a builtin; a bound function (whose own name, "bound f", is not its code's) has none
      const own = __native.functionName(this);
      return 'function ' + (this.name === own ? own : '') + '() { [native code] }';
    },
  });
  const hasInstance = function (this: any, v: any): boolean {
    return ordinaryHasInstance(this, v);
  };
  setName(hasInstance, '[Symbol.hasInstance]');
  __native.defineProperty(FunctionPrototype, SymbolHasInstance, hasInstance, 0);
  __native.registerIntrinsic(Intrinsic.FunctionHasInstance, hasInstance);
  __native.registerIntrinsic(Intrinsic.SetFunctionName, function SetFunctionName(fn: any, key: any, prefix: string): void {
    const own = __native.ownKeys(fn, false);
    for (let i = 0; i < own.length; i++) if (own[i] === 'name') return;
    let name: string;
    if (__native.valueKind(key) === K_SYMBOL) {
      const d = __native.symbolDescription(key);
      name = d === undefined ? '' : '[' + d + ']';
    } else {
      name = toStr(key);
    }
    setName(fn, prefix === '' ? name : prefix + ' ' + name);
  });

  // ---- Boolean -------------------------------------------------------------------------
  const BooleanC: any = function Boolean(this: any, value?: any): boolean {
    if (new.target !== undefined) boxInto(this, !!value);
    return !!value;
  };
  linkConstructor(BooleanC, BooleanPrototype, 'Boolean');
  hidden(GLOBAL$, 'Boolean', BooleanC);
  __native.installMethods(BooleanPrototype, {
    toString(this: any): string {
      return thisBoolean(this) ? 'true' : 'false';
    },
    valueOf(this: any): boolean {
      return thisBoolean(this);
    },
  });

  hidden(GLOBAL$, 'globalThis', GLOBAL$);
}

function thisBoolean(v: any): boolean {
  if (typeof v === 'boolean') return v;
  const p = unboxPrimitive(v);
  if (typeof p === 'boolean') return p;
  throw new GLOBAL$.TypeError('Boolean.prototype.valueOf requires that \'this\' be a Boolean');
}

defineObject();
