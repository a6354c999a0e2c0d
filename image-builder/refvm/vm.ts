// The reference interpreter: executes a CompiledModule with the machine semantics of
// docs/bytecode.md (heap frames with pc/handler, Env objects, natives, unwinding).

import {
  FunctionFlag, Intrinsic, NATIVES, OPCODES, OPERAND_SIZE, positionAt, type CompiledFunction, type CompiledModule, type OpcodeName,
} from '../bytecode/index.ts';
import { installBuiltins, type Realm } from './builtins.ts';
import { callNative } from './natives.ts';
import {
  Env, Exit, FrameHandle, HOLE, creationLog, JSArray, JSFunction, JSObject, JSSymbol, PrivateName, Throw, arrayIndex, isCallable, isObject,
  VIEW_ELEMENT, typedIndex, viewRead, viewWrite,
  type Key, type Prop, type Value,
} from './values.ts';

interface Decoded {
  name: OpcodeName;
  ops: number[];
  next: number;
}

interface Frame {
  caller: Frame | null;
  fn: JSFunction;
  cf: CompiledFunction;
  code: Decoded[];
  pc: number;
  /** pc of the instruction being executed (for stack traces). */
  at: number;
  retReg: number;
  thisValue: Value;
  newTarget: Value;
  args: Value[];
  handler: number;
  construct: boolean;
  /** Created by SuperCall: the result also becomes the caller's `this`. */
  superCall: boolean;
  /** Return from this frame leaves the run loop (host called into bytecode). */
  boundary: boolean;
  regs: Value[];
  /** Parked by Await (off the stack until Resume); awaitDst is the Await's dst register. */
  parked: boolean;
  awaitDst: number;
  handle: FrameHandle | undefined;
}

/** Virtual time: the clock advances by 1 ms per this many executed instructions (and jumps when idle). */
const STEPS_PER_MS = 100_000;
/** The wall clock at virtual time 0 (fixed, so runs are reproducible). */
const EPOCH_BASE_MS = 1_700_000_000_000;

const ERROR_KINDS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError'];

export class VM {
  stdout = '';
  stderr = '';
  frame: Frame | null = null;
  exception: Value = undefined;
  readonly realm: Realm;
  private readonly decoded = new Map<CompiledFunction, Decoded[]>();
  steps = 0;
  /** Set while the RaiseError intrinsic runs (it may need a few frames beyond the limit). */
  private raising = false;
  maxSteps = 200_000_000;
  depth = 0;
  /** Nested run() calls from host code (runNested). */
  private hostDepth = 0;
  /** Milliseconds the virtual clock jumped forward in idle() (see monotonicNow). */
  idleMs = 0;
  /** State of the kernel-intrinsic fakes (natives.ts): claimed IRQ lines, a trap context. */
  irqClaimed = 0;
  readonly trapContext: number[] = new Array(20).fill(0);

  constructor(readonly module: CompiledModule) {
    creationLog.objects = [];
    this.realm = installBuiltins(this);
  }

  // ---- running -----------------------------------------------------------------------

  /** Runs the module's top level; returns the exit status. */
  runMain(): number {
    try {
      const top = this.makeClosure(this.module.entry, undefined);
      this.call(top, undefined, []);
      return 0;
    } catch (e) {
      if (e instanceof Exit) return e.status;
      if (e instanceof Throw) {
        this.stderr += `Uncaught ${this.formatUncaught(e.value)}\n`;
        return 1;
      }
      throw e;
    }
  }

  /** The report text after "Uncaught ": the FormatUncaught intrinsic's result if registered. */
  private formatUncaught(v: Value): string {
    const f = this.realm.intrinsics[12];
    if (isCallable(f)) {
      try {
        const r = this.call(f, undefined, [v]);
        if (typeof r === 'string') return r;
      } catch (e) {
        if (!(e instanceof Throw)) throw e;
      }
    }
    return this.describeError(v);
  }

  describeError(v: Value): string {
    if (isObject(v)) {
      const stack = this.getOwnData(v, 'stack');
      if (typeof stack === 'string') return stack;
    }
    try {
      return this.toString(v);
    } catch {
      return String(v);
    }
  }

  private getOwnData(o: JSObject, key: string): Value {
    const p = o.props.get(key);
    return p && !p.accessor ? p.value : undefined;
  }

  private decode(cf: CompiledFunction): Decoded[] {
    let d = this.decoded.get(cf);
    if (d) return d;
    d = [];
    const c = cf.code;
    let pc = 0;
    while (pc < c.length) {
      const op = c[pc];
      const info = OPCODES[op];
      if (!info) throw new Error(`bad opcode ${op} at ${pc}`);
      let p = pc + 1;
      const ops: number[] = [];
      for (const k of info.operands) {
        const size = OPERAND_SIZE[k];
        let v = 0;
        for (let i = 0; i < size; i++) v += c[p + i] * 2 ** (8 * i);
        if (k === 'i32' || k === 'jump') v = v | 0;
        ops.push(v);
        p += size;
      }
      for (const [i, k] of info.operands.entries()) if (k === 'jump') ops[i] += p;
      d[pc] = { name: info.name, ops, next: p };
      pc = p;
    }
    this.decoded.set(cf, d);
    return d;
  }

  makeClosure(index: number, env: Env | undefined): JSFunction {
    const cf = this.module.functions[index];
    const f = new JSFunction(this.realm?.FunctionPrototype ?? null);
    f.fnIndex = index;
    f.compiled = cf;
    f.env = env;
    f.flags = cf.flags;
    f.fname = cf.name ?? '';
    f.flength = cf.length ?? cf.paramCount;
    const constructible = !(cf.flags & (FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator));
    if (constructible && !(cf.flags & FunctionFlag.ClassConstructor)) {
      const proto = new JSObject(this.realm.ObjectPrototype);
      this.defineData(proto, 'constructor', f, false);
      f.props.set('prototype', { value: proto, accessor: false, enumerable: false, writable: true, configurable: false });
    }
    return f;
  }

  private newFrame(f: JSFunction, thisValue: Value, args: Value[], newTarget: Value, construct: boolean): Frame {
    const cf = f.compiled!;
    const regs: Value[] = new Array(cf.registerCount).fill(undefined);
    for (let i = 0; i < cf.paramCount && i < args.length; i++) regs[i] = args[i];
    if (++this.depth > (this.raising ? 10100 : 10000)) {
      this.depth--;
      throw this.error('RangeError', 'Maximum call stack size exceeded');
    }
    return {
      caller: this.frame, fn: f, cf, code: this.decode(cf), pc: 0, at: 0, retReg: 0, thisValue, newTarget, args,
      handler: -1, construct, superCall: false, boundary: false, regs, parked: false, awaitDst: 0, handle: undefined,
    };
  }

  /** Calls any function from host code. */
  call(f: Value, thisValue: Value, args: Value[]): Value {
    if (!isCallable(f)) throw this.error('TypeError', `${this.shortDescription(f)} is not a function`);
    if (f.host) return f.host(thisValue, args, undefined);
    if (f.isClass) throw this.error('TypeError', `Class constructor ${f.fname} cannot be invoked without 'new'`);
    const frame = this.newFrame(f, thisValue, args, undefined, false);
    frame.boundary = true;
    return this.runNested(frame);
  }

