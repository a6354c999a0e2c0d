// Process system calls: fork, vfork, clone (fork semantics), execve, exit, exit_group,
// wait4, waitpid, the IDs, process groups and sessions, kill/tkill/tgkill, sched_yield,
// umask, getrusage, times, and the resource limits.

import { Errno } from '../mm/errno.ts';
import { execve } from '../proc/execve.ts';
import { kernel } from '../proc/kernel-state.ts';
import { exitProcess, forkProcess, sendSignal, waitChild } from '../proc/lifecycle.ts';
import { State, type Process } from '../proc/process.ts';
import { SiCode, Sig } from '../proc/signal.ts';
import { runQueueLength } from '../proc/scheduler.ts';
import { NO_RESULT, int, register } from './dispatch.ts';
import { readStringArray, readString, writeU32, writeWords } from './user-memory.ts';

/** clone flags glibc's fork uses (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD) are fork; threads are not supported. */
const CLONE_VM = 0x100, CLONE_THREAD = 0x10000, CLONE_VFORK = 0x4000, CLONE_SETTLS = 0x80000;
const CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000;

function vfork(p: Process): number | Promise<number> {
  const pid = forkProcess(p);
  if (pid < 0) return pid;
  const child = kernel().processes.get(pid) as Process;
  // the parent waits until the child execs or exits (its memory is a copy here, so waiting is only ordering)
  return new Promise<number>((resolve) => {
    child.vforkDone = () => resolve(pid);
  });
}

async function clone(p: Process, flags: number, stack: number, ptid: number, _tls: number, ctid: number): Promise<number> {
  if ((flags & (CLONE_VM | CLONE_THREAD)) !== 0 && (flags & CLONE_VFORK) === 0) return -Errno.ENOSYS;
  if ((flags & CLONE_SETTLS) !== 0) return -Errno.ENOSYS;
  const pid = forkProcess(p);
  if (pid < 0) return pid;
  const child = kernel().processes.get(pid) as Process;
  if (stack !== 0) child.ctx.set(17, stack); // Reg.ESP
  if ((flags & CLONE_PARENT_SETTID) !== 0) await writeU32(p.mm.space, ptid, pid);
  if ((flags & CLONE_CHILD_SETTID) !== 0) await writeU32(child.mm.space, ctid, pid);
  if ((flags & CLONE_CHILD_CLEARTID) !== 0) child.clearChildTid = ctid;
  if ((flags & CLONE_VFORK) !== 0) {
    return new Promise<number>((resolve) => {
      child.vforkDone = () => resolve(pid);
    });
  }
  return pid;
}

async function sysExecve(p: Process, pathAddr: number, argvAddr: number, envpAddr: number): Promise<number> {
  const path = await readString(p.mm.space, pathAddr);
  if (typeof path === 'number') return path;
  const argv = await readStringArray(p.mm.space, argvAddr);
  if (typeof argv === 'number') return argv;
  const envp = await readStringArray(p.mm.space, envpAddr);
  if (typeof envp === 'number') return envp;
  const r = await execve(p, path, argv, envp);
  return r < 0 ? r : NO_RESULT;
}

async function wait4(p: Process, pid: number, statusAddr: number, options: number, rusageAddr: number): Promise<number> {
  if ((options & ~(1 | 2 | 8 | 0x40000000 | 0x80000000 | 0x20000000)) !== 0) return -Errno.EINVAL;
  const r = await waitChild(p, pid, options);
  if (typeof r === 'number') return r;
  if (statusAddr !== 0) {
    const w = await writeU32(p.mm.space, statusAddr, r.status);
    if (w < 0) return w;
  }
  if (rusageAddr !== 0 && r.child !== null) {
    const c = r.child;
    const w = await writeRusage(p, rusageAddr, c.userTicks + c.childUserTicks, c.systemTicks + c.childSystemTicks,
      c.minFaults + c.childMinFaults, c.majFaults + c.childMajFaults);
    if (w < 0) return w;
  }
  return r.pid;
}

