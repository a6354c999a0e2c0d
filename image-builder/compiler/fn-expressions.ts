// FnCompiler, part 5 (see codegen.ts): expressions: operators, assignment and references,
// optional chains, calls and new, array and object literals.

import ts from 'typescript';
import { Intrinsic, NATIVES } from '../bytecode/index.ts';
import { Label } from './emitter.ts';
import { CompileError } from './errors.ts';
import { ScopeAnalysis } from './scope.ts';
import { calleeText } from './callee-text.ts';
import { checkRegExpLiteral } from './regexp-literal.ts';
import {
  K, TYPE_ERROR, BINARY_OPS, FUSED_JUMPS, COMPOUND_OPS, type Ref, notIterableText, usesSuperProperty, containsAssignment,
  writesTargetLast, constKey, int32Literal, isStaticMember, skipParens, isAnonymousFunction, propertyNameText,
} from './codegen-support.ts';
import { FnDestructuring } from './fn-destructuring.ts';

/** Array literals of up to this many plain elements are made by one NewArray of registers. */
const ARRAY_LITERAL_FROM_REGS = 16;

/** FnCompiler, part 5: expressions: operators, assignments and references, calls, optional
 * chains, literals. */
export abstract class FnExpressions extends FnDestructuring {

  // ---- expressions -------------------------------------------------------------------

  /**
   * Evaluates n. With d, the value ends up in d and no register above the entry top stays
   * allocated; without, the result is either a binding's register or one new temporary.
   */
  expr(n: ts.Expression, d?: number, nameHint?: string): number {
    switch (n.kind) {
      case K.NumericLiteral: {
        const v = Number((n as ts.NumericLiteral).text);
        const c = d === undefined ? this.constRegs.get(constKey(v)) : undefined;
        if (c !== undefined) return c;
        const r = d ?? this.alloc();
        this.loadNumber(r, v);
        return r;
      }
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral: {
        const v = (n as ts.StringLiteral).text;
        const c = d === undefined ? this.constRegs.get(constKey(v)) : undefined;
        return c ?? this.loadString(d ?? this.alloc(), v);
      }
      case K.TrueKeyword: case K.FalseKeyword: case K.NullKeyword: {
        const r = d ?? this.alloc();
        this.em.emit(n.kind === K.TrueKeyword ? 'LoadTrue' : n.kind === K.FalseKeyword ? 'LoadFalse' : 'LoadNull', r);
        return r;
      }
      case K.Identifier:
        return this.identifier(n as ts.Identifier, d);
      case K.ThisKeyword: {
        const b = ScopeAnalysis.thisScope(this.scope).bindings.get('this')!;
        return this.loadBinding(b, n, d);
      }
      case K.MetaProperty: {
        const mp = n as ts.MetaProperty;
        if (mp.keywordToken !== K.NewKeyword) this.unsupported(n, 'import.meta');
        const fs = ScopeAnalysis.thisScope(this.scope);
        if (fs.fn.kind === 'top') this.unsupported(n, 'new.target at top level');
        return this.loadBinding(fs.bindings.get('new.target')!, n, d);
      }
      case K.ParenthesizedExpression:
        return this.expr((n as ts.ParenthesizedExpression).expression, d, nameHint);
      case K.TemplateExpression:
        return this.template(n as ts.TemplateExpression, d);
      case K.BinaryExpression:
        return this.binary(n as ts.BinaryExpression, d);
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression:
        return this.unary(n as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, d);
      case K.TypeOfExpression: {
        const e = skipParens((n as ts.TypeOfExpression).expression);
        const r = d ?? this.alloc();
        this.withTemps(() => {
          if (ts.isIdentifier(e) && !this.scope.lookup(e.text) && !['undefined', 'NaN', 'Infinity', 'arguments', 'eval', '__native'].includes(e.text)) {
            const g = this.globalObject();
            const key = this.loadString(this.alloc(), e.text);
            const absent = this.em.label(), end = this.em.label();
            this.em.emit('In', key, key, g);
            this.em.emit('JumpIfFalse', key, absent);
            this.em.emit('GetProp', r, g, this.k(e.text), this.em.ic());
            this.em.emit('TypeOf', r, r);
            this.em.emit('Jump', end);
            this.em.bind(absent);
            this.loadString(r, 'undefined');
            this.em.bind(end);
          } else {
            this.em.emit('TypeOf', r, this.expr(e));
          }
        });
        return r;
      }
      case K.VoidExpression: {
        // `void 0` (esbuild writes every `undefined` so): a literal operand has nothing to evaluate
        const operand = skipParens((n as ts.VoidExpression).expression);
        const literal = ts.isNumericLiteral(operand) || ts.isStringLiteral(operand);
        if (literal && d === undefined && this.undefReg >= 0) return this.undefReg;
        const r = d ?? this.alloc();
        if (!literal) this.withTemps(() => this.expr(operand));
        this.em.emit('LoadUndefined', r);
        return r;
      }
      case K.DeleteExpression:
        return this.deleteExpr(n as ts.DeleteExpression, d);
      case K.ConditionalExpression: {
        const c = n as ts.ConditionalExpression;
        const r = d ?? this.alloc();
        const elseL = this.em.label(), end = this.em.label();
        this.branch(c.condition, elseL, false);
        this.withTemps(() => this.expr(c.whenTrue, r, nameHint));
        this.em.emit('Jump', end);
        this.em.bind(elseL);
        this.withTemps(() => this.expr(c.whenFalse, r, nameHint));
        this.em.bind(end);
        return r;
      }
      case K.CallExpression:
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
        return this.chain(n as ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression, d);
      case K.NewExpression:
        return this.newExpr(n as ts.NewExpression, d);
      case K.ArrayLiteralExpression:
        return this.arrayLiteral(n as ts.ArrayLiteralExpression, d);
      case K.ObjectLiteralExpression:
        return this.objectLiteral(n as ts.ObjectLiteralExpression, d);
      case K.FunctionExpression:
      case K.ArrowFunction:
        return this.closure(n as ts.FunctionExpression, nameHint, d);
      case K.ClassExpression: {
        // classExpr allocates its result register; with a destination, release it again.
        const mark = this.top;
        const r = this.classExpr(n as ts.ClassExpression, nameHint);
        if (d === undefined) return r;
        this.to(d, r);
        this.top = mark;
        return d;
      }
      case K.YieldExpression:
        return this.yieldExpr(n as ts.YieldExpression, d);
      case K.AwaitExpression: {
        if (this.asyncPromise < 0) this.unsupported(n, this.fn.kind === 'top' ? 'top-level await' : 'await outside an async function');
        const r = d ?? this.alloc();
        this.withTemps(() => {
          const v = this.expr((n as ts.AwaitExpression).expression);
          this.mark(n);
          this.em.emit('Await', r, v, this.asyncPromise);
        });
        return r;
      }
      case K.RegularExpressionLiteral:
        return this.regExpLiteral(n as ts.RegularExpressionLiteral, d);
      case K.CommaListExpression:
      default:
        return this.unsupported(n);
    }
  }

