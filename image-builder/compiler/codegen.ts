// Code generation: one FnCompiler per function turns the TypeScript AST of the bundled
// JavaScript into register bytecode. Scopes come from scope.ts; captured bindings live in
// Env slots, the others in registers. Every AST node kind not handled here is reported as
// a CompileError at its original TypeScript position.

import ts from 'typescript';
import {
  FunctionFlag, Intrinsic, NATIVES, OPCODES, OPERAND_SIZE, Op, type CompiledFunction, type CompiledModule, type Constant, type OpcodeName,
} from '../bytecode/index.ts';
import { FunctionEmitter, Label, RegisterOverflow, MAX_REGISTERS } from './emitter.ts';
import { CompileError } from './errors.ts';
import { Scope, ScopeAnalysis, boundNames, isFunctionLike, isLexical, type Binding, type FnInfo } from './scope.ts';
import type { SourceMap } from './sourcemap.ts';
import { calleeText } from './callee-text.ts';
import { checkRegExpLiteral } from './regexp-literal.ts';

const K = ts.SyntaxKind;

/** Error kinds of the ThrowError instruction. */
const TYPE_ERROR = 0, REFERENCE_ERROR = 1;

const SUPER_NOT_CALLED = "Must call super constructor in derived class before accessing 'this' or returning from derived constructor";