  /**
   * run() for a call from host code (a getter, a callback of a builtin): each one nests
   * host frames too, so their depth has a limit of its own, below what the host's stack
   * takes (the guest's 10,000 frames would overflow it in a getter recursing into itself).
   */
  private runNested(frame: Frame): Value {
    if (this.hostDepth >= 250 && !this.raising) {
      this.depth--;
      throw this.error('RangeError', 'Maximum call stack size exceeded');
    }
    this.hostDepth++;
    try {
      return this.run(frame);
    } finally {
      this.hostDepth--;
    }
  }

  construct(f: Value, args: Value[], newTarget: Value = f): Value {
    if (!this.isConstructor(f)) throw this.error('TypeError', `${this.shortDescription(f)} is not a constructor`);
    if (f.host) return f.host(undefined, args, newTarget as JSObject);
    const frame = this.constructFrame(f, args, newTarget);
    frame.boundary = true;
    return this.runNested(frame);
  }

  isConstructor(f: Value): f is JSFunction {
    if (!isCallable(f)) return false;
    if (f.host) return f.hostConstructor;
    return !(f.flags & (FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator));
  }

  /** The virtual monotonic clock, in milliseconds: instructions executed plus idle jumps. */
  monotonicNow(): number {
    return this.steps / STEPS_PER_MS + this.idleMs;
  }

  wallClockNow(): number {
    return EPOCH_BASE_MS + this.monotonicNow();
  }

  /** idle(deadline): nothing else can happen in the reference interpreter, so time jumps to the deadline. */
  idle(deadline: number): void {
    if (!(deadline < Infinity)) throw new Error('refvm: idle() without a deadline would wait forever');
    const now = this.monotonicNow();
    if (deadline > now) this.idleMs += deadline - now;
  }

  private constructFrame(f: JSFunction, args: Value[], newTarget: Value): Frame {
    let thisValue: Value = HOLE;
    if (!(f.flags & FunctionFlag.Derived)) {
      const p = isObject(newTarget) ? this.get(newTarget, 'prototype') : undefined;
      thisValue = new JSObject(isObject(p) ? p : this.realm.ObjectPrototype);
    }
    return this.newFrame(f, thisValue, args, newTarget, true);
  }

  private shortDescription(v: Value): string {
    if (typeof v === 'string') return `"${v}"`;
    if (isCallable(v)) return v.fname || 'function';
    if (isObject(v)) return v instanceof JSArray ? 'array' : 'object';
    return v instanceof JSSymbol ? this.toDisplayKey(v) : String(v);
  }

  /** Executes from `entry` (a boundary frame) until it returns. */
  private run(entry: Frame): Value {
    const saved = this.frame;
    this.frame = entry;
    let f = entry;
    try {
      for (;;) {
        try {
          const result = this.loop(f);
          this.depth--;
          return result;
        } catch (e) {
          if (!(e instanceof Throw)) throw e;
          // Unwind to the innermost frame with a handler, not past the boundary.
          f = this.frame!;
          for (;;) {
            if (f.handler >= 0) {
              f.pc = f.handler;
              this.exception = e.value;
              this.frame = f;
              break;
            }
            this.depth--;
            if (f.boundary) throw e;
            f = f.caller!;
          }
        }
      }
    } finally {
      this.frame = saved;
    }
  }

