// FnCompiler, part 3 (see codegen.ts): statements: blocks, loops and labels, break/continue
// through finally blocks, try/catch, for-in/of, switch, variable declarations.

import ts from 'typescript';
import { Label } from './emitter.ts';
import { Scope } from './scope.ts';
import {
  K, type Ctl, type JumpAct, AG, notIterableText, type DeclMode, loopConstants, isTrueLiteral, int32Literal, skipParens,
  isAnonymousFunction,
} from './codegen-support.ts';
import { FnFunctions } from './fn-functions.ts';

/** FnCompiler, part 3: statements: blocks, loops, jumps, try, switch, declarations. */
export abstract class FnStatements extends FnFunctions {

  // ---- statements --------------------------------------------------------------------

  protected statements(stmts: readonly ts.Statement[]): void {
    for (const s of stmts) this.withTemps(() => this.statement(s));
  }

  protected block(stmts: readonly ts.Statement[], node: ts.Node): void {
    const scope = this.analysis.scopes.get(node);
    const outer = this.scope;
    const mark = this.top;
    if (scope && scope !== outer) this.enterScope(scope, stmts);
    this.statements(stmts);
    if (scope && scope !== outer) this.exitScope(scope, outer);
    this.top = mark;
  }

  protected statement(s: ts.Statement, labels: string[] = []): void {
    if (ts.isIterationStatement(s, false)) return this.loop(s, () => this.statementNow(s, labels));
    this.statementNow(s, labels);
  }

  /**
   * A loop. The constants its operators read are loaded into registers once, before the
   * outermost loop of a nest, instead of at every use.
   */
  protected loop(n: ts.IterationStatement, compile: () => void): void {
    const added: string[] = [];
    const mark = this.top;
    if (this.loopDepth === 0 && this.top < 192) {
      for (const [key, v] of loopConstants(n)) {
        if (this.constRegs.has(key)) continue; // the function's own (bodyConstants)
        const r = this.alloc();
        if (typeof v === 'number') this.loadNumber(r, v);
        else this.loadString(r, v);
        this.constRegs.set(key, r);
        added.push(key);
      }
    }
    this.loopDepth++;
    try {
      compile();
    } finally {
      this.loopDepth--;
      for (const k of added) this.constRegs.delete(k);
      this.top = mark;
    }
  }

  /**
   * A function body's constants read as operands twice or more (as loop() finds them) are
   * loaded into registers once, at entry, for the whole body: straight-line code such as
   * `t[3] = a; t[4] = b; ... t[3]` then loads each index once. Registers stay reserved for
   * the body.
   */
  protected bodyConstants(body: ts.Block): void {
    if (this.top >= 192) return;
    for (const [key, v] of loopConstants(body, 2)) {
      if (this.constRegs.has(key)) continue;
      const r = this.alloc();
      if (typeof v === 'number') this.loadNumber(r, v);
      else this.loadString(r, v);
      this.constRegs.set(key, r);
    }
  }

