// Process life: creation by fork, exit (memory and files released at once, the status kept
// in a zombie until the parent reaps it), orphans handed to PID 1, SIGCHLD, wait4, and
// signal sending and delivery (default actions, handlers through signal-frame.ts), and job
// control: stop signals stop a process until SIGCONT, reported to the parent by wait4.

import { Errno } from '../mm/errno.ts';
import { Mm } from '../mm/mm.ts';
import { FdTable } from './fd-table.ts';
import { allocPid, kernel, syncAll } from './kernel-state.ts';
import { Process, State } from './process.ts';
import { block, leaveAddressSpace, makeRunnable, unqueue } from './scheduler.ts';
import { setupFrame } from './signal-frame.ts';
import { Default, SIG_DFL, SIG_IGN, SaFlag, SiCode, Sig, defaultAction, isStopSignal, signalName, type SigInfo } from './signal.ts';
import { Reg, UserContext } from './user-context.ts';
import { NO_RESULT } from '../syscall/dispatch.ts';
import { areasChanged, processGone } from './inspect.ts';

/** wait(2) status words. */
export const exitedStatus = (code: number): number => (code & 0xff) << 8;
export const signaledStatus = (sig: number, core: boolean): number => (sig & 0x7f) | (core ? 0x80 : 0);

/** Registers a new process in the table. */
export function addProcess(p: Process, parent: Process | null): void {
  kernel().processes.set(p.pid, p);
  p.parent = parent;
  if (parent !== null) parent.children.push(p);
}

/** fork: a copy of p (address space copy-on-write, files shared); the child's PID or -errno. */
export function forkProcess(p: Process): number {
  const space = p.mm.space.fork();
  if (typeof space === 'number') return space;
  const ctx = p.ctx.clone();
  if (typeof ctx === 'number') {
    space.free();
    return ctx;
  }
  const child = new Process(allocPid(), new Mm(space), ctx, p.fds.fork(), p.cwd);
  child.pgid = p.pgid;
  child.sid = p.sid;
  child.signals = p.signals.fork();
  for (let i = 0; i < 3; i++) child.tls[i] = { lo: p.tls[i].lo, hi: p.tls[i].hi };
  child.exe = p.exe;
  child.argv = p.argv.slice();
  child.umask = p.umask;
  child.startTicks = p.userTicks;
  ctx.set(Reg.EAX, 0);
  addProcess(child, p);
  areasChanged(child);
  makeRunnable(child);
  return child.pid;
}

/**
 * Ends p with wait status `status` (exitedStatus / signaledStatus): frees its memory and
 * files, hands its children to PID 1, and tells the parent.
 */
export function finishProcess(p: Process, status: number): void {
  if (!p.alive) return;
  const k = kernel();
  unqueue(p);
  p.stopped = false;
  p.resume = null;
  p.stopReport = 0;
  p.contReport = false;
  if (p.interrupt !== null) {
    const wake = p.interrupt;
    p.interrupt = null;
    wake();
  }
  p.fds.closeAll();
  processGone(p);
  leaveAddressSpace(p);
  p.mm.space.free();
  p.ctx.free();
  p.state = State.ZOMBIE;
  p.exitStatus = status;
  if (p.vforkDone !== null) {
    const done = p.vforkDone;
    p.vforkDone = null;
    done();
  }
  const init = k.processes.get(1);
  for (let i = 0; i < p.children.length; i++) {
    const c = p.children[i];
    c.parent = init !== undefined && init !== p ? init : null;
    if (c.parent !== null) c.parent.children.push(c);
    if (!c.alive && c.parent !== null) notifyParent(c);
    else if (!c.alive) k.processes.delete(c.pid);
  }
  p.children.length = 0;
  if (p.pid === 1) {
    initExited(status);
    return;
  }
  notifyParent(p);
}

/** PID 1 is gone: the disks are written back and the machine powers off with its status. */
function initExited(status: number): void {
  const k = kernel();
  const sig = status & 0x7f;
  const code = sig === 0 ? (status >> 8) & 0xff : 128 + sig;
  if (!k.execMode) k.log('tskern: init exited with status ' + code + '; powering off');
  void syncAll().then(() => process.exit(code));
}

