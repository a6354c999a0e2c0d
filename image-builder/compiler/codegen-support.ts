// What the code generator's parts share: operator tables, AST predicates and analyses
// (simple expressions, assignments, loop constants), and the types of jumps, references and
// patterns.

import ts from 'typescript';
import type { OpcodeName } from '../bytecode/index.ts';
import { Label } from './emitter.ts';
import { isFunctionLike, type Binding } from './scope.ts';
import { calleeText } from './callee-text.ts';

export const K = ts.SyntaxKind;

/** Error kinds of the ThrowError instruction. */
export const TYPE_ERROR = 0, REFERENCE_ERROR = 1;

export const SUPER_NOT_CALLED = "Must call super constructor in derived class before accessing 'this' or returning from derived constructor";

export const BINARY_OPS = new Map<ts.SyntaxKind, string>([
  [K.PlusToken, 'Add'], [K.MinusToken, 'Sub'], [K.AsteriskToken, 'Mul'], [K.SlashToken, 'Div'],
  [K.PercentToken, 'Mod'], [K.AsteriskAsteriskToken, 'Exp'], [K.AmpersandToken, 'BitAnd'],
  [K.BarToken, 'BitOr'], [K.CaretToken, 'BitXor'], [K.LessThanLessThanToken, 'Shl'],
  [K.GreaterThanGreaterThanToken, 'Shr'], [K.GreaterThanGreaterThanGreaterThanToken, 'UShr'],
  [K.EqualsEqualsToken, 'Eq'], [K.ExclamationEqualsToken, 'Ne'], [K.EqualsEqualsEqualsToken, 'StrictEq'],
  [K.ExclamationEqualsEqualsToken, 'StrictNe'], [K.LessThanToken, 'Lt'], [K.LessThanEqualsToken, 'Le'],
  [K.GreaterThanToken, 'Gt'], [K.GreaterThanEqualsToken, 'Ge'], [K.InstanceOfKeyword, 'InstanceOf'],
  [K.InKeyword, 'In'],
]);

/** Compare-and-branch instructions: [jump if the comparison holds, jump if it does not]. */
export const FUSED_JUMPS = new Map<ts.SyntaxKind, [OpcodeName, OpcodeName]>([
  [K.LessThanToken, ['JumpIfLt', 'JumpIfNotLt']], [K.LessThanEqualsToken, ['JumpIfLe', 'JumpIfNotLe']],
  [K.GreaterThanToken, ['JumpIfGt', 'JumpIfNotGt']], [K.GreaterThanEqualsToken, ['JumpIfGe', 'JumpIfNotGe']],
  [K.EqualsEqualsEqualsToken, ['JumpIfStrictEq', 'JumpIfStrictNe']], [K.ExclamationEqualsEqualsToken, ['JumpIfStrictNe', 'JumpIfStrictEq']],
]);

export const COMPOUND_OPS = new Map<ts.SyntaxKind, string>([
  [K.PlusEqualsToken, 'Add'], [K.MinusEqualsToken, 'Sub'], [K.AsteriskEqualsToken, 'Mul'], [K.SlashEqualsToken, 'Div'],
  [K.PercentEqualsToken, 'Mod'], [K.AsteriskAsteriskEqualsToken, 'Exp'], [K.AmpersandEqualsToken, 'BitAnd'],
  [K.BarEqualsToken, 'BitOr'], [K.CaretEqualsToken, 'BitXor'], [K.LessThanLessThanEqualsToken, 'Shl'],
  [K.GreaterThanGreaterThanEqualsToken, 'Shr'], [K.GreaterThanGreaterThanGreaterThanEqualsToken, 'UShr'],
]);

/** Readable names for the constructs that are rejected. */
export function describe(n: ts.Node): string {
  switch (n.kind) {
    case K.RegularExpressionLiteral: return 'regular expression literal';
    case K.BigIntLiteral: return 'BigInt literal';
    case K.TaggedTemplateExpression: return 'tagged template';
    case K.YieldExpression: return 'yield';
    case K.AwaitExpression: return 'await';
    case K.WithStatement: return 'with statement';
    case K.DebuggerStatement: return 'debugger statement';
    case K.ImportDeclaration: case K.ImportEqualsDeclaration: return 'import declaration';
    case K.ExportAssignment: return 'export assignment';
    case K.MetaProperty: return 'import.meta';
    case K.CallExpression: return 'dynamic import';
    default: return `${K[n.kind]} syntax`;
  }
}

