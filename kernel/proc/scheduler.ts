// The scheduler: a round-robin run queue of runnable processes, and the loop that runs them.
//
// The event loop (runtime/prelude/async.ts) calls `runUser` whenever it has nothing else
// to do: no interrupt to service, no microtask, no due timer. `runUser` runs the process at
// the head of the queue in ring 3 (enterUser) and handles what stops it:
//  - int 0x80: the system call runs at once; a call that completes synchronously (getpid,
//    mmap, most faults) goes straight back to user mode. One that must wait returns a
//    Promise: the process is BLOCKED and off the queue until it settles, and the CPU goes
//    to the others.
//  - a page fault: kernel/mm resolves it (a fault that must wait blocks like a system call);
//    one it cannot resolve becomes SIGSEGV or SIGBUS.
//  - other exceptions become signals (SIGILL, SIGFPE, SIGSEGV, SIGTRAP, SIGBUS).
//  - an IRQ: back to the event loop, which runs the interrupt's handlers; the timer's IRQ
//    also ends the time slice (the process goes to the back of the queue).
// When nothing is runnable the event loop halts the CPU until the next interrupt.

import { enterUser, gdtSetTls, outl, physRead32, physWrite32, readCr3, writeCr3 } from '../arch/intrinsics.ts';
import { Fault, FaultWait } from '../mm/address-space.ts';
import { hex32 } from '../arch/traps.ts';
import { ioCounters, vmCounters } from '../mm/vmstat.ts';
import { checkMemory, outOfMemory } from './reclaim.ts';
import { kernel } from './kernel-state.ts';
import { State, type Process } from './process.ts';
import { Reg } from './user-context.ts';
import { SiCode, Sig, type SigInfo } from './signal.ts';
import { deliverPending, exitProcess, hasDeliverable, sendSignal, forceSignal, restartsForPending } from './lifecycle.ts';
import { dispatchSyscall, NO_RESULT } from '../syscall/dispatch.ts';

const SYSCALL_VECTOR = 0x80;
const IRQ_BASE = 0x20;
const PAGE_FAULT = 14;

/** Ports of `trace=traps` (bench/startup-trace.ts reads them with the instruction counter). */
const TRACE_PORT = 0x81, TRACE_CR2_PORT = 0x82;
/**
 * `trace=traps` on the command line: every entry to ring 3 writes (1 << 24) | pid to
 * TRACE_PORT, every return (2 << 24) | vector << 16 | the system call's number, after a
 * page fault's address to TRACE_CR2_PORT; the host charges the instructions in between.
 */
let traceTraps = false;

export function setTrapTrace(on: boolean): void {
  traceTraps = on;
}

const queue: Process[] = [];
/** The process whose time slice is running and the timer ticks it has seen. */
let sliceOwner: Process | null = null;
let sliceTicks = 0;
/** The process whose TLS descriptors are in the GDT. */
let tlsOwner: Process | null = null;
/** The process that ran last (its space may still be in CR3). */
let lastRun: Process | null = null;
/** The page-table root this code last loaded into CR3 (-1: unknown, look again). */
let loadedRoot = -1;

export function makeRunnable(p: Process): void {
  if (p.state === State.ZOMBIE) return;
  p.state = State.RUNNABLE;
  if (queue.indexOf(p) < 0) queue.push(p);
}


export function block(p: Process): void {
  // the operation p waits for may already have ended it (an async handler runs synchronously up to its first await)
  if (p.state !== State.ZOMBIE) p.state = State.BLOCKED;
  unqueue(p);
}

export function unqueue(p: Process): void {
  const i = queue.indexOf(p);
  if (i >= 0) queue.splice(i, 1);
  if (lastRun === p) lastRun = null;
  if (tlsOwner === p) tlsOwner = null;
  if (sliceOwner === p) sliceOwner = null;
}

export function runQueueLength(): number {
  return queue.length;
}

/** Makes p's address space and TLS descriptors current. */
function activate(p: Process): void {
  const root = p.mm.space.pt.root;
  if (lastRun === p && loadedRoot === root) return; // the common case: p again, nothing changed
  if (readCr3() !== root) p.mm.space.activate();
  loadedRoot = root;
  if (tlsOwner !== p) {
    for (let i = 0; i < 3; i++) gdtSetTls(6 + i, p.tls[i].lo, p.tls[i].hi);
    tlsOwner = p;
  }
  lastRun = p;
}