  protected statementNow(s: ts.Statement, labels: string[]): void {
    this.mark(s);
    switch (s.kind) {
      case K.Block:
        if (labels.length) return this.labeled(labels, () => this.block((s as ts.Block).statements, s));
        return this.block((s as ts.Block).statements, s);
      case K.EmptyStatement:
        return;
      case K.ExpressionStatement:
        this.effect((s as ts.ExpressionStatement).expression);
        return;
      case K.VariableStatement:
        return this.variableList((s as ts.VariableStatement).declarationList);
      case K.FunctionDeclaration: {
        const f = s as ts.FunctionDeclaration;
        return; // hoisted
      }
      case K.ClassDeclaration: {
        const c = s as ts.ClassDeclaration;
        const r = this.classExpr(c);
        if (c.name) this.storeBinding(this.scope.lookup(c.name.text)!, r, true, c);
        return;
      }
      case K.IfStatement: {
        const n = s as ts.IfStatement;
        const jump = n.elseStatement || labels.length ? undefined : this.plainJump(n.thenStatement);
        if (jump) {
          // if (c) break; / if (c) continue;
          this.branch(n.expression, jump, true);
          return;
        }
        const elseL = this.em.label(), end = this.em.label();
        this.branch(n.expression, elseL, false);
        const body = () => {
          this.withTemps(() => this.statement(n.thenStatement));
          if (n.elseStatement) this.em.emit('Jump', end);
          this.em.bind(elseL);
          if (n.elseStatement) this.withTemps(() => this.statement(n.elseStatement!));
          this.em.bind(end);
        };
        if (labels.length) return this.labeled(labels, body);
        return body();
      }
      case K.WhileStatement: {
        // The test is at the bottom: one jump per iteration.
        const n = s as ts.WhileStatement;
        const top = this.em.label(), end = this.em.label(), cont = this.em.label();
        const always = isTrueLiteral(n.expression);
        if (!always) this.em.emit('Jump', cont);
        this.em.bind(top);
        this.loopBody(n.statement, { k: 'loop', labels, brk: end, cont });
        this.em.bind(cont);
        this.mark(n.expression);
        if (always) this.em.emit('Jump', top);
        else this.branch(n.expression, top, true);
        this.em.bind(end);
        return;
      }
      case K.DoStatement: {
        const n = s as ts.DoStatement;
        const loop = this.em.label(), end = this.em.label(), cont = this.em.label();
        this.em.bind(loop);
        this.loopBody(n.statement, { k: 'loop', labels, brk: end, cont });
        this.em.bind(cont);
        this.mark(n.expression);
        this.branch(n.expression, loop, true);
        this.em.bind(end);
        return;
      }
      case K.ForStatement:
        return this.forStatement(s as ts.ForStatement, labels);
      case K.ForOfStatement:
        return this.forOf(s as ts.ForOfStatement, labels);
      case K.ForInStatement:
        return this.forIn(s as ts.ForInStatement, labels);
      case K.SwitchStatement:
        return this.switchStatement(s as ts.SwitchStatement, labels);
      case K.LabeledStatement: {
        const n = s as ts.LabeledStatement;
        if (ts.isFunctionDeclaration(n.statement)) this.unsupported(n, 'labeled function declaration');
        return this.statement(n.statement, [...labels, n.label.text]);
      }
      case K.BreakStatement:
      case K.ContinueStatement: {
        const n = s as ts.BreakStatement | ts.ContinueStatement;
        const isBreak = s.kind === K.BreakStatement;
        return this.jumpOut({ type: isBreak ? 'break' : 'continue', target: this.jumpTarget(n) });
      }
      case K.ReturnStatement: {
        const n = s as ts.ReturnStatement;
        if (this.fn.kind === 'top') this.unsupported(n, 'top-level return');
        if (!n.expression) return this.jumpOut({ type: 'return', reg: this.undefinedValue() });
        return this.returnValue(n.expression);
      }
      case K.ThrowStatement: {
        const r = this.expr((s as ts.ThrowStatement).expression);
        this.mark(s);
        this.em.emit('Throw', r);
        return;
      }
      case K.TryStatement:
        if (labels.length) return this.labeled(labels, () => this.tryStatement(s as ts.TryStatement));
        return this.tryStatement(s as ts.TryStatement);
      case K.ExportDeclaration: {
        const e = s as ts.ExportDeclaration;
        if (e.moduleSpecifier) this.unsupported(s, 're-export');
        return; // `export { x }` of the entry module: no effect on the program
      }
      default:
        this.unsupported(s);
    }
  }

