// super property access where the machine's GetSuper does not reach (docs/bytecode.md,
// "Home objects"): assignments to super properties, and reads in arrows, whose `this` is
// their enclosing method's. The compiler passes the home object (LoadHome).

import { GLOBAL$, describe, isObject, toObject, toPropertyKey, toStr } from './core.ts';
import { ownPropertyKeys } from './object.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

/**
 * SuperAccess(home, key, receiver, mode, value): mode 0 reads super[key], mode 1 assigns it
 * value. The machine also calls it to assign a property of a primitive (home and receiver
 * the primitive, whose prototype is where the search starts).
 */
__native.registerIntrinsic(Intrinsic.SuperAccess, function SuperAccess(home: any, key: any, receiver: any, mode: number, value: any): any {
  if (mode === 3) {
    if (value === null || isObject(value)) __native.setPrototypeOf(home, value);
    return undefined;
  }
  if (mode === 4) {
    // CopyDataProperties(home, value) for a source with getters (the x86 machine's fallback)
    const keys = ownPropertyKeys(value, 2);
    for (let i = 0; i < keys.length; i++) {
      const f = __native.propertyFlags(value, keys[i]);
      if (f >= 0 && (f & 1) !== 0) __native.defineProperty(home, keys[i], value[keys[i]], 7);
    }
    return undefined;
  }
  const k = toPropertyKey(key);
  const start = isObject(home) ? __native.getPrototypeOf(home) : home === undefined || home === null ? null : __native.getPrototypeOf(toObject(home));
  for (let p = start; p !== null; p = __native.getPrototypeOf(p)) {
    const flags = __native.propertyFlags(p, k);
    if (flags < 0) continue;
    if (flags & 24) {
      const f = __native.getOwnAccessor(p, k, mode === 0 ? 0 : 1);
      if (mode === 0) return f === undefined ? undefined : __native.apply(f, receiver, []);
      if (f === undefined) throw new GLOBAL$.TypeError('Cannot set property ' + describeKey(k) + ' of ' + holderName(p) + ' which has only a getter');
      __native.apply(f, receiver, [value]);
      return value;
    }
    if (mode === 0) return p[k];
    if ((flags & 2) === 0) throw new GLOBAL$.TypeError('Cannot assign to read only property \'' + describeKey(k) + '\' of object \'' + describe(receiver) + '\'');
    break;
  }
  if (mode === 0) return undefined;
  // the receiver gets (or updates) an own data property
  if (!isObject(receiver)) throw new GLOBAL$.TypeError('Cannot create property \'' + describeKey(k) + '\' on ' + typeof receiver + ' \'' + (typeof receiver === 'symbol' ? describe(receiver) : toStr(receiver)) + '\'');
  const own = __native.propertyFlags(receiver, k);
  if (own >= 0 && (own & 24) === 0) receiver[k] = value;
  else if (own >= 0) throw new GLOBAL$.TypeError('Cannot redefine property: ' + describeKey(k));
  else __native.defineProperty(receiver, k, value, 7);
  return value;
});

/** How V8 names the object holding the accessor: #<its constructor's name>. */
function holderName(p: any): string {
  const c = p.constructor;
  const n = c === undefined || c === null ? '' : c.name;
  return '#<' + (typeof n === 'string' && n !== '' ? n : 'Object') + '>';
}

function describeKey(k: any): string {
  return typeof k === 'symbol' ? describe(k) : k;
}
