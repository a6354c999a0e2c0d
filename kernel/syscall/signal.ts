// Signal system calls: rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend, pause,
// sigreturn, rt_sigreturn, sigaltstack (reports no alternate stack), alarm.

import { Errno } from '../mm/errno.ts';
import { sendSignal, sleepInterruptible } from '../proc/lifecycle.ts';
import type { Process } from '../proc/process.ts';
import { rtSigreturn, sigreturn } from '../proc/signal-frame.ts';
import { SiCode, Sig } from '../proc/signal.ts';
import { NO_RESULT, int, register } from './dispatch.ts';
import { WOULD_WAIT, readBytes, readBytesNow, writeWords, writeWordsNow, writeWordsSoon } from './user-memory.ts';

const word = (b: number[], o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** rt_sigaction's argument checks: 0 or -EINVAL. */
function sigactionCheck(sig: number, actAddr: number, size: number): number {
  if (size !== 8) return -Errno.EINVAL;
  if (sig < 1 || sig > Sig.MAX) return -Errno.EINVAL;
  if (actAddr !== 0 && (sig === Sig.KILL || sig === Sig.STOP)) return -Errno.EINVAL;
  return 0;
}

function oldAction(p: Process, sig: number): number[] {
  const old = p.signals.actions[sig];
  return [old.handler, old.flags, old.restorer, old.maskLo, old.maskHi];
}

function setAction(p: Process, sig: number, act: number[]): void {
  p.signals.actions[sig] = {
    handler: word(act, 0), flags: word(act, 4), restorer: word(act, 8),
    maskLo: word(act, 12) & ~((1 << 8) | (1 << 18)), maskHi: word(act, 16),
  };
  // setting SIG_IGN discards a pending instance
  if (word(act, 0) === 1) p.signals.clearPending(sig);
}

/** rt_sigaction without waiting (its memory resident): the result, or WOULD_WAIT with nothing done. */
function rtSigactionNow(p: Process, sig: number, actAddr: number, oldAddr: number, size: number): number {
  const e = sigactionCheck(sig, actAddr, size);
  if (e !== 0) return e;
  const act = actAddr !== 0 ? readBytesNow(p.mm.space, actAddr, 20) : null;
  if (typeof act === 'number') return act;
  if (oldAddr !== 0) {
    const w = writeWordsNow(p.mm.space, oldAddr, oldAction(p, sig));
    if (w < 0) return w;
  }
  if (act !== null) setAction(p, sig, act);
  return 0;
}

async function rtSigaction(p: Process, sig: number, actAddr: number, oldAddr: number, size: number): Promise<number> {
  const e = sigactionCheck(sig, actAddr, size);
  if (e !== 0) return e;
  let act: number[] | null = null;
  if (actAddr !== 0) {
    const b = await readBytes(p.mm.space, actAddr, 20);
    if (typeof b === 'number') return b;
    act = b;
  }
  if (oldAddr !== 0) {
    const w = await writeWords(p.mm.space, oldAddr, oldAction(p, sig));
    if (w < 0) return w;
  }
  if (act !== null) setAction(p, sig, act);
  return 0;
}

function setMask(p: Process, how: number, set: number[]): void {
  const s = p.signals;
  if (how === 0) { s.blockedLo |= set[0]; s.blockedHi |= set[1]; }
  else if (how === 1) { s.blockedLo &= ~set[0]; s.blockedHi &= ~set[1]; }
  else { s.blockedLo = set[0]; s.blockedHi = set[1]; }
  s.blockedLo &= ~((1 << 8) | (1 << 18));
}

/** rt_sigprocmask without waiting: the result, or WOULD_WAIT with nothing done. */
function rtSigprocmaskNow(p: Process, how: number, setAddr: number, oldAddr: number, size: number): number {
  if (size !== 8) return -Errno.EINVAL;
  const s = p.signals;
  let set: number[] | null = null;
  if (setAddr !== 0) {
    const b = readBytesNow(p.mm.space, setAddr, 8);
    if (typeof b === 'number') return b;
    set = [word(b, 0), word(b, 4)];
    if (how > 2) return -Errno.EINVAL;
  }
  if (oldAddr !== 0) {
    const w = writeWordsNow(p.mm.space, oldAddr, [s.blockedLo, s.blockedHi]);
    if (w < 0) return w;
  }
  if (set !== null) setMask(p, how, set);
  return 0;
}

async function rtSigprocmask(p: Process, how: number, setAddr: number, oldAddr: number, size: number): Promise<number> {
  if (size !== 8) return -Errno.EINVAL;
  const s = p.signals;
  let set: number[] | null = null;
  if (setAddr !== 0) {
    const b = await readBytes(p.mm.space, setAddr, 8);
    if (typeof b === 'number') return b;
    set = [word(b, 0), word(b, 4)];
    if (how > 2) return -Errno.EINVAL;
  }
  if (oldAddr !== 0) {
    const w = await writeWords(p.mm.space, oldAddr, [s.blockedLo, s.blockedHi]);
    if (w < 0) return w;
  }
  if (set !== null) setMask(p, how, set);
  return 0;
}

async function rtSigsuspend(p: Process, maskAddr: number, size: number): Promise<number> {
  if (size !== 8) return -Errno.EINVAL;
  const b = await readBytes(p.mm.space, maskAddr, 8);
  if (typeof b === 'number') return b;
  const s = p.signals;
  const oldLo = s.blockedLo, oldHi = s.blockedHi;
  s.blockedLo = word(b, 0) & ~((1 << 8) | (1 << 18));
  s.blockedHi = word(b, 4);
  await sleepInterruptible(p, () => {});
  // the handler runs with the suspend mask; its frame restores the old one (approximation:
  // Linux saves the old mask in the frame; here it is restored before the frame is built)
  s.blockedLo = oldLo;
  s.blockedHi = oldHi;
  return -Errno.EINTR;
}

export function registerSignalSyscalls(): void {
  // resident memory (the usual case) answers at once; the async versions can wait for pages
  register(174, 'rt_sigaction', (p, sig, act, old, size) => {
    const r = rtSigactionNow(p, int(sig), act, old, size);
    return r === WOULD_WAIT ? rtSigaction(p, int(sig), act, old, size) : r;
  });
  register(175, 'rt_sigprocmask', (p, how, set, old, size) => {
    const r = rtSigprocmaskNow(p, how, set, old, size);
    return r === WOULD_WAIT ? rtSigprocmask(p, how, set, old, size) : r;
  });
  register(176, 'rt_sigpending', (p, addr, size) => (size > 8 ? -Errno.EINVAL : writeWordsSoon(p.mm.space, addr, [p.signals.pendingLo & p.signals.blockedLo, p.signals.pendingHi & p.signals.blockedHi])));
  register(179, 'rt_sigsuspend', (p, mask, size) => rtSigsuspend(p, mask, size));
  register(29, 'pause', async (p) => {
    await sleepInterruptible(p, () => {});
    return -Errno.EINTR;
  });
  register(119, 'sigreturn', async (p) => {
    const r = await sigreturn(p);
    if (r < 0) sendSignal(p, { signo: Sig.SEGV, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 });
    return NO_RESULT;
  });
  register(173, 'rt_sigreturn', async (p) => {
    const r = await rtSigreturn(p);
    if (r < 0) sendSignal(p, { signo: Sig.SEGV, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 });
    return NO_RESULT;
  });
  register(186, 'sigaltstack', (p, ss, old) => {
    if (old !== 0) return writeWords(p.mm.space, old, [0, 2 /* SS_DISABLE */, 0]);
    return ss === 0 ? 0 : -Errno.ENOSYS;
  });
  register(27, 'alarm', (p, seconds) => {
    if (seconds > 0) setTimeout(() => sendSignal(p, { signo: Sig.ALRM, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 }), seconds * 1000);
    return 0;
  });
}