  /** return e; `return c ? a : b` returns from each branch. */
  protected returnValue(e: ts.Expression): void {
    const c = skipParens(e);
    if (ts.isConditionalExpression(c)) {
      const elseL = this.em.label();
      this.branch(c.condition, elseL, false);
      this.withTemps(() => this.returnValue(c.whenTrue));
      this.em.bind(elseL);
      this.withTemps(() => this.returnValue(c.whenFalse));
      return;
    }
    this.jumpOut({ type: 'return', reg: this.expr(e) });
  }

  /** The loop or block a break/continue leaves. */
  protected jumpTarget(n: ts.BreakStatement | ts.ContinueStatement): Ctl {
    const isBreak = n.kind === K.BreakStatement;
    const label = n.label?.text;
    let target: Ctl | undefined;
    for (let i = this.ctl.length - 1; i >= 0 && !target; i--) {
      const c = this.ctl[i];
      if (c.k !== 'loop' && c.k !== 'block') continue;
      if (label !== undefined) {
        if (c.labels.includes(label)) target = c;
      } else if (c.k === 'loop' || (isBreak && c.isSwitch)) {
        target = c;
      }
    }
    if (!target || (!isBreak && target.k !== 'loop')) this.unsupported(n, 'this break/continue target');
    return target;
  }

  /** The label a break/continue statement jumps to when that is all it does (no finally,
   *  no iterator to close on the way), else undefined. */
  protected plainJump(s: ts.Statement): Label | undefined {
    while (ts.isBlock(s) && s.statements.length === 1) s = s.statements[0];
    if (!ts.isBreakStatement(s) && !ts.isContinueStatement(s)) return undefined;
    const target = this.jumpTarget(s);
    for (let i = this.ctl.length - 1; i >= 0; i--) {
      const e = this.ctl[i];
      if (e === target) {
        if (ts.isContinueStatement(s)) return (e as { cont: Label }).cont;
        return e.k === 'loop' && e.forof ? undefined : (e as { brk: Label }).brk;
      }
      if (e.k === 'try' || e.k === 'finally' || (e.k === 'loop' && e.forof)) return undefined;
    }
    return undefined;
  }

  protected labeled(labels: string[], body: () => void): void {
    const brk = this.em.label();
    this.ctl.push({ k: 'block', labels, brk, isSwitch: false });
    body();
    this.ctl.pop();
    this.em.bind(brk);
  }

  protected loopBody(body: ts.Statement, c: Ctl): void {
    this.ctl.push(c);
    this.withTemps(() => this.statement(body));
    this.ctl.pop();
  }

  /** Leaves enclosing try/finally/for..of regions on the way to a break/continue/return. */
  protected jumpOut(act: JumpAct): void {
    for (let i = this.ctl.length - 1; i >= 0; i--) {
      const e = this.ctl[i];
      if (act.type !== 'return' && e === act.target) {
        if (act.type === 'break') {
          if (e.k === 'loop' && e.forof) this.closeIterator(e.forof);
          this.em.emit('Jump', (e as { brk: Label }).brk);
        } else {
          this.em.emit('Jump', (e as { cont: Label }).cont);
        }
        return;
      }
      if (e.k === 'try') this.em.emit('TryLeave', e.save);
      else if (e.k === 'loop' && e.forof) this.closeIterator(e.forof);
      else if (e.k === 'finally') {
        this.em.emit('TryLeave', e.save);
        const id = e.jumps.length + 2;
        let next: JumpAct = act;
        if (act.type === 'return') {
          this.em.emit('Move', e.value, act.reg);
          next = { type: 'return', reg: e.value };
        }
        e.jumps.push({ id, act: next });
        this.em.emit('LoadInt', e.kind, id);
        this.em.emit('Jump', e.entry);
        return;
      }
    }
    if (act.type !== 'return') throw new Error('jump target not on the control stack');
    this.emitReturn(act.reg);
  }