/** Loads the kernel's own page tables (before freeing the space in CR3). */
export function leaveAddressSpace(p: Process): void {
  loadedRoot = -1;
  if (readCr3() === p.mm.space.pt.root) writeCr3(kernel().kernelCr3);
  if (tlsOwner === p) tlsOwner = null;
}

/** Runs `pending` for a blocked p: its result goes to eax (unless NO_RESULT) and p runs again. */
export function waitFor(p: Process, pending: Promise<number>): void {
  block(p);
  pending.then(
    (r) => {
      if (!p.alive) return;
      if (r !== NO_RESULT) p.ctx.set(Reg.EAX, r);
      makeRunnable(p);
    },
    (err: unknown) => {
      kernel().log('tskern: ' + p.comm + '[' + p.pid + ']: kernel error in a system call: ' + String((err as Error).stack ?? err));
      if (p.alive) exitProcess(p, Sig.SEGV);
    },
  );
}

/**
 * A blocked system call's result; when a stop signal, or a signal whose handler has
 * SA_RESTART, interrupted it (sendSignal sets `restartSyscall`), the call runs again once
 * the process continues or the handler returns: eip goes back over `int 0x80` (2 bytes) and
 * eax still holds the call's number (the handler's frame saves both), as Linux's
 * -ERESTARTSYS does.
 */
async function restartAfterStop(p: Process, pending: Promise<number>): Promise<number> {
  const r = await pending;
  const flagged = p.restartSyscall;
  p.restartSyscall = false;
  if (r !== -4 /* EINTR */ || !p.alive) return r;
  if (!flagged && !restartsForPending(p)) return r;
  p.ctx.set(Reg.EIP, (p.ctx.get(Reg.EIP) - 2) >>> 0);
  return NO_RESULT;
}

/**
 * The event loop's RunUser hook: runs the first runnable process until it blocks, exits,
 * or an interrupt arrives. Returns false when nothing was runnable.
 */
export function runUser(): boolean {
  const p = queue.length > 0 ? queue[0] : null;
  if (p === null) return false;
  if (sliceOwner !== p) {
    sliceOwner = p;
    sliceTicks = 0;
  }
  for (;;) {
    if ((p.signals.pendingLo | p.signals.pendingHi) !== 0 && hasDeliverable(p)) {
      waitFor(p, deliverPending(p));
      return true;
    }
    if (lastRun !== p || loadedRoot !== p.mm.space.pt.root) activate(p); // activate's own first test, without the call
    if (traceTraps) outl(TRACE_PORT, (1 << 24) | p.pid);
    const vector = enterUser(p.ctx.phys); // p.ctx.run(), one call less on every trap
    if (traceTraps) {
      if (vector === PAGE_FAULT) outl(TRACE_CR2_PORT, physRead32(p.ctx.phys + Reg.CR2 * 4));
      outl(TRACE_PORT, (2 << 24) | (vector << 16) | (vector === SYSCALL_VECTOR ? physRead32(p.ctx.phys + Reg.EAX * 4) & 0xffff : 0));
    }
    if (vector === SYSCALL_VECTOR) {
      const r = dispatchSyscall(p);
      if (typeof r === 'number') {
        if (r !== NO_RESULT && p.state !== State.ZOMBIE) physWrite32(p.ctx.phys + Reg.EAX * 4, r); // p.alive, ctx.set(EAX)
      } else {
        waitFor(p, restartAfterStop(p, r));
        return true;
      }
      if (p.state !== State.RUNNABLE || queue[0] !== p) return true;
      continue;
    }
    if (vector === PAGE_FAULT) {
      if (!userFault(p)) return true;
      continue;
    }
    if (vector >= IRQ_BASE && vector < IRQ_BASE + 16) {
      if (vector === IRQ_BASE) {
        p.userTicks++;
        // the time slice is over: the next runnable process goes first. A slice lasts from
        // one tick to the next one after it: a tick already pending when p was picked
        // (interrupts queue up while the emulator runs slowly) must not take the CPU from p
        // before it has run at all.
        if (++sliceTicks >= 2 && queue[0] === p && queue.length > 1) {
          queue.push(queue.shift() as Process);
          sliceOwner = null;
        }
      }
      return true;
    }
    exceptionSignal(p, vector);
    if (!p.alive || p.state !== State.RUNNABLE) return true;
  }
}

/**
 * A page fault from ring 3: true when p may go on running at once. A fault that issued a
 * disk read (the page cache's read counter moved during its synchronous part) is major;
 * one that only waits on a read another fault started is minor, as in Linux, where the
 * second fault finds the page in the cache and waits on its lock.
 */