export type Ctl =
  | { k: 'loop'; labels: string[]; brk: Label; cont: Label; forof?: { iter: number; save: number; async?: boolean } }
  | { k: 'block'; labels: string[]; brk: Label; isSwitch: boolean }
  | { k: 'try'; save: number }
  | { k: 'finally'; save: number; kind: number; value: number; entry: Label; jumps: { id: number; act: JumpAct }[] };

export type JumpAct = { type: 'break' | 'continue'; target: Ctl } | { type: 'return'; reg: number };

export type Ref =
  | { k: 'id'; name: string; b: Binding | undefined; node: ts.Node }
  | { k: 'prop'; obj: number; name: string }
  | { k: 'elem'; obj: number; key: number }
  | { k: 'private'; obj: number; pn: number; node: ts.PrivateIdentifier }
  | { k: 'super'; key: number; node: ts.Node };

/** Where a destructured value comes from, for V8's TypeErrors (the top-level pattern only). */
export type DestructSrc = { expr?: ts.Expression; param?: boolean };

/** The ops of Intrinsic.AsyncGeneratorOp (runtime/prelude/generator.ts). */
export const AG = {
  Yield: 0, Resumption: 1, ReturnValue: 2, SetReturn: 3, Finish: 4, FinishThrow: 5, GetAsyncIterator: 6, Next: 7, Check: 8, Close: 9,
  DelegateCall: 10, DelegateResult: 11, DelegateStart: 12, DelegateResumed: 13, DelegateValue: 14,
} as const;

/** V8's message for a for..of / spread / destructuring source expression that is not iterable. */
export function notIterableText(e: ts.Expression): string {
  const x = skipParens(e);
  if (ts.isCallExpression(x)) return `${calleeText(x.expression)} is not a function or its return value is not iterable`;
  return `${calleeText(x)} is not iterable`;
}

/** Expressions V8 names in "x is not iterable" for array destructuring: variables and literals (else its builtin wording). */
export function namedIterable(e: ts.Expression): boolean {
  const x = skipParens(e);
  return ts.isIdentifier(x) || ts.isLiteralExpression(x) || x.kind === K.NullKeyword || x.kind === K.TrueKeyword || x.kind === K.FalseKeyword;
}

const superUse = new WeakMap<ts.Node, boolean>();

/**
 * Whether function f's own code reads or writes a super property: its body and parameters
 * and the arrows in them (which take their home object from f), not other functions or
 * classes.
 */
export function usesSuperProperty(f: ts.Node): boolean {
  let r = superUse.get(f);
  if (r !== undefined) return r;
  r = false;
  const visit = (n: ts.Node): void => {
    if (r) return;
    if (n.kind === K.SuperKeyword && (ts.isPropertyAccessExpression(n.parent) || ts.isElementAccessExpression(n.parent)) && n.parent.expression === n) {
      r = true;
      return;
    }
    if ((isFunctionLike(n) && !ts.isArrowFunction(n)) || ts.isClassLike(n)) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(f, visit);
  superUse.set(f, r);
  return r;
}

/** Destructuring patterns of declarations and assignments, in one form. */
export type Pat =
  | { k: 'leaf'; node: ts.Node; store: (v: number) => void; name?: string }
  | { k: 'array'; node: ts.Node; elems: ({ pat: Pat; init?: ts.Expression } | null)[]; rest?: Pat }
  | { k: 'object'; node: ts.Node; props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[]; rest?: Pat };

export type DeclMode = 'var' | 'let' | 'const' | 'param' | 'catch';

export interface ClassInfo {
  hasInit: boolean;
  derived: boolean;
}

export function isSimple(n: ts.Node): boolean {
  switch (n.kind) {
    case K.NumericLiteral: case K.StringLiteral: case K.NoSubstitutionTemplateLiteral: case K.TrueKeyword:
    case K.FalseKeyword: case K.NullKeyword: case K.ThisKeyword: case K.FunctionExpression: case K.ArrowFunction:
      return true;
    case K.ParenthesizedExpression:
      return isSimple((n as ts.ParenthesizedExpression).expression);
    default:
      return false;
  }
}

const assignsMemo = new WeakMap<ts.Node, boolean>();

/**
 * Can evaluating n assign a variable? (An assignment, compound assignment or ++/-- anywhere
 * inside, nested functions included: conservative.) A register holding a local variable
 * that is not captured can only change through such an expression in the same function.
 */
export function containsAssignment(n: ts.Node): boolean {
  let r = assignsMemo.get(n);
  if (r !== undefined) return r;
  if (ts.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment) r = true;
  else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n))
    && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) r = true;
  else r = ts.forEachChild(n, (c) => (containsAssignment(c) ? true : undefined)) === true;
  assignsMemo.set(n, r);
  return r;
}

