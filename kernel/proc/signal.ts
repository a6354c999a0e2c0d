// Signals: Linux i386 numbers, default actions, the per-process state (actions, blocked
// and pending sets: 64 signals as two 32-bit words), and the sigaction flags.

export enum Sig {
  HUP = 1, INT = 2, QUIT = 3, ILL = 4, TRAP = 5, ABRT = 6, BUS = 7, FPE = 8, KILL = 9,
  USR1 = 10, SEGV = 11, USR2 = 12, PIPE = 13, ALRM = 14, TERM = 15, STKFLT = 16, CHLD = 17,
  CONT = 18, STOP = 19, TSTP = 20, TTIN = 21, TTOU = 22, URG = 23, XCPU = 24, XFSZ = 25,
  VTALRM = 26, PROF = 27, WINCH = 28, IO = 29, PWR = 30, SYS = 31,
  /** Highest signal number (real-time signals 32-64). */
  MAX = 64,
}

/** si_code values. */
export enum SiCode {
  USER = 0,
  KERNEL = 0x80,
  TKILL = -6,
  SEGV_MAPERR = 1,
  SEGV_ACCERR = 2,
  BUS_ADRERR = 2,
  ILL_ILLOPN = 2,
  FPE_INTDIV = 1,
  CLD_EXITED = 1,
  CLD_KILLED = 2,
  CLD_DUMPED = 3,
  CLD_STOPPED = 5,
  CLD_CONTINUED = 6,
}

export enum SaFlag {
  NOCLDSTOP = 0x1,
  NOCLDWAIT = 0x2,
  SIGINFO = 0x4,
  ONSTACK = 0x0800_0000,
  RESTART = 0x1000_0000,
  NODEFER = 0x4000_0000,
  RESETHAND = 0x8000_0000,
  RESTORER = 0x0400_0000,
}

export const SIG_DFL = 0, SIG_IGN = 1;

export interface SigAction {
  handler: number;
  flags: number;
  restorer: number;
  /** sa_mask, low and high words. */
  maskLo: number;
  maskHi: number;
}

export enum Default { TERM, CORE, IGNORE, STOP, CONT }

/** Whether sig is one of the four whose default action stops the process. */
export function isStopSignal(sig: number): boolean {
  return sig === Sig.STOP || sig === Sig.TSTP || sig === Sig.TTIN || sig === Sig.TTOU;
}

export function defaultAction(sig: number): Default {
  switch (sig) {
    case Sig.CHLD: case Sig.URG: case Sig.WINCH: return Default.IGNORE;
    case Sig.STOP: case Sig.TSTP: case Sig.TTIN: case Sig.TTOU: return Default.STOP;
    case Sig.CONT: return Default.CONT;
    case Sig.QUIT: case Sig.ILL: case Sig.TRAP: case Sig.ABRT: case Sig.BUS: case Sig.FPE:
    case Sig.SEGV: case Sig.XCPU: case Sig.XFSZ: case Sig.SYS: return Default.CORE;
    default: return Default.TERM;
  }
}

/** Bit of signal `sig` in its word, and which word (0: signals 1-32, 1: 33-64). */
export const sigBit = (sig: number): number => 1 << ((sig - 1) & 31);
export const sigWord = (sig: number): number => (sig - 1) >>> 5;

/** What a pending signal carries for siginfo. */
export interface SigInfo {
  signo: number;
  code: number;
  /** Sender pid (kill) or faulting address (SIGSEGV/SIGBUS), by code. */
  pid: number;
  addr: number;
  /** SIGCHLD: the child's status. */
  status: number;
}

export class SignalState {
  actions: SigAction[] = [];
  blockedLo = 0;
  blockedHi = 0;
  pendingLo = 0;
  pendingHi = 0;
  /** siginfo of each pending standard signal (one instance each, as Linux keeps for < 32). */
  info: (SigInfo | undefined)[] = [];

  constructor() {
    for (let i = 0; i <= Sig.MAX; i++) this.actions.push({ handler: SIG_DFL, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 });
  }

  /** A copy for fork (pending signals are not inherited). */
  fork(): SignalState {
    const s = new SignalState();
    for (let i = 0; i <= Sig.MAX; i++) {
      const a = this.actions[i];
      s.actions[i] = { handler: a.handler, flags: a.flags, restorer: a.restorer, maskLo: a.maskLo, maskHi: a.maskHi };
    }
    s.blockedLo = this.blockedLo;
    s.blockedHi = this.blockedHi;
    return s;
  }

  /** execve: handled signals go back to their default; ignored ones stay ignored. */
  resetForExec(): void {
    for (let i = 1; i <= Sig.MAX; i++) {
      const a = this.actions[i];
      if (a.handler !== SIG_IGN) this.actions[i] = { handler: SIG_DFL, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 };
    }
  }

  isPending(sig: number): boolean {
    return ((sigWord(sig) === 0 ? this.pendingLo : this.pendingHi) & sigBit(sig)) !== 0;
  }

  isBlocked(sig: number): boolean {
    return ((sigWord(sig) === 0 ? this.blockedLo : this.blockedHi) & sigBit(sig)) !== 0;
  }

  setPending(sig: number, info: SigInfo): void {
    if (sigWord(sig) === 0) this.pendingLo |= sigBit(sig);
    else this.pendingHi |= sigBit(sig);
    this.info[sig] = info;
  }

  clearPending(sig: number): void {
    if (sigWord(sig) === 0) this.pendingLo &= ~sigBit(sig);
    else this.pendingHi &= ~sigBit(sig);
  }

  /** The lowest pending, unblocked signal, or 0. SIGKILL and SIGSTOP cannot be blocked. */
  nextDeliverable(): number {
    const lo = this.pendingLo & ~(this.blockedLo & ~(sigBit(Sig.KILL) | sigBit(Sig.STOP)));
    const hi = this.pendingHi & ~this.blockedHi;
    if (lo === 0 && hi === 0) return 0;
    for (let s = 1; s <= Sig.MAX; s++) if (this.isPending(s) && (s === Sig.KILL || s === Sig.STOP || !this.isBlocked(s))) return s;
    return 0;
  }

  /** Whether a signal's arrival should interrupt a blocking system call (it is not ignored). */
  wouldAct(sig: number): boolean {
    if (sig === Sig.KILL) return true;
    if (this.isBlocked(sig)) return false;
    const h = this.actions[sig].handler;
    if (h === SIG_IGN) return false;
    if (h === SIG_DFL) { const d = defaultAction(sig); return d === Default.TERM || d === Default.CORE; }
    return true;
  }
}

/** The name of a signal ("SIGSEGV"), for messages. */
export function signalName(sig: number): string {
  const names = ['', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL',
    'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP',
    'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO',
    'SIGPWR', 'SIGSYS'];
  return sig > 0 && sig < names.length ? names[sig] : 'SIG' + sig;
}