function userFault(p: Process): boolean {
  const ctx = p.ctx.phys; // the two registers read straight from the block (UserContext.get's layout)
  const addr = physRead32(ctx + Reg.CR2 * 4);
  const error = physRead32(ctx + Reg.ERROR * 4);
  const reads = ioCounters.readsStarted;
  const r = p.mm.space.fault(addr, error);
  if (r === Fault.OK) {
    // faultOutcome's first case, without the call; the fault took a frame, so reclaim may be due
    p.minFaults++;
    vmCounters.faults++;
    vmCounters.minor++;
    checkMemory();
    return true;
  }
  if (r instanceof FaultWait) {
    vmCounters.faults++;
    if (ioCounters.readsStarted !== reads) {
      p.majFaults++;
      vmCounters.major++;
    } else {
      p.minFaults++;
      vmCounters.minor++;
    }
    waitFor(p, settleFault(p, r));
    return false;
  }
  if (r === Fault.OOM) {
    vmCounters.faults++;
    waitFor(p, retryAfterReclaim(p));
    return false;
  }
  checkMemory();
  return faultOutcome(p, r, addr);
}

/** A fault that found no free frame: reclaim (or the OOM killer), then the instruction runs again. */
async function retryAfterReclaim(p: Process): Promise<number> {
  await outOfMemory(p);
  return NO_RESULT;
}

async function settleFault(p: Process, wait: FaultWait): Promise<number> {
  let frame: number;
  try {
    frame = await wait.promise;
  } catch {
    frame = -5;
  }
  const done = p.mm.space.completeFault(wait, frame);
  if (done === Fault.OOM || frame === -12) await outOfMemory(p);
  else if (done !== Fault.OK && done !== Fault.RETRY) faultOutcome(p, done, wait.va, true);
  return NO_RESULT; // RETRY: the instruction runs again and faults again if it must
}

/** What a fault's result does to p; `counted`: the fault was already counted (it waited). */
function faultOutcome(p: Process, r: number, addr: number, counted = false): boolean {
  if (!counted) vmCounters.faults++;
  if (r === Fault.OK) {
    p.minFaults++;
    vmCounters.minor++;
    return true;
  }
  const k = kernel();
  const ip = p.ctx.get(Reg.EIP);
  const bus = r === Fault.SIGBUS;
  const info: SigInfo = {
    signo: bus ? Sig.BUS : Sig.SEGV,
    code: bus ? SiCode.BUS_ADRERR : r === Fault.SIGSEGV_ACCERR ? SiCode.SEGV_ACCERR : SiCode.SEGV_MAPERR,
    pid: 0, addr, status: 0,
  };
  if (!p.signals.wouldAct(info.signo) || p.signals.actions[info.signo].handler === 0) {
    k.log('tskern: ' + p.comm + '[' + p.pid + ']: ' + (bus ? 'bus error' : r === Fault.SIGSEGV_ACCERR ? 'segfault (access)' : 'segfault (no mapping)') + ' at ' + hex32(addr) +
      ' ip ' + hex32(ip) + ' error ' + p.ctx.get(Reg.ERROR));
  }
  forceSignal(p, info);
  return p.alive && p.state === State.RUNNABLE;
}

/** Exceptions other than page faults: the signal Linux sends for each. */
function exceptionSignal(p: Process, vector: number): void {
  let signo = Sig.SEGV, code: number = SiCode.KERNEL;
  const ip = p.ctx.get(Reg.EIP);
  let addr = 0;
  switch (vector) {
    case 0: signo = Sig.FPE; code = SiCode.FPE_INTDIV; addr = ip; break; // #DE
    case 1: case 3: signo = Sig.TRAP; break; // #DB, #BP
    case 6: signo = Sig.ILL; code = SiCode.ILL_ILLOPN; addr = ip; break; // #UD
    case 7: case 16: case 19: signo = Sig.FPE; addr = ip; break; // #NM, #MF, #XM
    case 11: case 12: case 17: signo = Sig.BUS; break; // #NP, #SS, #AC
    default: signo = Sig.SEGV; break; // #GP, #TS, #OF, #BR and the rest
  }
  if (!p.signals.wouldAct(signo) || p.signals.actions[signo].handler === 0) {
    kernel().log('tskern: ' + p.comm + '[' + p.pid + ']: trap ' + vector + ' ip ' + hex32(ip) + ' sp ' + hex32(p.ctx.get(Reg.ESP)) +
      ' error ' + p.ctx.get(Reg.ERROR));
  }
  forceSignal(p, { signo, code, pid: 0, addr, status: 0 });
}

export { sendSignal };
