// The reference interpreter's realm: the intrinsic objects the runtime prelude
// (runtime/prelude/) registers with __native.registerIntrinsic, and the global object.
// Every JavaScript builtin, Symbol included, comes from the prelude.

import type { VM } from './vm.ts';
import { JSObject, type Value } from './values.ts';

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
  intrinsics: Value[];
}

const NONE = null as unknown as JSObject;

export function installBuiltins(_vm: VM): Realm {
  return {
    global: new JSObject(null), ObjectPrototype: NONE, FunctionPrototype: NONE, ArrayPrototype: NONE, StringPrototype: NONE,
    NumberPrototype: NONE, BooleanPrototype: NONE, SymbolPrototype: NONE, intrinsics: [],
  };
}
