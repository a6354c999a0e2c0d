// Code generation: one FnCompiler per function turns the TypeScript AST of the bundled
// JavaScript into register bytecode. Scopes come from scope.ts; captured bindings live in
// Env slots, the others in registers. Every AST node kind not handled here is reported as
// a CompileError at its original TypeScript position.
//
// This file holds the ModuleCompiler (the module's functions, constants and source map).
// FnCompiler is a chain of abstract classes, one file per concern: fn-core.ts (state,
// registers, scopes, bindings) <- fn-functions.ts <- fn-statements.ts <- fn-destructuring.ts
// <- fn-expressions.ts <- fn-classes.ts; what they share is in codegen-support.ts.

import ts from 'typescript';
import { FunctionFlag, IC_NONE, type CompiledFunction, type CompiledModule, type Constant } from '../bytecode/index.ts';
import { RegisterOverflow, MAX_REGISTERS } from './emitter.ts';
import { CompileError } from './errors.ts';
import { ScopeAnalysis, isFunctionLike, type FnInfo } from './scope.ts';
import type { SourceMap } from './sourcemap.ts';
import { K, describe, type ClassInfo, hasModifier } from './codegen-support.ts';
import { FnClasses } from './fn-classes.ts';

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

  /** A new inline-cache number: numbered across the module, so that the property accesses
   *  of different sites use different cache entries; past IC_NONE sites every site gets
   *  IC_NONE, which the machine never learns (a shared entry would let one site's shape check
   *  pass for another site's key: boot/interp/ic.ts). */
  inlineCache(): number {
    const n = this.icCount++;
    return n < IC_NONE ? n : IC_NONE;
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

  /**
   * Reserves `count` consecutive function indices for compileFunction's `at` (DefineMethods
   * names its functions as a first index and a count); returns the first.
   */
  reserveFunctions(count: number): number {
    const first = this.functions.length;
    for (let i = 0; i < count; i++) this.functions.push(undefined);
    return first;
  }

  compileFunction(info: FnInfo, name: string | undefined, flags: number, posNode: ts.Node,
    body: (c: FnCompiler) => void, paramCount = 0, length = 0, at?: number): number {
    const index = at ?? this.functions.length;
    if (at === undefined) this.functions.push(undefined);
    else if (this.functions[at] !== undefined) throw new Error(`function index ${at} is taken`);
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

/** Compiles one function: the chain FnCore <- FnFunctions <- FnStatements <- FnDestructuring
 * <- FnExpressions <- FnClasses, one file per part. */
export class FnCompiler extends FnClasses {}
