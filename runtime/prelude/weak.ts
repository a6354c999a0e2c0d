// WeakMap, WeakSet, WeakRef and FinalizationRegistry, over ephemeron vectors that the
// collector honours (natives weakNew/weakGet/weakSet; boot/interp/runtime.ts gc_collect,
// image-builder/refvm/weak.ts): a table's value stays alive only while its key is
// reachable otherwise, and once the key is collected its entry is gone.
//
// KeepDuringJob: a WeakRef's target, when the WeakRef is made and whenever deref() returns
// it, is held strongly until the current microtask checkpoint ends (clearKeptObjects,
// called by the event loop: runtime/prelude/async.ts), as V8 does; so deref() never
// changes its answer within the synchronous turn that made the WeakRef or last saw its
// target.

import { OrderedHashTable, spreadHash } from '../ordered-hash.ts';
import { GLOBAL$, SymbolToStringTag, describe, hidden, install, isCallable, isObject, linkConstructor, toStr } from './core.ts';
import { iterateValues } from './iteration.ts';

/** Weak keys: objects and symbols that are not registered (Symbol.for). */
export function canBeHeldWeakly(v: unknown): boolean {
  const k = __native.valueKind(v);
  if (k >= 5 && k <= 9) return true;
  return k === 11 && GLOBAL$.Symbol.keyFor(v) === undefined;
}

const identity = (key: any): number => __native.identityHash(key);

// ---- KeepDuringJob ------------------------------------------------------------------------------

let kept: OrderedHashTable | undefined;

function addToKeptObjects(v: unknown): void {
  (kept ??= new OrderedHashTable(identity)).set(v, true);
}

/** ClearKeptObjects, then FinalizationRegistry's cleanup check (the event loop calls it after each microtask checkpoint). */
export function clearKeptObjects(): void {
  kept = undefined;
  if (registries.length > 0) scheduleCleanups();
}

// ---- the table: open addressing over an ephemeron vector -----------------------------------------

// A key slot is undefined while never used, null once its entry was deleted or its key
// collected (a tombstone: probes go on past it).

/** An identity-keyed table whose entries live only as long as their keys. */
class EphemeronTable {
  vec: unknown = __native.weakNew(8);
  cap = 8;
  /** Key slots that are not undefined (live entries and tombstones). */
  used = 0;

  /** The pair index of key, or -1. */
  find(key: unknown): number {
    const mask = this.cap - 1;
    for (let i = spreadHash(identity(key)) & mask; ; i = (i + 1) & mask) {
      const k = __native.weakGet(this.vec, 2 * i);
      if (k === key) return i;
      if (k === undefined) return -1;
    }
  }

  get(key: unknown): unknown {
    const i = this.find(key);
    return i < 0 ? undefined : __native.weakGet(this.vec, 2 * i + 1);
  }

  set(key: unknown, value: unknown): void {
    const i = this.find(key);
    if (i >= 0) {
      __native.weakSet(this.vec, 2 * i + 1, value);
      return;
    }
    if ((this.used + 1) * 2 > this.cap) this.rebuild();
    this.insert(key, value);
  }

  delete(key: unknown): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    __native.weakSet(this.vec, 2 * i, null);
    __native.weakSet(this.vec, 2 * i + 1, undefined);
    return true;
  }

  /** Puts a key known to be absent at its first free or tombstone slot. */
  private insert(key: unknown, value: unknown): void {
    const mask = this.cap - 1;
    let i = spreadHash(identity(key)) & mask;
    for (;;) {
      const k = __native.weakGet(this.vec, 2 * i);
      if (k === undefined) this.used++;
      if (k === undefined || k === null) break;
      i = (i + 1) & mask;
    }
    __native.weakSet(this.vec, 2 * i, key);
    __native.weakSet(this.vec, 2 * i + 1, value);
  }

  /** A new vector sized for the live entries (at most a quarter full), without the tombstones. */
  private rebuild(): void {
    const keys: unknown[] = [], values: unknown[] = [];
    for (let i = 0; i < this.cap; i++) {
      const k = __native.weakGet(this.vec, 2 * i);
      if (k !== undefined && k !== null) {
        keys[keys.length] = k;
        values[values.length] = __native.weakGet(this.vec, 2 * i + 1);
      }
    }
    let cap = 8;
    while (cap < keys.length * 4 + 4) cap *= 2;
    this.vec = __native.weakNew(cap);
    this.cap = cap;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) this.insert(keys[i], values[i]);
  }
}

// ---- internal slots: a private field stamped onto the object the constructor got ----------------

class SlotBase$ {
  constructor(o: any) {
    return o;
  }
}

class WeakSlot$ extends SlotBase$ {
  #kind: number;
  #data: any;
  constructor(o: any, kind: number, data: any) {
    super(o);
    this.#kind = kind;
    this.#data = data;
  }
  /** The data of o's slot of this kind, or undefined. */
  static get(o: any, kind: number): any {
    return isObject(o) && #kind in o && o.#kind === kind ? o.#data : undefined;
  }
}

const WEAK_MAP = 0, WEAK_SET = 1, WEAK_REF = 2, REGISTRY = 3;