/** struct rusage (i386, 72 bytes): utime, stime (timevals), then 14 longs; faults at 32 and 36. */
function writeRusage(p: Process, addr: number, uticks: number, sticks: number, minflt: number, majflt: number): Promise<number> {
  const w = [Math.floor(uticks / 100), (uticks % 100) * 10000, Math.floor(sticks / 100), (sticks % 100) * 10000,
    0, 0, 0, 0, minflt, majflt, 0, 0, 0, 0, 0, 0, 0, 0];
  return writeWords(p.mm.space, addr, w);
}

function kill(p: Process, pid: number, sig: number): number {
  if (sig < 0 || sig > Sig.MAX) return -Errno.EINVAL;
  const k = kernel();
  const targets: Process[] = [];
  for (const q of k.processes.values()) {
    if (!q.alive) continue;
    if (pid > 0 ? q.pid === pid : pid === 0 ? q.pgid === p.pgid : pid === -1 ? q.pid !== 1 && q !== p : q.pgid === -pid) targets.push(q);
  }
  if (targets.length === 0) return -Errno.ESRCH;
  if (sig === 0) return 0;
  for (let i = 0; i < targets.length; i++) sendSignal(targets[i], { signo: sig, code: SiCode.USER, pid: p.pid, addr: 0, status: 0 });
  return 0;
}

/** RLIMIT_* values (soft = hard), as a fresh Linux gives them; RLIM_INFINITY is all ones. */
function rlimit(resource: number): number[] | null {
  const INF = 0xffff_ffff;
  switch (resource) {
    case 3: return [8 * 1024 * 1024, INF]; // STACK
    case 7: return [1024, 1024 * 4]; // NOFILE
    case 6: return [32768, 32768]; // NPROC
    case 8: return [8 * 1024 * 1024, 8 * 1024 * 1024]; // MEMLOCK
    default: return resource >= 0 && resource < 16 ? [INF, INF] : null;
  }
}

