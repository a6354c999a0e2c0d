// The system-call entry: int 0x80 with Linux i386's convention. eax holds the number; ebx,
// ecx, edx, esi, edi, ebp the arguments; eax gets the result, -errno on failure. Each area
// registers its calls in the table (proc.ts, mm.ts, fs.ts, time.ts, signal.ts, misc.ts).
// An unknown number gets -ENOSYS and one kernel log line naming it.

import { physRead32 } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import type { Process } from '../proc/process.ts';
import { Reg } from '../proc/user-context.ts';
import { kernel } from '../proc/kernel-state.ts';

/** A handler's result when it set the registers itself (execve, sigreturn) or the process is gone. */
export const NO_RESULT = -0x7fff_ffff;

export type SyscallResult = number | Promise<number>;
export type Syscall = (p: Process, a: number, b: number, c: number, d: number, e: number, f: number) => SyscallResult;

const table: (Syscall | undefined)[] = [];
/** Each handler's declared parameter count (its `length`, read once here, not per call). */
const arity: number[] = [];
const names: string[] = [];
/** Unknown numbers already reported in the kernel log. */
const reported = new Set<number>();

export function register(nr: number, name: string, handler: Syscall): void {
  table[nr] = handler;
  for (let i = arity.length; i < nr; i++) arity[i] = 0; // no holes: the array stays dense
  arity[nr] = handler.length;
  names[nr] = name;
}

export function syscallName(nr: number): string {
  return names[nr] ?? 'syscall ' + nr;
}

/** Runs the system call p trapped with. */
export function dispatchSyscall(p: Process): SyscallResult {
  const k = kernel();
  // the registers read straight from the context block (UserContext.get's layout): one call each less
  const c = p.ctx.phys;
  const nr = physRead32(c + Reg.EAX * 4);
  k.currentPid = p.pid;
  const h = nr < table.length ? table[nr] : undefined;
  if (h === undefined) {
    // one log line per unknown number, so a program probing many cannot flood the log
    if (!reported.has(nr)) {
      reported.add(nr);
      k.log('tskern: ' + p.comm + '[' + p.pid + ']: unknown system call ' + nr + ' (-ENOSYS)');
    }
    return -Errno.ENOSYS;
  }
  // read only the registers the handler declares (its length), so the cheap calls stay cheap
  switch (arity[nr]) {
    case 0: case 1: return h(p, 0, 0, 0, 0, 0, 0);
    case 2: return h(p, physRead32(c + Reg.EBX * 4), 0, 0, 0, 0, 0);
    case 3: return h(p, physRead32(c + Reg.EBX * 4), physRead32(c + Reg.ECX * 4), 0, 0, 0, 0);
    case 4: return h(p, physRead32(c + Reg.EBX * 4), physRead32(c + Reg.ECX * 4), physRead32(c + Reg.EDX * 4), 0, 0, 0);
    default: return h(p, physRead32(c + Reg.EBX * 4), physRead32(c + Reg.ECX * 4), physRead32(c + Reg.EDX * 4),
      physRead32(c + Reg.ESI * 4), physRead32(c + Reg.EDI * 4), physRead32(c + Reg.EBP * 4));
  }
}

/** The signed value of a register argument (an int parameter such as fd or pid). */
export const int = (v: number): number => v | 0;
