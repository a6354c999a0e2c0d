// FnCompiler, part 2 (see codegen.ts): closures, the prologue and parameters, function
// bodies, generators and async functions, return.

import ts from 'typescript';
import { FunctionFlag, Intrinsic, OPCODES, OPERAND_SIZE, Op } from '../bytecode/index.ts';
import { Label } from './emitter.ts';
import { boundNames } from './scope.ts';
import {
  K, AG, usesSuperProperty, thisUses, hasModifier, isAnonymousFunction, functionLength, propertyNameText,
} from './codegen-support.ts';
import { FnCore } from './fn-core.ts';

/** FnCompiler, part 2: closures, prologue and parameters, function bodies, generators and
 * async functions, return. */
export abstract class FnFunctions extends FnCore {

  // ---- functions ---------------------------------------------------------------------

  topLevel(): void {
    const sf = this.m.sf;
    this.envIn = this.alloc();
    this.em.emit('LoadUndefined', this.envIn);
    this.curEnv = this.envIn;
    this.reserveUndefined();
    if (this.m.baseEntry >= 0) {
      // The base module (the prelude) runs first, before anything here makes an object.
      this.withTemps(() => {
        const f = this.alloc();
        this.em.emit('Closure', f, this.m.baseEntry, this.envIn);
        this.em.emit('Call', f, f, this.undefinedValue(), f, 0);
      });
    }
    this.enterFunctionScope(sf.statements, []);
    this.hoistFunctions(sf.statements);
    this.statements(sf.statements);
    // The event loop (microtasks, timers) runs once the top level is done, if the runtime
    // registered one (docs/bytecode.md, "Async functions").
    const r = this.undefinedValue();
    if (this.m.eventLoop) this.withTemps(() => {
      const f = this.alloc(), none = this.em.label();
      this.em.emit('LoadIntrinsic', f, Intrinsic.RunEventLoop);
      this.em.emit('JumpIfNullish', f, none);
      this.em.emit('Call', f, f, r, f, 0);
      this.em.bind(none);
    });
    this.em.emit('Return', r);
  }

  /** Compiles a nested function and emits Closure for it. */
  protected closure(n: ts.FunctionLikeDeclaration, nameHint?: string, d?: number): number {
    const idx = this.nestedFunction(n, nameHint);
    const r = d ?? this.alloc();
    this.em.emit('Closure', r, idx, this.curEnv);
    // A generator function's own `prototype` (docs/bytecode.md, "Generators").
    if (n.asteriskToken) this.callIntrinsic(Intrinsic.GeneratorFunctionInit, [r]);
    // An arrow's super is its enclosing method's.
    if (ts.isArrowFunction(n) && usesSuperProperty(n)) {
      this.withTemps(() => {
        const h = this.alloc();
        this.em.emit('LoadHome', h);
        this.em.emit('SetHome', r, h);
      });
    }
    return r;
  }

  /** The name closure() gives the function of n. */
  protected nestedFunctionName(n: ts.FunctionLikeDeclaration, nameHint?: string): string | undefined {
    let name = n.name && ts.isIdentifier(n.name) ? this.m.originalName(n.name)
      : n.name && !ts.isComputedPropertyName(n.name) ? propertyNameText(n.name) : nameHint;
    if (ts.isGetAccessorDeclaration(n)) name = `get ${name ?? ''}`;
    if (ts.isSetAccessorDeclaration(n)) name = `set ${name ?? ''}`;
    return name;
  }

  /** Compiles a nested function (into the reserved index `at`, if given); returns its index. */
  protected nestedFunction(n: ts.FunctionLikeDeclaration, nameHint?: string, at?: number): number {
    const info = this.analysis.fns.get(n);
    if (!info) throw new Error('function without scope info');
    const name = this.nestedFunctionName(n, nameHint);
    let flags = 0;
    if (ts.isArrowFunction(n)) flags |= FunctionFlag.Arrow;
    if (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) flags |= FunctionFlag.Method;
    if (hasModifier(n, K.AsyncKeyword)) flags |= FunctionFlag.Async;
    if (n.asteriskToken) flags |= FunctionFlag.Generator;
    const params = n.parameters.filter((p) => !p.dotDotDotToken).length;
    return this.m.compileFunction(info, name, flags, n, (c) => c.functionBody(n), params, functionLength(n.parameters), at);
  }

