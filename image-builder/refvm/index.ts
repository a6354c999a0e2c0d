// The reference interpreter: runs a compiled program on the host with the machine
// semantics of docs/bytecode.md. Used by the differential tests (tests/lang/).

import { compileProgram } from '../compiler/index.ts';
import type { CompiledModule } from '../bytecode/index.ts';
import { VM } from './vm.ts';

export { VM } from './vm.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Executes an already compiled module. */
export function runModule(module: CompiledModule): RunResult {
  const vm = new VM(module);
  const status = vm.runMain();
  return { stdout: vm.stdout, stderr: vm.stderr, status };
}

/** Compiles a TypeScript program and runs it in the reference interpreter. */
export function runReference(file: string): RunResult {
  return runModule(compileProgram(file).module);
}