  protected closeIterator(f: { iter: number; save: number; async?: boolean }): void {
    this.em.emit('TryLeave', f.save);
    if (!f.async) {
      this.em.emit('IteratorClose', f.iter);
      return;
    }
    // for await: AsyncIteratorClose awaits what return() gives and requires an object
    this.withTemps(() => {
      const p = this.alloc(), skip = this.em.label();
      this.agOp(AG.Close, f.iter, p);
      this.em.emit('JumpIfStrictEq', p, f.iter, skip);
      this.em.emit('Await', p, p, this.asyncPromise);
      this.agOp(AG.Check, p);
      this.em.bind(skip);
    });
  }

  /**
   * Closes iter because of the exception in `exc`, then rethrows it: an exception from
   * iter.return() (or from looking it up) is dropped, the original one propagates.
   */
  protected closeIteratorOnThrow(iter: number, save: number, exc: number): void {
    const rethrow = this.em.label();
    this.em.emit('TryEnter', save, rethrow);
    this.em.emit('IteratorClose', iter);
    this.em.bind(rethrow);
    this.em.emit('TryLeave', save);
    this.em.emit('Throw', exc);
  }

  protected tryStatement(n: ts.TryStatement): void {
    if (!n.finallyBlock) return this.tryCatch(n.tryBlock, n.catchClause!);
    const save = this.alloc(), kind = this.alloc(), value = this.alloc();
    const handler = this.em.label(), entry = this.em.label();
    const fin: Ctl = { k: 'finally', save, kind, value, entry, jumps: [] };
    this.em.emit('TryEnter', save, handler);
    this.ctl.push(fin);
    if (n.catchClause) this.withTemps(() => this.tryCatch(n.tryBlock, n.catchClause!));
    else this.withTemps(() => this.block(n.tryBlock.statements, n.tryBlock));
    this.ctl.pop();
    this.em.emit('TryLeave', save);
    this.em.emit('LoadInt', kind, 0);
    this.em.emit('Jump', entry);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.em.emit('LoadException', value);
    this.em.emit('LoadInt', kind, 1);
    this.em.bind(entry);
    this.withTemps(() => this.block(n.finallyBlock!.statements, n.finallyBlock!));
    // Dispatch the completion that entered the finally block.
    const t = this.alloc();
    const rethrow = this.em.label();
    const end = this.em.label();
    this.em.emit('LoadInt', t, 1);
    this.em.emit('JumpIfStrictEq', kind, t, rethrow);
    const targets = fin.jumps.map((j) => {
      const l = this.em.label();
      this.em.emit('LoadInt', t, j.id);
      this.em.emit('JumpIfStrictEq', kind, t, l);
      return l;
    });
    this.em.emit('Jump', end);
    this.em.bind(rethrow);
    this.em.emit('Throw', value);
    fin.jumps.forEach((j, i) => {
      this.em.bind(targets[i]);
      this.jumpOut(j.act);
    });
    this.em.bind(end);
  }

  protected tryCatch(tryBlock: ts.Block, c: ts.CatchClause): void {
    const save = this.alloc();
    const handler = this.em.label(), end = this.em.label();
    this.em.emit('TryEnter', save, handler);
    this.ctl.push({ k: 'try', save });
    this.withTemps(() => this.block(tryBlock.statements, tryBlock));
    this.ctl.pop();
    this.em.emit('TryLeave', save);
    this.em.emit('Jump', end);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.withTemps(() => {
      const e = this.alloc();
      this.em.emit('LoadException', e);
      this.rethrowGeneratorReturn(e);
      const scope = this.analysis.scopes.get(c)!;
      const outer = this.scope;
      this.enterScope(scope);
      if (c.variableDeclaration) this.bindName(c.variableDeclaration.name, e, 'catch');
      this.block(c.block.statements, c.block);
      this.exitScope(scope, outer);
    });
    this.em.bind(end);
  }