  /**
   * The function's first instruction loads the environment it closed over (LoadFunctionEnv,
   * or LoadUndefined at top level) into envIn. When no instruction reads that register, it
   * is left out: jumps are relative, so only the source map moves.
   */
  dropUnusedEnv(): void {
    const code = this.em.bytes;
    if (this.envIn < 0 || code.length < 2 || code[1] !== this.envIn) return;
    if (code[0] !== Op.LoadFunctionEnv && code[0] !== Op.LoadUndefined) return;
    for (let pc = 2; pc < code.length;) {
      const info = OPCODES[code[pc]];
      let p = pc + 1;
      for (const k of info.operands) {
        if (k === 'reg' && code[p] === this.envIn) return;
        p += OPERAND_SIZE[k];
      }
      pc = p;
    }
    this.em.dropFirst(2);
  }

  protected prologue(): void {
    this.envIn = this.alloc();
    this.em.emit('LoadFunctionEnv', this.envIn);
    this.curEnv = this.envIn;
    this.reserveUndefined();
    this.reserveThis();
  }

  /**
   * A function that reads its own `this` more than once loads it into thisReg once at
   * entry. Not in derived constructors (this changes at super()), arrows (this is the
   * enclosing function's) or the top level.
   */
  protected reserveThis(): void {
    const k = this.fn.kind;
    if (!(k === 'normal' || k === 'method' || k === 'getter' || k === 'setter' || k === 'ctor')) return;
    const b = this.fn.scope.bindings.get('this');
    if (!b || this.isDerivedThis(b)) return;
    let uses = thisUses(this.fn.node);
    if (k === 'ctor' && this.m.classInfo.get(this.fn.node.parent)?.hasInit) uses++;
    if (uses < 2) return;
    this.thisReg = this.alloc();
    this.em.emit('LoadThis', this.thisReg);
  }

  /** Function scope entry: Env, `this`/new.target/callee bindings captured by inner functions. */
  protected enterFunctionScope(statements: readonly ts.Statement[], params: readonly ts.ParameterDeclaration[]): void {
    const fs = this.fn.scope;
    // Simple parameters not captured live in their argument registers.
    params.forEach((p, i) => {
      if (!p.dotDotDotToken && ts.isIdentifier(p.name)) {
        const b = fs.bindings.get(p.name.text)!;
        if (!b.captured && b.reg < 0) {
          b.reg = i;
          this.locals.add(i);
        }
      }
    });
    this.enterScope(fs, []);
    for (const b of fs.bindings.values()) {
      if (!b.captured) continue;
      if (b.kind === 'this' || b.kind === 'newtarget') {
        this.withTemps(() => {
          const t = this.alloc();
          this.em.emit(b.kind === 'this' ? 'LoadThis' : 'LoadNewTarget', t);
          this.envStore(fs.envReg, b.slot, t);
        });
      }
    }
    const fb = [...fs.bindings.values()].find((b) => b.kind === 'funcname');
    if (fb) {
      this.withTemps(() => {
        const t = this.alloc();
        this.em.emit('LoadCallee', t);
        this.storeBinding(fb, t, true, this.fn.node);
      });
    }
    void statements;
  }

  protected parameters(params: readonly ts.ParameterDeclaration[]): void {
    const names = params.map((p) => boundNames(p.name).map((id) => this.fn.scope.bindings.get(id.text)!));
    for (const bs of names) for (const b of bs) this.pendingParams.add(b);
    params.forEach((p, i) => {
      this.mark(p);
      this.withTemps(() => {
        if (p.dotDotDotToken) {
          const b = ts.isIdentifier(p.name) ? this.fn.scope.bindings.get(p.name.text) : undefined;
          if (b && !b.captured && b.reg >= 0) {
            this.em.emit('LoadRestArgs', b.reg, i);
            return;
          }
          const r = this.alloc();
          this.em.emit('LoadRestArgs', r, i);
          this.bindName(p.name, r, 'param');
          return;
        }
        if (p.initializer) this.applyDefault(i, p.initializer, ts.isIdentifier(p.name) ? p.name.text : undefined);
        if (ts.isIdentifier(p.name)) {
          const b = this.fn.scope.bindings.get(p.name.text)!;
          if (b.captured || b.reg !== i) this.storeBinding(b, i, true, p);
        } else {
          this.bindName(p.name, i, 'param', { param: true });
        }
      });
      for (const b of names[i]) this.pendingParams.delete(b);
    });
  }

  /** v = v === undefined ? init : v (v a register this code owns). */
  protected applyDefault(v: number, init: ts.Expression, nameHint?: string): void {
    this.withTemps(() => {
      const u = this.undef();
      const skip = this.em.label();
      this.em.emit('JumpIfStrictNe', v, u, skip);
      this.expr(init, v, isAnonymousFunction(init) ? nameHint : undefined);
      this.em.bind(skip);
    });
  }