const BINARY_OPS = new Map<ts.SyntaxKind, string>([
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
const FUSED_JUMPS = new Map<ts.SyntaxKind, [OpcodeName, OpcodeName]>([
  [K.LessThanToken, ['JumpIfLt', 'JumpIfNotLt']], [K.LessThanEqualsToken, ['JumpIfLe', 'JumpIfNotLe']],
  [K.GreaterThanToken, ['JumpIfGt', 'JumpIfNotGt']], [K.GreaterThanEqualsToken, ['JumpIfGe', 'JumpIfNotGe']],
  [K.EqualsEqualsEqualsToken, ['JumpIfStrictEq', 'JumpIfStrictNe']], [K.ExclamationEqualsEqualsToken, ['JumpIfStrictNe', 'JumpIfStrictEq']],
]);

const COMPOUND_OPS = new Map<ts.SyntaxKind, string>([
  [K.PlusEqualsToken, 'Add'], [K.MinusEqualsToken, 'Sub'], [K.AsteriskEqualsToken, 'Mul'], [K.SlashEqualsToken, 'Div'],
  [K.PercentEqualsToken, 'Mod'], [K.AsteriskAsteriskEqualsToken, 'Exp'], [K.AmpersandEqualsToken, 'BitAnd'],
  [K.BarEqualsToken, 'BitOr'], [K.CaretEqualsToken, 'BitXor'], [K.LessThanLessThanEqualsToken, 'Shl'],
  [K.GreaterThanGreaterThanEqualsToken, 'Shr'], [K.GreaterThanGreaterThanGreaterThanEqualsToken, 'UShr'],
]);

/** Readable names for the constructs that are rejected. */
function describe(n: ts.Node): string {
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

type Ctl =
  | { k: 'loop'; labels: string[]; brk: Label; cont: Label; forof?: { iter: number; save: number; async?: boolean } }
  | { k: 'block'; labels: string[]; brk: Label; isSwitch: boolean }
  | { k: 'try'; save: number }
  | { k: 'finally'; save: number; kind: number; value: number; entry: Label; jumps: { id: number; act: JumpAct }[] };

type JumpAct = { type: 'break' | 'continue'; target: Ctl } | { type: 'return'; reg: number };

type Ref =
  | { k: 'id'; name: string; b: Binding | undefined; node: ts.Node }
  | { k: 'prop'; obj: number; name: string }
  | { k: 'elem'; obj: number; key: number }
  | { k: 'private'; obj: number; pn: number; node: ts.PrivateIdentifier }
  | { k: 'super'; key: number; node: ts.Node };

/** Where a destructured value comes from, for V8's TypeErrors (the top-level pattern only). */
type DestructSrc = { expr?: ts.Expression; param?: boolean };

/** The ops of Intrinsic.AsyncGeneratorOp (runtime/prelude/generator.ts). */
const AG = {
  Yield: 0, Resumption: 1, ReturnValue: 2, SetReturn: 3, Finish: 4, FinishThrow: 5, GetAsyncIterator: 6, Next: 7, Check: 8, Close: 9,
  DelegateCall: 10, DelegateResult: 11, DelegateStart: 12, DelegateResumed: 13, DelegateValue: 14,
} as const;

/** V8's message for a for..of / spread / destructuring source expression that is not iterable. */
function notIterableText(e: ts.Expression): string {
  const x = skipParens(e);
  if (ts.isCallExpression(x)) return `${calleeText(x.expression)} is not a function or its return value is not iterable`;
  return `${calleeText(x)} is not iterable`;
}

/** Expressions V8 names in "x is not iterable" for array destructuring: variables and literals (else its builtin wording). */
function namedIterable(e: ts.Expression): boolean {
  const x = skipParens(e);
  return ts.isIdentifier(x) || ts.isLiteralExpression(x) || x.kind === K.NullKeyword || x.kind === K.TrueKeyword || x.kind === K.FalseKeyword;
}

const superUse = new WeakMap<ts.Node, boolean>();

/**
 * Whether function f's own code reads or writes a super property: its body and parameters
 * and the arrows in them (which take their home object from f), not other functions or
 * classes.
 */
function usesSuperProperty(f: ts.Node): boolean {
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
type Pat =
  | { k: 'leaf'; node: ts.Node; store: (v: number) => void; name?: string }
  | { k: 'array'; node: ts.Node; elems: ({ pat: Pat; init?: ts.Expression } | null)[]; rest?: Pat }
  | { k: 'object'; node: ts.Node; props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[]; rest?: Pat };

type DeclMode = 'var' | 'let' | 'const' | 'param' | 'catch';

interface ClassInfo {
  hasInit: boolean;
  derived: boolean;
}

/**
 * How a module is compiled apart from the bundle's own code (compile.ts, the cached prelude):
 * `base` is an already compiled module whose functions and constants this one extends (its
 * functions keep their indices; the new top level calls base's entry first, before anything
 * else, so the base installs the globals as the bundled prelude did); `eventLoop: false`
 * leaves out the event-loop call at the end of the top level (the base's own top level).
 */
export interface ModuleCompilerOptions {
  base?: CompiledModule;
  eventLoop?: boolean;
  /** Keep each program function's source text for Function.prototype.toString (default true). */
  functionSources?: boolean;
}

/** The pc under which a function's callee-name table holds its source text (docs/bytecode.md). */
export const SOURCE_TEXT_PC = 0xffffffff;

export class ModuleCompiler {
  readonly functions: (CompiledFunction | undefined)[] = [];
  readonly constants: Constant[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly analysis: ScopeAnalysis;
  readonly classInfo = new Map<ts.Node, ClassInfo>();
  /** Index of the base module's entry function, called first by the top level (-1: none). */
  baseEntry = -1;
  /** Source-map file indices of this bundle start here (after the base module's files). */
  private fileBase = 0;
  /** Whether the top level ends by running the event loop (see ModuleCompilerOptions). */
  eventLoop = true;
  /** See ModuleCompilerOptions.functionSources. */
  functionSources = true;

  /** libraryFiles: source indices of the runtime library (its calls get no callee names). */
  constructor(readonly sf: ts.SourceFile, readonly map: SourceMap, readonly files: string[],
    readonly libraryFiles: ReadonlySet<number> = new Set(),
    /** Natives the target lacks (tsvm: the kernel-only ones): calling one is a compile error. */
    readonly unavailableNatives: ReadonlySet<string> = new Set()) {
    this.analysis = new ScopeAnalysis(sf);
  }

  /**
   * Compiles on top of opts.base and/or without the event loop; call before compile().
   * With a base, `files` must start with the base's files and libraryFiles count from there.
   */
  configure(opts: ModuleCompilerOptions): this {
    this.eventLoop = opts.eventLoop !== false;
    this.functionSources = opts.functionSources !== false;
    const base = opts.base;
    if (base) {
      if (this.functions.length || this.constants.length) throw new Error('configure() after compiling');
      this.functions.push(...base.functions);
      for (const c of base.constants) this.constant(c);
      if (this.constants.length !== base.constants.length) throw new Error('the base module has duplicate constants');
      this.baseEntry = base.entry;
      this.fileBase = base.files.length;
      // Inline-cache numbers continue after the base's, so its sites and ours stay apart.
      this.icCount = base.functions.reduce((n, f) => n + f.icCount, 0);
    }
    return this;
  }

  compile(): CompiledModule {
    const entry = this.compileFunction(this.analysis.top, 'top', FunctionFlag.TopLevel, this.sf, (c) => c.topLevel());
    return {
      functions: this.functions.map((f) => f!),
      constants: this.constants,
      files: this.files,
      entry,
    };
  }

  private icCount = 0;

  /** A new inline-cache number: numbered across the module (u16, wrapping), so that the
   *  property accesses of different functions use different cache entries. */
  inlineCache(): number {
    return this.icCount++ & 0xffff;
  }

  constant(v: Constant): number {
    const key = typeof v === 'number' ? (Object.is(v, -0) ? 'n:-0' : `n:${v}`) : `s:${v}`;
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.constants.length;
      if (i > 0xffff) throw new CompileError('more than 65536 constants in the module');
      this.constants.push(v);
      this.constIndex.set(key, i);
    }
    return i;
  }

  /** Original TypeScript position of a node: [file, 1-based line, 0-based column]. */
  original(n: ts.Node): [number, number, number] {
    const lc = this.sf.getLineAndCharacterOfPosition(n.getStart(this.sf));
    const o = this.map.lookup(lc.line, lc.character);
    if (!o) return [this.fileBase, lc.line + 1, lc.character];
    return [this.fileBase + o.source, o.line + 1, o.column];
  }

  /**
   * An identifier's name as written in the original source: esbuild renames colliding
   * top-level names when it bundles (the prelude's `parseInt` becomes `parseInt3`), and
   * function names, class names and stacks must show the original (the source map keeps it).
   */
  originalName(id: ts.Identifier): string {
    const lc = this.sf.getLineAndCharacterOfPosition(id.getStart(this.sf));
    return this.map.nameAt(lc.line, lc.character) ?? id.text;
  }

  where(n: ts.Node): string {
    const [f, line, col] = this.original(n);
    return `${this.files[f] ?? 'bundle.js'}:${line}:${col + 1}`;
  }

  unsupported(n: ts.Node, what: string = describe(n)): never {
    throw new CompileError(`${this.where(n)}: ${what} is not supported`);
  }

  compileFunction(info: FnInfo, name: string | undefined, flags: number, posNode: ts.Node,
    body: (c: FnCompiler) => void, paramCount = 0, length = 0): number {
    const index = this.functions.length;
    this.functions.push(undefined);
    const c = new FnCompiler(this, info, paramCount);
    try {
      body(c);
      c.dropUnusedEnv();
    } catch (err) {
      if (err instanceof RegisterOverflow) {
        throw new CompileError(`${this.where(posNode)}: function '${name ?? '<anonymous>'}' needs more than ${MAX_REGISTERS} registers`);
      }
      throw err;
    }
    const source = this.sourceText(posNode, flags, name);
    if (source !== undefined) c.em.calleeNames.push({ pc: SOURCE_TEXT_PC, constant: this.constant(source) });
    this.functions[index] = {
      name, paramCount, length, registerCount: c.em.maxRegs, icCount: c.em.icCount, flags,
      code: Uint8Array.from(c.em.bytes), sourceMap: c.em.sourceMap, calleeNames: c.em.calleeNames,
    };
    return index;
  }

  /**
   * What Function.prototype.toString gives for a program's function: its text in the bundle
   * (the JavaScript Node runs): a class's whole text for its constructor, a method without
   * `static`. None for the runtime library, the top level and the compiler's own functions.
   */
  private sourceText(n: ts.Node, flags: number, name: string | undefined): string | undefined {
    if (!this.functionSources || (flags & FunctionFlag.TopLevel) || (name !== undefined && name.startsWith('<'))) return undefined;
    if (n.pos < 0 || this.libraryFiles.has(this.original(n)[0])) return undefined;
    let node = n;
    if (flags & FunctionFlag.ClassConstructor) node = ts.isClassLike(n) ? n : n.parent;
    else if (!isFunctionLike(n)) return undefined;
    let text = node.getText(this.sf);
    if ((ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && hasModifier(node, K.StaticKeyword)) {
      text = text.replace(/^static\s+/, '');
    }
    return text;
  }
}

function isSimple(n: ts.Node): boolean {
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
function containsAssignment(n: ts.Node): boolean {
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
function writesTargetLast(n: ts.Expression): boolean {
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
function holeObservable(b: Binding): boolean {
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
function usesUndefined(root: ts.Node): boolean {
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
function thisUses(root: ts.Node): number {
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
function constKey(v: number | string): string {
  return typeof v === 'string' ? `s:${v}` : Object.is(v, -0) ? 'n:-0' : `n:${v}`;
}

const MAX_LOOP_CONSTANTS = 8;

/**
 * The constants a loop reads as operands (of binary operators other than an immediate of
 * AddInt/SubInt, element keys, case labels), most used first. Nested functions are not
 * looked into.
 */
function loopConstants(loop: ts.Node): [string, number | string][] {
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
  return [...uses.entries()].sort((x, y) => y[1].n - x[1].n).slice(0, MAX_LOOP_CONSTANTS).map(([k, u]) => [k, u.v]);
}

function isTrueLiteral(n: ts.Expression): boolean {
  return skipParens(n).kind === K.TrueKeyword;
}

/** The value of an integer literal that fits int32 (the immediate of AddInt/SubInt). */
function int32Literal(n: ts.Expression): number | undefined {
  n = skipParens(n);
  let v: number;
  if (ts.isNumericLiteral(n)) v = Number(n.text);
  else if (ts.isPrefixUnaryExpression(n) && n.operator === K.MinusToken && ts.isNumericLiteral(skipParens(n.operand))) {
    v = -Number((skipParens(n.operand) as ts.NumericLiteral).text);
  } else return undefined;
  return Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0) ? v : undefined;
}

function hasModifier(n: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(n) ? (ts.getModifiers(n)?.some((m) => m.kind === kind) ?? false) : false;
}

function isStaticMember(m: ts.ClassElement): boolean {
  return hasModifier(m, K.StaticKeyword);
}

function skipParens(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

/** A function whose name is given by its syntactic position (NamedEvaluation). */
function isAnonymousFunction(n: ts.Node): boolean {
  n = ts.isParenthesizedExpression(n) ? skipParens(n) : n;
  return ts.isArrowFunction(n) || ((ts.isFunctionExpression(n) || ts.isClassExpression(n)) && !n.name);
}

export class FnCompiler {
  readonly em: FunctionEmitter;
  private readonly ctl: Ctl[] = [];
  private scope: Scope;
  private envIn = -1;
  private curEnv = -1;
  private readonly locals = new Set<number>();
  /** Parameters of this function not yet initialised while the parameter list runs. */
  private readonly pendingParams = new Set<Binding>();
  /** See undefinedValue(). */
  private undefReg = -1;
  /** See reserveThis(). */
  private thisReg = -1;
  /** Loops being compiled, and the registers holding their constants (see loop()). */
  private loopDepth = 0;
  private readonly constRegs = new Map<string, number>();
  /** In an async function: the register holding its result promise (else -1). */
  private asyncPromise = -1;
  /** In an async function: the TryEnter save register of the handler around its body. */
  private asyncSave = -1;
  /** In a generator function: the register holding its generator object (else -1). */
  private genReg = -1;
  /** In an async generator: the TryEnter save register of the handler around its body (else -1). */
  private asyncGenSave = -1;

  constructor(readonly m: ModuleCompiler, readonly fn: FnInfo, paramCount: number) {
    this.em = new FunctionEmitter(() => m.inlineCache());
    this.scope = fn.scope;
    for (let i = 0; i < paramCount; i++) this.em.alloc();
  }

  // ---- small helpers -----------------------------------------------------------------

  private get analysis(): ScopeAnalysis {
    return this.m.analysis;
  }

  private mark(n: ts.Node): void {
    if (n.pos < 0) return;
    const [f, line, col] = this.m.original(n);
    this.em.position(f, line, col);
  }

  private unsupported(n: ts.Node, what?: string): never {
    return this.m.unsupported(n, what);
  }

  private alloc(): number {
    return this.em.alloc();
  }

  private get top(): number {
    return this.em.top;
  }

  private set top(v: number) {
    this.em.top = v;
    for (const r of this.locals) if (r >= v) this.locals.delete(r);
  }

  private k(v: Constant): number {
    return this.m.constant(v);
  }

  private loadNumber(d: number, v: number): void {
    if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0)) this.em.emit('LoadInt', d, v);
    else this.em.emit('LoadConst', d, this.k(v));
  }

  private loadString(d: number, s: string): number {
    this.em.emit('LoadConst', d, this.k(s));
    return d;
  }

  private undef(): number {
    const r = this.alloc();
    this.em.emit('LoadUndefined', r);
    return r;
  }

  /**
   * A register that holds undefined to be read (never written): registers start as
   * undefined and this one is reserved at function entry and never written, so it costs no
   * instruction. Falls back to a LoadUndefined when none was reserved.
   */
  private undefinedValue(): number {
    return this.undefReg >= 0 ? this.undefReg : this.undef();
  }

  /** Reserves undefReg when the function's own code has a use for it. */
  private reserveUndefined(): void {
    if (usesUndefined(this.fn.node)) this.undefReg = this.alloc();
  }

  /** A register whose value later evaluation of `later` cannot change (undefined in
   *  `later`: code not known here). */
  private stable(r: number, later: readonly (ts.Node | undefined)[] = [undefined]): number {
    if (!this.locals.has(r)) return r;
    if (later.every((n) => n !== undefined && (isSimple(n) || !containsAssignment(n)))) return r;
    const t = this.alloc();
    this.em.emit('Move', t, r);
    return t;
  }

  private to(d: number | undefined, r: number): number {
    if (d === undefined || d === r) return r;
    this.em.emit('Move', d, r);
    return d;
  }

  private withTemps<T>(f: () => T): T {
    const mark = this.top;
    try {
      return f();
    } finally {
      this.top = mark;
    }
  }

  // ---- scopes and bindings -----------------------------------------------------------

  /** Environment access; slot numbers beyond a byte use the wide forms. */
  private envNew(dst: number, parent: number, slots: number): void {
    if (slots <= 255) this.em.emit('EnvNew', dst, parent, slots);
    else this.em.emit('EnvNewWide', dst, parent, slots);
  }

  private envLoad(dst: number, env: number, slot: number): void {
    if (slot <= 255) this.em.emit('EnvLoad', dst, env, slot);
    else this.em.emit('EnvLoadWide', dst, env, slot);
  }

  private envStore(env: number, slot: number, src: number): void {
    if (slot <= 255) this.em.emit('EnvStore', env, slot, src);
    else this.em.emit('EnvStoreWide', env, slot, src);
  }

  private enterScope(scope: Scope, statements: readonly ts.Statement[] = []): void {
    this.scope = scope;
    if (scope.needsEnv) {
      const r = this.alloc();
      this.envNew(r, this.curEnv, scope.envSlots);
      scope.envReg = r;
      this.curEnv = r;
    }
    for (const b of scope.bindings.values()) {
      if (b.captured) {
        if (b.kind === 'var') {
          this.withTemps(() => this.envStore(scope.envReg, b.slot, this.undef()));
        }
        continue;
      }
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

  private hoistFunctions(statements: readonly ts.Statement[]): void {
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name) {
        this.withTemps(() => {
          const r = this.closure(s, s.name!.text);
          this.storeBinding(this.scope.lookup(s.name!.text)!, r, true, s);
        });
      }
    }
  }

  private exitScope(scope: Scope, outer: Scope): void {
    if (scope.needsEnv) {
      // The parent of the scope's Env is the previous current Env.
      this.curEnv = this.envOf(outer);
    }
    this.scope = outer;
  }

  /** The innermost Env register of this function at `scope`. */
  private envOf(scope: Scope): number {
    for (let s: Scope | undefined = scope; s && s.fn === this.fn; s = s.parent) if (s.needsEnv && s.envReg >= 0) return s.envReg;
    return this.envIn;
  }

  /** A register holding the Env of `scope` (in this or an enclosing function). */
  private envFor(scope: Scope): number {
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

  private needsTdz(b: Binding, at: ts.Node): boolean {
    if (b.kind === 'param') return b.captured && b.scope.fn !== this.fn && this.inParameterList(b.scope.fn);
    if (!(b.kind === 'let' || b.kind === 'const' || b.kind === 'class' || b.kind === 'classname')) return false;
    return !(b.scope.fn === this.fn && at.pos >= b.declEnd && b.scope.kind !== 'switch');
  }

  /** `this` of a derived class constructor: the hole until super() returns. */
  private isDerivedThis(b: Binding): boolean {
    if (b.kind !== 'this' || b.scope.fn.kind !== 'ctor') return false;
    return this.m.classInfo.get(b.scope.fn.node.parent)?.derived === true;
  }

  private checkThis(b: Binding, r: number): void {
    if (this.isDerivedThis(b)) this.em.emit('CheckHoleError', r, REFERENCE_ERROR, this.k(SUPER_NOT_CALLED));
  }

  /** Is this function nested in the parameter list of `outer` (where its parameters may be uninitialised)? */
  private inParameterList(outer: FnInfo): boolean {
    let f: FnInfo = this.fn;
    while (f.parent && f.parent !== outer) f = f.parent;
    if (f.parent !== outer || !isFunctionLike(outer.node)) return false;
    const params = outer.node.parameters;
    return f.node.pos >= params.pos && f.node.end <= params.end;
  }

  /** A parameter read or assigned by the parameter list before it is initialised. */
  private pendingParam(b: Binding): boolean {
    if (!this.pendingParams.has(b)) return false;
    this.em.emit('ThrowError', REFERENCE_ERROR, this.k(`Cannot access '${b.name}' before initialization`));
    return true;
  }

  private loadBinding(b: Binding, at: ts.Node, d?: number): number {
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
  private plainLocal(b: Binding | undefined, at: ts.Node, init = false): number {
    if (!b || b.captured || b.reg < 0 || b.scope.fn !== this.fn || this.pendingParams.has(b)) return -1;
    if (!init && !['var', 'let', 'param', 'function', 'catch', 'class'].includes(b.kind)) return -1;
    if (!init && this.needsTdz(b, at)) return -1;
    return b.reg;
  }

  private storeBinding(b: Binding, v: number, init: boolean, at: ts.Node): void {
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

  private globalObject(): number {
    const g = this.alloc();
    this.em.emit('CallNative', g, this.nativeId('globalObject'), g, 0);
    return g;
  }

  private nativeId(name: string): number {
    const i = NATIVES.findIndex((n) => n.name === name);
    if (i < 0) throw new Error(`no native ${name}`);
    return i;
  }

  private identifier(n: ts.Identifier, d?: number): number {
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
  private closure(n: ts.FunctionLikeDeclaration, nameHint?: string, d?: number): number {
    const info = this.analysis.fns.get(n);
    if (!info) throw new Error('function without scope info');
    let name = n.name && ts.isIdentifier(n.name) ? this.m.originalName(n.name)
      : n.name && !ts.isComputedPropertyName(n.name) ? propertyNameText(n.name) : nameHint;
    if (ts.isGetAccessorDeclaration(n)) name = `get ${name ?? ''}`;
    if (ts.isSetAccessorDeclaration(n)) name = `set ${name ?? ''}`;
    let flags = 0;
    if (ts.isArrowFunction(n)) flags |= FunctionFlag.Arrow;
    if (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) flags |= FunctionFlag.Method;
    if (hasModifier(n, K.AsyncKeyword)) flags |= FunctionFlag.Async;
    if (n.asteriskToken) flags |= FunctionFlag.Generator;
    const params = n.parameters.filter((p) => !p.dotDotDotToken).length;
    const idx = this.m.compileFunction(info, name, flags, n, (c) => c.functionBody(n), params, functionLength(n.parameters));
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

  private prologue(): void {
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
  private reserveThis(): void {
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
  private enterFunctionScope(statements: readonly ts.Statement[], params: readonly ts.ParameterDeclaration[]): void {
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

  private parameters(params: readonly ts.ParameterDeclaration[]): void {
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
  private applyDefault(v: number, init: ts.Expression, nameHint?: string): void {
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
      this.statements(body.statements);
      if (finishL) this.asyncGeneratorFinish(this.undefinedValue());
      else this.emitReturn(this.undefinedValue());
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
  private asyncGeneratorStart(): Label {
    this.asyncPromise = this.genReg;
    this.asyncGenSave = this.alloc();
    const handler = this.em.label();
    this.em.emit('TryEnter', this.asyncGenSave, handler);
    return handler;
  }

  /** The body of an async generator is done with value r: the head request settles with { value: r, done: true }. */
  private asyncGeneratorFinish(r: number): void {
    this.em.emit('TryLeave', this.asyncGenSave);
    this.withTemps(() => {
      const op = this.alloc();
      this.em.emit('LoadInt', op, AG.Finish);
      this.callIntrinsic(Intrinsic.AsyncGeneratorOp, [this.genReg, op, r]);
    });
    this.em.emit('Return', this.genReg);
  }

  /** AsyncGeneratorOp(gen, op, value) into d (a temporary when absent); gen undefined for the for-await ops. */
  private agOp(op: number, value: number, d?: number): void {
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
  private asyncStart(): Label {
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
  private generatorStart(): void {
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
  private callIntrinsic(id: number, args: number[], dst?: number): void {
    this.withTemps(() => {
      const f = this.alloc();
      const regs = args.map(() => this.alloc());
      args.forEach((a, i) => this.em.emit('Move', regs[i], a));
      this.em.emit('LoadIntrinsic', f, id);
      this.em.emit('Call', dst ?? f, f, f, regs.length ? regs[0] : f, regs.length);
    });
  }

  /** `yield v` (delegate false) or `yield* v` into d. */
  private yieldExpr(n: ts.YieldExpression, d?: number): number {
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
  private asyncYieldStar(n: ts.YieldExpression, r: number): number {
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
  private rethrowGeneratorReturn(e: number): void {
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
  private asyncReject(handler: Label): void {
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
  private emitReturn(r: number): void {
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
  private callFieldInit(cls: ts.Node): void {
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

  // ---- statements --------------------------------------------------------------------

  private statements(stmts: readonly ts.Statement[]): void {
    for (const s of stmts) this.withTemps(() => this.statement(s));
  }

  private block(stmts: readonly ts.Statement[], node: ts.Node): void {
    const scope = this.analysis.scopes.get(node);
    const outer = this.scope;
    const mark = this.top;
    if (scope && scope !== outer) this.enterScope(scope, stmts);
    this.statements(stmts);
    if (scope && scope !== outer) this.exitScope(scope, outer);
    this.top = mark;
  }

  private statement(s: ts.Statement, labels: string[] = []): void {
    if (ts.isIterationStatement(s, false)) return this.loop(s, () => this.statementNow(s, labels));
    this.statementNow(s, labels);
  }

  /**
   * A loop. The constants its operators read are loaded into registers once, before the
   * outermost loop of a nest, instead of at every use.
   */
  private loop(n: ts.IterationStatement, compile: () => void): void {
    const added: string[] = [];
    const mark = this.top;
    if (this.loopDepth === 0 && this.top < 192) {
      for (const [key, v] of loopConstants(n)) {
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

  private statementNow(s: ts.Statement, labels: string[]): void {
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
  private returnValue(e: ts.Expression): void {
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
  private jumpTarget(n: ts.BreakStatement | ts.ContinueStatement): Ctl {
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
  private plainJump(s: ts.Statement): Label | undefined {
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

  private labeled(labels: string[], body: () => void): void {
    const brk = this.em.label();
    this.ctl.push({ k: 'block', labels, brk, isSwitch: false });
    body();
    this.ctl.pop();
    this.em.bind(brk);
  }

  private loopBody(body: ts.Statement, c: Ctl): void {
    this.ctl.push(c);
    this.withTemps(() => this.statement(body));
    this.ctl.pop();
  }

  /** Leaves enclosing try/finally/for..of regions on the way to a break/continue/return. */
  private jumpOut(act: JumpAct): void {
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

  private closeIterator(f: { iter: number; save: number; async?: boolean }): void {
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
  private closeIteratorOnThrow(iter: number, save: number, exc: number): void {
    const rethrow = this.em.label();
    this.em.emit('TryEnter', save, rethrow);
    this.em.emit('IteratorClose', iter);
    this.em.bind(rethrow);
    this.em.emit('TryLeave', save);
    this.em.emit('Throw', exc);
  }

  private tryStatement(n: ts.TryStatement): void {
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

  private tryCatch(tryBlock: ts.Block, c: ts.CatchClause): void {
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

  private variableList(list: ts.VariableDeclarationList): void {
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

  private forStatement(n: ts.ForStatement, labels: string[]): void {
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

  /** Binds the loop variable of for..of / for..in to v (a fresh scope per iteration). */
  private bindLoopVariable(init: ts.ForInitializer, v: number): void {
    if (ts.isVariableDeclarationList(init)) {
      const d = init.declarations[0];
      if (init.declarations.length !== 1 || d.initializer) this.unsupported(init, 'this loop variable declaration');
      const mode: DeclMode = init.flags & ts.NodeFlags.Const ? 'const' : init.flags & ts.NodeFlags.Let ? 'let' : 'var';
      this.bindName(d.name, v, mode);
    } else {
      this.assignTo(init, v);
    }
  }

  private enterIterationScope(scope: Scope | undefined): void {
    if (!scope) return;
    if (scope.needsEnv) {
      this.envNew(scope.envReg, this.envOf(scope.parent!), scope.envSlots);
    }
  }

  private forAwait(n: ts.ForOfStatement, labels: string[]): void {
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

  private forOf(n: ts.ForOfStatement, labels: string[]): void {
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

  private forIn(n: ts.ForInStatement, labels: string[]): void {
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

  private switchStatement(n: ts.SwitchStatement, labels: string[]): void {
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

  // ---- destructuring -----------------------------------------------------------------

  private bindingPat(name: ts.BindingName, mode: DeclMode): Pat {
    if (ts.isIdentifier(name)) {
      const b = this.scope.lookup(name.text);
      if (!b) throw new Error(`undeclared binding ${name.text}`);
      return { k: 'leaf', node: name, name: name.text, store: (v) => this.storeBinding(b, v, mode !== 'var', name) };
    }
    if (ts.isArrayBindingPattern(name)) {
      const elems: ({ pat: Pat; init?: ts.Expression } | null)[] = [];
      let rest: Pat | undefined;
      for (const el of name.elements) {
        if (ts.isOmittedExpression(el)) elems.push(null);
        else if (el.dotDotDotToken) rest = this.bindingPat(el.name, mode);
        else elems.push({ pat: this.bindingPat(el.name, mode), init: el.initializer });
      }
      return { k: 'array', node: name, elems, rest };
    }
    const props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[] = [];
    let rest: Pat | undefined;
    for (const el of name.elements) {
      if (el.dotDotDotToken) { rest = this.bindingPat(el.name, mode); continue; }
      const key = el.propertyName ?? (el.name as ts.Identifier);
      props.push({ key, pat: this.bindingPat(el.name, mode), init: el.initializer });
    }
    return { k: 'object', node: name, props, rest };
  }

  private assignPat(target: ts.Expression): Pat {
    target = skipParens(target);
    if (ts.isArrayLiteralExpression(target)) {
      const elems: ({ pat: Pat; init?: ts.Expression } | null)[] = [];
      let rest: Pat | undefined;
      for (const el of target.elements) {
        if (ts.isOmittedExpression(el)) elems.push(null);
        else if (ts.isSpreadElement(el)) rest = this.assignPat(el.expression);
        else if (ts.isBinaryExpression(el) && el.operatorToken.kind === K.EqualsToken) elems.push({ pat: this.assignPat(el.left), init: el.right });
        else elems.push({ pat: this.assignPat(el) });
      }
      return { k: 'array', node: target, elems, rest };
    }
    if (ts.isObjectLiteralExpression(target)) {
      const props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[] = [];
      let rest: Pat | undefined;
      for (const p of target.properties) {
        if (ts.isSpreadAssignment(p)) rest = this.assignPat(p.expression);
        else if (ts.isShorthandPropertyAssignment(p)) props.push({ key: p.name, pat: this.assignPat(p.name), init: p.objectAssignmentInitializer });
        else if (ts.isPropertyAssignment(p)) {
          const init = p.initializer;
          if (ts.isBinaryExpression(init) && init.operatorToken.kind === K.EqualsToken) props.push({ key: p.name, pat: this.assignPat(init.left), init: init.right });
          else props.push({ key: p.name, pat: this.assignPat(init) });
        } else this.unsupported(p, 'this destructuring target');
      }
      return { k: 'object', node: target, props, rest };
    }
    return {
      k: 'leaf', node: target, name: ts.isIdentifier(target) ? target.text : undefined,
      store: (v) => this.withTemps(() => this.putRef(this.prepareRef(target, []), v)),
    };
  }

  private bindName(name: ts.BindingName, v: number, mode: DeclMode, src?: DestructSrc): void {
    this.destructure(this.bindingPat(name, mode), v, src);
  }

  private assignTo(target: ts.Expression, v: number, src?: DestructSrc): void {
    this.destructure(this.assignPat(target), v, src);
  }

  /**
   * Emits the GetIterator / ArraySpread of value register v (emit) under a handler that
   * gives V8's TypeError when v is not iterable (Intrinsic IterationError: kind 0, text the
   * message; 1, a call's spread argument, text its expression; 2, the builtin wording).
   */
  private guardIteration(v: number, text: string | undefined, kind: number, emit: () => void): void {
    const save = this.alloc(), handler = this.em.label(), ok = this.em.label();
    this.em.emit('TryEnter', save, handler);
    emit();
    this.em.emit('TryLeave', save);
    this.em.emit('Jump', ok);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.withTemps(() => {
      const e = this.alloc(), t = this.alloc(), k = this.alloc();
      this.em.emit('LoadException', e);
      if (text === undefined) this.em.emit('LoadUndefined', t);
      else this.loadString(t, text);
      this.em.emit('LoadInt', k, kind);
      this.callIntrinsic(Intrinsic.IterationError, [e, v, t, k]);
      this.em.emit('Throw', e);
    });
    this.em.bind(ok);
  }

  /** `const { a } = x` with x null or undefined: V8's "Cannot destructure ..." TypeError instead of a failed property read. */
  private objectCoercible(p: Extract<Pat, { k: 'object' }>, v: number, src: DestructSrc, body: () => void): void {
    const bad = this.em.label(), end = this.em.label();
    this.em.emit('JumpIfNullish', v, bad);
    body();
    this.em.emit('Jump', end);
    this.em.bind(bad);
    const first = p.props[0]?.key;
    const name = first && !ts.isComputedPropertyName(first) && !ts.isPrivateIdentifier(first) ? propertyNameText(first) : undefined;
    const message = (what: 'null' | 'undefined'): string => {
      const of = src.expr ? calleeText(skipParens(src.expr)) : what === 'null' ? 'object null' : 'undefined';
      return name !== undefined ? `Cannot destructure property '${name}' of '${of}' as it is ${what}.` : `Cannot destructure '${of}' as it is ${what}.`;
    };
    this.withTemps(() => {
      const isUndef = this.em.label();
      this.em.emit('JumpIfStrictEq', v, this.undef(), isUndef);
      this.em.emit('ThrowError', TYPE_ERROR, this.k(message('null')));
      this.em.bind(isUndef);
      this.em.emit('ThrowError', TYPE_ERROR, this.k(message('undefined')));
    });
    this.em.bind(end);
  }

  private destructure(p: Pat, v: number, src?: DestructSrc): void {
    if (p.k === 'leaf') return p.store(v);
    if (p.k === 'object' && src) return this.objectCoercible(p, v, src, () => this.destructure(p, v));
    this.mark(p.node);
    this.withTemps(() => {
      if (p.k === 'array') {
        const iter = this.alloc(), done = this.alloc(), save = this.alloc();
        if (src) {
          const named = src.expr !== undefined && namedIterable(src.expr);
          this.guardIteration(v, named ? notIterableText(src.expr!) : undefined, named ? 0 : 2, () => this.em.emit('GetIterator', iter, v));
        } else this.em.emit('GetIterator', iter, v);
        this.em.emit('LoadFalse', done);
        // An exception while the iterator is not done (a default, a nested pattern, a
        // store) closes it; `done` is true while next() runs, so its own errors do not.
        const handler = this.em.label(), after = this.em.label();
        this.em.emit('TryEnter', save, handler);
        for (const el of p.elems) {
          this.withTemps(() => {
            const x = this.alloc();
            const finished = this.em.label(), next = this.em.label();
            this.em.emit('LoadUndefined', x);
            this.em.emit('JumpIfTrue', done, next);
            this.em.emit('LoadTrue', done);
            this.em.emit('IteratorNext', x, iter, finished);
            this.em.emit('LoadFalse', done);
            this.em.emit('Jump', next);
            this.em.bind(finished);
            this.em.emit('LoadUndefined', x);
            this.em.bind(next);
            if (el) {
              if (el.init) this.applyDefault(x, el.init, el.pat.k === 'leaf' ? el.pat.name : undefined);
              this.destructure(el.pat, x);
            }
          });
        }
        if (p.rest) {
          this.withTemps(() => {
            const arr = this.alloc(), x = this.alloc();
            const loop = this.em.label(), fin = this.em.label();
            this.em.emit('NewArray', arr, arr, 0);
            this.em.emit('JumpIfTrue', done, fin);
            this.em.emit('LoadTrue', done);
            this.em.bind(loop);
            this.em.emit('IteratorNext', x, iter, fin);
            this.em.emit('ArrayPush', arr, x);
            this.em.emit('Jump', loop);
            this.em.bind(fin);
            this.destructure(p.rest!, arr);
          });
        }
        this.em.emit('TryLeave', save);
        const skip = this.em.label();
        this.em.emit('JumpIfTrue', done, skip);
        this.em.emit('IteratorClose', iter);
        this.em.bind(skip);
        this.em.emit('Jump', after);
        this.em.bind(handler);
        this.em.emit('TryLeave', save);
        this.withTemps(() => {
          const e = this.alloc();
          const rethrow = this.em.label();
          this.em.emit('LoadException', e);
          this.em.emit('JumpIfTrue', done, rethrow);
          this.closeIteratorOnThrow(iter, save, e);
          this.em.bind(rethrow);
          this.em.emit('Throw', e);
        });
        this.em.bind(after);
        return;
      }
      // object pattern
      if (!p.props.length && !p.rest) {
        // `{} = v` still requires an object-coercible value.
        const t = this.alloc();
        this.em.emit('GetProp', t, v, this.k('constructor'), this.em.ic());
      }
      const keys: number[] = [];
      for (const prop of p.props) {
        const key = this.alloc();
        keys.push(key);
        this.propertyKey(prop.key, key);
        this.withTemps(() => {
          const x = this.alloc();
          this.mark(prop.key);
          this.em.emit('GetElem', x, v, key);
          if (prop.init) this.applyDefault(x, prop.init, prop.pat.k === 'leaf' ? prop.pat.name : undefined);
          this.destructure(prop.pat, x);
        });
      }
      if (p.rest) {
        const o = this.alloc();
        this.em.emit('NewObject', o);
        this.em.emit('CopyDataProperties', o, v);
        for (const key of keys) this.em.emit('DeleteElem', key, o, key);
        this.destructure(p.rest, o);
      }
    });
  }

  /**
   * A function defined under a computed key gets its name at run time, as SetFunctionName
   * does: the key ("[desc]" for a symbol), with "get "/"set " for accessors
   * (`__native.setFunctionName`; a class that defined its own `name` keeps it).
   */
  private nameFromKey(f: number, key: number, prefix: '' | 'get' | 'set'): void {
    this.withTemps(() => {
      const args = this.alloc();
      this.alloc();
      this.alloc();
      this.em.emit('Move', args, f);
      this.em.emit('Move', args + 1, key);
      this.loadString(args + 2, prefix);
      this.em.emit('CallNative', args, this.nativeId('setFunctionName'), args, 3);
    });
  }

  /** Loads a property name's key (a string, or the converted computed key) into d. */
  private propertyKey(name: ts.PropertyName, d: number): void {
    if (ts.isComputedPropertyName(name)) {
      this.withTemps(() => this.em.emit('ToPropertyKey', d, this.expr(name.expression)));
    } else if (ts.isPrivateIdentifier(name)) {
      this.unsupported(name, 'private name here');
    } else {
      const text = propertyNameText(name);
      if (text === undefined) this.unsupported(name, `${K[name.kind]} property name`);
      this.loadString(d, text);
    }
  }

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
        const r = d ?? this.alloc();
        this.withTemps(() => this.expr((n as ts.VoidExpression).expression));
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
  private regExpLiteral(n: ts.RegularExpressionLiteral, d?: number): number {
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
  private branch(n: ts.Expression, target: Label, when: boolean): void {
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
  private effect(n: ts.Expression): void {
    const e = skipParens(n);
    if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e))
      && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
      this.mark(e);
      return this.update(e);
    }
    this.withTemps(() => this.expr(n));
  }

  private template(n: ts.TemplateExpression, d?: number): number {
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

  private binary(n: ts.BinaryExpression, d?: number): number {
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
    this.withTemps(() => {
      const a = this.stable(this.expr(n.left), [n.right]);
      this.binaryOp(name, r, a, n.right, n);
    });
    return r;
  }

  private compoundAssignment(n: ts.BinaryExpression, compound: string, d?: number): number {
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
  private binaryOp(name: string, dst: number, a: number, right: ts.Expression, at: ts.Node): void {
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

  private assignment(n: ts.BinaryExpression, d?: number): number {
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
  private writesLast(e: ts.Expression): boolean {
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
  private assignLocal(n: ts.BinaryExpression, d?: number): number | undefined {
    const left = skipParens(n.left);
    if (!ts.isIdentifier(left) || !this.writesLast(n.right)) return undefined;
    const reg = this.plainLocal(this.scope.lookup(left.text), left);
    if (reg < 0) return undefined;
    this.withTemps(() => this.expr(n.right, reg, isAnonymousFunction(n.right) ? left.text : undefined));
    return this.to(d, reg);
  }

  /** ++x / x++ / --x / x-- whose value is not used: the prefix form. */
  private update(n: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): void {
    this.withTemps(() => this.unary(n, undefined, true));
  }

  private unary(n: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, d?: number, discard = false): number {
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

  private deleteExpr(n: ts.DeleteExpression, d?: number): number {
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
  private prepareRef(target: ts.Expression, later: readonly (ts.Node | undefined)[] = [undefined]): Ref {
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

  private getRef(ref: Ref, d: number): void {
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

  private putRef(ref: Ref, v: number): void {
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
  private privateMethod(n: ts.PrivateIdentifier): { brandError: string } | undefined {
    const b = this.scope.lookup(n.text);
    if (!b || b.kind !== 'private' || !b.scope.bindings.has('%' + n.text)) return undefined;
    const cls = b.scope.node as ts.ClassLikeDeclaration;
    const m = cls.members.find((x) => ts.isMethodDeclaration(x) && x.name && ts.isPrivateIdentifier(x.name) && x.name.text === n.text);
    const name = cls.name?.text ?? 'anonymous';
    return { brandError: m && isStaticMember(m) ? `Receiver must be class ${name}` : `Receiver must be an instance of class ${name}` };
  }

  /** d = obj.#name; reading a private method from an object without it has its own message. */
  private getPrivate(d: number, obj: number, pn: number, n: ts.PrivateIdentifier): void {
    const method = this.privateMethod(n);
    if (method) this.em.emit('CheckPrivateBrand', obj, pn, this.k(method.brandError));
    this.em.emit('GetPrivate', d, obj, pn);
  }

  private privateName(n: ts.PrivateIdentifier): number {
    const b = this.scope.lookup(n.text);
    if (!b) this.unsupported(n, `undeclared private name ${n.text}`);
    return this.loadBinding(b, n);
  }

  // ---- member access, calls, optional chains ------------------------------------------

  private isChainPart(n: ts.Expression): boolean {
    return (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n))
      && (n.flags & ts.NodeFlags.OptionalChain) !== 0;
  }

  /** Evaluates the object of a member access or callee, continuing an optional chain. */
  private chainObject(n: ts.Expression, chain: Label | undefined): number {
    if (chain && this.isChainPart(n)) return this.chainPart(n as ts.CallExpression, undefined, chain);
    return this.expr(n);
  }

  private chain(n: ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression, d?: number): number {
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

  private chainPart(n: ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression, d: number | undefined, chain: Label | undefined): number {
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
  private checkSuper(n: ts.Node): boolean {
    let fn = this.fn;
    while (fn.kind === 'arrow' && fn.parent) fn = fn.parent;
    const k = fn.kind;
    if (k === 'staticblock' || !(k === 'method' || k === 'getter' || k === 'setter' || k === 'ctor' || k === 'fieldinit' || k === 'staticinit')) {
      this.unsupported(n, 'super property access here');
    }
    return this.fn.kind !== 'arrow';
  }

  /** this, as the expression `this` reads it (lexically in arrows). */
  private thisInto(d: number, node: ts.Node): void {
    const b = ScopeAnalysis.thisScope(this.scope).bindings.get('this')!;
    this.loadBinding(b, node, d);
  }

  /** d = super[key] (mode 0) or super[key] = value (mode 1), through the prelude's SuperAccess with the lexical this. */
  private superAccess(d: number, key: number, node: ts.Node, mode: number, value?: number): void {
    this.withTemps(() => {
      const home = this.alloc(), recv = this.alloc(), m = this.alloc();
      this.em.emit('LoadHome', home);
      this.thisInto(recv, node);
      this.em.emit('LoadInt', m, mode);
      this.mark(node);
      this.callIntrinsic(Intrinsic.SuperAccess, value === undefined ? [home, key, recv, m] : [home, key, recv, m, value], d);
    });
  }

  private call(n: ts.CallExpression, d: number | undefined, chain: Label | undefined): number {
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
  private nameCallee(callee: ts.Expression): void {
    if (callee.pos >= 0 && this.m.libraryFiles.has(this.m.original(callee)[0])) return;
    this.em.nameNextCall(this.k(calleeText(callee)));
  }

  private args(args: readonly ts.Expression[], at: ts.Node, dst: number): [number, number] {
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

  private spreadArgs(args: readonly ts.Expression[]): number {
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

  private nativeCall(n: ts.CallExpression, name: string, d?: number): number {
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

  private superCall(n: ts.CallExpression, d?: number): number {
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
  private afterSuper(cls: ts.Node): void {
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

  private newExpr(n: ts.NewExpression, d?: number): number {
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

  private arrayLiteral(n: ts.ArrayLiteralExpression, d?: number): number {
    const r = d ?? this.alloc();
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

  private objectLiteral(n: ts.ObjectLiteralExpression, d?: number): number {
    const r = d ?? this.alloc();
    this.withTemps(() => {
      const obj = this.alloc();
      this.em.emit('NewObject', obj);
      for (const p of n.properties) {
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

  // ---- classes -----------------------------------------------------------------------

  private classExpr(n: ts.ClassLikeDeclaration, nameHint?: string): number {
    if (ts.getDecorators(n)?.length) this.unsupported(n, 'decorator');
    const heritage = n.heritageClauses?.find((h) => h.token === K.ExtendsKeyword);
    const derived = heritage !== undefined;
    const cls = this.alloc();
    const className = n.name ? this.m.originalName(n.name) : nameHint;
    const instanceElems = n.members.filter((m) => !isStaticMember(m) && (ts.isPropertyDeclaration(m)
      || (ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name))));
    const staticElems = n.members.filter((m) => ts.isClassStaticBlockDeclaration(m) || (isStaticMember(m) && (ts.isPropertyDeclaration(m)
      || (ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name)))));
    this.m.classInfo.set(n, { hasInit: instanceElems.length > 0, derived });
    for (const m of n.members) {
      if (ts.canHaveDecorators(m) && ts.getDecorators(m)?.length) this.unsupported(m, 'decorator');
      if (ts.isPropertyDeclaration(m) && ts.isComputedPropertyName(m.name)) this.unsupported(m.name, 'computed class field name');
      if ((ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && ts.isPrivateIdentifier(m.name)) this.unsupported(m, 'private accessor');
      if (hasModifier(m, K.AccessorKeyword)) this.unsupported(m, 'auto-accessor');
    }
    const outer = this.scope;
    const mark = this.top;
    const cs = this.analysis.scopes.get(n)!;
    this.withTemps(() => {
      this.enterScope(cs);
      for (const b of cs.bindings.values()) {
        if (b.kind !== 'private') continue;
        this.withTemps(() => {
          const t = this.alloc();
          this.em.emit('NewPrivateName', t, this.k(b.name));
          this.storeBinding(b, t, true, n);
        });
      }
      const parent = this.alloc();
      if (heritage) {
        this.mark(heritage.types[0]);
        this.expr(heritage.types[0].expression, parent);
      } else {
        this.em.emit('LoadHole', parent);
      }
      const ctorNode = n.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
      const ctorFlags = FunctionFlag.ClassConstructor | (derived ? FunctionFlag.Derived : 0);
      let ctorIdx: number;
      if (ctorNode) {
        const params = ctorNode.parameters.filter((p) => !p.dotDotDotToken).length;
        ctorIdx = this.m.compileFunction(this.analysis.fns.get(ctorNode)!, className, ctorFlags, ctorNode, (c) => c.functionBody(ctorNode), params, functionLength(ctorNode.parameters));
      } else {
        const info = { node: n, kind: 'ctor', parent: this.fn } as unknown as FnInfo;
        info.scope = new Scope('function', n, cs, info);
        info.scope.declare('this', 'this', 0);
        info.scope.declare('new.target', 'newtarget', 0);
        ctorIdx = this.m.compileFunction(info, className, ctorFlags, n, (c) => c.defaultConstructor(n, derived), 0);
      }
      this.mark(n);
      this.em.emit('Closure', cls, ctorIdx, this.curEnv);
      this.em.emit('NewClass', cls, cls, parent);
      const proto = this.alloc();
      this.em.emit('GetProp', proto, cls, this.k('prototype'), this.em.ic());
      if (ctorNode && usesSuperProperty(ctorNode)) this.em.emit('SetHome', cls, proto);
      for (const m of n.members) {
        if (!(ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m))) continue;
        this.withTemps(() => {
          this.mark(m);
          const target = isStaticMember(m) ? cls : proto;
          if (ts.isPrivateIdentifier(m.name)) {
            const f = this.closure(m, m.name.text);
            if (usesSuperProperty(m)) this.em.emit('SetHome', f, target);
            this.storeBinding(cs.bindings.get('%' + m.name.text)!, f, true, m);
            return;
          }
          const key = this.alloc();
          this.propertyKey(m.name, key);
          const hint = ts.isComputedPropertyName(m.name) ? undefined : propertyNameText(m.name);
          const f = this.closure(m, hint);
          if (hint === undefined) this.nameFromKey(f, key, ts.isGetAccessorDeclaration(m) ? 'get' : ts.isSetAccessorDeclaration(m) ? 'set' : '');
          if (ts.isMethodDeclaration(m)) this.em.emit('DefineMethod', target, key, f);
          else {
            this.em.emit(ts.isGetAccessorDeclaration(m) ? 'DefineGetter' : 'DefineSetter', target, key, f, 0);
            if (usesSuperProperty(m)) this.em.emit('SetHome', f, target);
          }
        });
      }
      if (instanceElems.length) {
        const fns = this.analysis.classFns.get(n)!;
        this.withTemps(() => {
          const idx = this.m.compileFunction(fns.instInit, '<instance_members_initializer>', FunctionFlag.Method, n,
            (c) => c.fieldInitializer(n, instanceElems));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          if (instanceElems.some((m) => usesSuperProperty(m))) this.em.emit('SetHome', f, proto);
          this.storeBinding(cs.bindings.get('%init')!, f, true, n);
        });
      }
      const inner = n.name ? cs.bindings.get(n.name.text) : undefined;
      if (inner) this.storeBinding(inner, cls, true, n);
      if (staticElems.length) {
        const fns = this.analysis.classFns.get(n)!;
        this.withTemps(() => {
          const idx = this.m.compileFunction(fns.staticInit, '<static_initializer>', FunctionFlag.Method, n,
            (c) => c.fieldInitializer(n, staticElems));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          if (staticElems.some((m) => usesSuperProperty(m))) this.em.emit('SetHome', f, cls);
          this.em.emit('Call', f, f, cls, f, 0);
        });
      }
      this.exitScope(cs, outer);
    });
    this.top = Math.max(mark, cls + 1);
    return cls;
  }

  defaultConstructor(n: ts.ClassLikeDeclaration, derived: boolean): void {
    this.prologue();
    this.enterFunctionScope([], []);
    if (derived) {
      this.withTemps(() => {
        const args = this.alloc();
        this.em.emit('LoadRestArgs', args, 0);
        this.em.emit('SuperCallSpread', args, args);
        this.afterSuper(n);
      });
    } else {
      this.callFieldInit(n);
    }
    this.em.emit('Return', this.undefinedValue());
  }

  /** The body of the instance-member or static initialiser function (`this` is the target). */
  fieldInitializer(cls: ts.ClassLikeDeclaration, elems: ts.ClassElement[]): void {
    this.prologue();
    this.enterFunctionScope([], []);
    const cs = this.analysis.scopes.get(cls)!;
    const thisReg = this.alloc();
    this.em.emit('LoadThis', thisReg);
    // Private methods are installed before any field is initialised.
    for (const m of elems) {
      if (!(ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name))) continue;
      this.withTemps(() => {
        const pn = this.privateName(m.name as ts.PrivateIdentifier);
        const f = this.loadBinding(cs.bindings.get('%' + m.name.getText(this.m.sf))!, m);
        this.em.emit('DefinePrivate', thisReg, pn, f);
      });
    }
    for (const m of elems) {
      this.withTemps(() => {
        this.mark(m);
        if (ts.isPropertyDeclaration(m)) {
          const hint = ts.isPrivateIdentifier(m.name) ? m.name.text : propertyNameText(m.name);
          let v: number;
          if (m.initializer) {
            v = this.alloc();
            this.expr(m.initializer, v, isAnonymousFunction(m.initializer) ? hint : undefined);
          } else {
            v = this.undefinedValue();
          }
          if (ts.isPrivateIdentifier(m.name)) {
            this.em.emit('DefinePrivate', thisReg, this.privateName(m.name), v);
          } else {
            const key = this.alloc();
            this.propertyKey(m.name, key);
            this.em.emit('DefineField', thisReg, key, v);
          }
        } else if (ts.isClassStaticBlockDeclaration(m)) {
          const info = this.analysis.fns.get(m)!;
          const idx = this.m.compileFunction(info, '<static_block>', FunctionFlag.Method, m, (c) => c.staticBlock(m));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          this.em.emit('Call', f, f, thisReg, f, 0);
        }
      });
    }
    this.em.emit('Return', this.undefinedValue());
  }

  staticBlock(m: ts.ClassStaticBlockDeclaration): void {
    this.prologue();
    this.enterFunctionScope(m.body.statements, []);
    this.hoistFunctions(m.body.statements);
    this.statements(m.body.statements);
    this.em.emit('Return', this.undefinedValue());
  }
}

/** A function's `length`: the parameters before the first with a default or the rest parameter. */
function functionLength(params: readonly ts.ParameterDeclaration[]): number {
  const i = params.findIndex((p) => p.initializer !== undefined || p.dotDotDotToken !== undefined);
  return i < 0 ? params.length : i;
}

function propertyNameText(n: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isNumericLiteral(n)) return String(Number(n.text));
  return undefined;
}
