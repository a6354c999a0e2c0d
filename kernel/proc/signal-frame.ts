// Linux i386 signal frames: what the kernel pushes on the user stack to run a handler, and
// what sigreturn/rt_sigreturn read back. Layouts as arch/x86/include/asm/sigframe.h:
//
//   sigframe:    pretcode, sig, sigcontext (22 words), _fpstate_32 (unused, 624 bytes),
//                extramask, retcode[8]                       (then the FPU state)
//   rt_sigframe: pretcode, sig, pinfo, puc, siginfo (128 bytes),
//                ucontext (flags, link, stack[3], sigcontext, sigmask[2]), retcode[8]
//
// The FPU state is a 112-byte legacy header followed by the 512-byte FXSAVE image, the
// image 64-byte aligned, below the user's stack pointer; sigcontext.fpstate points at the
// header. On handler entry (esp + 4) is 16-byte aligned, as the i386 ABI wants.

import { physCopy } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import { eachPiece, readBytes, writeBytes, wordsToBytes } from '../syscall/user-memory.ts';
import type { Process } from './process.ts';
import { SaFlag, type SigAction, type SigInfo } from './signal.ts';
import { Reg } from './user-context.ts';

const SIGCONTEXT_WORDS = 22;
const FPSTATE_UNUSED = 624;
const SIGINFO_SIZE = 128;
const FP_HEADER = 112;
const FXSAVE_SIZE = 512;

/** The 22 words of a sigcontext for the process's current registers. */
function sigcontext(p: Process, fpstate: number, maskLo: number, trapno: number): number[] {
  const c = p.ctx;
  return [
    c.get(Reg.GS), c.get(Reg.FS), c.get(Reg.ES), c.get(Reg.DS), c.get(Reg.EDI), c.get(Reg.ESI),
    c.get(Reg.EBP), c.get(Reg.ESP), c.get(Reg.EBX), c.get(Reg.EDX), c.get(Reg.ECX), c.get(Reg.EAX),
    trapno, c.get(Reg.ERROR), c.get(Reg.EIP), c.get(Reg.CS), c.get(Reg.EFLAGS), c.get(Reg.ESP),
    c.get(Reg.SS), fpstate, maskLo, c.get(Reg.CR2),
  ];
}

/** siginfo_t bytes (i386 layout: signo, errno, code, then the union at 12). */
function siginfoBytes(info: SigInfo): number[] {
  const words = [info.signo, 0, info.code >>> 0];
  if (info.signo === 11 || info.signo === 7 || info.signo === 4 || info.signo === 8) words.push(info.addr);
  else if (info.signo === 17) words.push(info.pid, 0, info.status);
  else words.push(info.pid, 0);
  while (words.length < SIGINFO_SIZE / 4) words.push(0);
  return wordsToBytes(words);
}

/**
 * Pushes a frame for `sig` and points the context at the handler. Returns 0, or -EFAULT
 * when the stack cannot take it (the caller then kills the process with SIGSEGV).
 */
export async function setupFrame(p: Process, sig: number, act: SigAction, info: SigInfo): Promise<number> {
  const space = p.mm.space;
  const sp = p.ctx.get(Reg.ESP);
  const rt = (act.flags & SaFlag.SIGINFO) !== 0;
  // FPU state: a 64-byte aligned FXSAVE image with the legacy header just below it
  const fx = ((sp - FXSAVE_SIZE) & ~63) >>> 0; // addresses are unsigned: every mask is followed by >>> 0
  const fpstate = fx - FP_HEADER;
  const header: number[] = [];
  for (let i = 0; i < FP_HEADER; i++) header.push(0);
  header[0] = 0x7f; header[1] = 0x03; // cw 0x037f
  header[8] = 0xff; header[9] = 0xff; // tag: empty
  // status word at 108, magic at 110: 0 = X86_FXSR_MAGIC (an FXSAVE image follows)
  let r = await writeBytes(space, fpstate, header);
  if (r < 0) return r;
  r = await eachPiece(space, fx, FXSAVE_SIZE, true, (phys, at, count) => physCopy(phys, p.ctx.fpuState + at, count));
  if (r < 0) return r;
  const oldLo = p.signals.blockedLo, oldHi = p.signals.blockedHi;
  const trapno = p.ctx.get(Reg.VECTOR);
  let frame: number;
  let bytes: number[];
  if (rt) {
    const size = 4 * 4 + SIGINFO_SIZE + (5 + SIGCONTEXT_WORDS + 2) * 4 + 8;
    frame = ((((fpstate - size) + 4) & ~15) >>> 0) - 4;
    const pinfo = frame + 16, puc = pinfo + SIGINFO_SIZE;
    const retcode = puc + (5 + SIGCONTEXT_WORDS + 2) * 4;
    bytes = wordsToBytes([act.restorer !== 0 && (act.flags & SaFlag.RESTORER) !== 0 ? act.restorer : retcode, sig, pinfo, puc]);
    bytes = bytes.concat(siginfoBytes(info));
    bytes = bytes.concat(wordsToBytes([0, 0, 0, 2 /* SS_DISABLE */, 0]));
    bytes = bytes.concat(wordsToBytes(sigcontext(p, fpstate, oldLo, trapno)));
    bytes = bytes.concat(wordsToBytes([oldLo, oldHi]));
    // retcode: movl $173, %eax; int $0x80 (rt_sigreturn), then a pad byte
    bytes.push(0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0);
  } else {
    const size = 8 + SIGCONTEXT_WORDS * 4 + FPSTATE_UNUSED + 4 + 8;
    frame = ((((fpstate - size) + 4) & ~15) >>> 0) - 4;
    const retcode = frame + 8 + SIGCONTEXT_WORDS * 4 + FPSTATE_UNUSED + 4;
    bytes = wordsToBytes([act.restorer !== 0 && (act.flags & SaFlag.RESTORER) !== 0 ? act.restorer : retcode, sig]);
    bytes = bytes.concat(wordsToBytes(sigcontext(p, fpstate, oldLo, trapno)));
    for (let i = 0; i < FPSTATE_UNUSED; i++) bytes.push(0);
    bytes = bytes.concat(wordsToBytes([oldHi]));
    // retcode: popl %eax; movl $119, %eax; int $0x80 (sigreturn)
    bytes.push(0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80);
  }
  r = await writeBytes(space, frame, bytes);
  if (r < 0) return r;
  const c = p.ctx;
  c.set(Reg.ESP, frame);
  c.set(Reg.EIP, act.handler);
  c.set(Reg.EAX, sig);
  c.set(Reg.EDX, rt ? frame + 8 : 0);
  c.set(Reg.ECX, rt ? frame + 12 : 0);
  c.set(Reg.EFLAGS, c.get(Reg.EFLAGS) & ~(0x100 | 0x400)); // TF and DF clear in the handler
  // the handler runs with its mask (and the signal itself unless SA_NODEFER) blocked
  p.signals.blockedLo |= act.maskLo;
  p.signals.blockedHi |= act.maskHi;
  if ((act.flags & SaFlag.NODEFER) === 0) {
    if (sig <= 32) p.signals.blockedLo |= 1 << (sig - 1);
    else p.signals.blockedHi |= 1 << (sig - 33);
  }
  if ((act.flags & SaFlag.RESETHAND) !== 0) p.signals.actions[sig] = { handler: 0, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 };
  return 0;
}

