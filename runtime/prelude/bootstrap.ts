// The very first code of every program: creates and registers the intrinsic prototypes
// (so every object made from here on gets them) and the few methods the runtime modules'
// own top-level code uses (Array.prototype.push, String.prototype.charCodeAt,
// String.fromCharCode), before those modules are evaluated. Imports nothing but the
// intrinsic ids.

import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

// The start-up's objects are one of a kind (prototypes, constructors, installers' tables):
// they get unique shapes instead of a recorded transition per property (boot/interp/
// shapes.ts); index.ts ends this when every module has run.
__native.uniqueShapes(1);

export const GLOBAL$: any = __native.globalObject();

// ---- intrinsic prototypes ------------------------------------------------------------
export const ObjectPrototype: any = {};
__native.registerIntrinsic(Intrinsic.ObjectPrototype, ObjectPrototype);
export const FunctionPrototype: any = makeFunctionPrototype();
__native.setPrototypeOf(FunctionPrototype, ObjectPrototype);
__native.registerIntrinsic(Intrinsic.FunctionPrototype, FunctionPrototype);
export const ArrayPrototype: any = [];
__native.setPrototypeOf(ArrayPrototype, ObjectPrototype);
__native.registerIntrinsic(Intrinsic.ArrayPrototype, ArrayPrototype);
export const StringPrototype: any = {};
__native.registerIntrinsic(Intrinsic.StringPrototype, StringPrototype);
export const NumberPrototype: any = {};
__native.registerIntrinsic(Intrinsic.NumberPrototype, NumberPrototype);
export const BooleanPrototype: any = {};
__native.registerIntrinsic(Intrinsic.BooleanPrototype, BooleanPrototype);

function makeFunctionPrototype(): any {
  return () => undefined;
}


__native.defineProperty(ArrayPrototype, 'push', function push(this: any, ...items: any[]): number {
  let n = this.length;
  for (let i = 0; i < items.length; i++) this[n++] = items[i];
  this.length = n;
  return n;
}, 6);
__native.defineProperty(StringPrototype, 'charCodeAt', function charCodeAt(this: any, i: number): number {
  return __native.charCodeAt(this, i);
}, 6);
__native.defineProperty(GLOBAL$, 'String', { fromCharCode: (c: number) => __native.fromCharCode(c) }, 6);
