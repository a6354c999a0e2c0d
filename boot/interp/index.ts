// The bytecode interpreter (ring 0): emitted into the kernel image when the image embeds a
// program. See docs/architecture.md, "The bytecode interpreter".
import type { X86Assembler } from '../../image-builder/x86/index.ts';
import { emitRuntime } from './runtime.ts';
import { emitHandlers } from './handlers.ts';
import { setStatsBuild } from './asm.ts';

export { IMPLEMENTED_OPCODES } from './handlers.ts';

/** Emit the interpreter; its entry point is `interp_start` (never returns). With `stats`,
 *  every dispatch also counts the bytecode op in the 64-bit `op_count`/`op_count_hi`. */
export function emitInterpreter(a: X86Assembler, opts: { stats?: boolean } = {}): void {
  setStatsBuild(opts.stats === true);
  try {
    emitRuntime(a);
    emitHandlers(a);
  } finally {
    setStatsBuild(false);
  }
}
