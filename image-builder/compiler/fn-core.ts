// FnCompiler, part 1 (see codegen.ts): per-function state, registers and constants, scopes
// and environments, loading and storing bindings.

import ts from 'typescript';
import { NATIVES, type Constant } from '../bytecode/index.ts';
import { FunctionEmitter, Label } from './emitter.ts';
import { Scope, ScopeAnalysis, isFunctionLike, type Binding, type FnInfo } from './scope.ts';
import type { ModuleCompiler } from './codegen.ts';
import {
  TYPE_ERROR, REFERENCE_ERROR, SUPER_NOT_CALLED, type Ctl, type Ref, type DestructSrc, type DeclMode, isSimple,
  containsAssignment, holeObservable, usesUndefined,
} from './codegen-support.ts';

/** FnCompiler, part 1: state, registers and constants, scopes and environments, bindings.
 * Methods of the later parts that this part calls are declared abstract here. */
/** Env slots are numbered by u16 operands (EnvNew's count, EnvLoad/EnvStore's index). */
const MAX_ENV_SLOTS = 0xffff;

export abstract class FnCore {
  readonly em: FunctionEmitter;
  protected readonly ctl: Ctl[] = [];
  protected scope: Scope;
  protected envIn = -1;
  protected curEnv = -1;
  protected readonly locals = new Set<number>();
  /** Parameters of this function not yet initialised while the parameter list runs. */
  protected readonly pendingParams = new Set<Binding>();
  /** See undefinedValue(). */
  protected undefReg = -1;
  /** See reserveThis(). */
  protected thisReg = -1;
  /** Loops being compiled, and the registers holding their constants (see loop()). */
  protected loopDepth = 0;
  protected readonly constRegs = new Map<string, number>();
  /** In an async function: the register holding its result promise (else -1). */
  protected asyncPromise = -1;
  /** In an async function: the TryEnter save register of the handler around its body. */
  protected asyncSave = -1;
  /** In a generator function: the register holding its generator object (else -1). */
  protected genReg = -1;
  /** In an async generator: the TryEnter save register of the handler around its body (else -1). */
  protected asyncGenSave = -1;

  constructor(readonly m: ModuleCompiler, readonly fn: FnInfo, paramCount: number) {
    this.em = new FunctionEmitter(() => m.inlineCache());
    this.scope = fn.scope;
    for (let i = 0; i < paramCount; i++) this.em.alloc();
  }

  // ---- small helpers -----------------------------------------------------------------

  protected get analysis(): ScopeAnalysis {
    return this.m.analysis;
  }

  protected mark(n: ts.Node): void {
    if (n.pos < 0) return;
    const [f, line, col] = this.m.original(n);
    this.em.position(f, line, col);
  }

  protected unsupported(n: ts.Node, what?: string): never {
    return this.m.unsupported(n, what);
  }

  protected alloc(): number {
    return this.em.alloc();
  }

  protected get top(): number {
    return this.em.top;
  }

  protected set top(v: number) {
    this.em.top = v;
    for (const r of this.locals) if (r >= v) this.locals.delete(r);
  }

  protected k(v: Constant): number {
    return this.m.constant(v);
  }