export function registerProcSyscalls(): void {
  register(2, 'fork', (p) => forkProcess(p));
  register(190, 'vfork', (p) => vfork(p));
  register(120, 'clone', (p, flags, stack, ptid, tls, ctid) => clone(p, flags, stack, ptid, tls, ctid));
  register(11, 'execve', (p, path, argv, envp) => sysExecve(p, path, argv, envp));
  register(1, 'exit', (p, code) => { exitProcess(p, code & 0xff, false); return NO_RESULT; });
  register(252, 'exit_group', (p, code) => { exitProcess(p, code & 0xff, false); return NO_RESULT; });
  register(114, 'wait4', (p, pid, status, options, rusage) => wait4(p, int(pid), status, options, rusage));
  register(7, 'waitpid', (p, pid, status, options) => wait4(p, int(pid), status, options, 0));
  register(20, 'getpid', (p) => p.pid);
  register(224, 'gettid', (p) => p.pid);
  register(64, 'getppid', (p) => p.ppid);
  for (const nr of [24, 47, 49, 50, 199, 200, 201, 202]) register(nr, 'getuid', () => 0);
  register(258, 'set_tid_address', (p, addr) => { p.clearChildTid = addr; return p.pid; });
  register(311, 'set_robust_list', (_p, _head, len) => (len === 12 ? 0 : -Errno.EINVAL));
  register(57, 'setpgid', (p, pid, pgid) => {
    const k = kernel();
    const target = pid === 0 ? p : k.processes.get(pid);
    if (target === undefined || (target !== p && target.parent !== p)) return -Errno.ESRCH;
    if (int(pgid) < 0) return -Errno.EINVAL;
    target.pgid = pgid === 0 ? target.pid : pgid;
    return 0;
  });
  register(65, 'getpgrp', (p) => p.pgid);
  register(132, 'getpgid', (p, pid) => {
    const t = pid === 0 ? p : kernel().processes.get(pid);
    return t === undefined ? -Errno.ESRCH : t.pgid;
  });
  register(66, 'setsid', (p) => {
    if (p.pgid === p.pid) return -Errno.EPERM;
    p.sid = p.pid;
    p.pgid = p.pid;
    return p.pid;
  });
  register(147, 'getsid', (p, pid) => {
    const t = pid === 0 ? p : kernel().processes.get(pid);
    return t === undefined ? -Errno.ESRCH : t.sid;
  });
  register(37, 'kill', (p, pid, sig) => kill(p, int(pid), int(sig)));
  register(238, 'tkill', (p, tid, sig) => (int(tid) <= 0 ? -Errno.EINVAL : kill(p, int(tid), int(sig))));
  register(270, 'tgkill', (p, tgid, tid, sig) => {
    if (int(tgid) <= 0 || int(tid) <= 0) return -Errno.EINVAL;
    if (tgid !== tid) return -Errno.ESRCH;
    const t = kernel().processes.get(tid);
    if (t === undefined || !t.alive) return -Errno.ESRCH;
    if (int(sig) < 0 || int(sig) > Sig.MAX) return -Errno.EINVAL;
    if (sig !== 0) sendSignal(t, { signo: sig, code: SiCode.TKILL, pid: p.pid, addr: 0, status: 0 });
    return 0;
  });
  register(158, 'sched_yield', (p) => {
    // give the CPU to the next runnable process, if any
    if (runQueueLength() > 1) {
      p.state = State.RUNNABLE;
      return new Promise<number>((resolve) => setTimeout(() => resolve(0), 0));
    }
    return 0;
  });
  register(60, 'umask', (p, mask) => {
    const old = p.umask;
    p.umask = mask & 0o777;
    return old;
  });
  register(77, 'getrusage', (p, who, addr) => {
    const w = int(who);
    if (w === 0) return writeRusage(p, addr, p.userTicks, p.systemTicks, p.minFaults, p.majFaults);
    if (w === -1) return writeRusage(p, addr, p.childUserTicks, p.childSystemTicks, p.childMinFaults, p.childMajFaults);
    return -Errno.EINVAL;
  });
  register(43, 'times', async (p, addr) => {
    if (addr !== 0) {
      const w = await writeWords(p.mm.space, addr, [p.userTicks, p.systemTicks, p.childUserTicks, p.childSystemTicks]);
      if (w < 0) return w;
    }
    return Math.floor((performance.now() - kernel().bootMs) / 10) >>> 0;
  });
  register(191, 'ugetrlimit', (p, resource, addr) => {
    const l = rlimit(resource);
    if (l === null) return -Errno.EINVAL;
    return writeWords(p.mm.space, addr, l);
  });
  register(76, 'getrlimit', (p, resource, addr) => {
    const l = rlimit(resource);
    if (l === null) return -Errno.EINVAL;
    return writeWords(p.mm.space, addr, [l[0] === 0xffffffff ? 0x7fffffff : l[0], l[1] === 0xffffffff ? 0x7fffffff : l[1]]);
  });
  register(75, 'setrlimit', () => 0);
  register(340, 'prlimit64', async (p, pid, resource, newAddr, oldAddr) => {
    if (pid !== 0 && pid !== p.pid) return kernel().processes.has(pid) ? -Errno.EPERM : -Errno.ESRCH;
    const l = rlimit(resource);
    if (l === null) return -Errno.EINVAL;
    if (oldAddr !== 0) {
      const hi = (v: number) => (v === 0xffffffff ? 0xffffffff : 0);
      const w = await writeWords(p.mm.space, oldAddr, [l[0], hi(l[0]), l[1], hi(l[1])]);
      if (w < 0) return w;
    }
    return newAddr === 0 ? 0 : 0;
  });
}
