// The bytecode interpreter (ring 0): emitted into the kernel image when the image embeds a
// program. See docs/architecture.md, "The bytecode interpreter".
import type { X86Assembler } from '../../image-builder/x86/index.ts';
import { emitRuntime } from './runtime.ts';
import { emitHandlers } from './handlers.ts';

export { IMPLEMENTED_OPCODES } from './handlers.ts';

/** Emit the interpreter; its entry point is `interp_start` (never returns). */
export function emitInterpreter(a: X86Assembler): void {
  emitRuntime(a);
  emitHandlers(a);
}