  functionBody(n: ts.FunctionLikeDeclaration): void {
    const conflict = this.analysis.paramScopeConflicts.get(n);
    if (conflict) {
      this.unsupported(conflict, `a parameter default that refers to '${conflict.text}' (which the function body declares; defaults cannot see the body)`);
    }
    this.prologue();
    const body = n.body;
    const stmts = body && ts.isBlock(body) ? body.statements : [];
    const asyncGen = n.asteriskToken !== undefined && hasModifier(n, K.AsyncKeyword);
    const rejectL = hasModifier(n, K.AsyncKeyword) && !asyncGen ? this.asyncStart() : undefined;
    this.enterFunctionScope(stmts, n.parameters);
    if (ts.isConstructorDeclaration(n)) {
      const cls = n.parent;
      const info = this.m.classInfo.get(cls)!;
      if (!info.derived) this.callFieldInit(cls);
    }
    this.parameters(n.parameters);
    this.hoistFunctions(stmts);
    if (n.asteriskToken) this.generatorStart();
    const finishL = asyncGen ? this.asyncGeneratorStart() : undefined;
    if (!body) this.unsupported(n, 'function without a body');
    if (ts.isBlock(body)) {
      this.bodyConstants(body);
      this.statements(body.statements);
      // falling off the end returns undefined; no code for it when the end is unreachable
      // (the body ends with a return, a throw or an endless loop)
      if (this.em.reachable) {
        if (finishL) this.asyncGeneratorFinish(this.undefinedValue());
        else this.emitReturn(this.undefinedValue());
      }
    } else {
      this.mark(body);
      const r = this.withTemps(() => {
        const t = this.alloc();
        this.expr(body, t);
        return t;
      });
      this.emitReturn(r);
    }
    if (rejectL) this.asyncReject(rejectL);
    if (finishL) {
      // the body's exceptions (and the signal of return()) complete the generator
      this.em.bind(finishL);
      this.em.emit('TryLeave', this.asyncGenSave);
      this.withTemps(() => {
        const e = this.alloc(), op = this.alloc();
        this.em.emit('LoadException', e);
        this.em.emit('LoadInt', op, AG.FinishThrow);
        this.callIntrinsic(Intrinsic.AsyncGeneratorOp, [this.genReg, op, e]);
      });
      this.em.emit('Return', this.genReg);
    }
  }

  /**
   * Async generator entry, after the generator's start park: its body runs under a handler
   * whose exceptions complete it; `await` parks with the generator object as the "promise"
   * (whoever resumed the frame ignores it: the frame settles its requests itself).
   */
  protected asyncGeneratorStart(): Label {
    this.asyncPromise = this.genReg;
    this.asyncGenSave = this.alloc();
    const handler = this.em.label();
    this.em.emit('TryEnter', this.asyncGenSave, handler);
    return handler;
  }

  /** The body of an async generator is done with value r: the head request settles with { value: r, done: true }. */
  protected asyncGeneratorFinish(r: number): void {
    this.em.emit('TryLeave', this.asyncGenSave);
    this.withTemps(() => {
      const op = this.alloc();
      this.em.emit('LoadInt', op, AG.Finish);
      this.callIntrinsic(Intrinsic.AsyncGeneratorOp, [this.genReg, op, r]);
    });
    this.em.emit('Return', this.genReg);
  }

  /** AsyncGeneratorOp(gen, op, value) into d (a temporary when absent); gen undefined for the for-await ops. */
  protected agOp(op: number, value: number, d?: number): void {
    this.withTemps(() => {
      const o = this.alloc();
      this.em.emit('LoadInt', o, op);
      this.callIntrinsic(Intrinsic.AsyncGeneratorOp, [this.genReg >= 0 ? this.genReg : this.undef(), o, value], d);
    });
  }

  /**
   * Async function entry (docs/bytecode.md, "Async functions"): the result promise goes to a
   * register of its own and everything after it (parameters included) runs under a handler
   * that rejects the promise. Returns that handler's label.
   */
  protected asyncStart(): Label {
    const p = this.alloc();
    this.asyncPromise = p;
    this.withTemps(() => {
      const f = this.alloc();
      this.em.emit('LoadIntrinsic', f, Intrinsic.AsyncFunctionStart);
      this.em.emit('Call', p, f, f, f, 0);
    });
    this.asyncSave = this.alloc();
    const handler = this.em.label();
    this.em.emit('TryEnter', this.asyncSave, handler);
    return handler;
  }

