// The bytecode compiler: bundles a TypeScript program with esbuild, parses the bundle with
// the `typescript` package and generates register bytecode (see docs/bytecode.md).

export { CompileError } from './errors.ts';
export { compileProgram, type CompileOptions, type CompiledProgram } from './compile.ts';