  /**
   * `/source/flags`: checked here with the prelude's own parser (a bad pattern is a compile
   * error with V8's message, as Node rejects it before running anything), then built at
   * run time by the RegExpCreate intrinsic, a new object at every evaluation.
   */
  protected regExpLiteral(n: ts.RegularExpressionLiteral, d?: number): number {
    const text = n.text;
    const slash = text.lastIndexOf('/');
    const source = text.slice(1, slash), flags = text.slice(slash + 1);
    const err = checkRegExpLiteral(source, flags);
    if (err !== undefined) throw new CompileError(`${this.m.where(n)}: ${err}`);
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const f = this.alloc(), a = this.alloc(), b = this.alloc();
      this.em.emit('LoadIntrinsic', f, Intrinsic.RegExpCreate);
      this.loadString(a, source);
      this.loadString(b, flags);
      this.mark(n);
      this.em.emit('Call', r, f, f, a, 2);
    });
    return r;
  }

  /**
   * Jumps to target when ToBoolean(n) is `when`, else falls through: comparisons become
   * compare-and-branch instructions, `!` swaps the sense, `&&`/`||` short-circuit, and
   * `x == null` / `x != null` test for nullish.
   */
  protected branch(n: ts.Expression, target: Label, when: boolean): void {
    const e = skipParens(n);
    if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) return this.branch(e.operand, target, !when);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
        if ((op === K.AmpersandAmpersandToken) !== when) {
          this.branch(e.left, target, when);
          this.branch(e.right, target, when);
        } else {
          const skip = this.em.label();
          this.branch(e.left, skip, !when);
          this.branch(e.right, target, when);
          this.em.bind(skip);
        }
        return;
      }
      if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) {
        // x === k / x !== k with an int32 literal k (either side: no conversions happen)
        const k = int32Literal(e.right) ?? int32Literal(e.left);
        if (k !== undefined) {
          const x = int32Literal(e.right) !== undefined ? e.left : e.right;
          this.withTemps(() => {
            const r = this.expr(x);
            this.mark(e);
            this.em.emit((op === K.EqualsEqualsEqualsToken) === when ? 'JumpIfEqInt' : 'JumpIfNeInt', r, k, target);
          });
          return;
        }
      }
      const fused = FUSED_JUMPS.get(op);
      if (fused) {
        this.withTemps(() => {
          const a = this.stable(this.expr(e.left), [e.right]);
          const b = this.expr(e.right);
          this.mark(e);
          this.em.emit(when ? fused[0] : fused[1], a, b, target);
        });
        return;
      }
      if ((op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken)
        && (e.right.kind === K.NullKeyword || e.left.kind === K.NullKeyword)) {
        const x = e.right.kind === K.NullKeyword ? e.left : e.right;
        this.withTemps(() => {
          const r = this.expr(x);
          this.mark(e);
          this.em.emit((op === K.EqualsEqualsToken) === when ? 'JumpIfNullish' : 'JumpIfNotNullish', r, target);
        });
        return;
      }
    }
    this.withTemps(() => this.em.emit(when ? 'JumpIfTrue' : 'JumpIfFalse', this.expr(n), target));
  }

  /** Evaluates n for its effects only (its value is not used). */
  protected effect(n: ts.Expression): void {
    const e = skipParens(n);
    if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e))
      && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
      this.mark(e);
      return this.update(e);
    }
    this.withTemps(() => this.expr(n));
  }

  protected template(n: ts.TemplateExpression, d?: number): number {
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const acc = this.alloc();
      this.loadString(acc, n.head.text);
      for (const span of n.templateSpans) {
        this.withTemps(() => {
          const v = this.expr(span.expression);
          const t = this.alloc();
          this.mark(span.expression);
          this.em.emit('ToString', t, v);
          this.em.emit('Add', acc, acc, t);
          if (span.literal.text) {
            this.loadString(t, span.literal.text);
            this.em.emit('Add', acc, acc, t);
          }
        });
      }
      this.em.emit('Move', r, acc);
    });
    return r;
  }

  protected binary(n: ts.BinaryExpression, d?: number): number {
    const op = n.operatorToken.kind;
    if (op === K.EqualsToken) return this.assignment(n, d);
    if (op === K.CommaToken) {
      this.withTemps(() => this.effect(n.left));
      return this.expr(n.right, d);
    }
    const compound = COMPOUND_OPS.get(op);
    if (compound) return this.compoundAssignment(n, compound, d);
    const r = d ?? this.alloc();
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) {
      const end = this.em.label();
      this.withTemps(() => {
        this.expr(n.left, r);
        this.em.emit(op === K.AmpersandAmpersandToken ? 'JumpIfFalse' : op === K.BarBarToken ? 'JumpIfTrue' : 'JumpIfNotNullish', r, end);
        this.expr(n.right, r);
      });
      this.em.bind(end);
      return r;
    }
    if (op === K.AmpersandAmpersandEqualsToken || op === K.BarBarEqualsToken || op === K.QuestionQuestionEqualsToken) {
      this.withTemps(() => {
        const ref = this.prepareRef(n.left, [n.right]);
        this.getRef(ref, r);
        const end = this.em.label();
        this.em.emit(op === K.AmpersandAmpersandEqualsToken ? 'JumpIfFalse' : op === K.BarBarEqualsToken ? 'JumpIfTrue' : 'JumpIfNotNullish', r, end);
        const hint = ts.isIdentifier(n.left) && isAnonymousFunction(n.right) ? this.m.originalName(n.left) : undefined;
        this.expr(n.right, r, hint);
        this.mark(n);
        this.putRef(ref, r);
        this.em.bind(end);
      });
      return r;
    }
    if (op === K.InKeyword && ts.isPrivateIdentifier(n.left)) {
      const left = n.left;
      this.withTemps(() => {
        const pn = this.privateName(left);
        const obj = this.expr(n.right);
        this.mark(n);
        this.em.emit('HasPrivate', r, obj, pn);
      });
      return r;
    }
    const name = BINARY_OPS.get(op);
    if (!name) return this.unsupported(n.operatorToken, `operator ${ts.tokenToString(op) ?? K[op]}`);
    const sum = skipParens(n.left);
    if (op === K.BarToken && int32Literal(n.right) === 0 && ts.isBinaryExpression(sum) && sum.operatorToken.kind === K.PlusToken) {
      // `(x + y) | 0`: AddToInt32 does the int32 case, the Add and BitOr after it the rest
      this.withTemps(() => {
        const x = this.stable(this.expr(sum.left), [sum.right]);
        const y = this.expr(sum.right);
        const after = this.em.label(), t = this.alloc();
        this.mark(n);
        this.em.emit('AddToInt32', r, x, y, after);
        this.mark(sum);
        this.em.emit('Add', t, x, y);
        this.binaryOp('BitOr', r, t, n.right, n);
        this.em.bind(after);
      });
      return r;
    }
    this.withTemps(() => {
      const a = this.stable(this.expr(n.left), [n.right]);
      this.binaryOp(name, r, a, n.right, n);
    });
    return r;
  }

  protected compoundAssignment(n: ts.BinaryExpression, compound: string, d?: number): number {
    const left = skipParens(n.left);
    const reg = ts.isIdentifier(left) && !containsAssignment(n.right) ? this.plainLocal(this.scope.lookup(left.text), left) : -1;
    if (reg >= 0) {
      // a plain local, which n.right cannot change: updated in place
      this.withTemps(() => this.binaryOp(compound, reg, reg, n.right, n));
      return this.to(d, reg);
    }
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const ref = this.prepareRef(n.left, [n.right]);
      this.getRef(ref, r);
      this.binaryOp(compound, r, r, n.right, n);
      this.putRef(ref, r);
    });
    return r;
  }

  /** dst = a OP right (right evaluated here; `x + k` and `x - k` with an int32 literal k
   *  become AddInt / SubInt). */
  protected binaryOp(name: string, dst: number, a: number, right: ts.Expression, at: ts.Node): void {
    const k = int32Literal(right);
    if (k !== undefined && (name === 'Add' || name === 'Sub')) {
      this.mark(at);
      this.em.emit(name === 'Add' ? 'AddInt' : 'SubInt', dst, a, k);
      return;
    }
    const b = this.expr(right);
    this.mark(at);
    this.em.emit(name as 'Add', dst, a, b);
  }

  protected assignment(n: ts.BinaryExpression, d?: number): number {
    const direct = this.assignLocal(n, d);
    if (direct !== undefined) return direct;
    const left = skipParens(n.left);
    if (d === undefined && (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left))) {
      // o.p = v: the value's own register (a variable's, say) goes to SetProp as it is
      let v = -1;
      const mark = this.top;
      this.withTemps(() => {
        const ref = this.prepareRef(left, [n.right]);
        const t = this.expr(n.right);
        this.mark(n);
        this.putRef(ref, t);
        v = t;
      });
      // the value stays allocated when it is a temporary
      if (v >= mark) this.top = Math.max(mark, v + 1);
      return v;
    }
    const r = d ?? this.alloc();
    this.withTemps(() => {
      if (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) {
        this.expr(n.right, r);
        this.assignTo(left, r, ts.isArrayLiteralExpression(left) ? {} : { expr: n.right });
        return;
      }
      const ref = this.prepareRef(left, [n.right]);
      const hint = ts.isIdentifier(left) && isAnonymousFunction(n.right) ? this.m.originalName(left) : undefined;
      this.expr(n.right, r, hint);
      this.mark(n);
      this.putRef(ref, r);
    });
    return r;
  }

  /** writesTargetLast, and also a variable or `this` read without a TDZ check. */
  protected writesLast(e: ts.Expression): boolean {
    if (writesTargetLast(e)) return true;
    e = skipParens(e);
    if (e.kind === K.ThisKeyword) return !this.isDerivedThis(ScopeAnalysis.thisScope(this.scope).bindings.get('this')!);
    if (!ts.isIdentifier(e)) return false;
    const b = this.scope.lookup(e.text);
    if (!b) return true;
    if (b.kind === 'this' || b.kind === 'newtarget' || this.pendingParams.has(b)) return false;
    return !this.needsTdz(b, e);
  }

  /** x = e straight into the register of a plain local x; undefined if that does not apply. */
  protected assignLocal(n: ts.BinaryExpression, d?: number): number | undefined {
    const left = skipParens(n.left);
    if (!ts.isIdentifier(left) || !this.writesLast(n.right)) return undefined;
    const reg = this.plainLocal(this.scope.lookup(left.text), left);
    if (reg < 0) return undefined;
    this.withTemps(() => this.expr(n.right, reg, isAnonymousFunction(n.right) ? left.text : undefined));
    return this.to(d, reg);
  }

  /** ++x / x++ / --x / x-- whose value is not used: the prefix form. */
  protected update(n: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): void {
    this.withTemps(() => this.unary(n, undefined, true));
  }

  protected unary(n: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, d?: number, discard = false): number {
    const op = n.operator;
    const lit = skipParens(n.operand);
    if (op === K.MinusToken && ts.isIdentifier(lit) && lit.text === 'Infinity' && !this.scope.lookup('Infinity')) {
      const t = d ?? this.alloc();
      this.loadNumber(t, -Infinity);
      return t;
    }
    if (op === K.MinusToken && ts.isNumericLiteral(lit)) {
      // -1: a constant, not Neg of one
      const v = -Number(lit.text);
      const c = d === undefined ? this.constRegs.get(constKey(v)) : undefined;
      if (c !== undefined) return c;
      const t = d ?? this.alloc();
      this.loadNumber(t, v);
      return t;
    }
    if (op === K.PlusPlusToken || op === K.MinusMinusToken) {
      const inst = op === K.PlusPlusToken ? 'Inc' : 'Dec';
      const operand = skipParens(n.operand);
      const reg = ts.isIdentifier(operand) ? this.plainLocal(this.scope.lookup(operand.text), operand) : -1;
      if (reg >= 0) {
        // a plain local: updated in place
        this.mark(n);
        if (n.kind === K.PrefixUnaryExpression || discard) {
          this.em.emit(inst, reg, reg);
          return this.to(d, reg);
        }
        const r = d ?? this.alloc();
        this.em.emit('ToNumeric', r, reg);
        this.em.emit(inst, reg, r);
        return r;
      }
    }
    const r = d ?? this.alloc();
    if (op === K.PlusPlusToken || op === K.MinusMinusToken) {
      const inst = op === K.PlusPlusToken ? 'Inc' : 'Dec';
      this.withTemps(() => {
        const ref = this.prepareRef(n.operand, []);
        if (n.kind === K.PrefixUnaryExpression || discard) {
          this.getRef(ref, r);
          this.mark(n);
          this.em.emit(inst, r, r);
          this.putRef(ref, r);
        } else {
          const t = this.alloc();
          this.getRef(ref, t);
          this.mark(n);
          this.em.emit('ToNumeric', r, t);
          this.em.emit(inst, t, r);
          this.putRef(ref, t);
        }
      });
      return r;
    }
    const inst = op === K.MinusToken ? 'Neg' : op === K.PlusToken ? 'Plus' : op === K.TildeToken ? 'BitNot' : 'Not';
    this.withTemps(() => {
      const v = this.expr(n.operand);
      this.mark(n);
      this.em.emit(inst, r, v);
    });
    return r;
  }

  protected deleteExpr(n: ts.DeleteExpression, d?: number): number {
    const e = skipParens(n.expression);
    const r = d ?? this.alloc();
    this.withTemps(() => {
      if ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && !(e.flags & ts.NodeFlags.OptionalChain)) {
        if (e.expression.kind === K.SuperKeyword) this.unsupported(e, 'delete of a super property');
        if (ts.isPropertyAccessExpression(e) && ts.isPrivateIdentifier(e.name)) this.unsupported(e, 'delete of a private field');
        const obj = this.stable(this.expr(e.expression));
        const key = this.alloc();
        if (ts.isPropertyAccessExpression(e)) this.loadString(key, e.name.text);
        else this.expr(e.argumentExpression, key);
        this.mark(n);
        this.em.emit('DeleteElem', r, obj, key);
      } else if ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && !ts.isPrivateIdentifier((e as ts.PropertyAccessExpression).name ?? e)) {
        // delete a?.b.c: true when the chain stops at a nullish value
        const nullish = this.em.label(), end = this.em.label();
        this.withTemps(() => {
          const obj = this.stable(this.chainObject(e.expression, nullish), [ts.isElementAccessExpression(e) ? e.argumentExpression : undefined]);
          if (e.questionDotToken) this.em.emit('JumpIfNullish', obj, nullish);
          const key = this.alloc();
          if (ts.isPropertyAccessExpression(e)) this.loadString(key, e.name.text);
          else this.expr(e.argumentExpression, key);
          this.mark(n);
          this.em.emit('DeleteElem', r, obj, key);
        });
        this.em.emit('Jump', end);
        this.em.bind(nullish);
        this.em.emit('LoadTrue', r);
        this.em.bind(end);
      } else if (ts.isIdentifier(e) || e.flags & ts.NodeFlags.OptionalChain) {
        this.unsupported(n, 'this delete operand');
      } else {
        this.expr(e);
        this.em.emit('LoadTrue', r);
      }
    });
    return r;
  }

  // ---- references (assignment targets) ------------------------------------------------

  /** `later`: what is evaluated after the reference and before it is used (see stable()). */
  protected prepareRef(target: ts.Expression, later: readonly (ts.Node | undefined)[] = [undefined]): Ref {
    target = skipParens(target);
    if (ts.isIdentifier(target)) {
      const b = this.scope.lookup(target.text);
      if (!b && ['undefined', 'NaN', 'Infinity', 'arguments', 'eval'].includes(target.text)) this.unsupported(target, `assignment to ${target.text}`);
      return { k: 'id', name: target.text, b, node: target };
    }
    if (target.flags & ts.NodeFlags.OptionalChain) this.unsupported(target, 'optional chain as assignment target');
    if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && target.expression.kind === K.SuperKeyword) {
      this.checkSuper(target);
      const key = this.alloc();
      if (ts.isPropertyAccessExpression(target)) this.loadString(key, target.name.text);
      else this.expr(target.argumentExpression, key);
      return { k: 'super', key: this.stable(key, later), node: target };
    }
    if (ts.isPropertyAccessExpression(target)) {
      const obj = this.stable(this.expr(target.expression), later);
      if (ts.isPrivateIdentifier(target.name)) return { k: 'private', obj, pn: this.privateName(target.name), node: target.name };
      return { k: 'prop', obj, name: target.name.text };
    }
    if (ts.isElementAccessExpression(target)) {
      const obj = this.stable(this.expr(target.expression), [target.argumentExpression, ...later]);
      const key = this.stable(this.expr(target.argumentExpression), later);
      return { k: 'elem', obj, key };
    }
    return this.unsupported(target, 'this assignment target');
  }

  protected getRef(ref: Ref, d: number): void {
    switch (ref.k) {
      case 'id':
        if (ref.b) this.loadBinding(ref.b, ref.node, d);
        else this.identifier(ref.node as ts.Identifier, d);
        return;
      case 'prop':
        this.em.emit('GetProp', d, ref.obj, this.k(ref.name), this.em.ic());
        return;
      case 'elem':
        this.em.emit('GetElem', d, ref.obj, ref.key);
        return;
      case 'private':
        this.getPrivate(d, ref.obj, ref.pn, ref.node);
        return;
      case 'super':
        this.superAccess(d, ref.key, ref.node, 0);
    }
  }

  protected putRef(ref: Ref, v: number): void {
    switch (ref.k) {
      case 'id':
        if (ref.b) return this.storeBinding(ref.b, v, false, ref.node);
        this.em.emit('SetGlobal', this.k(ref.name), v, this.em.ic());
        return;
      case 'prop':
        this.em.emit('SetProp', ref.obj, this.k(ref.name), v, this.em.ic());
        return;
      case 'elem':
        this.em.emit('SetElem', ref.obj, ref.key, v);
        return;
      case 'private':
        {
          const method = this.privateMethod(ref.node);
          if (method) {
            this.em.emit('CheckPrivateBrand', ref.obj, ref.pn, this.k(method.brandError));
            this.em.emit('ThrowError', TYPE_ERROR, this.k(`Private method '${ref.node.text}' is not writable`));
          } else {
            this.em.emit('SetPrivate', ref.obj, ref.pn, v);
          }
        }
        return;
      case 'super':
        this.withTemps(() => {
          const t = this.alloc();
          this.superAccess(t, ref.key, ref.node, 1, v);
        });
    }
  }

  /** A private method `#m` (instance or static), with Node's message for a receiver without it. */
  protected privateMethod(n: ts.PrivateIdentifier): { brandError: string } | undefined {
    const b = this.scope.lookup(n.text);
    if (!b || b.kind !== 'private' || !b.scope.bindings.has('%' + n.text)) return undefined;
    const cls = b.scope.node as ts.ClassLikeDeclaration;
    const m = cls.members.find((x) => ts.isMethodDeclaration(x) && x.name && ts.isPrivateIdentifier(x.name) && x.name.text === n.text);
    const name = cls.name?.text ?? 'anonymous';
    return { brandError: m && isStaticMember(m) ? `Receiver must be class ${name}` : `Receiver must be an instance of class ${name}` };
  }

  /** d = obj.#name; reading a private method from an object without it has its own message. */
  protected getPrivate(d: number, obj: number, pn: number, n: ts.PrivateIdentifier): void {
    const method = this.privateMethod(n);
    if (method) this.em.emit('CheckPrivateBrand', obj, pn, this.k(method.brandError));
    this.em.emit('GetPrivate', d, obj, pn);
  }

  protected privateName(n: ts.PrivateIdentifier): number {
    const b = this.scope.lookup(n.text);
    if (!b) this.unsupported(n, `undeclared private name ${n.text}`);
    return this.loadBinding(b, n);
  }

  // ---- member access, calls, optional chains ------------------------------------------

  protected isChainPart(n: ts.Expression): boolean {
    return (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n))
      && (n.flags & ts.NodeFlags.OptionalChain) !== 0;
  }

  /** Evaluates the object of a member access or callee, continuing an optional chain. */
  protected chainObject(n: ts.Expression, chain: Label | undefined): number {
    if (chain && this.isChainPart(n)) return this.chainPart(n as ts.CallExpression, undefined, chain);
    return this.expr(n);
  }

  protected chain(n: ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression, d?: number): number {
    if (!(n.flags & ts.NodeFlags.OptionalChain)) return this.chainPart(n, d, undefined);
    const r = d ?? this.alloc();
    const nullish = this.em.label(), end = this.em.label();
    this.withTemps(() => this.chainPart(n, r, nullish));
    this.em.emit('Jump', end);
    this.em.bind(nullish);
    this.em.emit('LoadUndefined', r);
    this.em.bind(end);
    return r;
  }

  protected chainPart(n: ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression, d: number | undefined, chain: Label | undefined): number {
    if (ts.isCallExpression(n)) return this.call(n, d, chain);
    const r = d ?? this.alloc();
    this.withTemps(() => {
      if (n.expression.kind === K.SuperKeyword) {
        const key = this.alloc();
        if (ts.isPropertyAccessExpression(n)) this.loadString(key, n.name.text);
        else this.expr(n.argumentExpression, key);
        if (this.checkSuper(n)) {
          this.mark(n);
          this.em.emit('GetSuper', r, key);
        } else this.superAccess(r, key, n, 0);
        return;
      }
      const obj = this.chainObject(n.expression, chain);
      if (n.questionDotToken) this.em.emit('JumpIfNullish', obj, chain!);
      if (ts.isPropertyAccessExpression(n)) {
        this.mark(n.name);
        if (ts.isPrivateIdentifier(n.name)) {
          const pn = this.privateName(n.name);
          this.getPrivate(r, obj, pn, n.name);
        } else {
          this.em.emit('GetProp', r, obj, this.k(n.name.text), this.em.ic());
        }
      } else {
        const o = this.stable(obj, [n.argumentExpression]);
        const key = this.expr(n.argumentExpression);
        this.mark(n);
        this.em.emit('GetElem', r, o, key);
      }
    });
    return r;
  }

  /**
   * super property access: in methods, getters and setters (of classes and object literals),
   * constructors, field initialisers, and arrows in them. Returns whether it is direct
   * (GetSuper, with the frame's own `this`) rather than in an arrow (SuperAccess with the
   * lexical this and the home object the arrow was given).
   */
  protected checkSuper(n: ts.Node): boolean {
    let fn = this.fn;
    while (fn.kind === 'arrow' && fn.parent) fn = fn.parent;
    const k = fn.kind;
    if (k === 'staticblock' || !(k === 'method' || k === 'getter' || k === 'setter' || k === 'ctor' || k === 'fieldinit' || k === 'staticinit')) {
      this.unsupported(n, 'super property access here');
    }
    return this.fn.kind !== 'arrow';
  }

  /** this, as the expression `this` reads it (lexically in arrows). */
  protected thisInto(d: number, node: ts.Node): void {
    const b = ScopeAnalysis.thisScope(this.scope).bindings.get('this')!;
    this.loadBinding(b, node, d);
  }

  /** d = super[key] (mode 0) or super[key] = value (mode 1), through the prelude's SuperAccess with the lexical this. */
  protected superAccess(d: number, key: number, node: ts.Node, mode: number, value?: number): void {
    this.withTemps(() => {
      const home = this.alloc(), recv = this.alloc(), m = this.alloc();
      this.em.emit('LoadHome', home);
      this.thisInto(recv, node);
      this.em.emit('LoadInt', m, mode);
      this.mark(node);
      this.callIntrinsic(Intrinsic.SuperAccess, value === undefined ? [home, key, recv, m] : [home, key, recv, m, value], d);
    });
  }

  protected call(n: ts.CallExpression, d: number | undefined, chain: Label | undefined): number {
    const callee = skipParens(n.expression);
    if (n.expression.kind === K.ImportKeyword) this.unsupported(n, 'dynamic import');
    if (callee.kind === K.SuperKeyword) return this.superCall(n, d);
    // __native.name(args)
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === '__native'
      && !this.scope.lookup('__native')) {
      return this.nativeCall(n, callee.name.text, d);
    }
    if (ts.isIdentifier(callee) && callee.text === 'eval' && !this.scope.lookup('eval')) this.unsupported(callee, 'eval');
    const r = d ?? this.alloc();
    this.withTemps(() => {
      let f: number, thisReg: number;
      if ((ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && callee.expression.kind === K.SuperKeyword) {
        const key = this.alloc();
        if (ts.isPropertyAccessExpression(callee)) this.loadString(key, callee.name.text);
        else this.expr(callee.argumentExpression, key);
        const direct = this.checkSuper(callee);
        f = this.alloc();
        this.mark(callee);
        if (direct) this.em.emit('GetSuper', f, key);
        else this.superAccess(f, key, callee, 0);
        thisReg = this.alloc();
        this.thisInto(thisReg, callee);
      } else if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
        const innerChain = callee.flags & ts.NodeFlags.OptionalChain ? chain : undefined;
        const later = ts.isElementAccessExpression(callee) ? [callee.argumentExpression, ...n.arguments] : n.arguments;
        thisReg = this.stable(this.chainObject(callee.expression, innerChain), later);
        if (callee.questionDotToken) this.em.emit('JumpIfNullish', thisReg, chain!);
        f = this.alloc();
        if (ts.isPropertyAccessExpression(callee)) {
          this.mark(callee.name);
          if (ts.isPrivateIdentifier(callee.name)) this.getPrivate(f, thisReg, this.privateName(callee.name), callee.name);
          else this.em.emit('GetProp', f, thisReg, this.k(callee.name.text), this.em.ic());
        } else {
          const key = this.expr(callee.argumentExpression);
          this.mark(callee);
          this.em.emit('GetElem', f, thisReg, key);
        }
      } else {
        f = this.stable(this.chainObject(callee, n.flags & ts.NodeFlags.OptionalChain ? chain : undefined), n.arguments);
        thisReg = this.undefinedValue();
      }
      if (n.questionDotToken) this.em.emit('JumpIfNullish', f, chain!);
      if (n.arguments.some((a) => ts.isSpreadElement(a))) {
        const arr = this.spreadArgs(n.arguments);
        this.mark(n);
        this.nameCallee(callee);
        this.em.emit('CallSpread', r, f, thisReg, arr);
      } else {
        const [first, argc] = this.args(n.arguments, n, r);
        this.mark(n);
        this.nameCallee(callee);
        this.em.emit('Call', r, f, thisReg, first, argc);
      }
    });
    return r;
  }

  /** The next call instruction's callee text, for the machine's "is not a function". */
  protected nameCallee(callee: ts.Expression): void {
    if (callee.pos >= 0 && this.m.libraryFiles.has(this.m.original(callee)[0])) return;
    this.em.nameNextCall(this.k(calleeText(callee)));
  }

  protected args(args: readonly ts.Expression[], at: ts.Node, dst: number): [number, number] {
    if (args.length > 255) this.unsupported(at, 'a call with more than 255 arguments');
    if (args.length === 1 && !ts.isSpreadElement(args[0])) {
      // one argument: wherever its value is (a variable's register, say), unless that is
      // the register the call writes
      const r = this.expr(args[0]);
      if (r !== dst) return [r, 1];
      const t = this.alloc();
      this.em.emit('Move', t, r);
      return [t, 1];
    }
    // The call reads its arguments from consecutive registers, so each argument's
    // temporaries are released before the next argument's register is allocated.
    const first = this.top;
    for (const a of args) {
      const reg = this.alloc();
      this.withTemps(() => this.expr(a, reg));
    }
    return [args.length ? first : 0, args.length];
  }

  protected spreadArgs(args: readonly ts.Expression[]): number {
    const arr = this.alloc();
    this.em.emit('NewArray', arr, arr, 0);
    for (const a of args) {
      this.withTemps(() => {
        if (ts.isSpreadElement(a)) {
          const v = this.expr(a.expression);
          this.mark(a);
          this.guardIteration(v, calleeText(skipParens(a.expression)), 1, () => this.em.emit('ArraySpread', arr, v));
        } else {
          this.em.emit('ArrayPush', arr, this.expr(a));
        }
      });
    }
    return arr;
  }

  protected nativeCall(n: ts.CallExpression, name: string, d?: number): number {
    // Compiler intrinsics (docs/bytecode.md): __native.apply(f, thisArg, argsArray) is a
    // CallSpread, __native.construct(f, argsArray) a NewSpread, __native.resume(frame, value,
    // mode) a Resume.
    if ((name === 'apply' || name === 'construct' || name === 'resume') && !n.arguments.some((a) => ts.isSpreadElement(a))) {
      const want = name === 'construct' ? 2 : 3;
      if (n.arguments.length !== want) throw new CompileError(`${this.m.where(n)}: __native.${name} takes ${want} argument(s), not ${n.arguments.length}`);
      const r = d ?? this.alloc();
      this.withTemps(() => {
        const regs = n.arguments.map((a) => { const t = this.alloc(); this.expr(a, t); return t; });
        this.mark(n);
        if (name === 'apply') this.em.emit('CallSpread', r, regs[0], regs[1], regs[2]);
        else if (name === 'resume') this.em.emit('Resume', r, regs[0], regs[1], regs[2]);
        else this.em.emit('NewSpread', r, regs[0], regs[1]);
      });
      return r;
    }
    // installMethods(target, { methods }): the methods defined on target directly, not
    // enumerable, as the native would copy them from the literal (which nothing else sees)
    if (name === 'installMethods' && n.arguments.length === 2) {
      const src = skipParens(n.arguments[1]);
      if (ts.isObjectLiteralExpression(src) && src.properties.length > 0
        && this.methodRun(src.properties, 0) === src.properties.length) {
        const r = d ?? this.alloc();
        this.withTemps(() => {
          const t = this.alloc();
          this.expr(n.arguments[0], t);
          this.defineMethods(t, src.properties, 0b0110);
        });
        this.em.emit('LoadUndefined', r);
        return r;
      }
    }
    if (name === 'call' && n.arguments.length >= 2 && !n.arguments.some((a) => ts.isSpreadElement(a))) {
      // __native.call(f, thisArg, ...args): f.call(thisArg, ...args) as one Call (the
      // prelude's way to give a callback its `this` without an arguments array)
      const r = d ?? this.alloc();
      this.withTemps(() => {
        const f = this.alloc();
        this.expr(n.arguments[0], f);
        const self = this.alloc();
        this.expr(n.arguments[1], self);
        const [first, argc] = this.args(n.arguments.slice(2), n, r);
        this.mark(n);
        this.em.emit('Call', r, f, self, first, argc);
      });
      return r;
    }
    if (name === 'loadIntrinsic') {
      const arg = n.arguments.length === 1 ? skipParens(n.arguments[0]) : undefined;
      if (!arg || !ts.isNumericLiteral(arg) || !(Number(arg.text) >= 0 && Number(arg.text) < 256 && Number.isInteger(Number(arg.text)))) {
        throw new CompileError(`${this.m.where(n)}: __native.loadIntrinsic takes one integer literal from 0 to 255`);
      }
      const r = d ?? this.alloc();
      this.mark(n);
      this.em.emit('LoadIntrinsic', r, Number(arg.text));
      return r;
    }
    const id = NATIVES.findIndex((x) => x.name === name);
    if (id < 0) this.unsupported(n, `unknown native '${name}' (__native.${name})`);
    if (this.m.unavailableNatives.has(name)) {
      throw new CompileError(`${this.m.where(n)}: __native.${name} is kernel-only: user programs (tsvm) cannot call it`);
    }
    if (n.arguments.length !== NATIVES[id].argc || n.arguments.some((a) => ts.isSpreadElement(a))) {
      throw new CompileError(`${this.m.where(n)}: __native.${name} takes ${NATIVES[id].argc} argument(s), not ${n.arguments.length}`);
    }
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const [first, argc] = this.args(n.arguments, n, r);
      this.mark(n);
      this.em.emit('CallNative', r, id, first, argc);
    });
    return r;
  }

  protected superCall(n: ts.CallExpression, d?: number): number {
    if (this.fn.kind !== 'ctor') this.unsupported(n, 'super() outside a constructor (e.g. in an arrow function)');
    const cls = this.fn.node.parent;
    const r = d ?? this.alloc();
    this.withTemps(() => {
      if (n.arguments.some((a) => ts.isSpreadElement(a))) {
        const arr = this.spreadArgs(n.arguments);
        this.mark(n);
        this.em.emit('SuperCallSpread', r, arr);
      } else {
        const [first, argc] = this.args(n.arguments, n, r);
        this.mark(n);
        this.em.emit('SuperCall', r, first, argc);
      }
      this.afterSuper(cls);
    });
    return r;
  }

  /** After super() returned: publish `this` to arrows and run the field initialisers. */
  protected afterSuper(cls: ts.Node): void {
    const tb = this.fn.scope.bindings.get('this')!;
    if (tb.captured) {
      this.withTemps(() => {
        const t = this.alloc();
        this.em.emit('LoadThis', t);
        this.envStore(this.fn.scope.envReg, tb.slot, t);
      });
    }
    this.callFieldInit(cls);
  }

  protected newExpr(n: ts.NewExpression, d?: number): number {
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const args = n.arguments ?? [];
      const f = this.stable(this.expr(n.expression), args);
      if (args.some((a) => ts.isSpreadElement(a))) {
        const arr = this.spreadArgs(args);
        this.mark(n);
        this.nameCallee(n.expression);
        this.em.emit('NewSpread', r, f, arr);
      } else {
        const [first, argc] = this.args(args, n, r);
        this.mark(n);
        this.nameCallee(n.expression);
        this.em.emit('New', r, f, first, argc);
      }
    });
    return r;
  }

  // ---- literals ----------------------------------------------------------------------

  protected arrayLiteral(n: ts.ArrayLiteralExpression, d?: number): number {
    const r = d ?? this.alloc();
    const plain = n.elements.length > 0 && n.elements.length <= ARRAY_LITERAL_FROM_REGS
      && n.elements.every((el) => !ts.isOmittedExpression(el) && !ts.isSpreadElement(el));
    if (plain) {
      // [a, b, c]: the elements into consecutive registers, then one NewArray of them (one
      // allocation of the right size instead of a push, and a growth, per element). The
      // array cannot be seen before its last element is evaluated, so making it afterwards
      // is not observable.
      this.withTemps(() => {
        const first = this.top;
        for (const el of n.elements) {
          const reg = this.alloc();
          this.withTemps(() => this.expr(el, reg));
        }
        this.em.emit('NewArray', r, first, n.elements.length);
      });
      return r;
    }
    this.withTemps(() => {
      const arr = this.alloc();
      this.em.emit('NewArray', arr, arr, 0);
      for (const el of n.elements) {
        this.withTemps(() => {
          if (ts.isOmittedExpression(el)) this.em.emit('ArrayPushHole', arr);
          else if (ts.isSpreadElement(el)) {
            const v = this.expr(el.expression);
            this.mark(el);
            this.guardIteration(v, notIterableText(el.expression), 0, () => this.em.emit('ArraySpread', arr, v));
          } else this.em.emit('ArrayPush', arr, this.expr(el));
        });
      }
      this.em.emit('Move', r, arr);
    });
    return r;
  }

  /**
   * The key of an object-literal member that DefineMethods can define: a plain method (not a
   * generator, no super) under an identifier or string key that is not an array index or
   * `__proto__`, whose function gets that key as its name (the name constant is the key).
   */
  protected definableMethodKey(p: ts.ObjectLiteralElementLike): string | undefined {
    if (!ts.isMethodDeclaration(p) || p.asteriskToken || usesSuperProperty(p)) return undefined;
    if (!ts.isIdentifier(p.name) && !ts.isStringLiteral(p.name)) return undefined;
    const key = propertyNameText(p.name);
    if (key === undefined || key === '__proto__' || /^[0-9]+$/.test(key)) return undefined;
    return this.nestedFunctionName(p, key) === key ? key : undefined;
  }

  /**
   * A class's method that DefineMethods can define (with its home object): not private,
   * computed, a generator or an accessor; an identifier or string key that is not an array
   * index, the function's name.
   */
  protected definableClassMethod(m: ts.ClassElement): boolean {
    if (!ts.isMethodDeclaration(m) || m.asteriskToken) return false;
    if (!ts.isIdentifier(m.name) && !ts.isStringLiteral(m.name)) return false;
    const key = propertyNameText(m.name);
    if (key === undefined || key === '__proto__' || /^[0-9]+$/.test(key)) return false;
    return this.nestedFunctionName(m, key) === key;
  }

  /** How many members from i on DefineMethods can define together (at most 255). */
  private methodRun(props: readonly ts.ObjectLiteralElementLike[], i: number): number {
    let k = 0;
    while (i + k < props.length && k < 255 && this.definableMethodKey(props[i + k]) !== undefined) k++;
    return k;
  }

  /**
   * Defines the methods ps (definableMethodKey holds for each) on obj with one DefineMethods:
   * their functions get consecutive indices, the closures are made and defined in order.
   */
  protected defineMethods(obj: number, ps: readonly ts.MethodDeclaration[] | readonly ts.ObjectLiteralElementLike[], attrs: number): void {
    const first = this.m.reserveFunctions(ps.length);
    ps.forEach((p, i) => { const m = p as ts.MethodDeclaration; this.nestedFunction(m, propertyNameText(m.name as ts.Identifier), first + i); });
    this.mark(ps[0]);
    this.em.emit('DefineMethods', obj, this.curEnv, first, ps.length, attrs);
  }

  protected objectLiteral(n: ts.ObjectLiteralExpression, d?: number): number {
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const obj = this.alloc();
      this.em.emit('NewObject', obj);
      const props = n.properties;
      for (let i = 0; i < props.length; i++) {
        const p = props[i];
        // a run of plain methods: one instruction (the prelude's installers are made of them)
        const run = this.methodRun(props, i);
        if (run >= 2) {
          this.defineMethods(obj, props.slice(i, i + run), 0b0111);
          i += run - 1;
          continue;
        }
        this.withTemps(() => {
          this.mark(p);
          if (ts.isSpreadAssignment(p)) {
            this.em.emit('CopyDataProperties', obj, this.expr(p.expression));
            return;
          }
          const key = this.alloc();
          if (ts.isShorthandPropertyAssignment(p)) {
            if (p.objectAssignmentInitializer) this.unsupported(p, 'shorthand property initializer');
            this.loadString(key, p.name.text);
            const v = this.identifier(p.name);
            this.em.emit('DefineField', obj, key, v);
            return;
          }
          if (!p.name || ts.isPrivateIdentifier(p.name)) this.unsupported(p);
          if (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && propertyNameText(p.name) === '__proto__') {
            // `__proto__: v` sets the [[Prototype]] (when v is an object or null)
            const v = this.expr(p.initializer);
            const u = this.undef(), m = this.alloc();
            this.em.emit('LoadInt', m, 3);
            this.callIntrinsic(Intrinsic.SuperAccess, [obj, u, u, m, v]);
            return;
          }
          this.propertyKey(p.name, key);
          const computed = ts.isComputedPropertyName(p.name);
          const nameHint = computed ? undefined : propertyNameText(p.name);
          const named = (f: number, prefix: '' | 'get' | 'set'): number => {
            if (computed) this.nameFromKey(f, key, prefix);
            return f;
          };
          if (ts.isPropertyAssignment(p)) {
            const anonymous = isAnonymousFunction(p.initializer);
            const v = this.expr(p.initializer, undefined, anonymous ? nameHint : undefined);
            this.em.emit('DefineField', obj, key, anonymous ? named(v, '') : v);
          } else if (ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) {
            const prefix = ts.isGetAccessorDeclaration(p) ? 'get' : ts.isSetAccessorDeclaration(p) ? 'set' : '';
            const f = named(this.closure(p, nameHint), prefix);
            if (prefix === '') this.em.emit('DefineField', obj, key, f);
            else this.em.emit(prefix === 'get' ? 'DefineGetter' : 'DefineSetter', obj, key, f, 1);
            if (usesSuperProperty(p)) this.em.emit('SetHome', f, obj);
          } else {
            this.unsupported(p);
          }
        });
      }
      this.em.emit('Move', r, obj);
    });
    return r;
  }
}