/**
 * Does expr(n, d) write d only once, after reading everything it reads (so d may be the
 * register of a variable that n itself reads)? True for the forms whose code ends in one
 * instruction writing d.
 */
export function writesTargetLast(n: ts.Expression): boolean {
  n = skipParens(n);
  switch (n.kind) {
    case K.NumericLiteral: case K.StringLiteral: case K.NoSubstitutionTemplateLiteral:
    case K.TrueKeyword: case K.FalseKeyword: case K.NullKeyword:
    case K.FunctionExpression: case K.ArrowFunction: case K.NewExpression:
    case K.ArrayLiteralExpression: case K.ObjectLiteralExpression: case K.TemplateExpression:
      return true;
    case K.BinaryExpression:
      return BINARY_OPS.has((n as ts.BinaryExpression).operatorToken.kind) && !ts.isPrivateIdentifier((n as ts.BinaryExpression).left);
    case K.PrefixUnaryExpression: {
      const op = (n as ts.PrefixUnaryExpression).operator;
      return op !== K.PlusPlusToken && op !== K.MinusMinusToken;
    }
    case K.CallExpression:
    case K.PropertyAccessExpression:
    case K.ElementAccessExpression: {
      const e = n as ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression;
      return e.expression.kind !== K.SuperKeyword && !(e.flags & ts.NodeFlags.OptionalChain);
    }
    case K.ConditionalExpression: {
      const c = n as ts.ConditionalExpression;
      return writesTargetLast(c.whenTrue) && writesTargetLast(c.whenFalse);
    }
    default:
      return false;
  }
}

/**
 * Can code see the TDZ hole of a binding that lives in a register? Only through a read at
 * a position before its declaration ends (needsTdz's CheckHole), or anywhere in a switch
 * (cases run out of textual order). A register binding is not captured, so nested
 * functions do not count. Without such a read the hole is never loaded. Conservative:
 * any identifier with the name before the end of the declaration counts, other than a
 * declaration's own name.
 */
export function holeObservable(b: Binding): boolean {
  if (b.scope.kind === 'switch') return true;
  const visit = (n: ts.Node): boolean => {
    if (n.pos >= b.declEnd) return false;
    if (ts.isIdentifier(n) && n.text === b.name) {
      const p = n.parent as ts.Node & { name?: ts.Node };
      if (!(p && p.name === n && !ts.isShorthandPropertyAssignment(p))) return true;
    }
    return ts.forEachChild(n, visit) === true;
  };
  return visit(b.scope.node);
}

/** Does the code of function `root` (not nested functions) read undefined: plain calls
 *  (their this), `return;`, the identifier undefined? */
export function usesUndefined(root: ts.Node): boolean {
  // falling off the end returns undefined
  if (!isFunctionLike(root) || !root.body) return true;
  if (ts.isBlock(root.body)) {
    const last = root.body.statements[root.body.statements.length - 1];
    if (!last || !(ts.isReturnStatement(last) || ts.isThrowStatement(last))) return true;
  }
  const visit = (n: ts.Node): boolean => {
    if (n !== root && (isFunctionLike(n) || ts.isClassLike(n))) return false;
    if (ts.isCallExpression(n)) {
      const callee = skipParens(n.expression);
      if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee) && callee.kind !== K.SuperKeyword) return true;
    }
    if (ts.isReturnStatement(n) && !n.expression) return true;
    if (ts.isIdentifier(n) && n.text === 'undefined') return true;
    return ts.forEachChild(n, visit) === true;
  };
  return visit(root);
}