  protected variableList(list: ts.VariableDeclarationList): void {
    const mode: DeclMode = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
    const blockScoped = list.flags & ts.NodeFlags.BlockScoped;
    if (blockScoped === ts.NodeFlags.Using || blockScoped === ts.NodeFlags.AwaitUsing) this.unsupported(list, 'using declaration');
    for (const d of list.declarations) {
      this.mark(d);
      this.withTemps(() => {
        if (d.initializer) {
          const hint = ts.isIdentifier(d.name) && isAnonymousFunction(d.initializer) ? this.m.originalName(d.name) : undefined;
          const reg = ts.isIdentifier(d.name) && this.writesLast(d.initializer)
            ? this.plainLocal(this.scope.lookup(d.name.text), d.name, mode !== 'var') : -1;
          if (reg >= 0) {
            this.expr(d.initializer, reg, hint);
            return;
          }
          const v = this.alloc();
          this.expr(d.initializer, v, hint);
          this.bindName(d.name, v, mode, { expr: d.initializer });
        } else if (mode !== 'var') {
          this.bindName(d.name, this.undef(), mode);
        }
      });
    }
  }

  protected forStatement(n: ts.ForStatement, labels: string[]): void {
    const outer = this.scope;
    const mark = this.top;
    const scope = this.analysis.scopes.get(n);
    if (scope) this.enterScope(scope);
    if (n.initializer) {
      if (ts.isVariableDeclarationList(n.initializer)) this.variableList(n.initializer);
      else this.withTemps(() => this.expr(n.initializer as ts.Expression));
    }
    const perIteration = scope?.needsEnv ? scope.envReg : -1;
    if (perIteration >= 0) this.em.emit('EnvCopy', perIteration, perIteration);
    // The test is at the bottom: one jump per iteration.
    const top = this.em.label(), end = this.em.label(), cont = this.em.label(), test = this.em.label();
    const cond = n.condition && !isTrueLiteral(n.condition) ? n.condition : undefined;
    if (cond) this.em.emit('Jump', test);
    this.em.bind(top);
    this.loopBody(n.statement, { k: 'loop', labels, brk: end, cont });
    this.em.bind(cont);
    if (perIteration >= 0) this.em.emit('EnvCopy', perIteration, perIteration);
    const fused = perIteration < 0 && cond ? this.countingLoop(cond, n.incrementor) : undefined;
    if (fused) this.em.emit('IncJumpIfLt', fused.i, fused.n, top, end);
    if (n.incrementor) {
      this.mark(n.incrementor);
      this.withTemps(() => this.effect(n.incrementor!));
    }
    this.em.bind(test);
    if (cond) {
      this.mark(cond);
      this.branch(cond, top, true);
    } else {
      this.em.emit('Jump', top);
    }
    this.em.bind(end);
    if (scope) this.exitScope(scope, outer);
    this.top = mark;
  }

  /**
   * `for (...; i < n; i++)` (or `++i`) where i is a plain local register and n a local
   * register read without a TDZ check: the registers, for the IncJumpIfLt that goes before
   * the loop's own Inc and JumpIfLt (it does their int32 case in one instruction).
   */
  protected countingLoop(cond: ts.Expression, inc: ts.Expression | undefined): { i: number; n: number } | undefined {
    if (!inc || !ts.isBinaryExpression(cond) || cond.operatorToken.kind !== ts.SyntaxKind.LessThanToken) return undefined;
    if (!ts.isIdentifier(cond.left) || !ts.isIdentifier(cond.right)) return undefined;
    if (!(ts.isPrefixUnaryExpression(inc) || ts.isPostfixUnaryExpression(inc)) || inc.operator !== ts.SyntaxKind.PlusPlusToken) return undefined;
    if (!ts.isIdentifier(inc.operand) || inc.operand.text !== cond.left.text) return undefined;
    const bi = this.scope.lookup(cond.left.text), bn = this.scope.lookup(cond.right.text);
    const i = this.plainLocal(bi, inc);
    if (i < 0 || this.plainLocal(bi, cond) !== i || !bn || bn === bi) return undefined;
    if (bn.captured || bn.reg < 0 || bn.scope.fn !== this.fn || this.pendingParams.has(bn)) return undefined;
    if (!['var', 'let', 'const', 'param'].includes(bn.kind) || this.needsTdz(bn, cond)) return undefined;
    return { i, n: bn.reg };
  }