  /**
   * Generator entry, once the parameters are bound (docs/bytecode.md, "Generators"): the
   * generator object goes to a register of its own, then the frame parks, handing it to the
   * caller; the first next() continues after the park.
   */
  protected generatorStart(): void {
    const g = this.alloc();
    this.genReg = g;
    this.withTemps(() => {
      const f = this.alloc(), c = this.alloc();
      this.em.emit('LoadIntrinsic', f, Intrinsic.GeneratorStart);
      this.em.emit('LoadCallee', c);
      this.em.emit('Call', g, f, f, c, 1);
      this.em.emit('Await', f, g, g);
    });
  }

  /** Calls intrinsic id with the registers args (copied to consecutive temporaries) into dst (a temporary when absent). */
  protected callIntrinsic(id: number, args: number[], dst?: number): void {
    this.withTemps(() => {
      const f = this.alloc();
      const regs = args.map(() => this.alloc());
      args.forEach((a, i) => this.em.emit('Move', regs[i], a));
      this.em.emit('LoadIntrinsic', f, id);
      this.em.emit('Call', dst ?? f, f, f, regs.length ? regs[0] : f, regs.length);
    });
  }

  /** `yield v` (delegate false) or `yield* v` into d. */
  protected yieldExpr(n: ts.YieldExpression, d?: number): number {
    if (this.genReg < 0) return this.unsupported(n, 'yield outside a generator function');
    const g = this.genReg;
    const r = d ?? this.alloc();
    if (this.asyncGenSave >= 0) {
      if (n.asteriskToken) return this.asyncYieldStar(n, r);
      this.withTemps(() => {
        const v = this.alloc(), k = this.alloc();
        if (n.expression) this.expr(n.expression, v);
        else this.em.emit('LoadUndefined', v);
        this.mark(n);
        this.em.emit('Await', v, v, g);
        this.agOp(AG.Yield, v, k);
        const resumed = this.em.label(), done = this.em.label();
        this.em.emit('JumpIfFalse', k, resumed);
        this.em.emit('Await', k, g, g);
        this.em.bind(resumed);
        this.agOp(AG.Resumption, v, r);
        // return(x): await x, then leave through the finally blocks with the signal
        const sig = this.alloc();
        this.em.emit('LoadIntrinsic', sig, Intrinsic.GeneratorReturnSignal);
        this.em.emit('JumpIfStrictNe', r, sig, done);
        this.agOp(AG.ReturnValue, v, k);
        this.em.emit('Await', k, k, g);
        this.agOp(AG.SetReturn, k);
        this.em.emit('Throw', sig);
        this.em.bind(done);
      });
      return r;
    }
    if (!n.asteriskToken) {
      this.withTemps(() => {
        const v = this.alloc();
        if (n.expression) this.expr(n.expression, v);
        else this.em.emit('LoadUndefined', v);
        this.mark(n);
        this.callIntrinsic(Intrinsic.GeneratorYield, [g, v]);
        this.em.emit('Await', r, g, g);
      });
      return r;
    }
    // yield*: GeneratorDelegateStep passes what the generator receives to the inner iterator
    // until it is done; a throw() or return() resuming the park arrives as an exception.
    this.withTemps(() => {
      const rec = this.alloc(), recv = this.alloc(), mode = this.alloc(), save = this.alloc(), t = this.alloc();
      const v = this.alloc();
      this.expr(n.expression!, v);
      this.mark(n);
      this.callIntrinsic(Intrinsic.GetIterator, [v], rec);
      this.em.emit('LoadUndefined', recv);
      this.em.emit('LoadInt', mode, 0);
      const loop = this.em.label(), handler = this.em.label(), done = this.em.label();
      this.em.bind(loop);
      this.callIntrinsic(Intrinsic.GeneratorDelegateStep, [g, rec, recv, mode], t);
      this.em.emit('JumpIfFalse', t, done);
      this.em.emit('TryEnter', save, handler);
      this.em.emit('Await', recv, g, g);
      this.em.emit('TryLeave', save);
      this.em.emit('LoadInt', mode, 0);
      this.em.emit('Jump', loop);
      this.em.bind(handler);
      this.em.emit('TryLeave', save);
      this.em.emit('LoadException', recv);
      this.em.emit('LoadInt', mode, 1);
      this.em.emit('Jump', loop);
      this.em.bind(done);
      this.em.emit('LoadInt', mode, 2);
      this.callIntrinsic(Intrinsic.GeneratorDelegateStep, [g, rec, recv, mode], r);
    });
    return r;
  }