function requireNew(nt: unknown, name: string): void {
  if (nt === undefined) throw new GLOBAL$.TypeError('Constructor ' + name + " requires 'new'");
}

function incompatible(method: string, receiver: unknown): never {
  throw new GLOBAL$.TypeError('Method ' + method + ' called on incompatible receiver ' + toStr(describe(receiver)));
}

function tableOf(o: any, kind: number, method: string): EphemeronTable {
  const t = WeakSlot$.get(o, kind);
  if (t === undefined) incompatible(method, o);
  return t;
}

/** Constructor plumbing shared by the four: prototype, name, length, toStringTag, global. */
function defineWeakClass(C: any, name: string, length: number, methods: any): void {
  const proto: any = {};
  linkConstructor(C, proto, name);
  __native.defineProperty(C, 'length', length, 4);
  install(proto, methods);
  __native.defineProperty(proto, SymbolToStringTag, name, 4);
  hidden(GLOBAL$, name, C);
}

// ---- WeakMap, WeakSet ------------------------------------------------------------------------------

const WeakMapC = function WeakMap(this: any, iterable?: any): any {
  requireNew(new.target, 'WeakMap');
  new WeakSlot$(this, WEAK_MAP, new EphemeronTable());
  if (iterable !== undefined && iterable !== null) {
    const adder = this.set;
    if (!isCallable(adder)) throw new GLOBAL$.TypeError("'" + toStr(describe(adder)) + "' returned for property 'set' of object '#<WeakMap>' is not a function");
    iterateValues(iterable, (e: any) => {
      if (!isObject(e)) throw new GLOBAL$.TypeError('Iterator value ' + toStr(e) + ' is not an entry object');
      __native.apply(adder, this, [e[0], e[1]]);
    });
  }
};
defineWeakClass(WeakMapC, 'WeakMap', 0, {
  delete(this: any, key: any): boolean {
    const t = tableOf(this, WEAK_MAP, 'WeakMap.prototype.delete');
    return canBeHeldWeakly(key) && t.delete(key);
  },
  get(this: any, key: any): any {
    const t = tableOf(this, WEAK_MAP, 'WeakMap.prototype.get');
    return canBeHeldWeakly(key) ? t.get(key) : undefined;
  },
  set(this: any, key: any, value: any): any {
    const t = tableOf(this, WEAK_MAP, 'WeakMap.prototype.set');
    if (!canBeHeldWeakly(key)) throw new GLOBAL$.TypeError('Invalid value used as weak map key');
    t.set(key, value);
    return this;
  },
  has(this: any, key: any): boolean {
    const t = tableOf(this, WEAK_MAP, 'WeakMap.prototype.has');
    return canBeHeldWeakly(key) && t.find(key) >= 0;
  },
});

const WeakSetC = function WeakSet(this: any, iterable?: any): any {
  requireNew(new.target, 'WeakSet');
  new WeakSlot$(this, WEAK_SET, new EphemeronTable());
  if (iterable !== undefined && iterable !== null) {
    const adder = this.add;
    if (!isCallable(adder)) throw new GLOBAL$.TypeError("'" + toStr(describe(adder)) + "' returned for property 'add' of object '#<WeakSet>' is not a function");
    iterateValues(iterable, (v: any) => __native.apply(adder, this, [v]));
  }
};
defineWeakClass(WeakSetC, 'WeakSet', 0, {
  delete(this: any, v: any): boolean {
    const t = tableOf(this, WEAK_SET, 'WeakSet.prototype.delete');
    return canBeHeldWeakly(v) && t.delete(v);
  },
  has(this: any, v: any): boolean {
    const t = tableOf(this, WEAK_SET, 'WeakSet.prototype.has');
    return canBeHeldWeakly(v) && t.find(v) >= 0;
  },
  add(this: any, v: any): any {
    const t = tableOf(this, WEAK_SET, 'WeakSet.prototype.add');
    if (!canBeHeldWeakly(v)) throw new GLOBAL$.TypeError('Invalid value used in weak set');
    t.set(v, true);
    return this;
  },
});

export function isWeakMap(v: any): boolean {
  return WeakSlot$.get(v, WEAK_MAP) !== undefined;
}

export function isWeakSet(v: any): boolean {
  return WeakSlot$.get(v, WEAK_SET) !== undefined;
}

// ---- WeakRef -----------------------------------------------------------------------------------------

const WeakRefC = function WeakRef(this: any, target: any): any {
  requireNew(new.target, 'WeakRef');
  if (!canBeHeldWeakly(target)) throw new GLOBAL$.TypeError('WeakRef: invalid target');
  const cell = __native.weakNew(1);
  __native.weakSet(cell, 0, target);
  new WeakSlot$(this, WEAK_REF, cell);
  addToKeptObjects(target);
};
defineWeakClass(WeakRefC, 'WeakRef', 1, {
  deref(this: any): any {
    const cell = WeakSlot$.get(this, WEAK_REF);
    if (cell === undefined) incompatible('WeakRef.prototype.deref', this);
    const t = __native.weakGet(cell, 0);
    if (t === null) return undefined;
    addToKeptObjects(t);
    return t;
  },
});