  private loop(start: Frame): Value {
    let f = start;
    this.frame = f;
    let regs = f.regs;
    for (;;) {
      const ins = f.code[f.pc];
      if (!ins) throw new Error(`pc ${f.pc} outside the code of ${f.cf.name}`);
      if (++this.steps > this.maxSteps) throw new Exit(124);
      f.at = f.pc;
      f.pc = ins.next;
      const o = ins.ops;
      switch (ins.name) {
        case 'LoadUndefined': regs[o[0]] = undefined; break;
        case 'LoadNull': regs[o[0]] = null; break;
        case 'LoadTrue': regs[o[0]] = true; break;
        case 'LoadFalse': regs[o[0]] = false; break;
        case 'LoadInt': regs[o[0]] = o[1]; break;
        case 'LoadConst': regs[o[0]] = this.module.constants[o[1]]; break;
        case 'Move': regs[o[0]] = regs[o[1]]; break;
        case 'LoadHole': regs[o[0]] = HOLE; break;
        case 'CheckHole':
          if (regs[o[0]] === HOLE) throw this.error('ReferenceError', `Cannot access '${this.module.constants[o[1]]}' before initialization`);
          break;
        case 'Add': regs[o[0]] = this.add(regs[o[1]], regs[o[2]]); break;
        case 'Sub': regs[o[0]] = this.toNumber(regs[o[1]]) - this.toNumber(regs[o[2]]); break;
        case 'Mul': regs[o[0]] = this.toNumber(regs[o[1]]) * this.toNumber(regs[o[2]]); break;
        case 'Div': regs[o[0]] = this.toNumber(regs[o[1]]) / this.toNumber(regs[o[2]]); break;
        case 'Mod': regs[o[0]] = this.toNumber(regs[o[1]]) % this.toNumber(regs[o[2]]); break;
        case 'Exp': regs[o[0]] = this.exp(this.toNumber(regs[o[1]]), this.toNumber(regs[o[2]])); break;
        case 'BitAnd': regs[o[0]] = this.toNumber(regs[o[1]]) & this.toNumber(regs[o[2]]); break;
        case 'BitOr': regs[o[0]] = this.toNumber(regs[o[1]]) | this.toNumber(regs[o[2]]); break;
        case 'BitXor': regs[o[0]] = this.toNumber(regs[o[1]]) ^ this.toNumber(regs[o[2]]); break;
        case 'Shl': regs[o[0]] = this.toNumber(regs[o[1]]) << this.toNumber(regs[o[2]]); break;
        case 'Shr': regs[o[0]] = this.toNumber(regs[o[1]]) >> this.toNumber(regs[o[2]]); break;
        case 'UShr': regs[o[0]] = this.toNumber(regs[o[1]]) >>> this.toNumber(regs[o[2]]); break;
        case 'AddInt': regs[o[0]] = this.add(regs[o[1]], o[2]); break;
        case 'Neg': regs[o[0]] = -this.toNumber(regs[o[1]]); break;
        case 'Plus': regs[o[0]] = this.toNumber(regs[o[1]]); break;
        case 'BitNot': regs[o[0]] = ~this.toNumber(regs[o[1]]); break;
        case 'Not': regs[o[0]] = !this.toBoolean(regs[o[1]]); break;
        case 'Inc': regs[o[0]] = this.toNumber(regs[o[1]]) + 1; break;
        case 'Dec': regs[o[0]] = this.toNumber(regs[o[1]]) - 1; break;
        case 'TypeOf': regs[o[0]] = this.typeOf(regs[o[1]]); break;
        case 'ToNumeric': regs[o[0]] = this.toNumber(regs[o[1]]); break;
        case 'ToString': regs[o[0]] = this.toString(regs[o[1]]); break;
        case 'ToPropertyKey': {
          const k = this.toKey(regs[o[1]]);
          const idx = arrayIndex(k);
          regs[o[0]] = idx >= 0 && idx <= 0x7fffffff ? idx : k;
          break;
        }
        case 'Eq': regs[o[0]] = this.looseEquals(regs[o[1]], regs[o[2]]); break;
        case 'Ne': regs[o[0]] = !this.looseEquals(regs[o[1]], regs[o[2]]); break;
        case 'StrictEq': regs[o[0]] = regs[o[1]] === regs[o[2]]; break;
        case 'StrictNe': regs[o[0]] = regs[o[1]] !== regs[o[2]]; break;
        case 'Lt': regs[o[0]] = this.compare(regs[o[1]], regs[o[2]], false) === true; break;
        case 'Gt': regs[o[0]] = this.compare(regs[o[2]], regs[o[1]], true) === true; break;
        case 'Le': { const r = this.compare(regs[o[2]], regs[o[1]], true); regs[o[0]] = r === false; break; }
        case 'Ge': { const r = this.compare(regs[o[1]], regs[o[2]], false); regs[o[0]] = r === false; break; }
        case 'InstanceOf': regs[o[0]] = this.instanceOf(regs[o[1]], regs[o[2]]); break;
        case 'In': {
          const obj = regs[o[2]];
          if (!isObject(obj)) throw this.error('TypeError', `Cannot use 'in' operator to search for '${this.toDisplayKey(regs[o[1]])}' in ${typeof obj === 'string' ? obj : this.shortDescription(obj)}`);
          regs[o[0]] = this.hasProperty(obj, this.toKey(regs[o[1]]));
          break;
        }
        case 'Jump': f.pc = o[0]; break;
        case 'JumpIfTrue': if (this.toBoolean(regs[o[0]])) f.pc = o[1]; break;
        case 'JumpIfFalse': if (!this.toBoolean(regs[o[0]])) f.pc = o[1]; break;
        case 'JumpIfNullish': if (regs[o[0]] == null) f.pc = o[1]; break;
        case 'JumpIfNotNullish': if (regs[o[0]] != null) f.pc = o[1]; break;
        case 'JumpIfLt': if (this.compare(regs[o[0]], regs[o[1]], false) === true) f.pc = o[2]; break;
        case 'AddToInt32': {
          const x = regs[o[1]], y = regs[o[2]];
          if (isInt32(x) && isInt32(y)) {
            regs[o[0]] = ((x as number) + (y as number)) | 0;
            f.pc = o[3];
          }
          break;
        }
        case 'IncJumpIfLt': {
          // the int32 case only (numbers here have no representation: an integral number in
          // int32's range stands for both); anything else falls through to Inc + JumpIfLt
          const i = regs[o[0]], n = regs[o[1]];
          if (isInt32(i) && isInt32(n) && (i as number) < 0x7fffffff) {
            regs[o[0]] = (i as number) + 1;
            f.pc = (i as number) + 1 < (n as number) ? o[2] : o[3];
          }
          break;
        }
        case 'JumpIfNotLt': if (this.compare(regs[o[0]], regs[o[1]], false) !== true) f.pc = o[2]; break;
        case 'JumpIfStrictEq': if (regs[o[0]] === regs[o[1]]) f.pc = o[2]; break;
        case 'Closure': regs[o[0]] = this.makeClosure(o[1], regs[o[2]] as Env | undefined); break;
        case 'Call':
        case 'CallSpread': {
          const callee = regs[o[1]];
          const args = ins.name === 'Call' ? regs.slice(o[3], o[3] + o[4]) : (regs[o[3]] as JSArray).elems.map((x) => (x === HOLE ? undefined : x));
          if (!isCallable(callee)) throw this.error('TypeError', `${this.calleeName(f) ?? this.shortDescription(callee)} is not a function`);
          if (callee.host) { regs[o[0]] = callee.host(regs[o[2]], args, undefined); break; }
          if (callee.isClass) throw this.error('TypeError', `Class constructor ${callee.fname} cannot be invoked without 'new'`);
          const nf = this.newFrame(callee, regs[o[2]], args, undefined, false);
          nf.retReg = o[0];
          f = this.frame = nf;
          regs = f.regs;
          break;
        }
        case 'New':
        case 'NewSpread': {
          const callee = regs[o[1]];
          const args = ins.name === 'New' ? regs.slice(o[2], o[2] + o[3]) : (regs[o[2]] as JSArray).elems.map((x) => (x === HOLE ? undefined : x));
          if (!this.isConstructor(callee)) throw this.error('TypeError', `${this.calleeName(f) ?? this.shortDescription(callee)} is not a constructor`);
          if (callee.host) { regs[o[0]] = callee.host(undefined, args, callee); break; }
          const nf = this.constructFrame(callee, args, callee);
          nf.retReg = o[0];
          f = this.frame = nf;
          regs = f.regs;
          break;
        }
        case 'SuperCall':
        case 'SuperCallSpread': {
          const args = ins.name === 'SuperCall' ? regs.slice(o[1], o[1] + o[2]) : [...(regs[o[1]] as JSArray).elems];
          const parent = f.fn.proto;
          if (!this.isConstructor(parent)) throw this.error('TypeError', `Super constructor ${this.shortDescription(parent)} of anonymous class is not a constructor`);
          if (parent.host) {
            const r = parent.host(undefined, args, f.newTarget as JSObject);
            this.bindThis(f, r);
            regs[o[0]] = r;
            break;
          }
          const nf = this.constructFrame(parent, args, f.newTarget);
          nf.retReg = o[0];
          nf.superCall = true;
          f = this.frame = nf;
          regs = f.regs;
          break;
        }
        case 'Return': {
          let result = regs[o[0]];
          if (f.construct) {
            if (!isObject(result)) {
              if (result !== undefined && (f.fn.flags & FunctionFlag.Derived)) throw this.error('TypeError', 'Derived constructors may only return object or undefined');
              if (f.thisValue === HOLE) throw this.error('ReferenceError', "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
              result = f.thisValue;
            }
          }
          const caller = f.caller;
          this.depth--;
          if (f.boundary) {
            this.frame = caller;
            this.depth++; // run() accounts for the boundary frame
            return result;
          }
          const retReg = f.retReg, superCall = f.superCall;
          f = this.frame = caller!;
          regs = f.regs;
          // A second super() fails in the derived constructor, after the parent ran.
          if (superCall) this.bindThis(f, result);
          regs[retReg] = result;
          break;
        }
        case 'CallNative': regs[o[0]] = this.callNative(o[1], regs.slice(o[2], o[2] + o[3])); break;
        case 'LoadArgument': regs[o[0]] = f.args[o[1]]; break;
        case 'LoadRestArgs': regs[o[0]] = this.newArray(f.args.slice(o[1])); break;
        case 'LoadArgCount': regs[o[0]] = f.args.length; break;
        case 'LoadThis': regs[o[0]] = f.thisValue; break;
        case 'LoadNewTarget': regs[o[0]] = f.newTarget; break;
        case 'LoadCallee': regs[o[0]] = f.fn; break;
        case 'EnvNew': regs[o[0]] = new Env(regs[o[1]] as Env | undefined, new Array(o[2]).fill(HOLE)); break;
        case 'EnvLoad': regs[o[0]] = (regs[o[1]] as Env).slots[o[2]]; break;
        case 'EnvStore': (regs[o[0]] as Env).slots[o[1]] = regs[o[2]]; break;
        case 'EnvParent': regs[o[0]] = (regs[o[1]] as Env).parent; break;
        case 'EnvCopy': { const e = regs[o[1]] as Env; regs[o[0]] = new Env(e.parent, [...e.slots]); break; }
        case 'LoadFunctionEnv': regs[o[0]] = f.fn.env; break;
        case 'NewObject': regs[o[0]] = new JSObject(this.realm.ObjectPrototype); break;
        case 'NewArray': regs[o[0]] = this.newArray(regs.slice(o[1], o[1] + o[2])); break;
        case 'ArrayPush': (regs[o[0]] as JSArray).elems.push(regs[o[1]]); break;
        case 'ArrayPushHole': (regs[o[0]] as JSArray).elems.push(HOLE); break;
        case 'ArraySpread': {
          const arr = regs[o[0]] as JSArray;
          this.iterate(regs[o[1]], (v) => { arr.elems.push(v); });
          break;
        }
        case 'GetProp': regs[o[0]] = this.getV(regs[o[1]], this.module.constants[o[2]] as string); break;
        case 'SetProp': this.setV(regs[o[0]], this.module.constants[o[1]] as string, regs[o[2]]); break;
        case 'GetElem': regs[o[0]] = this.getV(regs[o[1]], this.toKeyFor(regs[o[1]], regs[o[2]])); break;
        case 'SetElem': this.setV(regs[o[0]], this.toKeyFor(regs[o[0]], regs[o[1]], true), regs[o[2]]); break;
        case 'DeleteElem': {
          const base = regs[o[1]];
          if (base === undefined || base === null) throw this.error('TypeError', 'Cannot convert undefined or null to object');
          regs[o[0]] = this.deleteV(base, this.toKey(regs[o[2]]));
          break;
        }
        case 'DefineField': this.defineData(regs[o[0]] as JSObject, this.toKey(regs[o[1]]), regs[o[2]], true); break;
        case 'DefineMethods': {
          const target = regs[o[0]] as JSObject, attrs = o[4];
          for (let i = 0; i < o[3]; i++) {
            const fn = this.makeClosure(o[2] + i, regs[o[1]] as Env | undefined);
            if (attrs & 8) fn.home = target;
            const prop = { value: fn, accessor: false, get: undefined, set: undefined, enumerable: (attrs & 1) !== 0, writable: (attrs & 2) !== 0, configurable: (attrs & 4) !== 0 };
            const existing = target.props.get(fn.fname);
            if (existing) Object.assign(existing, prop);
            else target.props.set(fn.fname, prop);
          }
          break;
        }
        case 'DefineGetter':
        case 'DefineSetter': {
          const obj = regs[o[0]] as JSObject, key = this.toKey(regs[o[1]]);
          const old = obj.props.get(key);
          const p: Prop = old?.accessor ? old : { value: undefined, accessor: true, enumerable: false, writable: false, configurable: true };
          if (ins.name === 'DefineGetter') p.get = regs[o[2]] as JSObject; else p.set = regs[o[2]] as JSObject;
          p.enumerable = (o[3] & 1) !== 0;
          obj.props.delete(key);
          obj.props.set(key, p);
          break;
        }
        case 'DefineMethod': {
          const obj = regs[o[0]] as JSObject, fn = regs[o[2]] as JSFunction;
          this.defineData(obj, this.toKey(regs[o[1]]), fn, false);
          fn.home = obj;
          break;
        }
        case 'CopyDataProperties': this.copyDataProperties(regs[o[0]] as JSObject, regs[o[1]]); break;
        case 'NewClass': regs[o[0]] = this.newClass(regs[o[1]] as JSFunction, regs[o[2]]); break;
        case 'NewPrivateName': regs[o[0]] = new PrivateName(this.module.constants[o[1]] as string); break;
        case 'GetPrivate': {
          const obj = regs[o[1]], pn = regs[o[2]] as PrivateName;
          if (!isObject(obj) || !obj.privates?.has(pn)) throw this.error('TypeError', `Cannot read private member ${pn.description} from an object whose class did not declare it`);
          regs[o[0]] = obj.privates.get(pn);
          break;
        }
        case 'SetPrivate': {
          const obj = regs[o[0]], pn = regs[o[1]] as PrivateName;
          if (!isObject(obj) || !obj.privates?.has(pn)) throw this.error('TypeError', `Cannot write private member ${pn.description} to an object whose class did not declare it`);
          obj.privates.set(pn, regs[o[2]]);
          break;
        }
        case 'DefinePrivate': {
          const obj = regs[o[0]] as JSObject, pn = regs[o[1]] as PrivateName;
          obj.privates ??= new Map();
          if (obj.privates.has(pn)) throw this.error('TypeError', 'Cannot initialize private methods of class twice on the same object');
          obj.privates.set(pn, regs[o[2]]);
          break;
        }
        case 'HasPrivate': {
          const obj = regs[o[1]];
          if (!isObject(obj)) throw this.error('TypeError', "Cannot use 'in' operator to search for a private field in a non-object");
          regs[o[0]] = obj.privates?.has(regs[o[2]] as PrivateName) ?? false;
          break;
        }
        case 'SetHome': {
          const fn = regs[o[0]];
          if (!(fn instanceof JSFunction) || fn.host) throw new Error('refvm: SetHome of something else than a bytecode function');
          fn.home = regs[o[1]] as JSObject;
          break;
        }
        case 'LoadHome': regs[o[0]] = f.fn.home; break;
        case 'GetSuper': {
          const home = f.fn.home;
          const proto = home ? home.proto : null;
          const key = this.toKey(regs[o[1]]);
          regs[o[0]] = proto ? this.get(proto, key, f.thisValue) : undefined;
          break;
        }
        case 'GetIterator': regs[o[0]] = this.getIterator(regs[o[1]]); break;
        case 'IteratorNext': {
          const r = this.iteratorStep(regs[o[1]] as JSArray);
          if (r.done) f.pc = o[2]; else regs[o[0]] = r.value;
          break;
        }
        case 'IteratorClose': this.iteratorClose(regs[o[0]] as JSArray); break;
        case 'ForInKeys': regs[o[0]] = this.newArray(this.forInKeys(regs[o[1]])); break;
        case 'Throw': throw new Throw(regs[o[0]]);
        case 'ThrowError': throw this.error(ERROR_KINDS[o[0]] ?? 'Error', this.module.constants[o[1]] as string);
        case 'TryEnter': regs[o[0]] = f.handler; f.handler = o[1]; break;
        case 'TryLeave': f.handler = regs[o[0]] as number; break;
        case 'LoadException': regs[o[0]] = this.exception; this.exception = undefined; break;
        case 'CheckHoleError':
          if (regs[o[0]] === HOLE) throw this.error(ERROR_KINDS[o[1]] ?? 'Error', this.module.constants[o[2]] as string);
          break;
        case 'ForInFilter': {
          const key = regs[o[1]] as string;
          regs[o[0]] = this.hasPropertyV(regs[o[2]], key) ? key : undefined;
          break;
        }
        case 'CheckPrivateBrand': {
          const obj = regs[o[0]];
          if (!isObject(obj) || !obj.privates?.has(regs[o[1]] as PrivateName)) throw this.error('TypeError', this.module.constants[o[2]] as string);
          break;
        }
        case 'JumpIfLe': if (this.compare(regs[o[1]], regs[o[0]], true) === false) f.pc = o[2]; break;
        case 'JumpIfNotLe': if (this.compare(regs[o[1]], regs[o[0]], true) !== false) f.pc = o[2]; break;
        case 'JumpIfGt': if (this.compare(regs[o[1]], regs[o[0]], true) === true) f.pc = o[2]; break;
        case 'JumpIfNotGt': if (this.compare(regs[o[1]], regs[o[0]], true) !== true) f.pc = o[2]; break;
        case 'JumpIfGe': if (this.compare(regs[o[0]], regs[o[1]], false) === false) f.pc = o[2]; break;
        case 'JumpIfNotGe': if (this.compare(regs[o[0]], regs[o[1]], false) !== false) f.pc = o[2]; break;
        case 'JumpIfStrictNe': if (regs[o[0]] !== regs[o[1]]) f.pc = o[2]; break;
        case 'SubInt': regs[o[0]] = this.toNumber(regs[o[1]]) - o[2]; break;
        case 'JumpIfEqInt': if (regs[o[0]] === o[1]) f.pc = o[2]; break;
        case 'JumpIfNeInt': if (regs[o[0]] !== o[1]) f.pc = o[2]; break;
        case 'GetGlobal': {
          const name = this.module.constants[o[1]] as string;
          if (!this.hasProperty(this.realm.global, name)) throw this.error('ReferenceError', `${name} is not defined`);
          regs[o[0]] = this.get(this.realm.global, name);
          break;
        }
        case 'SetGlobal': {
          const name = this.module.constants[o[0]] as string;
          if (!this.hasProperty(this.realm.global, name)) throw this.error('ReferenceError', `${name} is not defined`);
          this.setV(this.realm.global, name, regs[o[1]]);
          break;
        }
        case 'LoadIntrinsic': regs[o[0]] = this.realm.intrinsics[o[1]]; break;
        case 'Await': {
          const awaitFn = this.realm.intrinsics[Intrinsic.AsyncFunctionAwait];
          if (!isCallable(awaitFn)) throw new Error('refvm: Await without a registered AsyncFunctionAwait intrinsic');
          f.handle ??= new FrameHandle(f);
          // The intrinsic runs as a callee of this frame (its errors are thrown at the await).
          this.call(awaitFn, undefined, [regs[o[1]], f.handle]);
          this.frame = f;
          // Park: the frame leaves the stack and its caller receives the promise, as on Return.
          const result = regs[o[2]];
          f.parked = true;
          f.awaitDst = o[0];
          f.pc = f.at;
          const caller = f.caller;
          f.caller = null;
          this.depth--;
          if (f.boundary) {
            this.frame = caller;
            this.depth++; // run() accounts for the boundary frame
            return result;
          }
          if (!caller) throw new Error('refvm: Await in a frame without a caller');
          const retReg = f.retReg;
          f = this.frame = caller;
          regs = f.regs;
          regs[retReg] = result;
          break;
        }
        case 'Resume': {
          const h = regs[o[1]];
          const pf = (h instanceof FrameHandle ? h.frame : undefined) as Frame | undefined;
          if (!pf || !pf.parked) throw new Error('refvm: Resume of a frame that is not parked by Await');
          if (++this.depth > 10000) {
            this.depth--;
            throw this.error('RangeError', 'Maximum call stack size exceeded');
          }
          pf.parked = false;
          pf.caller = f;
          pf.retReg = o[0];
          pf.boundary = false;
          pf.superCall = false;
          const value = regs[o[2]], mode = this.toBoolean(regs[o[3]]);
          f = this.frame = pf;
          regs = f.regs;
          f.pc = f.code[f.at].next;
          if (mode) throw new Throw(value);
          regs[f.awaitDst] = value;
          break;
        }
        default:
          throw new Error(`refvm: opcode ${ins.name} not implemented`);
      }
    }
  }

  private bindThis(f: Frame, v: Value): void {
    if (f.thisValue !== HOLE) throw this.error('ReferenceError', 'Super constructor may only be called once');
    f.thisValue = v;
  }

  private callNative(id: number, args: Value[]): Value {
    const name = NATIVES[id]?.name;
    if (name === undefined) throw new Error(`refvm: native ${id} not implemented`);
    return callNative(this, name, args);
  }

  private newClass(ctor: JSFunction, parent: Value): JSFunction {
    let protoParent: JSObject | null = this.realm.ObjectPrototype;
    let ctorParent: JSObject = this.realm.FunctionPrototype;
    if (parent === null) {
      protoParent = null;
    } else if (parent !== HOLE) {
      if (!this.isConstructor(parent)) throw this.error('TypeError', `Class extends value ${this.inspectShort(parent)} is not a constructor or null`);
      const pp = this.get(parent, 'prototype');
      if (pp !== null && !isObject(pp)) throw this.error('TypeError', `Class extends value does not have valid prototype property ${this.inspectShort(pp)}`);
      protoParent = pp;
      ctorParent = parent;
    }
    ctor.isClass = true;
    ctor.proto = ctorParent;
    const proto = new JSObject(protoParent);
    this.defineData(proto, 'constructor', ctor, false);
    ctor.props.set('prototype', { value: proto, accessor: false, enumerable: false, writable: false, configurable: false });
    return ctor;
  }

  inspectShort(v: Value): string {
    if (isCallable(v)) return v.fname ? `function ${v.fname}` : 'function';
    if (v instanceof JSArray) return '[object Array]';
    if (isObject(v)) {
      for (let p = v.proto; p; p = p.proto) {
        const c = p.props.get('constructor');
        if (c && !c.accessor && isCallable(c.value)) {
          // the `name` property (the prelude's constructors set theirs), else the record's
          const n = c.value.props.get('name');
          const name = n && !n.accessor && typeof n.value === 'string' ? n.value : c.value.fname;
          return `#<${name || 'Object'}>`;
        }
      }
      return '[object Object]';
    }
    if (typeof v === 'string') return v;
    return this.shortDescription(v);
  }

  /** The compiler's text for the callee of the call instruction frame f is executing. */
  private calleeName(f: Frame): string | undefined {
    const entry = f.cf.calleeNames?.find((c) => c.pc === f.at);
    return entry === undefined ? undefined : (this.module.constants[entry.constant] as string);
  }

  // ---- arithmetic ----------------------------------------------------------------------

  /**
   * x ** y as the machine does it: exact integer powers natively (a non-negative integral
   * exponent, every product an integer below 2^53), anything else through the prelude's
   * Pow intrinsic (docs/bytecode.md, "Exp").
   */
  exp(x: number, y: number): number {
    if (y !== y) return NaN;
    if (y === 0) return 1;
    if (x !== x) return NaN;
    const exact = (v: number): boolean => Number.isInteger(v) && Math.abs(v) < 2 ** 53;
    if (Number.isInteger(y) && y > 0 && y <= 0x7fffffff) {
      let result = 1, base = x, n = y, ok = true;
      for (;;) {
        if (n & 1) { result *= base; if (!exact(result)) { ok = false; break; } }
        n >>>= 1;
        if (n === 0) break;
        base *= base;
        if (!exact(base)) { ok = false; break; }
      }
      if (ok) return result;
    }
    const pow = this.realm.intrinsics[Intrinsic.Pow];
    if (!isCallable(pow)) throw new Error('Exp: the result is not exact in machine arithmetic and no Pow intrinsic is registered');
    return this.call(pow, x, [y]) as number;
  }

  // ---- errors and stack traces -------------------------------------------------------

  /** A new error of a builtin kind, as a Throw to raise. */
  error(kind: string, message: string): Throw {
    const raise = this.realm.intrinsics[13];
    const k = ERROR_KINDS.indexOf(kind);
    if (!isCallable(raise) || k < 0 || this.raising) return new Throw(`${kind}: ${message}`);
    this.raising = true;
    try {
      return new Throw(this.call(raise, undefined, [k, message]));
    } catch (e) {
      if (e instanceof Throw) return e;
      throw e;
    } finally {
      this.raising = false;
    }
  }

  /** The stack lines "    at f (file:line:col)" of the current frames. */
  stackTrace(): string {
    const lines: string[] = [];
    for (let f = this.frame; f && lines.length < 10; f = f.caller) {
      const pos = positionAt(f.cf, f.at);
      const where = pos ? `${this.module.files[pos.file]}:${pos.line}:${pos.column + 1}` : '<unknown>';
      const name = f.cf.flags & FunctionFlag.TopLevel ? '' : f.cf.name || '<anonymous>';
      lines.push(name ? `    at ${name} (${where})` : `    at ${where}`);
    }
    return lines.join('\n');
  }

  // ---- conversions -------------------------------------------------------------------

  toBoolean(v: Value): boolean {
    if (isObject(v) || v instanceof JSSymbol) return true;
    return Boolean(v);
  }

  typeOf(v: Value): string {
    if (v === null) return 'object';
    if (isCallable(v)) return 'function';
    if (isObject(v)) return 'object';
    if (v instanceof JSSymbol) return 'symbol';
    return typeof v;
  }

  /** A registered well-known symbol (intrinsics.ts Intrinsic), or undefined before the prelude registers it. */
  private wellKnown(id: number): JSSymbol | undefined {
    const s = this.realm.intrinsics[id];
    return s instanceof JSSymbol ? s : undefined;
  }

  /** V8's description of a value that should have been a function ("number 5", "object"). */
  private typedDescription(v: Value): string {
    if (typeof v === 'string') return `string "${v}"`;
    if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${this.toString(v)}`;
    if (v instanceof JSSymbol) return 'symbol';
    if (v === undefined || v === null) return String(v);
    return 'object';
  }

  toPrimitive(v: Value, hint: 'string' | 'number' | 'default' = 'default'): Value {
    if (!isObject(v)) return v;
    const toPrim = this.wellKnown(16);
    if (toPrim) {
      const exotic = this.get(v, toPrim);
      if (exotic !== undefined && exotic !== null) {
        if (!isCallable(exotic)) throw this.error('TypeError', `${this.typedDescription(exotic)} is not a function`);
        const r = this.call(exotic, v, [hint]);
        if (!isObject(r)) return r;
        throw this.error('TypeError', 'Cannot convert object to primitive value');
      }
    }
    const order = hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
    for (const name of order) {
      const m = this.get(v, name);
      if (isCallable(m)) {
        const r = this.call(m, v, []);
        if (!isObject(r)) return r;
      }
    }
    throw this.error('TypeError', 'Cannot convert object to primitive value');
  }

  toNumber(v: Value): number {
    if (typeof v === 'number') return v;
    if (v instanceof JSSymbol) throw this.error('TypeError', 'Cannot convert a Symbol value to a number');
    if (isObject(v)) return this.toNumber(this.toPrimitive(v, 'number'));
    return Number(v);
  }

  toString(v: Value): string {
    if (typeof v === 'string') return v;
    if (v instanceof JSSymbol) throw this.error('TypeError', 'Cannot convert a Symbol value to a string');
    if (isObject(v)) return this.toString(this.toPrimitive(v, 'string'));
    return String(v);
  }

  toKey(v: Value): Key {
    if (v instanceof JSSymbol) return v;
    if (typeof v === 'string') return v;
    if (isObject(v)) return this.toKey(this.toPrimitive(v, 'string'));
    return String(v);
  }

  private toKeyFor(obj: Value, key: Value, setting = false): Key {
    if (obj === undefined || obj === null) {
      const [verb, ger] = setting ? ['set', 'setting'] : ['read', 'reading'];
      throw this.error('TypeError', `Cannot ${verb} properties of ${obj} (${ger} '${this.toDisplayKey(key)}')`);
    }
    return this.toKey(key);
  }

  toDisplayKey(k: Value): string {
    return k instanceof JSSymbol ? `Symbol(${k.description ?? ''})` : String(k);
  }

  add(a: Value, b: Value): Value {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    const pa = this.toPrimitive(a), pb = this.toPrimitive(b);
    if (typeof pa === 'string' || typeof pb === 'string') return this.toString(pa) + this.toString(pb);
    return this.toNumber(pa) + this.toNumber(pb);
  }

  /** a < b: true, false, or undefined (NaN). */
  compare(a: Value, b: Value, rightFirst: boolean): boolean | undefined {
    let pa: Value, pb: Value;
    if (rightFirst) { pb = this.toPrimitive(b, 'number'); pa = this.toPrimitive(a, 'number'); }
    else { pa = this.toPrimitive(a, 'number'); pb = this.toPrimitive(b, 'number'); }
    if (typeof pa === 'string' && typeof pb === 'string') return pa < pb;
    const x = this.toNumber(pa), y = this.toNumber(pb);
    if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
    return x < y;
  }

  looseEquals(a: Value, b: Value): boolean {
    if (a === b) return true;
    if (a == null && b == null) return true;
    if (a == null || b == null) return false;
    if (isObject(a) && isObject(b)) return false;
    if (isObject(a)) return this.looseEquals(this.toPrimitive(a), b);
    if (isObject(b)) return this.looseEquals(a, this.toPrimitive(b));
    if (a instanceof JSSymbol || b instanceof JSSymbol) return false;
    // eslint-disable-next-line eqeqeq
    return (a as number) == (b as number);
  }

  instanceOf(v: Value, c: Value): boolean {
    if (!isObject(c)) throw this.error('TypeError', "Right-hand side of 'instanceof' is not an object");
    const hasInstance = this.wellKnown(17);
    if (hasInstance) {
      const h = this.get(c, hasInstance);
      // The prelude's Function.prototype[Symbol.hasInstance] is OrdinaryHasInstance, done below.
      if (h === this.realm.intrinsics[18] && !isCallable(c)) return false;
      if (h !== undefined && h !== null && h !== this.realm.intrinsics[18]) {
        if (!isCallable(h)) throw this.error('TypeError', `${this.typedDescription(h)} is not a function`);
        return this.toBoolean(this.call(h, c, [v]));
      }
    }
    if (!isCallable(c)) throw this.error('TypeError', "Right-hand side of 'instanceof' is not callable");
    if (!isObject(v)) return false;
    const proto = this.get(c, 'prototype');
    if (!isObject(proto)) throw this.error('TypeError', `Function has non-object prototype '${this.toDisplayKey(proto)}' in instanceof check`);
    for (let p = v.proto; p; p = p.proto) if (p === proto) return true;
    return false;
  }

  // ---- objects -----------------------------------------------------------------------

  newArray(elems: Value[]): JSArray {
    const a = new JSArray(this.realm.ArrayPrototype);
    a.elems = elems;
    return a;
  }

  defineData(obj: JSObject, key: Key, value: Value, enumerable: boolean): void {
    if (obj instanceof JSArray) {
      const i = arrayIndex(key);
      if (i >= 0 && enumerable) {
        while (obj.elems.length < i) obj.elems.push(HOLE);
        obj.elems[i] = value;
        return;
      }
    }
    obj.props.set(key, { value, accessor: false, enumerable, writable: true, configurable: true });
  }

  /** The own property `key` of obj, including the virtual ones of arrays, functions and strings. */
  getOwn(obj: JSObject, key: Key): Prop | undefined {
    if (obj.view && obj.view.type < 9) {
      const i = typedIndex(key);
      if (i >= 0 && i < obj.view.length) return { value: this.typedGet(obj, i), accessor: false, enumerable: true, writable: true, configurable: true };
      if (i !== -1) return undefined;
    }
    if (obj instanceof JSArray) {
      if (key === 'length') return { value: obj.elems.length, accessor: false, enumerable: false, writable: true, configurable: false };
      const i = arrayIndex(key);
      if (i >= 0) {
        const v = obj.elems[i];
        return i < obj.elems.length && v !== HOLE ? { value: v, accessor: false, enumerable: true, writable: !obj.frozen, configurable: !obj.frozen } : undefined;
      }
    }
    const p = obj.props.get(key);
    if (p) return p;
    if (obj instanceof JSFunction) {
      if (key === 'name') return { value: obj.fname, accessor: false, enumerable: false, writable: false, configurable: true };
      if (key === 'length') return { value: obj.flength, accessor: false, enumerable: false, writable: false, configurable: true };
    }
    if (obj.cls === 'String' && typeof obj.internal === 'string') {
      const s = obj.internal;
      if (key === 'length') return { value: s.length, accessor: false, enumerable: false, writable: false, configurable: false };
      const i = arrayIndex(key);
      if (i >= 0 && i < s.length) return { value: s[i], accessor: false, enumerable: true, writable: false, configurable: false };
    }
    return undefined;
  }

  /** Element i (in range) of typed array obj. */
  typedGet(obj: JSObject, i: number): Value {
    const v = obj.view!;
    return viewRead(v.store, v.offset + i * VIEW_ELEMENT[v.type]![0], v.type);
  }

  get(obj: JSObject, key: Key, receiver: Value = obj): Value {
    if (obj.view && obj.view.type < 9 && typedIndex(key) !== -1) {
      const i = typedIndex(key);
      return i >= 0 && i < obj.view.length ? this.typedGet(obj, i) : undefined;
    }
    for (let o: JSObject | null = obj; o; o = o.proto) {
      const p = this.getOwn(o, key);
      if (p) {
        if (p.accessor) return p.get ? this.call(p.get, receiver, []) : undefined;
        return p.value;
      }
    }
    return undefined;
  }

  /** Property read on any value (primitives use their prototype). */
  getV(v: Value, key: Key): Value {
    if (isObject(v)) return this.get(v, key);
    if (typeof v === 'string') {
      if (key === 'length') return v.length;
      const i = arrayIndex(key);
      if (i >= 0) return i < v.length ? v[i] : undefined;
      return this.get(this.realm.StringPrototype, key, v);
    }
    if (typeof v === 'number') return this.get(this.realm.NumberPrototype, key, v);
    if (typeof v === 'boolean') return this.get(this.realm.BooleanPrototype, key, v);
    if (v instanceof JSSymbol) return this.realm.SymbolPrototype ? this.get(this.realm.SymbolPrototype, key, v) : undefined;
    throw this.error('TypeError', `Cannot read properties of ${v === null ? 'null' : 'undefined'} (reading '${this.toDisplayKey(key)}')`);
  }

  setV(target: Value, key: Key, value: Value): void {
    if (!isObject(target)) {
      if (target === undefined || target === null) throw this.error('TypeError', `Cannot set properties of ${target} (setting '${this.toDisplayKey(key)}')`);
      // as the x86 interpreter: the prelude's SuperAccess (Intrinsic 44) runs a setter of the
      // primitive's prototype chain or throws "Cannot create property 'x' on number '1'"
      const superAccess = this.realm.intrinsics[Intrinsic.SuperAccess];
      if (isCallable(superAccess)) {
        this.call(superAccess, undefined, [target, key, target, 1, value]);
        return;
      }
      throw this.error('TypeError', `Cannot create property '${this.toDisplayKey(key)}' on ${typeof target} '${this.toString(target)}'`);
    }
    this.set(target, key, value);
  }

  set(obj: JSObject, key: Key, value: Value, receiver: JSObject = obj): void {
    if (obj.view && obj.view.type < 9 && obj === receiver && typedIndex(key) !== -1) {
      // ToNumber first (it may throw), then the element if the index is valid, else nothing
      const n = this.toNumber(value), i = typedIndex(key), v = obj.view;
      if (i >= 0 && i < v.length) viewWrite(v.store, v.offset + i * VIEW_ELEMENT[v.type]![0], v.type, n);
      return;
    }
    for (let o: JSObject | null = obj; o; o = o.proto) {
      const p = this.getOwn(o, key);
      if (!p) continue;
      if (p.accessor) {
        if (!p.set) throw this.error('TypeError', `Cannot set property ${this.toDisplayKey(key)} of ${this.inspectShort(receiver)} which has only a getter`);
        this.call(p.set, receiver, [value]);
        return;
      }
      if (!p.writable || (o === receiver && receiver.frozen)) {
        throw this.error('TypeError', `Cannot assign to read only property '${this.toDisplayKey(key)}' of object '${this.inspectShort(receiver)}'`);
      }
      break;
    }
    this.putOwn(receiver, key, value);
  }

  private putOwn(obj: JSObject, key: Key, value: Value): void {
    if (obj instanceof JSArray) {
      if (key === 'length') {
        const n = this.toNumber(value);
        if (!(n >= 0 && n <= 4294967295 && Number.isInteger(n))) throw this.error('RangeError', 'Invalid array length');
        if (n < obj.elems.length) obj.elems.length = n;
        else while (obj.elems.length < n) obj.elems.push(HOLE);
        return;
      }
      const i = arrayIndex(key);
      if (i >= 0) {
        if (!obj.extensible && i >= obj.elems.length) throw this.error('TypeError', `Cannot add property ${i}, object is not extensible`);
        while (obj.elems.length < i) obj.elems.push(HOLE);
        obj.elems[i] = value;
        return;
      }
    }
    const p = obj.props.get(key);
    if (p) { p.value = value; return; }
    if (obj instanceof JSFunction && (key === 'name' || key === 'length')) {
      throw this.error('TypeError', `Cannot assign to read only property '${key}' of function`);
    }
    if (!obj.extensible) throw this.error('TypeError', `Cannot add property ${this.toDisplayKey(key)}, object is not extensible`);
    obj.props.set(key, { value, accessor: false, enumerable: true, writable: true, configurable: true });
  }

  deleteV(v: Value, key: Key): boolean {
    if (typeof v === 'string') {
      // the String wrapper's own index and length properties are not configurable (strict mode)
      const i = arrayIndex(key);
      if (key === 'length' || (i >= 0 && i < v.length)) throw this.error('TypeError', `Cannot delete property '${this.toDisplayKey(key)}' of [object String]`);
      return true;
    }
    if (!isObject(v)) return true;
    if (v instanceof JSArray) {
      const i = arrayIndex(key);
      if (i >= 0) {
        if (v.frozen) throw this.error('TypeError', `Cannot delete property '${i}' of ${this.inspectShort(v)}`);
        if (i < v.elems.length) v.elems[i] = HOLE;
        return true;
      }
      if (key === 'length') throw this.error('TypeError', "Cannot delete property 'length' of [object Array]");
    }
    const p = v.props.get(key);
    if (p && !p.configurable) throw this.error('TypeError', `Cannot delete property '${this.toDisplayKey(key)}' of ${this.inspectShort(v)}`);
    v.props.delete(key);
    return true;
  }

  /** `key in v` with a primitive v treated as its wrapper object (for..in filtering). */
  private hasPropertyV(v: Value, key: Key): boolean {
    if (isObject(v)) return this.hasProperty(v, key);
    let proto: JSObject;
    if (typeof v === 'string') {
      const i = arrayIndex(key);
      if (key === 'length' || (i >= 0 && i < v.length)) return true;
      proto = this.realm.StringPrototype;
    } else if (typeof v === 'number') proto = this.realm.NumberPrototype;
    else if (typeof v === 'boolean') proto = this.realm.BooleanPrototype;
    else if (v instanceof JSSymbol && this.realm.SymbolPrototype) proto = this.realm.SymbolPrototype;
    else return false;
    return this.hasProperty(proto, key);
  }

  hasProperty(obj: JSObject, key: Key): boolean {
    for (let o: JSObject | null = obj; o; o = o.proto) if (this.getOwn(o, key)) return true;
    return false;
  }

  /** Own keys in JavaScript order: integer indices ascending, then strings, then symbols. */
  ownKeys(obj: JSObject): Key[] {
    const ints: number[] = [];
    const strs: string[] = [];
    const syms: JSSymbol[] = [];
    if (obj instanceof JSArray) obj.elems.forEach((v, i) => { if (v !== HOLE) ints.push(i); });
    if (obj.cls === 'String' && typeof obj.internal === 'string') for (let i = 0; i < obj.internal.length; i++) ints.push(i);
    if (obj.view && obj.view.type < 9) for (let i = 0; i < obj.view.length; i++) ints.push(i);
    for (const k of obj.props.keys()) {
      if (k instanceof JSSymbol) syms.push(k);
      else if (arrayIndex(k) >= 0) ints.push(Number(k));
      else strs.push(k);
    }
    ints.sort((a, b) => a - b);
    const out: Key[] = ints.map(String);
    if (obj instanceof JSArray) out.push('length');
    return [...out, ...strs, ...syms];
  }

  ownEnumerableStringKeys(obj: JSObject): string[] {
    return this.ownKeys(obj).filter((k): k is string => typeof k === 'string' && this.getOwn(obj, k)?.enumerable === true);
  }

  private copyDataProperties(target: JSObject, src: Value): void {
    if (src == null) return;
    if (typeof src === 'string') {
      for (let i = 0; i < src.length; i++) this.defineData(target, String(i), src[i], true);
      return;
    }
    if (!isObject(src)) return;
    for (const k of this.ownKeys(src)) {
      const p = this.getOwn(src, k);
      if (p?.enumerable) this.defineData(target, k, this.get(src, k), true);
    }
  }

  private forInKeys(v: Value): string[] {
    if (v == null) return [];
    if (typeof v === 'string') return [...Array(v.length).keys()].map(String);
    if (!isObject(v)) return [];
    const seen = new Set<string>();
    const out: string[] = [];
    for (let o: JSObject | null = v; o; o = o.proto) {
      for (const k of this.ownKeys(o)) {
        if (typeof k !== 'string' || seen.has(k)) continue;
        seen.add(k);
        if (this.getOwn(o, k)?.enumerable) out.push(k);
      }
    }
    return out;
  }

  // ---- iteration ---------------------------------------------------------------------

  /** The iterator record [iterator, next] of the prelude's GetIterator (intrinsics.ts Intrinsic 11). */
  getIterator(v: Value): JSArray {
    const getIterator = this.realm.intrinsics[11];
    if (!isCallable(getIterator)) throw this.error('TypeError', `${this.iterableDescription(v)} is not iterable`);
    const record = this.call(getIterator, undefined, [v]);
    if (!(record instanceof JSArray) || !isObject(record.elems[0])) throw new Error('refvm: GetIterator did not return an iterator record');
    return record;
  }

  private iterableDescription(v: Value): string {
    if (v === undefined || v === null) return String(v);
    if (typeof v === 'number') return `number ${v}`;
    if (isCallable(v)) return v.fname || 'function';
    if (isObject(v)) return 'object';
    return String(v);
  }

  /** One step: result = next.call(iterator), next read once by GetIterator. */
  iteratorStep(record: JSArray): { done: boolean; value?: Value } {
    const [it, next] = record.elems;
    if (!isCallable(next)) throw this.error('TypeError', `${this.typedDescription(next)} is not a function`);
    const r = this.call(next, it, []);
    if (!isObject(r)) throw this.error('TypeError', `Iterator result ${this.inspectShort(r)} is not an object`);
    return this.toBoolean(this.get(r, 'done')) ? { done: true } : { done: false, value: this.get(r, 'value') };
  }

  iteratorClose(record: JSArray): void {
    const it = record.elems[0] as JSObject;
    const ret = this.get(it, 'return');
    if (ret === undefined || ret === null) return;
    if (!isCallable(ret)) throw this.error('TypeError', `${this.typedDescription(ret)} is not a function`);
    const r = this.call(ret, it, []);
    if (!isObject(r)) throw this.error('TypeError', `Iterator result ${this.inspectShort(r)} is not an object`);
  }

  iterate(v: Value, each: (v: Value) => void): void {
    const record = this.getIterator(v);
    for (;;) {
      const r = this.iteratorStep(record);
      if (r.done) return;
      each(r.value);
    }
  }
}

/** An int32 number other than -0 (what the x86 machine may hold as an int32). */
function isInt32(v: unknown): boolean {
  return typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);
}
