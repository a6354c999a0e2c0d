// A process: PID and family, address space, user context, open files, working directory,
// signal state, thread-local-storage descriptors, and the counters getrusage and /proc show.
//
// Life cycle: RUNNABLE (on the run queue or running) <-> BLOCKED (a system call or fault is
// awaiting something: its kernel side is a pending Promise) -> ZOMBIE (exited, its status
// kept until the parent reaps it with wait4; its memory is already freed). A stopped process
// (job control: `stopped`) is BLOCKED in its signal delivery until SIGCONT or SIGKILL.

import type { Mm } from '../mm/mm.ts';
import type { Resolved } from '../fs/vfs.ts';
import type { FdTable } from './fd-table.ts';
import { SignalState } from './signal.ts';
import type { UserContext } from './user-context.ts';

export enum State {
  RUNNABLE = 'R',
  BLOCKED = 'S',
  ZOMBIE = 'Z',
}

/** One GDT TLS slot's descriptor, as set_thread_area left it (0, 0: empty). */
export interface TlsSlot {
  lo: number;
  hi: number;
}

export class Process {
  state = State.RUNNABLE;
  parent: Process | null = null;
  readonly children: Process[] = [];
  pgid: number;
  sid: number;
  /** wait(2) status once a zombie. */
  exitStatus = 0;
  signals = new SignalState();
  tls: TlsSlot[] = [{ lo: 0, hi: 0 }, { lo: 0, hi: 0 }, { lo: 0, hi: 0 }];
  /** set_tid_address: cleared (and futex-woken) at exit. */
  clearChildTid = 0;
  /** The program's path (/proc/PID/exe) and argv (/proc/PID/cmdline). */
  exe = '';
  argv: string[] = [];
  /** Minor and major faults (getrusage, /proc/PID/stat). */
  minFaults = 0;
  majFaults = 0;
  /** Children's figures, added when reaped (RUSAGE_CHILDREN). */
  childMinFaults = 0;
  childMajFaults = 0;
  /** Timer ticks spent in user and kernel mode (times(2)). */
  userTicks = 0;
  systemTicks = 0;
  childUserTicks = 0;
  childSystemTicks = 0;
  umask = 0o022;
  /** Wakes a blocked system call when a signal arrives (EINTR); null when not interruptible. */
  interrupt: (() => void) | null = null;
  /** Parents waiting in wait4 for a child of this one to change state. */
  childWaiters: (() => void)[] = [];
  /** vfork: the parent waits until this child execs or exits. */
  vforkDone: (() => void) | null = null;
  /** Pending result of a blocked system call, written to eax when it resumes. */
  startTicks = 0;
  /**
   * Job control: stopped by a stop signal until SIGCONT (or SIGKILL). The process is then
   * BLOCKED inside its signal delivery; `resume` ends that wait.
   */
  stopped = false;
  resume: (() => void) | null = null;
  /** wait4's reports not yet collected: the stop signal (WUNTRACED; 0: none), a continue (WCONTINUED). */
  stopReport = 0;
  contReport = false;
  /** A blocked system call was interrupted by a stop signal: it runs again once continued. */
  restartSyscall = false;

  constructor(
    readonly pid: number,
    public mm: Mm,
    public ctx: UserContext,
    public fds: FdTable,
    public cwd: Resolved,
  ) {
    this.pgid = pid;
    this.sid = pid;
  }

  /** The short name (comm): the last part of the program's path, at most 15 characters. */
  get comm(): string {
    const slash = this.exe.lastIndexOf('/');
    const base = slash < 0 ? this.exe : this.exe.slice(slash + 1);
    return base.slice(0, 15);
  }

  get ppid(): number {
    return this.parent === null ? 0 : this.parent.pid;
  }

  get alive(): boolean {
    return this.state !== State.ZOMBIE;
  }
}