  /** Binds the loop variable of for..of / for..in to v (a fresh scope per iteration). */
  protected bindLoopVariable(init: ts.ForInitializer, v: number): void {
    if (ts.isVariableDeclarationList(init)) {
      const d = init.declarations[0];
      if (init.declarations.length !== 1 || d.initializer) this.unsupported(init, 'this loop variable declaration');
      const mode: DeclMode = init.flags & ts.NodeFlags.Const ? 'const' : init.flags & ts.NodeFlags.Let ? 'let' : 'var';
      this.bindName(d.name, v, mode);
    } else {
      this.assignTo(init, v);
    }
  }

  protected enterIterationScope(scope: Scope | undefined): void {
    if (!scope) return;
    if (scope.needsEnv) {
      this.envNew(scope.envReg, this.envOf(scope.parent!), scope);
    }
  }

  protected forAwait(n: ts.ForOfStatement, labels: string[]): void {
    if (this.asyncPromise < 0) this.unsupported(n, 'for await outside an async function');
    const P = this.asyncPromise;
    const outer = this.scope;
    const mark = this.top;
    const iter = this.alloc(), save = this.alloc(), v = this.alloc();
    this.withTemps(() => {
      const obj = this.expr(n.expression);
      this.mark(n.expression);
      this.agOp(AG.GetAsyncIterator, obj, iter);
    });
    const scope = this.analysis.scopes.get(n);
    if (scope) this.enterScope(scope);
    const loop = this.em.label(), end = this.em.label(), cont = this.em.label(), handler = this.em.label();
    this.em.bind(loop);
    this.mark(n);
    this.withTemps(() => {
      const r = this.alloc(), done = this.alloc();
      this.agOp(AG.Next, iter, r);
      this.em.emit('Await', r, r, P);
      this.agOp(AG.Check, r);
      this.em.emit('GetProp', done, r, this.k('done'), this.em.ic());
      this.em.emit('JumpIfTrue', done, end);
      this.em.emit('GetProp', v, r, this.k('value'), this.em.ic());
    });
    this.enterIterationScope(scope);
    this.em.emit('TryEnter', save, handler);
    const c: Ctl = { k: 'loop', labels, brk: end, cont, forof: { iter, save, async: true } };
    this.ctl.push(c);
    this.withTemps(() => this.bindLoopVariable(n.initializer, v));
    this.withTemps(() => this.statement(n.statement));
    this.ctl.pop();
    this.em.bind(cont);
    this.em.emit('TryLeave', save);
    this.em.emit('Jump', loop);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.em.emit('LoadException', v);
    // an exception in the body closes the iterator (awaiting its return(); its errors are dropped)
    const rethrow = this.em.label();
    this.em.emit('TryEnter', save, rethrow);
    this.withTemps(() => {
      const p = this.alloc();
      this.agOp(AG.Close, iter, p);
      this.em.emit('JumpIfStrictEq', p, iter, rethrow);
      this.em.emit('Await', p, p, P);
    });
    this.em.bind(rethrow);
    this.em.emit('TryLeave', save);
    this.em.emit('Throw', v);
    this.em.bind(end);
    if (scope) this.exitScope(scope, outer);
    this.top = mark;
  }