// ---- FinalizationRegistry ----------------------------------------------------------------------------

// A registry's cells: pair i of `targets` is (target, undefined), pair i of `tokens`
// (unregister token or undefined, undefined); held[i] the held value, FREE once the cell
// is done with. A target collected leaves null in its key slot: the cell's cleanup is due.

const FREE: object = {};

interface Registry {
  cleanup: any;
  targets: unknown;
  tokens: unknown;
  held: unknown[];
  /** Cells in use (held[i] !== FREE). */
  live: number;
  /** A cleanup task is queued. */
  queued: boolean;
}

/** Registries with cells in use (they are kept alive while they have some: a known difference, see docs). */
const registries: Registry[] = [];

function grow(r: Registry): void {
  const n = r.held.length * 2 || 4;
  const targets = __native.weakNew(n), tokens = __native.weakNew(n);
  for (let i = 0; i < r.held.length; i++) {
    __native.weakSet(targets, 2 * i, __native.weakGet(r.targets, 2 * i));
    __native.weakSet(tokens, 2 * i, __native.weakGet(r.tokens, 2 * i));
  }
  r.targets = targets;
  r.tokens = tokens;
  for (let i = r.held.length; i < n; i++) r.held[i] = FREE;
}

function dueCells(r: Registry): number[] {
  const due: number[] = [];
  for (let i = 0; i < r.held.length; i++) {
    if (r.held[i] !== FREE && __native.weakGet(r.targets, 2 * i) === null) due[due.length] = i;
  }
  return due;
}

/** After a checkpoint: a task for each registry with collected targets (Node runs cleanups as tasks). */
function scheduleCleanups(): void {
  for (let j = 0; j < registries.length; j++) {
    const r = registries[j]!;
    if (r.queued || dueCells(r).length === 0) continue;
    r.queued = true;
    GLOBAL$.setImmediate(() => runCleanup(r));
  }
}

function runCleanup(r: Registry): void {
  r.queued = false;
  const due = dueCells(r);
  for (let k = 0; k < due.length; k++) {
    const i = due[k]!;
    if (r.held[i] === FREE) continue; // unregistered by an earlier callback
    const value = r.held[i];
    r.held[i] = FREE;
    __native.weakSet(r.tokens, 2 * i, undefined);
    r.live--;
    if (r.live === 0) forget(r);
    r.cleanup(value);
  }
}

function forget(r: Registry): void {
  const j = registries.indexOf(r);
  if (j >= 0) registries.splice(j, 1);
}

const RegistryC = function FinalizationRegistry(this: any, cleanup: any): any {
  requireNew(new.target, 'FinalizationRegistry');
  if (!isCallable(cleanup)) throw new GLOBAL$.TypeError('FinalizationRegistry: cleanup must be callable');
  const r: Registry = { cleanup, targets: __native.weakNew(0), tokens: __native.weakNew(0), held: [], live: 0, queued: false };
  new WeakSlot$(this, REGISTRY, r);
};
defineWeakClass(RegistryC, 'FinalizationRegistry', 1, {
  register(this: any, target: any, held: any, token?: any): undefined {
    const r: Registry | undefined = WeakSlot$.get(this, REGISTRY);
    if (r === undefined) incompatible('FinalizationRegistry.prototype.register', this);
    if (!canBeHeldWeakly(target)) throw new GLOBAL$.TypeError('FinalizationRegistry.prototype.register: invalid target');
    if (target === held) throw new GLOBAL$.TypeError('FinalizationRegistry.prototype.register: target and holdings must not be same');
    if (token !== undefined && !canBeHeldWeakly(token)) throw new GLOBAL$.TypeError("Invalid unregisterToken ('" + toStr(describe(token)) + "')");
    let i = r.held.indexOf(FREE);
    if (i < 0) {
      i = r.held.length;
      grow(r);
    }
    __native.weakSet(r.targets, 2 * i, target);
    __native.weakSet(r.tokens, 2 * i, token);
    r.held[i] = held;
    if (r.live++ === 0) registries[registries.length] = r;
    return undefined;
  },
  unregister(this: any, token: any): boolean {
    const r: Registry | undefined = WeakSlot$.get(this, REGISTRY);
    if (r === undefined) incompatible('FinalizationRegistry.prototype.unregister', this);
    if (!canBeHeldWeakly(token)) throw new GLOBAL$.TypeError("Invalid unregisterToken ('" + toStr(describe(token)) + "')");
    let removed = false;
    for (let i = 0; i < r.held.length; i++) {
      if (r.held[i] !== FREE && __native.weakGet(r.tokens, 2 * i) === token) {
        r.held[i] = FREE;
        __native.weakSet(r.targets, 2 * i, undefined);
        __native.weakSet(r.tokens, 2 * i, undefined);
        removed = true;
        if (--r.live === 0) forget(r);
      }
    }
    return removed;
  },
});
__native.defineProperty((RegistryC as any).prototype.register, 'length', 2, 4); // (token is optional)
