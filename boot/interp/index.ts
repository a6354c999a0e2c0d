// The bytecode interpreter (ring 0): emitted into the kernel image when the image embeds a
// program. See docs/architecture.md, "The bytecode interpreter".
import type { X86Assembler } from '../../image-builder/x86/index.ts';
import { emitRuntime } from './runtime.ts';
import { emitHandlers } from './handlers.ts';
import { setStatsBuild, setTarget, type Target } from './asm.ts';
import { setShapeCheckBuild } from './ic.ts';

export { IMPLEMENTED_OPCODES } from './handlers.ts';

/** Emit the interpreter; its entry point is `interp_start` (never returns). With `stats`,
 *  every dispatch also counts the bytecode op in the 64-bit `op_count`/`op_count_hi`.
 *  `target` 'user' emits tsvm's variant (boot/user/ supplies its platform routines). With
 *  `shapeCheck`, every shape-validated inline-cache hit also checks the key at the cached
 *  index and stops the machine on a difference (boot/interp/ic.ts). */
export function emitInterpreter(a: X86Assembler, opts: { stats?: boolean; shapeCheck?: boolean; target?: Target } = {}): void {
  setStatsBuild(opts.stats === true);
  setShapeCheckBuild(opts.shapeCheck === true);
  setTarget(opts.target ?? 'kernel');
  try {
    emitRuntime(a);
    emitHandlers(a);
  } finally {
    setStatsBuild(false);
    setShapeCheckBuild(false);
    setTarget('kernel');
  }
}