  protected forOf(n: ts.ForOfStatement, labels: string[]): void {
    if (n.awaitModifier) return this.forAwait(n, labels);
    const outer = this.scope;
    const mark = this.top;
    const iter = this.alloc(), save = this.alloc(), v = this.alloc();
    this.withTemps(() => {
      const obj = this.expr(n.expression);
      this.mark(n.expression);
      this.guardIteration(obj, notIterableText(n.expression), 0, () => this.em.emit('GetIterator', iter, obj));
    });
    const scope = this.analysis.scopes.get(n);
    if (scope) this.enterScope(scope);
    const loop = this.em.label(), end = this.em.label(), cont = this.em.label(), handler = this.em.label();
    this.em.bind(loop);
    this.mark(n);
    this.em.emit('IteratorNext', v, iter, end);
    this.enterIterationScope(scope);
    this.em.emit('TryEnter', save, handler);
    const c: Ctl = { k: 'loop', labels, brk: end, cont, forof: { iter, save } };
    this.ctl.push(c);
    this.withTemps(() => this.bindLoopVariable(n.initializer, v));
    this.withTemps(() => this.statement(n.statement));
    this.ctl.pop();
    this.em.bind(cont);
    this.em.emit('TryLeave', save);
    this.em.emit('Jump', loop);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.em.emit('LoadException', v);
    this.closeIteratorOnThrow(iter, save, v);
    this.em.bind(end);
    if (scope) this.exitScope(scope, outer);
    this.top = mark;
  }

  protected forIn(n: ts.ForInStatement, labels: string[]): void {
    const outer = this.scope;
    const mark = this.top;
    const keys = this.alloc(), i = this.alloc(), len = this.alloc(), v = this.alloc(), obj = this.alloc();
    this.expr(n.expression, obj);
    this.mark(n.expression);
    this.em.emit('ForInKeys', keys, obj);
    this.em.emit('LoadInt', i, 0);
    this.em.emit('GetProp', len, keys, this.k('length'), this.em.ic());
    const scope = this.analysis.scopes.get(n);
    if (scope) this.enterScope(scope);
    const loop = this.em.label(), end = this.em.label(), cont = this.em.label();
    this.em.bind(loop);
    this.em.emit('JumpIfNotLt', i, len, end);
    this.em.emit('GetElem', v, keys, i);
    // Keys deleted since the snapshot are skipped.
    this.em.emit('ForInFilter', v, v, obj);
    this.em.emit('JumpIfNullish', v, cont);
    this.enterIterationScope(scope);
    this.withTemps(() => this.bindLoopVariable(n.initializer, v));
    this.loopBody(n.statement, { k: 'loop', labels, brk: end, cont });
    this.em.bind(cont);
    this.em.emit('AddInt', i, i, 1);
    this.em.emit('Jump', loop);
    this.em.bind(end);
    if (scope) this.exitScope(scope, outer);
    this.top = mark;
  }

  protected switchStatement(n: ts.SwitchStatement, labels: string[]): void {
    const outer = this.scope;
    const mark = this.top;
    const disc = this.alloc();
    this.expr(n.expression, disc);
    const scope = this.analysis.scopes.get(n.caseBlock);
    const clauses = n.caseBlock.clauses;
    if (scope) this.enterScope(scope, clauses.flatMap((c) => [...c.statements]));
    const end = this.em.label();
    const targets = clauses.map(() => this.em.label());
    clauses.forEach((c, i) => {
      if (ts.isCaseClause(c)) {
        this.mark(c);
        const k = int32Literal(c.expression);
        if (k !== undefined) this.em.emit('JumpIfEqInt', disc, k, targets[i]);
        else this.withTemps(() => this.em.emit('JumpIfStrictEq', disc, this.expr(c.expression), targets[i]));
      }
    });
    const def = clauses.findIndex((c) => ts.isDefaultClause(c));
    this.em.emit('Jump', def >= 0 ? targets[def] : end);
    this.ctl.push({ k: 'block', labels, brk: end, isSwitch: true });
    clauses.forEach((c, i) => {
      this.em.bind(targets[i]);
      this.statements(c.statements);
    });
    this.ctl.pop();
    this.em.bind(end);
    if (scope) this.exitScope(scope, outer);
    this.top = mark;
  }
}
