// The reference interpreter's natives (image-builder/bytecode/natives.ts documents each one).

import { FunctionFlag, positionAt, type CompiledFunction } from '../bytecode/index.ts';
import type { VM } from './vm.ts';
import { pteCopyWith, pteUpdateWith, pteZapWith, type Phys32 } from '../../kernel/arch/pte-ranges.ts';
import { collect } from './weak.ts';
import {
  EphemeronVector, HOLE, JSArray, JSFunction, JSObject, JSSymbol, PrivateName, ViewData, arrayIndex, creationLog, isCallable, isObject, viewRead, viewWrite,
  type ByteStore, type Key, type Value,
} from './values.ts';

const hashes = new WeakMap<object, number>();
let hashSeed = 0x2545f491;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function key(vm: VM, k: Value): Key {
  return typeof k === 'number' ? String(k) : vm.toKey(k);
}

function obj(vm: VM, v: Value, what: string): JSObject {
  if (isObject(v)) return v;
  throw vm.error('TypeError', `${what} called on non-object`);
}

/**
 * The reference interpreter's physical memory: sparse 4 KiB pages that read as zero until
 * written, and a CR3 register with no MMU behind it (only kernel/mm's unit tests, with their
 * own fake, model translation).
 */
class RefPhysMemory {
  private pages = new Map<number, Uint8Array>();
  cr3 = 0;
  readByte(p: number): number {
    return this.pages.get(Math.floor(p / 4096))?.[p % 4096] ?? 0;
  }
  writeByte(p: number, v: number): void {
    const k = Math.floor(p / 4096);
    let page = this.pages.get(k);
    if (!page) this.pages.set(k, (page = new Uint8Array(4096)));
    page[p % 4096] = v;
  }
}
const physMemories = new WeakMap<VM, RefPhysMemory>();
function physOf(vm: VM): RefPhysMemory {
  let m = physMemories.get(vm);
  if (!m) physMemories.set(vm, (m = new RefPhysMemory()));
  return m;
}

