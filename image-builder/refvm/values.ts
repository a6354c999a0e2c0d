// The reference interpreter's value model: JavaScript primitives are host primitives,
// heap objects are instances of the classes below (never host objects), so every
// observable behaviour goes through code we control.

import type { CompiledFunction } from '../bytecode/index.ts';

export const HOLE: unique symbol = Symbol('hole');
export type Hole = typeof HOLE;

export class JSSymbol {
  constructor(readonly description: string | undefined) {}
}

export class PrivateName {
  constructor(readonly description: string) {}
}

export class Env {
  constructor(readonly parent: Env | undefined, readonly slots: Value[]) {}
}

export type Key = string | JSSymbol;

export interface Prop {
  value: Value;
  get?: JSObject | undefined;
  set?: JSObject | undefined;
  accessor: boolean;
  enumerable: boolean;
  writable: boolean;
  configurable: boolean;
}

/** A frame parked by `await`, as the value the AsyncFunctionAwait intrinsic receives (opaque to programs). */
export class FrameHandle {
  constructor(readonly frame: unknown) {}
}

/**
 * An ephemeron vector (natives weakNew/weakGet/weakSet): key/value pairs in `slots`; a
 * collection (weak.ts) keeps a value only while its key is reachable otherwise.
 */
export class EphemeronVector {
  constructor(readonly slots: Value[]) {}
}

export type Value = undefined | null | boolean | number | string | JSSymbol | JSObject | Hole | PrivateName | Env | FrameHandle | EphemeronVector;

/** Objects created with a null [[Prototype]] while the prelude has not registered its intrinsics yet. */
export const creationLog: { objects: JSObject[] | null } = { objects: null };

/** The bytes behind an ArrayBuffer: host bytes, or the reference interpreter's physical memory. */
export interface ByteStore {
  read(i: number): number;
  write(i: number, v: number): void;
}

/** The internal slots of ArrayBuffer (type 10), DataView (9) and typed array (0-8) objects (natives.ts viewNew). */
export class ViewData {
  constructor(
    readonly store: ByteStore,
    readonly offset: number,
    readonly length: number,
    readonly type: number,
    readonly buffer: JSObject | undefined,
  ) {}
}

/** Element types 0-8: byte size and the host DataView accessor suffix (the host does the conversions V8 does). */
export const VIEW_ELEMENT = [
  [1, 'Int8'], [1, 'Uint8'], [1, 'Uint8'], [2, 'Int16'], [2, 'Uint16'], [4, 'Int32'], [4, 'Uint32'], [4, 'Float32'], [8, 'Float64'],
] as const;
const scratch = new DataView(new ArrayBuffer(8));

/** The number of type t at byte i of store (little-endian unless le is false). */
export function viewRead(store: ByteStore, i: number, t: number, le = true): number {
  const [size, name] = VIEW_ELEMENT[t]!;
  for (let k = 0; k < size; k++) scratch.setUint8(k, store.read(i + k));
  return (scratch as any)[`get${name}`](0, le);
}

/** Store number n as type t at byte i (Uint8Clamped clamps, the others as DataView converts). */
export function viewWrite(store: ByteStore, i: number, t: number, n: number, le = true): void {
  const [size, name] = VIEW_ELEMENT[t]!;
  if (t === 2) scratch.setUint8(0, new Uint8ClampedArray([n])[0]!);
  else (scratch as any)[`set${name}`](0, n, le);
  for (let k = 0; k < size; k++) store.write(i + k, scratch.getUint8(k));
}

/** A typed array's element index for a property key: an integer index, -2 for any other
 *  canonical numeric string (no element, never a property), -1 for other keys. */
export function typedIndex(key: Key): number {
  if (typeof key !== 'string') return -1;
  const i = arrayIndex(key);
  if (i >= 0) return i;
  return key === '-0' || String(Number(key)) === key ? -2 : -1;
}

export class JSObject {
  readonly props = new Map<Key, Prop>();
  /** ArrayBuffer, DataView and typed array objects only. */
  view: ViewData | undefined;
  privates: Map<PrivateName, Value> | undefined;
  extensible = true;
  frozen = false;
  /** Internal class: 'Object', 'Array', 'Function', 'Error', 'Map', 'Set', 'Iterator'... */
  cls = 'Object';
  /** Internal slots of builtins (Map/Set storage, iterator state, error data). */
  internal: unknown;
  constructor(public proto: JSObject | null) {
    if (proto === null && creationLog.objects) creationLog.objects.push(this);
  }
}

export class JSArray extends JSObject {
  elems: Value[] = [];
  constructor(proto: JSObject | null) {
    super(proto);
    this.cls = 'Array';
  }
}

export type HostCall = (thisValue: Value, args: Value[], newTarget: JSObject | undefined) => Value;

export class JSFunction extends JSObject {
  /** Bytecode function, or -1 for a host function. */
  fnIndex = -1;
  compiled: CompiledFunction | undefined;
  env: Env | undefined;
  home: JSObject | undefined;
  flags = 0;
  host: HostCall | undefined;
  /** Host functions usable with `new` (the call gets newTarget). */
  hostConstructor = false;
  fname = '';
  flength = 0;
  isClass = false;
  constructor(proto: JSObject | null) {
    super(proto);
    this.cls = 'Function';
  }
}

/** A JavaScript exception travelling through host code. */
export class Throw {
  constructor(readonly value: Value) {}
}

/** process.exit / __native.exit. */
export class Exit {
  constructor(readonly status: number) {}
}

export function isObject(v: Value): v is JSObject {
  return v instanceof JSObject;
}

export function isCallable(v: Value): v is JSFunction {
  return v instanceof JSFunction;
}

/** A canonical array index ("0", "1", ... below 2^32-1), or -1. */
export function arrayIndex(key: Key): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
  for (let i = 1; i < key.length; i++) {
    const d = key.charCodeAt(i);
    if (d < 48 || d > 57) return -1;
  }
  const n = Number(key);
  return n < 4294967295 ? n : -1;
}