/** SIGCHLD and wait4 wake-ups for the parent of a new zombie; auto-reaping when ignored. */
function notifyParent(c: Process): void {
  const parent = c.parent;
  if (parent === null || !parent.alive) {
    kernel().processes.delete(c.pid);
    return;
  }
  const act = parent.signals.actions[Sig.CHLD];
  if (act.handler === SIG_IGN || (act.flags & SaFlag.NOCLDWAIT) !== 0) {
    reap(parent, c);
  } else {
    const sig = c.exitStatus & 0x7f;
    sendSignal(parent, {
      signo: Sig.CHLD, code: sig === 0 ? SiCode.CLD_EXITED : SiCode.CLD_KILLED, pid: c.pid, addr: 0,
      status: sig === 0 ? (c.exitStatus >> 8) & 0xff : sig,
    });
  }
  const ws = parent.childWaiters.splice(0, parent.childWaiters.length);
  for (let i = 0; i < ws.length; i++) ws[i]();
}

/** Removes zombie c from the table, adding its counts to the parent's. */
export function reap(parent: Process, c: Process): void {
  const i = parent.children.indexOf(c);
  if (i >= 0) parent.children.splice(i, 1);
  parent.childMinFaults += c.minFaults + c.childMinFaults;
  parent.childMajFaults += c.majFaults + c.childMajFaults;
  parent.childUserTicks += c.userTicks + c.childUserTicks;
  parent.childSystemTicks += c.systemTicks + c.childSystemTicks;
  kernel().processes.delete(c.pid);
}

/** exit(2) / exit_group(2). */
export function exitProcess(p: Process, sigOrCode: number, bySignal = true): void {
  finishProcess(p, bySignal ? signaledStatus(sigOrCode, defaultAction(sigOrCode) === Default.CORE) : exitedStatus(sigOrCode));
}

// ---- signals ----------------------------------------------------------------------------

/** Queues a signal for p (kill, the tty, SIGCHLD); a blocked system call is interrupted if it acts. */
export function sendSignal(p: Process, info: SigInfo): void {
  if (!p.alive || info.signo <= 0 || info.signo > Sig.MAX) return;
  // job control (Linux's prepare_signal): SIGCONT discards pending stops and continues a
  // stopped process even when ignored or blocked; a stop discards a pending SIGCONT;
  // SIGKILL wakes a stopped process so that it dies
  if (info.signo === Sig.CONT) {
    for (const s of [Sig.STOP, Sig.TSTP, Sig.TTIN, Sig.TTOU]) p.signals.clearPending(s);
    if (p.stopped) continueProcess(p, true);
  } else if (isStopSignal(info.signo)) {
    p.signals.clearPending(Sig.CONT);
  } else if (info.signo === Sig.KILL && p.stopped) {
    continueProcess(p, false);
  }
  const act = p.signals.actions[info.signo];
  if (info.signo !== Sig.KILL && act.handler === SIG_IGN) return;
  if (info.signo !== Sig.KILL && act.handler === SIG_DFL && defaultAction(info.signo) === Default.IGNORE) return;
  p.signals.setPending(info.signo, info);
  if (p.state !== State.BLOCKED || p.interrupt === null) return;
  // a stop ends an interruptible wait too, and the call runs again once the process continues;
  // so does a call interrupted for a handler installed with SA_RESTART (restartable calls only)
  const stops = isStopSignal(info.signo) && act.handler === SIG_DFL && (info.signo === Sig.STOP || !p.signals.isBlocked(info.signo));
  if (p.signals.wouldAct(info.signo) || stops) {
    if (stops) p.restartSyscall = true;
    else if (act.handler !== SIG_DFL && (act.flags & SaFlag.RESTART) !== 0 && RESTARTABLE.has(p.ctx.get(Reg.EAX))) p.restartSyscall = true;
    const wake = p.interrupt;
    p.interrupt = null;
    wake();
  }
}