  protected loadNumber(d: number, v: number): void {
    if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0)) this.em.emit('LoadInt', d, v);
    else this.em.emit('LoadConst', d, this.k(v));
  }

  protected loadString(d: number, s: string): number {
    this.em.emit('LoadConst', d, this.k(s));
    return d;
  }

  protected undef(): number {
    const r = this.alloc();
    this.em.emit('LoadUndefined', r);
    return r;
  }

  /**
   * A register that holds undefined to be read (never written): registers start as
   * undefined and this one is reserved at function entry and never written, so it costs no
   * instruction. Falls back to a LoadUndefined when none was reserved.
   */
  protected undefinedValue(): number {
    return this.undefReg >= 0 ? this.undefReg : this.undef();
  }

  /** Reserves undefReg when the function's own code has a use for it. */
  protected reserveUndefined(): void {
    if (usesUndefined(this.fn.node)) this.undefReg = this.alloc();
  }

  /** A register whose value later evaluation of `later` cannot change (undefined in
   *  `later`: code not known here). */
  protected stable(r: number, later: readonly (ts.Node | undefined)[] = [undefined]): number {
    if (!this.locals.has(r)) return r;
    if (later.every((n) => n !== undefined && (isSimple(n) || !containsAssignment(n)))) return r;
    const t = this.alloc();
    this.em.emit('Move', t, r);
    return t;
  }

  protected to(d: number | undefined, r: number): number {
    if (d === undefined || d === r) return r;
    this.em.emit('Move', d, r);
    return d;
  }

  protected withTemps<T>(f: () => T): T {
    const mark = this.top;
    try {
      return f();
    } finally {
      this.top = mark;
    }
  }

  // ---- scopes and bindings -----------------------------------------------------------

  /** dst = the new Env of `scope` (its captured bindings; slots are u16 operands, so a scope
   *  with more than MAX_ENV_SLOTS of them is a compile error at the scope). */
  protected envNew(dst: number, parent: number, scope: Scope): void {
    if (scope.envSlots > MAX_ENV_SLOTS) this.unsupported(scope.node, `a scope with more than ${MAX_ENV_SLOTS} captured bindings`);
    this.em.emit('EnvNew', dst, parent, scope.envSlots);
  }

  protected envLoad(dst: number, env: number, slot: number): void {
    this.em.emit('EnvLoad', dst, env, slot);
  }

  protected envStore(env: number, slot: number, src: number): void {
    this.em.emit('EnvStore', env, slot, src);
  }

  protected enterScope(scope: Scope, statements: readonly ts.Statement[] = []): void {
    this.scope = scope;
    if (scope.needsEnv) {
      const r = this.alloc();
      this.envNew(r, this.curEnv, scope);
      scope.envReg = r;
      this.curEnv = r;
    }
    // captured vars start undefined (EnvNew fills with the hole): one register read for all
    const vars = [...scope.bindings.values()].filter((b) => b.captured && b.kind === 'var');
    if (vars.length) {
      this.withTemps(() => {
        const u = this.undefinedValue();
        for (const b of vars) this.envStore(scope.envReg, b.slot, u);
      });
    }
    for (const b of scope.bindings.values()) {
      if (b.captured) continue;
      if (b.kind === 'this' || b.kind === 'newtarget') continue;
      if (b.reg < 0) {
        b.reg = this.alloc();
        this.locals.add(b.reg);
      }
      if ((b.kind === 'let' || b.kind === 'const' || b.kind === 'class' || b.kind === 'classname') && holeObservable(b)) {
        this.em.emit('LoadHole', b.reg);
      }
    }
    this.hoistFunctions(statements);
  }

  protected hoistFunctions(statements: readonly ts.Statement[]): void {
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name) {
        this.withTemps(() => {
          const r = this.closure(s, s.name!.text);
          this.storeBinding(this.scope.lookup(s.name!.text)!, r, true, s);
        });
      }
    }
  }

  protected exitScope(scope: Scope, outer: Scope): void {
    if (scope.needsEnv) {
      // The parent of the scope's Env is the previous current Env.
      this.curEnv = this.envOf(outer);
    }
    this.scope = outer;
  }

  /** The innermost Env register of this function at `scope`. */
  protected envOf(scope: Scope): number {
    for (let s: Scope | undefined = scope; s && s.fn === this.fn; s = s.parent) if (s.needsEnv && s.envReg >= 0) return s.envReg;
    return this.envIn;
  }

  /** A register holding the Env of `scope` (in this or an enclosing function). */
  protected envFor(scope: Scope): number {
    if (scope.fn === this.fn) {
      if (scope.envReg < 0) throw new Error(`internal: Env of a ${scope.kind} scope used before it exists`);
      return scope.envReg;
    }
    let hops = 0;
    let s = this.fn.scope.parent;
    for (; s && s !== scope; s = s.parent) if (s.needsEnv) hops++;
    if (!s) throw new Error(`binding scope not found for env access`);
    let r = this.envIn;
    if (hops > 0) {
      const t = this.alloc();
      for (let i = 0; i < hops; i++) {
        this.em.emit('EnvParent', t, r);
        r = t;
      }
    }
    return r;
  }

  protected needsTdz(b: Binding, at: ts.Node): boolean {
    if (b.kind === 'param') return b.captured && b.scope.fn !== this.fn && this.inParameterList(b.scope.fn);
    if (!(b.kind === 'let' || b.kind === 'const' || b.kind === 'class' || b.kind === 'classname')) return false;
    return !(b.scope.fn === this.fn && at.pos >= b.declEnd && b.scope.kind !== 'switch');
  }

  /** `this` of a derived class constructor: the hole until super() returns. */
  protected isDerivedThis(b: Binding): boolean {
    if (b.kind !== 'this' || b.scope.fn.kind !== 'ctor') return false;
    return this.m.classInfo.get(b.scope.fn.node.parent)?.derived === true;
  }

  protected checkThis(b: Binding, r: number): void {
    if (this.isDerivedThis(b)) this.em.emit('CheckHoleError', r, REFERENCE_ERROR, this.k(SUPER_NOT_CALLED));
  }

  /** Is this function nested in the parameter list of `outer` (where its parameters may be uninitialised)? */
  protected inParameterList(outer: FnInfo): boolean {
    let f: FnInfo = this.fn;
    while (f.parent && f.parent !== outer) f = f.parent;
    if (f.parent !== outer || !isFunctionLike(outer.node)) return false;
    const params = outer.node.parameters;
    return f.node.pos >= params.pos && f.node.end <= params.end;
  }

  /** A parameter read or assigned by the parameter list before it is initialised. */
  protected pendingParam(b: Binding): boolean {
    if (!this.pendingParams.has(b)) return false;
    this.em.emit('ThrowError', REFERENCE_ERROR, this.k(`Cannot access '${b.name}' before initialization`));
    return true;
  }

  protected loadBinding(b: Binding, at: ts.Node, d?: number): number {
    if (this.pendingParam(b)) return d ?? this.alloc();
    if (b.kind === 'this' && b.scope.fn === this.fn && this.thisReg >= 0) return this.to(d, this.thisReg);
    if (b.kind === 'this' || b.kind === 'newtarget') {
      if (b.scope.fn === this.fn || !b.captured) {
        const r = d ?? this.alloc();
        this.em.emit(b.kind === 'this' ? 'LoadThis' : 'LoadNewTarget', r);
        this.checkThis(b, r);
        return r;
      }
    }
    let r: number;
    if (b.captured) {
      r = d ?? this.alloc();
      const mark = this.top;
      const env = this.envFor(b.scope);
      this.envLoad(r, env, b.slot);
      this.top = Math.max(mark, r + 1);
      if (d !== undefined) this.top = mark;
    } else {
      r = this.to(d, b.reg);
    }
    if (this.needsTdz(b, at)) this.em.emit('CheckHole', r, this.k(b.name));
    this.checkThis(b, r);
    return r;
  }

  /**
   * The register of a binding that code here may read and write directly: a variable of
   * this function that lives in a register (not captured), is assignable and needs no TDZ
   * check at `at`. Otherwise -1.
   */
  protected plainLocal(b: Binding | undefined, at: ts.Node, init = false): number {
    if (!b || b.captured || b.reg < 0 || b.scope.fn !== this.fn || this.pendingParams.has(b)) return -1;
    if (!init && !['var', 'let', 'param', 'function', 'catch', 'class'].includes(b.kind)) return -1;
    if (!init && this.needsTdz(b, at)) return -1;
    return b.reg;
  }

  protected storeBinding(b: Binding, v: number, init: boolean, at: ts.Node): void {
    if (init) this.pendingParams.delete(b);
    else if (this.pendingParam(b)) return;
    if (!init) {
      if (b.kind === 'const' || b.kind === 'classname' || b.kind === 'funcname') {
        if (this.needsTdz(b, at)) this.withTemps(() => this.loadBinding(b, at));
        this.em.emit('ThrowError', TYPE_ERROR, this.k('Assignment to constant variable.'));
        return;
      }
      if (this.needsTdz(b, at)) this.withTemps(() => this.loadBinding(b, at));
    }
    if (b.captured) {
      this.withTemps(() => this.envStore(this.envFor(b.scope), b.slot, v));
    } else if (b.reg !== v) {
      this.em.emit('Move', b.reg, v);
    }
  }

  protected globalObject(): number {
    const g = this.alloc();
    this.em.emit('CallNative', g, this.nativeId('globalObject'), g, 0);
    return g;
  }

  protected nativeId(name: string): number {
    const i = NATIVES.findIndex((n) => n.name === name);
    if (i < 0) throw new Error(`no native ${name}`);
    return i;
  }

  protected identifier(n: ts.Identifier, d?: number): number {
    const name = n.text;
    const b = this.scope.lookup(name);
    if (b) return this.loadBinding(b, n, d);
    if (name === 'undefined' && d === undefined && this.undefReg >= 0) return this.undefReg;
    const r = d ?? this.alloc();
    if (name === 'undefined') this.em.emit('LoadUndefined', r);
    else if (name === 'NaN') this.loadNumber(r, NaN);
    else if (name === 'Infinity') this.loadNumber(r, Infinity);
    else if (name === 'arguments') this.unsupported(n, "'arguments'");
    else if (name === 'eval') this.unsupported(n, 'eval');
    else if (name === '__native') this.unsupported(n, '__native outside a call __native.name(...)');
    else {
      this.mark(n);
      this.em.emit('GetGlobal', r, this.k(name), this.em.ic());
    }
    return r;
  }

  // ---- implemented by the later parts ------------------------------------------------

  protected abstract bodyConstants(body: ts.Block): void;
  protected abstract closure(n: ts.FunctionLikeDeclaration, nameHint?: string, d?: number): number;
  protected abstract parameters(params: readonly ts.ParameterDeclaration[]): void;
  protected abstract statements(stmts: readonly ts.Statement[]): void;
  protected abstract bindName(name: ts.BindingName, v: number, mode: DeclMode, src?: DestructSrc): void;
  protected abstract assignTo(target: ts.Expression, v: number, src?: DestructSrc): void;
  protected abstract guardIteration(v: number, text: string | undefined, kind: number, emit: () => void): void;
  abstract expr(n: ts.Expression, d?: number, nameHint?: string): number;
  protected abstract branch(n: ts.Expression, target: Label, when: boolean): void;
  protected abstract effect(n: ts.Expression): void;
  protected abstract writesLast(e: ts.Expression): boolean;
  protected abstract prepareRef(target: ts.Expression, later?: readonly (ts.Node | undefined)[]): Ref;
  protected abstract putRef(ref: Ref, v: number): void;
  protected abstract classExpr(n: ts.ClassLikeDeclaration, nameHint?: string): number;
}