/** Restores registers, FPU state and mask from a sigcontext at `sc`; 0 or -EFAULT. */
async function restoreContext(p: Process, sc: number, maskLo: number, maskHi: number): Promise<number> {
  const b = await readBytes(p.mm.space, sc, SIGCONTEXT_WORDS * 4);
  if (typeof b === 'number') return b;
  const w: number[] = [];
  for (let i = 0; i < SIGCONTEXT_WORDS; i++) w.push((b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (b[4 * i + 3] << 24)) >>> 0);
  const c = p.ctx;
  const order = [Reg.GS, Reg.FS, Reg.ES, Reg.DS, Reg.EDI, Reg.ESI, Reg.EBP, -1, Reg.EBX, Reg.EDX, Reg.ECX, Reg.EAX, -1, -1, Reg.EIP, Reg.CS, Reg.EFLAGS, Reg.ESP, Reg.SS];
  for (let i = 0; i < order.length; i++) if (order[i] >= 0) c.set(order[i], w[i]);
  // enterUser forces cs/ss/ds/es and the privileged flags; keep eflags' user bits only
  const fpstate = w[19];
  if (fpstate !== 0) {
    const r = await eachPiece(p.mm.space, fpstate + FP_HEADER, FXSAVE_SIZE, false, (phys, at, count) => physCopy(p.ctx.fpuState + at, phys, count));
    if (r < 0) return r;
  }
  p.signals.blockedLo = maskLo & ~((1 << 8) | (1 << 18)); // SIGKILL, SIGSTOP never blocked
  p.signals.blockedHi = maskHi;
  return 0;
}

/** sigreturn (119): the frame's sigcontext is at esp (the restorer popped `sig`). */
export async function sigreturn(p: Process): Promise<number> {
  const frame = p.ctx.get(Reg.ESP) - 8; // pretcode and sig were popped
  const sc = frame + 8;
  const extra = await readBytes(p.mm.space, sc + SIGCONTEXT_WORDS * 4 + FPSTATE_UNUSED, 4);
  const scWords = await readBytes(p.mm.space, sc + 20 * 4, 4);
  if (typeof extra === 'number' || typeof scWords === 'number') return -Errno.EFAULT;
  const lo = (scWords[0] | (scWords[1] << 8) | (scWords[2] << 16) | (scWords[3] << 24)) >>> 0;
  const hi = (extra[0] | (extra[1] << 8) | (extra[2] << 16) | (extra[3] << 24)) >>> 0;
  return restoreContext(p, sc, lo, hi);
}

/** rt_sigreturn (173): esp points just past pretcode: sig, pinfo, puc, siginfo, ucontext. */
export async function rtSigreturn(p: Process): Promise<number> {
  const frame = p.ctx.get(Reg.ESP) - 4;
  const uc = frame + 16 + SIGINFO_SIZE;
  const sc = uc + 5 * 4;
  const mask = await readBytes(p.mm.space, sc + SIGCONTEXT_WORDS * 4, 8);
  if (typeof mask === 'number') return mask;
  const lo = (mask[0] | (mask[1] << 8) | (mask[2] << 16) | (mask[3] << 24)) >>> 0;
  const hi = (mask[4] | (mask[5] << 8) | (mask[6] << 16) | (mask[7] << 24)) >>> 0;
  return restoreContext(p, sc, lo, hi);
}
