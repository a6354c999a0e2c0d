// The platform of tsvm, the user build of the interpreter (docs/architecture.md, "tsvm, the
// user build"): what boot/ is for the kernel image, on Linux i386 system calls. It defines
// the routines the interpreter needs (boot/interp/asm.ts `platform()`, the clocks, the heap,
// cmdline_has) and the entry point `_start`.

import type { X86Assembler } from '../../image-builder/x86/index.ts';
import { emitUserClock } from './clock.ts';
import { emitConsole } from './console.ts';
import { emitUserEntry } from './entry.ts';
import { emitUserHeap } from './heap.ts';
import { emitSyscallRoutines } from './syscalls.ts';

export { TSBC_BASE, TSVM_LOAD_STATUS, TSVM_USAGE_STATUS } from './entry.ts';
export { TSVM_INITIAL_SEMISPACE } from './heap.ts';

export function emitUserPlatform(a: X86Assembler): void {
  emitUserEntry(a);
  emitSyscallRoutines(a);
  emitConsole(a);
  emitUserClock(a);
  emitUserHeap(a);
}
