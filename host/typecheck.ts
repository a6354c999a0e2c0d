// Type checking with tsc (the typescript package's compiler API), reported as tsc reports:
// `tskern check FILE.ts` checks a program, `tskern build` checks the kernel's TypeScript
// before building. The bytecode compiler itself only parses (docs/bytecode.md: "tsc
// type-checks"), so this is where type errors are found.

import { join, resolve } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../image-builder/paths.ts';

export interface CheckResult {
  errors: number;
  /** The diagnostics as tsc prints them ('' if there are none). */
  text: string;
}

/**
 * The options a program is checked with: the project's (strict, ES2022) with Node's
 * globals (@types/node: console, process, timers), which declare more than the guest has.
 */
function programOptions(root: string): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    isolatedModules: true,
    skipLibCheck: true,
  };
}

function report(program: ts.Program, pretty: boolean): CheckResult {
  const diagnostics = ts.sortAndDeduplicateDiagnostics(ts.getPreEmitDiagnostics(program));
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  if (diagnostics.length === 0) return { errors, text: '' };
  const text = pretty
    ? `${ts.formatDiagnosticsWithColorAndContext(diagnostics, host)}\nFound ${errors} error${errors === 1 ? '' : 's'}.\n\n`
    : ts.formatDiagnostics(diagnostics, host);
  return { errors, text };
}

/** Type-checks the programs `files` (and what they import). pretty: tsc's --pretty form. */
export function checkProgramFiles(files: string[], pretty = false): CheckResult {
  const program = ts.createProgram(files.map((f) => resolve(f)), programOptions(projectRoot()));
  return report(program, pretty);
}

/**
 * Type-checks the kernel's TypeScript (kernel/ and the runtime prelude it runs on) with
 * the project's tsconfig.json.
 */
export function checkKernel(pretty = false): CheckResult {
  const root = projectRoot();
  const configFile = join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const inside = (dir: string) => (f: string) => resolve(f).startsWith(join(root, dir) + '/');
  const rootNames = parsed.fileNames.filter((f) => inside('kernel')(f) || inside('runtime')(f));
  const program = ts.createProgram(rootNames, { ...parsed.options, configFilePath: configFile });
  return report(program, pretty);
}