export function callNative(vm: VM, name: string, a: Value[]): Value {
  const realm = vm.realm;
  switch (name) {
    case 'writeStdout': vm.stdout += vm.toString(a[0]); return undefined;
    case 'writeStderr': vm.stderr += vm.toString(a[0]); return undefined;
    case 'exit': throw new ExitSignal(vm.toNumber(a[0]) | 0);
    case 'globalObject': return realm.global;
    case 'monotonicNow': return vm.monotonicNow();
    case 'wallClockNow': return vm.wallClockNow();
    case 'idle': vm.idle(vm.toNumber(a[0])); return undefined;
    case 'functionFlags': return isCallable(a[0]) && a[0].compiled ? a[0].flags : 0;
    case 'functionSource': {
      // the compiler keeps it in the callee-name table under pc 0xFFFFFFFF
      const entry = isCallable(a[0]) && a[0].compiled ? a[0].compiled.calleeNames?.find((c) => c.pc === 0xffffffff) : undefined;
      return entry ? vm.module.constants[entry.constant] : undefined;
    }
    // The kernel's CPU intrinsics: the reference interpreter has no hardware; these keep
    // their shapes (numbers, undefined) so kernel code runs, nothing more.
    case 'cli': case 'sti': case 'hlt': case 'writeCr0': case 'writeCr4': case 'bootReport': return undefined;
    case 'rdtsc': return vm.steps * 10;
    case 'readCr0': return 0x80010033;
    case 'readCr2': return 0;
    case 'readCr4': return 0xb0;
    case 'irqTake': return 0;
    case 'irqCount': return 0;
    case 'irqClaim': { const prev = vm.irqClaimed; vm.irqClaimed = vm.toNumber(a[0]) | 0; return prev; }
    case 'contextRead': return vm.trapContext[vm.toNumber(a[0]) | 0] ?? 0;
    case 'contextWrite': vm.trapContext[vm.toNumber(a[0]) | 0] = vm.toNumber(a[1]) >>> 0; return undefined;
    case 'virtRead8': case 'virtRead16': case 'virtRead32': return 0;
    case 'virtWrite8': case 'virtWrite16': case 'virtWrite32': return undefined;
    case 'commandLine': return '';
    // No user mode here: a run ends at once with the #UD vector, and no TLS entry exists.
    case 'enterUser': return 6;
    case 'gdtSetTls': return -1;
    case 'outb': case 'outw': case 'outl': return undefined;
    case 'inb': case 'inw': case 'inl': return 0;
    case 'physRead8': case 'physRead16': case 'physRead32': {
      const p = vm.toNumber(a[0]) >>> 0, n = name === 'physRead8' ? 1 : name === 'physRead16' ? 2 : 4;
      let v = 0;
      for (let i = n - 1; i >= 0; i--) v = v * 256 + physOf(vm).readByte(p + i);
      return v;
    }
    case 'physWrite8': case 'physWrite16': case 'physWrite32': {
      const p = vm.toNumber(a[0]) >>> 0, n = name === 'physWrite8' ? 1 : name === 'physWrite16' ? 2 : 4;
      const v = vm.toNumber(a[1]) | 0;
      for (let i = 0; i < n; i++) physOf(vm).writeByte(p + i, (v >>> (8 * i)) & 0xff);
      return undefined;
    }
    case 'physFill': {
      const p = vm.toNumber(a[0]) >>> 0, b = vm.toNumber(a[1]) & 0xff, n = vm.toNumber(a[2]) >>> 0;
      for (let i = 0; i < n; i++) physOf(vm).writeByte(p + i, b);
      return undefined;
    }
    case 'physCopy': {
      const d = vm.toNumber(a[0]) >>> 0, s = vm.toNumber(a[1]) >>> 0, n = vm.toNumber(a[2]) >>> 0;
      const m = physOf(vm);
      for (let i = 0; i < n; i++) m.writeByte(d + i, m.readByte(s + i));
      return undefined;
    }
    case 'insw': {
      // The reference VM has no devices: its ports read as 0, as inw does.
      const p = vm.toNumber(a[1]) >>> 0, n = vm.toNumber(a[2]) >>> 0;
      for (let i = 0; i < 2 * n; i++) physOf(vm).writeByte(p + i, 0);
      return undefined;
    }
    case 'outsw': return undefined;
    case 'pteCopy': case 'pteZap': case 'pteUpdate': {
      const m = physOf(vm), n = (i: number) => vm.toNumber(a[i]) >>> 0;
      const mem: Phys32 = {
        read32: (p) => (m.readByte(p) | (m.readByte(p + 1) << 8) | (m.readByte(p + 2) << 16) | (m.readByte(p + 3) << 24)) >>> 0,
        write32: (p, v) => { for (let i = 0; i < 4; i++) m.writeByte(p + i, (v >>> (8 * i)) & 0xff); },
      };
      if (name === 'pteCopy') return pteCopyWith(mem, n(0), n(1), n(2), n(3), n(4), n(5), n(6));
      if (name === 'pteZap') return pteZapWith(mem, n(0), n(1), n(2), n(3), n(4));
      return pteUpdateWith(mem, n(0), n(1), n(2), n(3), n(4), n(5), n(6));
    }
    case 'readCr3': return physOf(vm).cr3;
    case 'writeCr3': physOf(vm).cr3 = vm.toNumber(a[0]) >>> 0; return undefined;
    case 'invlpg': return undefined;
    case 'bootCommandLine': return '';
    case 'bootInfoAddress': return 0;
    case 'physReservedEnd': return 0x0040_0000; // the reference VM's simulated memory has nothing native in it
    case 'registerIntrinsic': {
      const id = a[0] as number;
      realm.intrinsics[id] = a[1];
      const o = a[1] as JSObject;
      switch (id) {
        case 0: realm.ObjectPrototype = o; break;
        case 1: realm.FunctionPrototype = o; break;
        case 2: realm.ArrayPrototype = o; break;
        case 3: realm.StringPrototype = o; break;
        case 4: realm.NumberPrototype = o; break;
        case 5: realm.BooleanPrototype = o; break;
        case 14: realm.SymbolPrototype = o; break;
      }
      if (id <= 2 && creationLog.objects) {
        // Objects made before the registration (hoisted functions of the whole bundle, the
        // global object, ...) get the prototype now.
        for (const x of creationLog.objects) {
          if (x.proto !== null || x === o) continue;
          const kind = x instanceof JSFunction ? 1 : x instanceof JSArray ? 2 : 0;
          if (kind === id) x.proto = o;
        }
        if (realm.intrinsics[0] && realm.intrinsics[1] && realm.intrinsics[2]) creationLog.objects = null;
      }
      return undefined;
    }
    case 'getPrototypeOf': {
      const v = a[0];
      if (isObject(v)) return v.proto;
      if (typeof v === 'string') return realm.StringPrototype;
      if (typeof v === 'number') return realm.NumberPrototype;
      if (typeof v === 'boolean') return realm.BooleanPrototype;
      if (v instanceof JSSymbol) return realm.SymbolPrototype;
      return null;
    }
    case 'setPrototypeOf': {
      const o = obj(vm, a[0], 'setPrototypeOf');
      const p = a[1];
      if (p !== null && !isObject(p)) throw vm.error('TypeError', 'Object prototype may only be an Object or null: ' + vm.inspectShort(p));
      if (o.proto === p) return o;
      if (!o.extensible) throw vm.error('TypeError', `${vm.inspectShort(o)} is not extensible`);
      for (let q = p as JSObject | null; q; q = q.proto) if (q === o) throw vm.error('TypeError', 'Cyclic __proto__ value');
      o.proto = p as JSObject | null;
      return o;
    }
    case 'ownKeys': {
      const v = a[0];
      const flags = typeof a[1] === 'boolean' ? (a[1] ? 1 : 0) : (a[1] as number) | 0;
      if (typeof v === 'string') return vm.newArray(Array.from({ length: v.length }, (_, i) => String(i)));
      if (!isObject(v)) return vm.newArray([]);
      const out: Value[] = [];
      for (const k of vm.ownKeys(v)) {
        if (k instanceof JSSymbol && !(flags & 2)) continue;
        if ((flags & 1) && !vm.getOwn(v, k)?.enumerable) continue;
        out.push(k);
      }
      return vm.newArray(out);
    }
    case 'propertyFlags': {
      if (!isObject(a[0])) {
        if (typeof a[0] === 'string') {
          const s = a[0], k = key(vm, a[1]), i = arrayIndex(k);
          if (k === 'length') return 0;
          return i >= 0 && i < s.length ? 1 : -1;
        }
        return -1;
      }
      const p = vm.getOwn(a[0], key(vm, a[1]));
      if (!p) return -1;
      return (p.enumerable ? 1 : 0) | (!p.accessor && p.writable ? 2 : 0) | (p.configurable ? 4 : 0)
        | (p.accessor && p.get ? 8 : 0) | (p.accessor && p.set ? 16 : 0);
    }
    case 'getOwnAccessor': {
      if (!isObject(a[0])) return undefined;
      const p = vm.getOwn(a[0], key(vm, a[1]));
      if (!p || !p.accessor) return undefined;
      return (a[2] === 1 ? p.set : p.get) ?? undefined;
    }
    case 'defineProperty': {
      const o = obj(vm, a[0], 'defineProperty');
      const k = key(vm, a[1]);
      const attrs = (a[3] as number) | 0;
      const old = vm.getOwn(o, k);
      if (old && !old.configurable) {
        const same = !old.accessor && (old.value === a[2] || (old.value !== old.value && a[2] !== a[2]));
        if (!(old.writable && (attrs & 4) === 0 && (attrs & 1) === (old.enumerable ? 1 : 0)) && !(same && !old.writable && (attrs & 6) === 0)) {
          throw vm.error('TypeError', `Cannot redefine property: ${vm.toDisplayKey(k)}`);
        }
      }
      if (!old && !o.extensible) throw vm.error('TypeError', `Cannot define property ${vm.toDisplayKey(k)}, object is not extensible`);
      if (o instanceof JSArray) {
        if (k === 'length') { vm.set(o, 'length', a[2]); return o; }
        const i = arrayIndex(k);
        if (i >= 0) {
          while (o.elems.length < i) o.elems.push(HOLE);
          o.elems[i] = a[2];
          return o;
        }
      }
      const prop = { value: a[2], accessor: false, enumerable: (attrs & 1) !== 0, writable: (attrs & 2) !== 0, configurable: (attrs & 4) !== 0 };
      const existing = o.props.get(k);
      if (existing) Object.assign(existing, prop, { get: undefined, set: undefined });
      else o.props.set(k, prop);
      return o;
    }
    case 'installMethods': {
      const t = obj(vm, a[0], 'installMethods'), s = obj(vm, a[1], 'installMethods');
      const keys = [...s.props.keys()];
      for (const symbols of [false, true]) {
        for (const k of keys) {
          if ((k instanceof JSSymbol) !== symbols) continue;
          const p = s.props.get(k)!;
          const prop = { ...p, enumerable: false };
          const existing = t.props.get(k);
          if (existing) Object.assign(existing, prop);
          else t.props.set(k, prop);
        }
      }
      return undefined;
    }
    case 'defineAccessor': {
      const o = obj(vm, a[0], 'defineAccessor');
      const k = key(vm, a[1]);
      const attrs = (a[4] as number) | 0;
      const old = vm.getOwn(o, k);
      if (old && !old.configurable) throw vm.error('TypeError', `Cannot redefine property: ${vm.toDisplayKey(k)}`);
      if (!old && !o.extensible) throw vm.error('TypeError', `Cannot define property ${vm.toDisplayKey(k)}, object is not extensible`);
      if (o instanceof JSArray && arrayIndex(k) >= 0) throw vm.error('TypeError', 'accessor array elements are not supported');
      const prop = { value: undefined, get: isCallable(a[2]) ? a[2] : undefined, set: isCallable(a[3]) ? a[3] : undefined, accessor: true,
        enumerable: (attrs & 1) !== 0, writable: false, configurable: (attrs & 4) !== 0 };
      const existing = o.props.get(k);
      if (existing) Object.assign(existing, prop);
      else o.props.set(k, prop);
      return o;
    }
    case 'deleteProperty': {
      if (!isObject(a[0])) return true;
      const o = a[0], k = key(vm, a[1]);
      const p = vm.getOwn(o, k);
      if (!p) return true;
      if (!p.configurable) return false;
      if (o instanceof JSArray && arrayIndex(k) >= 0) { o.elems[arrayIndex(k)] = HOLE; return true; }
      o.props.delete(k);
      return true;
    }
    case 'preventExtensions': {
      const o = a[0];
      if (!isObject(o)) return o;
      const level = (a[1] as number) | 0;
      o.extensible = false;
      if (level >= 1) for (const p of o.props.values()) { p.configurable = false; if (level >= 2 && !p.accessor) p.writable = false; }
      if (level >= 2) o.frozen = true;
      return o;
    }
    case 'isExtensible': return isObject(a[0]) && a[0].extensible;
    case 'valueKind': {
      const v = a[0];
      if (v === undefined) return 0;
      if (v === null) return 1;
      if (typeof v === 'boolean') return 2;
      if (typeof v === 'number') return 3;
      if (typeof v === 'string') return 4;
      if (v instanceof PrivateName) return 10;
      if (v instanceof JSSymbol) return 11;
      if (isCallable(v)) return v.isClass ? 8 : v.flags & FunctionFlag.Arrow ? 9 : 7;
      if (v instanceof JSArray) return 6;
      return 5;
    }
    case 'functionName': return isCallable(a[0]) ? a[0].fname : '';
    case 'weakNew': return new EphemeronVector(new Array(Math.max(0, 2 * ((a[0] as number) | 0))).fill(undefined));
    case 'weakGet': {
      const w = a[0], i = (a[1] as number) | 0;
      return w instanceof EphemeronVector && i >= 0 && i < w.slots.length ? w.slots[i] : undefined;
    }
    case 'weakSet': {
      const w = a[0], i = (a[1] as number) | 0;
      if (w instanceof EphemeronVector && i >= 0 && i < w.slots.length) w.slots[i] = a[2];
      return undefined;
    }
    case 'collectGarbage': collect(vm); return undefined;
    case 'uniqueShapes': return undefined; // shapes are the x86 machine's (its caches' keys)
    case 'identityHash': {
      const v = a[0];
      if (!isObject(v) && !(v instanceof JSSymbol)) return 0;
      let h = hashes.get(v);
      if (h === undefined) {
        hashSeed ^= hashSeed << 13; hashSeed ^= hashSeed >>> 17; hashSeed ^= hashSeed << 5;
        h = hashSeed | 0;
        hashes.set(v, h);
      }
      return h;
    }
    case 'captureStack': return captureStack(vm, (a[0] as number) | 0);
    case 'charCodeAt': {
      const s = a[0] as string, i = a[1] as number;
      return i >= 0 && i < s.length ? s.charCodeAt(i) : NaN;
    }
    case 'fromCharCode': return String.fromCharCode((a[0] as number) & 0xffff);
    case 'stringSlice': {
      const s = a[0] as string;
      const clamp = (x: number) => Math.min(Math.max(x | 0, 0), s.length);
      const st = clamp(a[1] as number), en = clamp(a[2] as number);
      return en <= st ? '' : s.slice(st, en);
    }
    case 'stringIndexOf': return (a[0] as string).indexOf(a[1] as string, Math.max(0, (a[2] as number) | 0));
    case 'stringFromUnits': {
      const arr = a[0] as JSArray;
      let out = '';
      for (const u of arr.elems) out += String.fromCharCode((u as number) & 0xffff);
      return out;
    }
    case 'stringCompare': { const x = a[0] as string, y = a[1] as string; return x < y ? -1 : x > y ? 1 : 0; }
    case 'doubleBits': f64[0] = a[0] as number; return u32[(a[1] as number) ? 1 : 0];
    case 'doubleFromBits': u32[0] = (a[0] as number) >>> 0; u32[1] = (a[1] as number) >>> 0; return f64[0] !== f64[0] ? NaN : f64[0];
    case 'mathFloor': return Math.floor(a[0] as number);
    case 'mathCeil': return Math.ceil(a[0] as number);
    case 'mathTrunc': return Math.trunc(a[0] as number);
    case 'mathSqrt': return Math.sqrt(a[0] as number);
    case 'newSymbol': return new JSSymbol(typeof a[0] === 'string' ? a[0] : undefined);
    case 'symbolDescription': return a[0] instanceof JSSymbol ? a[0].description : undefined;
    case 'setFunctionName': {
      const f = realm.intrinsics[27];
      if (!isCallable(f)) throw new Error('refvm: setFunctionName needs the prelude\'s SetFunctionName (Intrinsic 27)');
      vm.call(f, undefined, a);
      return undefined;
    }
    // tsvm's natives: the reference VM is not a process of its own (processStrings: as the kernel image)
    case 'processStrings': return undefined;
    case 'syscall': case 'memRead': case 'memWrite': throw new Error(`refvm: native ${name} exists only in tsvm, the user build`);
    // ---- ArrayBuffer, typed arrays and DataView -------------------------------------------
    case 'bufferNew': {
      const o = new JSObject(a[0] as JSObject);
      const n = vm.toNumber(a[1]) | 0;
      let store: ByteStore;
      if (a[2] === undefined) {
        const bytes = new Uint8Array(n);
        store = { read: (i) => bytes[i]!, write: (i, v) => { bytes[i] = v; } };
      } else {
        const m = physOf(vm), base = vm.toNumber(a[2]) >>> 0;
        store = { read: (i) => m.readByte(base + i), write: (i, v) => m.writeByte(base + i, v) };
      }
      o.view = new ViewData(store, 0, n, 10, undefined);
      return o;
    }
    case 'viewNew': {
      const buffer = a[2];
      if (!isObject(buffer) || !buffer.view) throw new Error('refvm: viewNew: not an ArrayBuffer');
      const o = new JSObject(a[0] as JSObject);
      o.view = new ViewData(buffer.view.store, buffer.view.offset + (vm.toNumber(a[3]) | 0), vm.toNumber(a[4]) | 0, vm.toNumber(a[1]) | 0, buffer);
      return o;
    }
    case 'viewInfo': {
      const v = isObject(a[0]) ? a[0].view : undefined;
      if (!v) return -1;
      switch (vm.toNumber(a[1]) | 0) {
        case 0: return v.type;
        case 1: return v.offset - (v.buffer?.view?.offset ?? 0);
        case 2: return v.length;
        default: return v.buffer;
      }
    }
    case 'viewGet': case 'viewSet': {
      const v = isObject(a[0]) ? a[0].view : undefined;
      if (!v) throw new Error(`refvm: ${name}: not a buffer or view`);
      const at = v.offset + (vm.toNumber(a[1]) | 0), type = vm.toNumber(a[2]) | 0;
      if (name === 'viewGet') return viewRead(v.store, at, type, a[3] === true);
      viewWrite(v.store, at, type, vm.toNumber(a[3]), a[4] === true);
      return undefined;
    }
    case 'bytesCopy': {
      const d = isObject(a[0]) ? a[0].view : undefined, s = isObject(a[2]) ? a[2].view : undefined;
      if (!d || !s) throw new Error('refvm: bytesCopy: not a buffer or view');
      const di = d.offset + (vm.toNumber(a[1]) | 0), si = s.offset + (vm.toNumber(a[3]) | 0), n = vm.toNumber(a[4]) | 0;
      const tmp: number[] = [];
      for (let k = 0; k < n; k++) tmp.push(s.store.read(si + k));
      for (let k = 0; k < n; k++) d.store.write(di + k, tmp[k]!);
      return undefined;
    }
    default: throw new Error(`refvm: native ${name} not implemented`);
  }
}

interface FrameLike { caller: FrameLike | null; cf: CompiledFunction; at: number; construct: boolean; fn: JSFunction }

function captureStack(vm: VM, skip: number): string {
  let out = '';
  let n = 0;
  for (let f = vm.frame as unknown as FrameLike | null; f && n < 10; f = f.caller) {
    if (skip > 0) { skip--; continue; }
    const pos = positionAt(f.cf, f.at);
    const where = pos ? `${vm.module.files[pos.file]}:${pos.line}:${pos.column + 1}` : '<anonymous>';
    const top = (f.cf.flags & FunctionFlag.TopLevel) !== 0;
    const nm = f.cf.name || '<anonymous>';
    out += top ? `\n    at ${where}` : `\n    at ${f.construct ? 'new ' : ''}${nm} (${where})`;
    n++;
  }
  return out;
}

import { Exit as ExitSignal } from './values.ts';