/**
 * Whether a call that ended with -EINTR runs again, decided (as Linux decides
 * -ERESTARTSYS) by the signal about to be delivered: a stop signal's default action
 * always restarts it once the process continues, a handler installed with SA_RESTART
 * restarts the restartable calls. This covers the calls woken for a signal that was
 * already pending when they started to wait, or that does not act at all (sleepInterruptible returns at once then, and
 * sendSignal, which sets `restartSyscall` for a wait it ends itself, never saw them).
 */
export function restartsForPending(p: Process): boolean {
  const sig = p.signals.nextDeliverable();
  if (sig === 0 || sig === Sig.KILL) return false;
  const act = p.signals.actions[sig];
  // a signal that does not act (ignored, SIGCONT's default) should not have ended the wait
  if (act.handler === SIG_IGN) return true;
  if (act.handler === SIG_DFL) return defaultAction(sig) !== Default.TERM && defaultAction(sig) !== Default.CORE;
  return (act.flags & SaFlag.RESTART) !== 0 && RESTARTABLE.has(p.ctx.get(Reg.EAX));
}

/**
 * Calls Linux restarts after a handler installed with SA_RESTART (-ERESTARTSYS): read, write,
 * open, waitpid, wait4, readv, writev, pread64, pwrite64, openat. Others (nanosleep, pause,
 * poll...) return -EINTR to a handler as Linux's do; after a stop every call restarts.
 */
const RESTARTABLE = new Set<number>([3, 4, 5, 7, 114, 145, 146, 180, 181, 295]);

/**
 * Stops p (the default action of a stop signal): reports it to the parent (wait4's
 * WUNTRACED, SIGCHLD with CLD_STOPPED unless SA_NOCLDSTOP) and resolves when p continues.
 */
function stopProcess(p: Process, sig: number): Promise<void> {
  p.stopped = true;
  p.stopReport = sig;
  p.contReport = false;
  const done = new Promise<void>((resolve) => { p.resume = resolve; });
  notifyJobChange(p, SiCode.CLD_STOPPED, sig);
  return done;
}

/** Ends p's stop; `byCont` (SIGCONT, not SIGKILL) also reports it (WCONTINUED, CLD_CONTINUED). */
function continueProcess(p: Process, byCont: boolean): void {
  p.stopped = false;
  p.stopReport = 0;
  const resume = p.resume;
  p.resume = null;
  if (resume !== null) resume();
  if (!byCont) return;
  p.contReport = true;
  notifyJobChange(p, SiCode.CLD_CONTINUED, Sig.CONT);
}

/** A child stopped or continued: SIGCHLD (unless the parent set SA_NOCLDSTOP) and wait4's wake-up. */
function notifyJobChange(c: Process, code: number, sig: number): void {
  const parent = c.parent;
  if (parent === null || !parent.alive) return;
  if ((parent.signals.actions[Sig.CHLD].flags & SaFlag.NOCLDSTOP) === 0) {
    sendSignal(parent, { signo: Sig.CHLD, code, pid: c.pid, addr: 0, status: sig });
  }
  const ws = parent.childWaiters.splice(0, parent.childWaiters.length);
  for (let i = 0; i < ws.length; i++) ws[i]();
}

/** A signal caused by p's own instruction: it cannot be blocked or ignored (Linux's force_sig). */
export function forceSignal(p: Process, info: SigInfo): void {
  const s = p.signals;
  const act = s.actions[info.signo];
  if (s.isBlocked(info.signo) || act.handler === SIG_IGN) {
    s.actions[info.signo] = { handler: SIG_DFL, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 };
    if (info.signo <= 32) s.blockedLo &= ~(1 << (info.signo - 1));
  }
  if (s.isPending(info.signo) && info.signo !== Sig.KILL) {
    // the same fault again while its handler's frame could not be written: no way out
    exitProcess(p, info.signo);
    return;
  }
  s.setPending(info.signo, info);
}

