// compileProgram: esbuild bundle -> TypeScript AST of the JavaScript -> bytecode module.
// The runtime prelude is compiled once into a module of its own (prelude-cache.ts) and the
// program is compiled on top of it: the program's top level calls the prelude's first.

import { buildSync, type BuildOptions, type Message } from 'esbuild';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { KERNEL_ONLY_NATIVES, type CompiledModule } from '../bytecode/index.ts';
import { ModuleCompiler, type ModuleCompilerOptions } from './codegen.ts';
import { CompileError } from './errors.ts';
import { cachedPrelude } from './prelude-cache.ts';
import { SourceMap } from './sourcemap.ts';

export interface CompileOptions {
  /** File names in the source map and in messages are relative to this (default: cwd). */
  root?: string;
  /**
   * Run the runtime prelude (runtime/prelude/index.ts, the JavaScript globals) ahead of
   * the program (default true). Without it only the natives exist.
   */
  prelude?: boolean;
  /** Identifiers replaced by JavaScript expressions at bundle time (esbuild `define`). */
  define?: Record<string, string>;
  /**
   * What runs the program (default 'kernel': the kernel image, where every native exists).
   * 'user': tsvm, the user build; a call of a kernel-only native (KERNEL_ONLY_NATIVES) is a
   * compile error naming file:line:col.
   */
  target?: 'kernel' | 'user';
  /**
   * Keep each function's source text for Function.prototype.toString (default true; the
   * kernel image leaves it out: the text would be most of its constants).
   */
  functionSources?: boolean;
}

/** A file name for messages and stacks: relative to root inside it, absolute outside. */
export function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The runtime prelude: evaluated before the program, it installs the builtins. */
export const PRELUDE_ENTRY = fileURLToPath(new URL('../../runtime/prelude/index.ts', import.meta.url));

/** The runtime library's directory: its calls get no callee names (see compileBundle). */
const RUNTIME_DIR = fileURLToPath(new URL('../../runtime/', import.meta.url));

function esbuildError(m: Message, root: string): CompileError {
  const loc = m.location;
  if (!loc) return new CompileError(m.text);
  return new CompileError(`${displayPath(root, resolve(root, loc.file))}:${loc.line}:${loc.column + 1}: ${m.text}`);
}

export interface CompiledProgram {
  module: CompiledModule;
  /** The bundled JavaScript of the program (without the prelude). */
  js: string;
  /** The index of the program's first function: the prelude's functions come before it. */
  firstOwnFunction: number;
}

/**
 * Bundles `entry` with esbuild and compiles the bundle. File names in the module are
 * displayPath(root, ...) of the sources, or absolute when root is undefined. opts.base's
 * files come first in the module's file list.
 */
export function compileBundle(entry: string, root: string | undefined, define: Record<string, string> | undefined,
  opts: ModuleCompilerOptions = {}, target: 'kernel' | 'user' = 'kernel'): CompiledProgram {
  const outfile = resolve(dirname(entry), '__tskern_bundle.js');
  const absRoot = root ?? dirname(entry);
  let result;
  try {
    const build: BuildOptions & { write: false } = {
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      target: 'esnext',
      platform: 'neutral',
      sourcemap: 'external',
      write: false,
      outfile,
      logLevel: 'silent',
      absWorkingDir: absRoot,
      define,
    };
    result = buildSync(build);
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (errors?.length) throw esbuildError(errors[0], absRoot);
    throw err;
  }
  const jsFile = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const mapFile = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
  if (!jsFile || !mapFile) throw new Error('esbuild produced no bundle');
  const map = new SourceMap(JSON.parse(mapFile.text));
  const sources = map.sources.map((s) => resolve(dirname(outfile), s));
  const own = sources.map((s) => (root === undefined ? s : displayPath(root, s)));
  const files = [...(opts.base?.files ?? []), ...own];
  const sf = ts.createSourceFile('bundle.js', jsFile.text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.JS);
  const diags = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics;
  if (diags?.length) {
    const d = diags[0];
    const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    const o = map.lookup(pos.line, pos.character);
    const where = o ? `${own[o.source]}:${o.line + 1}:${o.column + 1}` : `bundle.js:${pos.line + 1}:${pos.character + 1}`;
    throw new CompileError(`${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  // The runtime library's own calls get no callee names: a builtin reports a bad callback
  // by its value ("5 is not a function"), as V8's builtins do, not by its parameter's name.
  const fileBase = opts.base?.files.length ?? 0;
  const libraryFiles = new Set(sources.flatMap((s, i) => (s.startsWith(RUNTIME_DIR) ? [fileBase + i] : [])));
  // tsvm (target 'user') has no kernel natives: calling one is a compile error
  const unavailable = target === 'user' ? KERNEL_ONLY_NATIVES : new Set<string>();
  const module = new ModuleCompiler(sf, map, files, libraryFiles, unavailable).configure(opts).compile();
  return { module, js: jsFile.text, firstOwnFunction: opts.base?.functions.length ?? 0 };
}

/** The prelude alone, as a module whose top level installs the globals and returns (no
 *  event loop); file names absolute. What prelude-cache.ts stores (for either target: the
 *  prelude calls no kernel-only native). */
export function compilePrelude(): CompiledModule {
  return compileBundle(PRELUDE_ENTRY, undefined, undefined, { eventLoop: false }).module;
}

/**
 * Compiles a program: with the prelude (the default), a module holding the cached
 * prelude's functions and then the program's, whose entry is the program's top level
 * (which calls the prelude's top level first); `js` is the program's own bundle.
 */
export function compileProgram(entryFile: string, opts: CompileOptions = {}): CompiledProgram {
  const root = resolve(opts.root ?? process.cwd());
  const entry = resolve(entryFile);
  const functionSources = opts.functionSources;
  if (opts.prelude === false) return compileBundle(entry, root, opts.define, { functionSources }, opts.target);
  const prelude = cachedPrelude(compilePrelude);
  const base = { ...prelude, files: prelude.files.map((f) => displayPath(root, f)) };
  return compileBundle(entry, root, opts.define, { base, functionSources }, opts.target);
}