  /**
   * yield* in an async generator: the inner async iterator's results are awaited and their
   * values yielded as they are; next/throw/return requests are passed on (AsyncGeneratorOp's
   * Delegate* ops keep the iterator and the resumption mode).
   */
  protected asyncYieldStar(n: ts.YieldExpression, r: number): number {
    const g = this.genReg;
    this.withTemps(() => {
      const rec = this.alloc(), recv = this.alloc(), p = this.alloc(), sig = this.alloc(), t = this.alloc();
      const v = this.expr(n.expression!);
      this.mark(n);
      this.agOp(AG.GetAsyncIterator, v, rec);
      this.agOp(AG.DelegateStart, rec);
      this.em.emit('LoadUndefined', recv);
      this.em.emit('LoadIntrinsic', sig, Intrinsic.GeneratorReturnSignal);
      const loop = this.em.label(), call = this.em.label(), yieldL = this.em.label(), doneL = this.em.label(), resumed = this.em.label();
      const returnWith = (x: number): void => {
        // return(x) completes: await x, then leave through the finally blocks with the signal
        this.em.emit('Await', t, x, g);
        this.agOp(AG.SetReturn, t);
        this.em.emit('Throw', sig);
      };
      this.em.bind(loop);
      this.agOp(AG.DelegateCall, recv, p);
      this.em.emit('JumpIfStrictNe', p, sig, call);
      returnWith(recv);
      this.em.bind(call);
      this.em.emit('Await', p, p, g);
      this.agOp(AG.DelegateResult, p, t);
      this.em.emit('JumpIfEqInt', t, 0, yieldL);
      this.em.emit('JumpIfEqInt', t, 1, doneL);
      this.agOp(AG.DelegateValue, t, p);
      returnWith(p);
      this.em.bind(yieldL);
      this.agOp(AG.DelegateValue, t, p);
      this.agOp(AG.Yield, p, t);
      this.em.emit('JumpIfFalse', t, resumed);
      this.em.emit('Await', t, g, g);
      this.em.bind(resumed);
      this.agOp(AG.DelegateResumed, t, recv);
      this.em.emit('Jump', loop);
      this.em.bind(doneL);
      this.agOp(AG.DelegateValue, t, r);
    });
    return r;
  }

  /** In a generator, a catch clause first rethrows the signal of return() untouched, so that only finally blocks see it. */
  protected rethrowGeneratorReturn(e: number): void {
    if (this.genReg < 0) return;
    this.withTemps(() => {
      const t = this.alloc(), ok = this.em.label();
      this.em.emit('LoadIntrinsic', t, Intrinsic.GeneratorReturnSignal);
      this.em.emit('JumpIfStrictNe', e, t, ok);
      this.em.emit('Throw', e);
      this.em.bind(ok);
    });
  }

  /** The handler around an async function's body: an exception rejects its promise. */
  protected asyncReject(handler: Label): void {
    this.em.bind(handler);
    this.em.emit('TryLeave', this.asyncSave);
    this.withTemps(() => {
      const f = this.alloc(), p = this.alloc(), e = this.alloc();
      this.em.emit('LoadException', e);
      this.em.emit('Move', p, this.asyncPromise);
      this.em.emit('LoadIntrinsic', f, Intrinsic.AsyncFunctionReject);
      this.em.emit('Call', f, f, f, p, 2);
    });
    this.em.emit('Return', this.asyncPromise);
  }

  /** Returns r from the function: an async function resolves its promise with r and returns the promise. */
  protected emitReturn(r: number): void {
    if (this.asyncGenSave >= 0) {
      // `return v` in an async generator awaits v
      this.withTemps(() => {
        const v = this.alloc();
        this.em.emit('Await', v, r, this.genReg);
        this.asyncGeneratorFinish(v);
      });
      return;
    }
    if (this.asyncPromise < 0) {
      this.em.emit('Return', r);
      return;
    }
    this.withTemps(() => {
      const f = this.alloc(), p = this.alloc(), v = this.alloc();
      this.em.emit('Move', v, r);
      this.em.emit('Move', p, this.asyncPromise);
      this.em.emit('LoadIntrinsic', f, Intrinsic.AsyncFunctionResolve);
      this.em.emit('Call', f, f, f, p, 2);
    });
    this.em.emit('Return', this.asyncPromise);
  }

  /** In a constructor, after `this` exists: run the class's instance field initialisers. */
  protected callFieldInit(cls: ts.Node): void {
    const info = this.m.classInfo.get(cls);
    if (!info?.hasInit) return;
    this.withTemps(() => {
      const cs = this.analysis.scopes.get(cls)!;
      const f = this.loadBinding(cs.bindings.get('%init')!, cls);
      const t = this.alloc();
      if (this.thisReg >= 0) {
        this.em.emit('Call', t, f, this.thisReg, t, 0);
      } else {
        this.em.emit('LoadThis', t);
        this.em.emit('Call', t, f, t, t, 0);
      }
    });
  }
}