/** How many times function `root`'s own code (not nested functions) mentions `this`. */
export function thisUses(root: ts.Node): number {
  let n = 0;
  const visit = (x: ts.Node): void => {
    if (x !== root && (isFunctionLike(x) || ts.isClassLike(x))) return;
    if (x.kind === K.ThisKeyword) n++;
    ts.forEachChild(x, visit);
  };
  visit(root);
  return n;
}

/** The key of a constant in FnCompiler.constRegs. */
export function constKey(v: number | string): string {
  return typeof v === 'string' ? `s:${v}` : Object.is(v, -0) ? 'n:-0' : `n:${v}`;
}

const MAX_LOOP_CONSTANTS = 8;

/**
 * The constants a loop reads as operands (of binary operators other than an immediate of
 * AddInt/SubInt, element keys, case labels), most used first. Nested functions are not
 * looked into.
 */
export function loopConstants(loop: ts.Node, minUses = 1): [string, number | string][] {
  const uses = new Map<string, { v: number | string; n: number }>();
  const add = (key: string, v: number | string) => {
    const u = uses.get(key);
    if (u) u.n++; else uses.set(key, { v, n: 1 });
  };
  const literal = (e: ts.Expression): number | string | undefined | null => {
    e = skipParens(e);
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isPrefixUnaryExpression(e) && e.operator === K.MinusToken && ts.isNumericLiteral(skipParens(e.operand))) {
      return -Number((skipParens(e.operand) as ts.NumericLiteral).text);
    }
    return null;
  };
  const operand = (e: ts.Expression) => {
    const v = literal(e);
    if (v !== null && v !== undefined) add(constKey(v), v);
  };
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      const name = BINARY_OPS.get(op) ?? COMPOUND_OPS.get(op);
      if (name) {
        if (BINARY_OPS.has(op)) operand(n.left);
        if (!((name === 'Add' || name === 'Sub') && int32Literal(n.right) !== undefined)) operand(n.right);
      }
    } else if (ts.isElementAccessExpression(n)) {
      operand(n.argumentExpression);
    } else if (ts.isCaseClause(n)) {
      operand(n.expression);
    }
    ts.forEachChild(n, visit);
  };
  visit(loop);
  return [...uses.entries()].filter(([, u]) => u.n >= minUses).sort((x, y) => y[1].n - x[1].n).slice(0, MAX_LOOP_CONSTANTS).map(([k, u]) => [k, u.v]);
}

export function isTrueLiteral(n: ts.Expression): boolean {
  return skipParens(n).kind === K.TrueKeyword;
}

/** The value of an integer literal that fits int32 (the immediate of AddInt/SubInt). */
export function int32Literal(n: ts.Expression): number | undefined {
  n = skipParens(n);
  let v: number;
  if (ts.isNumericLiteral(n)) v = Number(n.text);
  else if (ts.isPrefixUnaryExpression(n) && n.operator === K.MinusToken && ts.isNumericLiteral(skipParens(n.operand))) {
    v = -Number((skipParens(n.operand) as ts.NumericLiteral).text);
  } else return undefined;
  return Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0) ? v : undefined;
}

export function hasModifier(n: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(n) ? (ts.getModifiers(n)?.some((m) => m.kind === kind) ?? false) : false;
}

export function isStaticMember(m: ts.ClassElement): boolean {
  return hasModifier(m, K.StaticKeyword);
}

export function skipParens(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

/** A function whose name is given by its syntactic position (NamedEvaluation). */
export function isAnonymousFunction(n: ts.Node): boolean {
  n = ts.isParenthesizedExpression(n) ? skipParens(n) : n;
  return ts.isArrowFunction(n) || ((ts.isFunctionExpression(n) || ts.isClassExpression(n)) && !n.name);
}

/** A function's `length`: the parameters before the first with a default or the rest parameter. */
export function functionLength(params: readonly ts.ParameterDeclaration[]): number {
  const i = params.findIndex((p) => p.initializer !== undefined || p.dotDotDotToken !== undefined);
  return i < 0 ? params.length : i;
}

export function propertyNameText(n: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isNumericLiteral(n)) return String(Number(n.text));
  return undefined;
}
