// Small helpers shared by the interpreter's emitters: operands for frame registers and VM
// roots, dispatch, inline allocation and out-of-line code.
//
// Interpreter register conventions (while bytecode runs):
//   esi = address of the byte after the current opcode (operands start here)
//   ebp = current frame + FRAME_REGS, so register r is the value at [ebp + r*8]
//   ebx = start of the current function's code in the embedded .tsbc (pc = esi - 1 - ebx)
//   eax, ecx, edx, edi = scratch; esp = the native stack (boot stack) for helper calls
// Anything that can allocate can move every heap object: after it, heap addresses held in
// scratch registers are stale and must be re-read from frame registers or VM roots (ebp
// itself is updated by the collector).

import {
  X86Assembler, byte, dword, eax, ebp, esi, mem, sym, word, type Mem, type Reg,
} from '../../image-builder/x86/index.ts';
import { rootOffset, type RootName } from './layout.ts';

export const DISPATCH_TABLE = 'interp_dispatch';

/** Payload word of frame register whose index is in `r`. */
export const V = (r: Reg, disp = 0): Mem => dword({ base: ebp, index: r, scale: 8, disp });
/** Tag word of frame register whose index is in `r`. */
export const T = (r: Reg): Mem => V(r, 4);
/** A word of a VM root (word 0 = payload, 4 = tag). */
export const root = (name: RootName, word = 0): Mem => dword(sym('vm_roots').plus(rootOffset(name) + word));
/** A dword variable in .data/.bss. */
export const var32 = (name: string, disp = 0): Mem => dword(sym(name).plus(disp));

/** Operand bytes at esi + disp. */
export const opByte = (disp: number): Mem => byte({ base: esi, disp });
export const opWord = (disp: number): Mem => word({ base: esi, disp });
export const opDword = (disp: number): Mem => dword({ base: esi, disp });

/**
 * Which program the interpreter is emitted into: the kernel image (ring 0, natives on ports
 * and physical memory) or tsvm, the user build (a Linux i386 executable whose natives are
 * system calls; boot/user/). One source, two targets: the few places that differ ask
 * `userBuild()` and call the routines `platform()` names.
 */
export type Target = 'kernel' | 'user';
let target: Target = 'kernel';
export function setTarget(t: Target): void { target = t; }
export function userBuild(): boolean { return target === 'user'; }

/**
 * The routines the interpreter needs from the code around it, by target (same contracts:
 * boot/serial.ts, boot/kernel-main.ts and runtime.ts for the kernel, boot/user/ for tsvm).
 * writeOut/writeErr: eax = string, written as UTF-8 to the program's stdout/stderr;
 * putsErr: esi = NUL-terminated text to stderr; diagPuts/diagPutDec32: the fatal report's
 * stream (esi = text; eax = unsigned number); exit: al = status, never returns;
 * programDone: jump target when the entry function returns.
 */
export function platform() {
  return userBuild()
    ? { writeOut: 'stdout_write_string', writeErr: 'stderr_write_string', putsErr: 'stderr_puts',
      diagPuts: 'stderr_puts', diagPutDec32: 'stderr_put_dec32', exit: 'tsvm_exit', programDone: 'tsvm_program_done' }
    : { writeOut: 'serial_write_string', writeErr: 'com2_write_string', putsErr: 'com2_puts',
      diagPuts: 'diag_puts', diagPutDec32: 'diag_put_dec32', exit: 'power_off', programDone: 'interp_program_done' };
}

let statsBuild = false;
/** While set, every dispatch copy also counts the op (op_count/op_count_hi): stats builds. */
export function setStatsBuild(on: boolean): void { statsBuild = on; }

/** Dispatch the instruction whose opcode byte is at esi + disp, advancing esi past it. */
export function dispatch(a: X86Assembler, disp: number): void {
  if (statsBuild) a.add(dword(sym('op_count')), 1).adc(dword(sym('op_count_hi')), 0);
  a.movzx(eax, opByte(disp));
  if (disp + 1 !== 0) a.add(esi, disp + 1);
  a.jmp(mem({ index: eax, scale: 4, disp: sym(DISPATCH_TABLE) }));
}

/** Out-of-line code, emitted after the current handler. */
export class Deferred {
  private items: (() => void)[] = [];
  add(fn: () => void): void { this.items.push(fn); }
  flush(): void {
    while (this.items.length) this.items.shift()!();
  }
}
