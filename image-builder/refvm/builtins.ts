// The reference interpreter's realm: the intrinsic objects the runtime prelude
// (runtime/prelude/) registers with __native.registerIntrinsic, and the global object.
// Every JavaScript builtin comes from the prelude; the one stand-in left here is Symbol
// (the bytecode has no symbol values; see runtime/README.md, "Symbols"), which exists only
// in the reference interpreter so that the Node-differential programs using
// Symbol.iterator keep running.

import type { VM } from './vm.ts';
import { JSFunction, JSObject, JSSymbol, type HostCall, type Value } from './values.ts';

export interface Realm {
  global: JSObject;
  /** The registered intrinsics (natives.ts `Intrinsic`); null-prototype placeholders until registered. */
  ObjectPrototype: JSObject;
  FunctionPrototype: JSObject;
  ArrayPrototype: JSObject;
  StringPrototype: JSObject;
  NumberPrototype: JSObject;
  BooleanPrototype: JSObject;
  SymbolPrototype: JSObject;
  symbolIterator: JSSymbol;
  intrinsics: Value[];
}

const NONE = null as unknown as JSObject;

export function installBuiltins(vm: VM): Realm {
  const global = new JSObject(null);
  const SymbolPrototype = new JSObject(null);
  const symbolIterator = new JSSymbol('Symbol.iterator');
  const realm: Realm = {
    global, ObjectPrototype: NONE, FunctionPrototype: NONE, ArrayPrototype: NONE, StringPrototype: NONE,
    NumberPrototype: NONE, BooleanPrototype: NONE, SymbolPrototype, symbolIterator, intrinsics: [],
  };
  const fn = (name: string, length: number, impl: HostCall): JSFunction => {
    const f = new JSFunction(null);
    f.host = impl;
    f.fname = name;
    f.flength = length;
    return f;
  };
  // ---- Symbol (stand-in, reference interpreter only) ---------------------------------
  const SymbolCtor = fn('Symbol', 0, (_t, a) => new JSSymbol(a[0] === undefined ? undefined : vm.toString(a[0])));
  vm.defineData(SymbolCtor, 'prototype', SymbolPrototype, false);
  vm.defineData(SymbolPrototype, 'constructor', SymbolCtor, false);
  vm.defineData(SymbolCtor, 'iterator', symbolIterator, false);
  vm.defineData(SymbolPrototype, 'toString', fn('toString', 0, (t) => `Symbol(${(t as JSSymbol).description ?? ''})`), false);
  SymbolPrototype.props.set('description', {
    value: undefined, get: fn('get description', 0, (t) => (t as JSSymbol).description), accessor: true,
    enumerable: false, writable: false, configurable: true,
  });
  vm.defineData(global, 'Symbol', SymbolCtor, false);
  return realm;
}