export function hasDeliverable(p: Process): boolean {
  return p.signals.nextDeliverable() !== 0;
}

/** Delivers the next deliverable signal: its default action, or a frame for its handler. */
export async function deliverPending(p: Process): Promise<number> {
  for (;;) {
    const sig = p.signals.nextDeliverable();
    if (sig === 0 || !p.alive) return NO_RESULT;
    p.signals.clearPending(sig);
    const info = p.signals.info[sig] ?? { signo: sig, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 };
    const act = p.signals.actions[sig];
    if (sig === Sig.KILL || act.handler === SIG_DFL) {
      const d = defaultAction(sig);
      if (d === Default.TERM || d === Default.CORE || sig === Sig.KILL) {
        exitProcess(p, sig);
        return NO_RESULT;
      }
      if (d === Default.STOP) {
        await stopProcess(p, sig);
        continue; // continued (SIGCONT) or woken to die (SIGKILL, pending now)
      }
      continue; // IGNORE, CONT
    }
    if (act.handler === SIG_IGN) continue;
    const r = await setupFrame(p, sig, act, info);
    if (r < 0) {
      kernel().log('tskern: ' + p.comm + '[' + p.pid + ']: cannot deliver ' + signalName(sig) + ': bad stack ' + r);
      exitProcess(p, Sig.SEGV);
    }
    return NO_RESULT;
  }
}

// ---- wait -------------------------------------------------------------------------------

export enum WaitOption {
  NOHANG = 1,
  UNTRACED = 2,
  CONTINUED = 8,
}

/** Whether child c matches wait4's pid argument for parent p. */
function matches(p: Process, c: Process, pid: number): boolean {
  if (pid > 0) return c.pid === pid;
  if (pid === -1) return true;
  if (pid === 0) return c.pgid === p.pgid;
  return c.pgid === -pid;
}

export interface Reaped {
  pid: number;
  status: number;
  child: Process | null;
}

/**
 * wait4: a zombie child matching `pid` (reaped), a stopped (WUNTRACED) or continued
 * (WCONTINUED) one not yet reported, 0 with WNOHANG when none is ready, or -ECHILD / -EINTR.
 * Blocks (interruptibly) until a matching child changes state.
 */
export async function waitChild(p: Process, pid: number, options: number): Promise<Reaped | number> {
  for (;;) {
    let any = false;
    for (let i = 0; i < p.children.length; i++) {
      const c = p.children[i];
      if (!matches(p, c, pid)) continue;
      any = true;
      if (!c.alive) {
        reap(p, c);
        return { pid: c.pid, status: c.exitStatus, child: c };
      }
      // job control: each stop and continue is reported once, the child stays
      if ((options & WaitOption.UNTRACED) !== 0 && c.stopped && c.stopReport !== 0) {
        const sig = c.stopReport;
        c.stopReport = 0;
        return { pid: c.pid, status: (sig << 8) | 0x7f, child: null };
      }
      if ((options & WaitOption.CONTINUED) !== 0 && c.contReport) {
        c.contReport = false;
        return { pid: c.pid, status: 0xffff, child: null };
      }
    }
    if (!any) return -Errno.ECHILD;
    if ((options & WaitOption.NOHANG) !== 0) return 0;
    const woke = await sleepInterruptible(p, (wake) => p.childWaiters.push(wake));
    if (!woke) return -Errno.EINTR;
  }
}

/**
 * Waits until `arm`'s wake-up is called (true) or a signal interrupts the process (false).
 * The process is BLOCKED meanwhile (the scheduler already took it off the run queue).
 */
export function sleepInterruptible(p: Process, arm: (wake: () => void) => void): Promise<boolean> {
  if (p.signals.nextDeliverable() !== 0) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    let done = false;
    arm(() => {
      if (done) return;
      done = true;
      p.interrupt = null;
      resolve(true);
    });
    p.interrupt = () => {
      if (done) return;
      done = true;
      resolve(false);
    };
  });
}

export { block, UserContext, FdTable };
