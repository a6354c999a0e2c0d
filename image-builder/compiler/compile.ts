// compileProgram: esbuild bundle -> TypeScript AST of the JavaScript -> bytecode module.

import { buildSync, type Message } from 'esbuild';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { KERNEL_ONLY_NATIVES, type CompiledModule } from '../bytecode/index.ts';
import { ModuleCompiler } from './codegen.ts';
import { CompileError } from './errors.ts';
import { SourceMap } from './sourcemap.ts';

export interface CompileOptions {
  /** File names in the source map and in messages are relative to this (default: cwd). */
  root?: string;
  /**
   * Bundle the runtime prelude (runtime/prelude/index.ts, the JavaScript globals) ahead of
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
}

/** A file name for messages and stacks: relative to root inside it, absolute outside. */
function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The runtime prelude: evaluated before the program, it installs the builtins. */
export const PRELUDE_ENTRY = fileURLToPath(new URL('../../runtime/prelude/index.ts', import.meta.url));

function esbuildError(m: Message, root: string): CompileError {
  const loc = m.location;
  if (!loc) return new CompileError(m.text);
  return new CompileError(`${displayPath(root, resolve(root, loc.file))}:${loc.line}:${loc.column + 1}: ${m.text}`);
}

export function compileProgram(entryFile: string, opts: CompileOptions = {}): { module: CompiledModule; js: string } {
  const root = resolve(opts.root ?? process.cwd());
  const entry = resolve(entryFile);
  const outfile = resolve(dirname(entry), '__tskern_bundle.js');
  let result;
  try {
    // The entry is a stub importing the prelude, then the program: ES module evaluation
    // order runs the prelude's top level (which installs the globals) first.
    const withPrelude = opts.prelude !== false;
    result = buildSync({
      ...(withPrelude
        ? { stdin: { contents: `import ${JSON.stringify(PRELUDE_ENTRY)};\nimport ${JSON.stringify(entry)};\n`, resolveDir: dirname(entry), sourcefile: '<tskern-entry>', loader: 'js' as const } }
        : { entryPoints: [entry] }),
      bundle: true,
      format: 'esm',
      target: 'esnext',
      platform: 'neutral',
      sourcemap: 'external',
      write: false,
      outfile,
      logLevel: 'silent',
      absWorkingDir: root,
      define: opts.define,
    });
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (errors?.length) throw esbuildError(errors[0], root);
    throw err;
  }
  const jsFile = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const mapFile = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
  if (!jsFile || !mapFile) throw new Error('esbuild produced no bundle');
  const map = new SourceMap(JSON.parse(mapFile.text));
  const files = map.sources.map((s) => displayPath(root, resolve(dirname(outfile), s)));
  const sf = ts.createSourceFile('bundle.js', jsFile.text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.JS);
  const diags = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics;
  if (diags?.length) {
    const d = diags[0];
    const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    const o = map.lookup(pos.line, pos.character);
    const where = o ? `${files[o.source]}:${o.line + 1}:${o.column + 1}` : `bundle.js:${pos.line + 1}:${pos.character + 1}`;
    throw new CompileError(`${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  // The runtime library's own calls get no callee names: a builtin reports a bad callback
  // by its value ("5 is not a function"), as V8's builtins do, not by its parameter's name.
  const runtimeDir = fileURLToPath(new URL('../../runtime/', import.meta.url));
  const libraryFiles = new Set(map.sources.flatMap((s, i) => (resolve(dirname(outfile), s).startsWith(runtimeDir) ? [i] : [])));
  const unavailable = opts.target === 'user' ? KERNEL_ONLY_NATIVES : new Set<string>();
  const module = new ModuleCompiler(sf, map, files, libraryFiles, unavailable).compile();
  return { module, js: jsFile.text };
}
