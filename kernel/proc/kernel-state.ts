// What the process subsystem shares: the frame allocator and the kernel half, the file
// system tree, the console, the kernel log, the process table and the scheduler. Filled
// once by startProcesses (kernel/proc/boot.ts); everything under kernel/proc and
// kernel/syscall reads it from here.

import type { FrameAllocator } from '../mm/frames.ts';
import type { MmShared } from '../mm/address-space.ts';
import type { Tty } from '../dev/tty.ts';
import type { Resolved, Vfs } from '../fs/vfs.ts';
import type { Process } from './process.ts';
import type { FileSystem } from '../fs/block-fs.ts';

export interface KernelState {
  frames: FrameAllocator;
  mmShared: MmShared;
  /** CR3 of the boot page tables (the kernel half only): loaded while no process runs, and before an address space is freed. */
  kernelCr3: number;
  vfs: Vfs;
  root: Resolved;
  console: Tty;
  /** One line of the kernel log (the console, or COM2 under `tskern exec`). */
  log: (line: string) => void;
  /** `tskern exec`: PID 1's exit powers the machine off with its status. */
  execMode: boolean;
  processes: Map<number, Process>;
  nextPid: number;
  /** Monotonic milliseconds at boot (times, /proc/uptime). */
  bootMs: number;
  /** The kernel command line. */
  cmdline: string;
  /** The process whose system call is running (/proc/self). */
  currentPid: number;
  /** Disk file systems mounted (sync writes them back). */
  mounts: FileSystem[];
}

/** Writes every mounted file system back to its disk; 0 or the first error. */
export async function syncAll(): Promise<number> {
  // shared file pages the processes wrote (their PTEs' dirty bits) join the caches' dirty pages
  for (const p of kernel().processes.values()) if (p.alive) p.mm.space.syncShared(0, 0xc000_0000);
  let r = 0;
  for (const fs of kernel().mounts) {
    const s = await fs.sync();
    if (s < 0 && r === 0) r = s;
  }
  return r;
}

let state: KernelState | null = null;

export function setKernelState(s: KernelState): void {
  state = s;
}

export function kernel(): KernelState {
  if (state === null) throw new Error('processes are not started');
  return state;
}

/** A free PID (counting up from 1, wrapping at 32768 like Linux's pid_max). */
export function allocPid(): number {
  const k = kernel();
  for (;;) {
    const pid = k.nextPid;
    k.nextPid = pid >= 32767 ? 2 : pid + 1;
    if (!k.processes.has(pid)) return pid;
  }
}
