// The kernel's CPU intrinsics as natives (natives.ts, "the kernel's CPU intrinsics"):
// interrupt flag, hlt, rdtsc, control registers, IRQ bookkeeping, the saved trap context,
// virtual-memory accesses whose faults reach TypeScript, the command line and the native
// boot report. Also the synchronous trap path: an exception raised by one of the
// virtual-memory accesses is delivered to the registered TrapDispatch intrinsic as if the
// faulting CallNative had called it (docs/architecture.md, "Traps").

import {
  X86Assembler, byte, cr0, cr2, cr4, dl, ds, dword, dx, eax, ebp, ebx, ecx, edi, edx, es, esi, esp, fs, gs, mem, qword, sym, word, xmm0, xmm1,
} from '../../image-builder/x86/index.ts';
import { KERNEL_BASE, SEL } from '../layout.ts';
import { Intrinsic, type NativeName } from '../../image-builder/bytecode/index.ts';
import { routine } from '../asm-util.ts';
import { FRAME } from '../traps.ts';
import { dispatch, root, var32 } from './asm.ts';
import { H, loadTag, valueAt } from './helpers.ts';
import { TAG } from './layout.ts';
import { FRAME_XMM, copyValue, intrinsicFunction, saveResumePc } from './runtime.ts';
import { intArg, storeInt } from './builtin-natives.ts';

/** Words in the saved trap context: the 19 of boot/traps.ts FRAME, then CR2. */
export const CONTEXT_WORDS = 20;

/** Store eax into operand 0 as a uint32 number (int32 tag below 2^31) and dispatch. */
function storeUint(h: H): void {
  const high = h.label('uint_high');
  h.a.test(eax, eax).js(high);
  storeInt(h);
  h.a.label(high);
  h.storeTag(0, TAG.uint);
  h.next();
}

export function emitKernelNative(h: H, name: NativeName): boolean {
  const a = h.a;
  const undef = () => loadTag(h, TAG.undef);
  switch (name) {
    case 'cli': a.cli(); undef(); return true;
    case 'sti': a.sti(); undef(); return true;
    case 'hlt': a.hlt(); undef(); return true;
    case 'rdtsc': {
      const pos = h.label('tsc_lo_pos');
      a.rdtsc();
      a.cvtsi2sd(xmm0, edx).mulsd(xmm0, qword(sym('clock_2p32')));
      a.cvtsi2sd(xmm1, eax).test(eax, eax).jns(pos).addsd(xmm1, qword(sym('clock_2p32')));
      a.label(pos).addsd(xmm0, xmm1);
      h.reg(ecx, 0);
      a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
      h.next();
      return true;
    }
    case 'readCr0': a.mov(eax, cr0); storeUint(h); return true;
    case 'readCr2': a.mov(eax, cr2); storeUint(h); return true;
    case 'readCr4': a.mov(eax, cr4); storeUint(h); return true;
    case 'writeCr0': intArg(h, 0); a.mov(cr0, eax); undef(); return true;
    case 'writeCr4': intArg(h, 0); a.mov(cr4, eax); undef(); return true;
    case 'irqTake':
      a.xor(eax, eax).xchg(eax, dword(sym('irq_pending')));
      storeInt(h);
      return true;
    case 'irqCount':
      intArg(h, 0);
      a.and(eax, 15).mov(eax, dword({ index: eax, scale: 4, disp: sym('irq_counts') }));
      storeUint(h);
      return true;
    case 'irqClaim':
      intArg(h, 0);
      a.and(eax, 0xffff).xchg(eax, dword(sym('irq_claimed')));
      storeInt(h);
      return true;
    case 'contextRead': {
      const bad = h.label('ctx_bad');
      intArg(h, 0);
      a.cmp(eax, CONTEXT_WORDS).jae(bad);
      a.mov(eax, dword({ index: eax, scale: 4, disp: sym('trap_context') }));
      storeUint(h);
      a.label(bad);
      undef();
      return true;
    }
    case 'contextWrite': {
      const bad = h.label('ctx_wbad');
      intArg(h, 1);
      a.mov(edx, eax);
      intArg(h, 0);
      a.cmp(eax, CONTEXT_WORDS).jae(bad);
      a.mov(dword({ index: eax, scale: 4, disp: sym('trap_context') }), edx);
      a.label(bad);
      undef();
      return true;
    }
    case 'virtRead8': case 'virtRead16': case 'virtRead32':
      intArg(h, 0);
      a.call(`kmem_${name === 'virtRead8' ? 'read8' : name === 'virtRead16' ? 'read16' : 'read32'}`);
      storeUint(h);
      return true;
    case 'virtWrite8': case 'virtWrite16': case 'virtWrite32':
      intArg(h, 1);
      a.mov(edx, eax);
      intArg(h, 0);
      a.call(`kmem_${name === 'virtWrite8' ? 'write8' : name === 'virtWrite16' ? 'write16' : 'write32'}`);
      undef();
      return true;
    case 'commandLine': {
      const none = h.label('cl_none');
      a.call('cmdline_ptr').test(eax, eax).jz(none);
      a.mov(edx, eax).call('str_from_cstring');
      h.storeTag(0, TAG.cell);
      h.next();
      a.label(none);
      h.reg(ecx, 0);
      copyValue(a, valueAt(ecx), (w) => root('sEmpty', w), eax);
      h.next();
      return true;
    }
    case 'bootReport':
      a.call('boot_report');
      undef();
      return true;
    case 'enterUser':
      emitEnterUser(h);
      return true;
    case 'gdtSetTls': {
      // gdtSetTls(index, lo, hi): only the TLS entries; anything else is ignored (-1)
      const bad = h.label('gdt_bad');
      intArg(h, 2);
      a.mov(edx, eax);
      intArg(h, 1);
      a.mov(ecx, eax);
      intArg(h, 0);
      a.cmp(eax, GDT_TLS_FIRST).jb(bad).cmp(eax, GDT_TLS_FIRST + GDT_TLS_COUNT).jae(bad);
      a.mov(dword({ index: eax, scale: 8, disp: sym('gdt') }), ecx);
      a.mov(dword({ index: eax, scale: 8, disp: sym('gdt').plus(4) }), edx);
      a.xor(eax, eax);
      storeInt(h);
      a.label(bad).mov(eax, -1);
      storeInt(h);
      return true;
    }
    default:
      return false;
  }
}

/** The GDT entries a process may set with set_thread_area (Linux i386: 6, 7, 8; selectors 0x33, 0x3b, 0x43). */
export const GDT_TLS_FIRST = 6;
export const GDT_TLS_COUNT = 3;
/** Where the FXSAVE image lives in a user context block (16-byte aligned; 512 bytes). */
export const USER_CONTEXT_FXSAVE = 512;
/** The flags a user context keeps (CF PF AF ZF SF TF DF OF AC ID); IF and bit 1 are always set. */
const USER_EFLAGS = 0x0024_0dd5;

/**
 * enterUser(ctx): runs user code from the context block at physical `ctx` until the next
 * trap, and returns that trap's vector. The block holds the 19 words of a boot/traps.ts
 * FRAME (the registers to load), CR2 at word 19 and an FXSAVE image at offset 512; the
 * trap's frame, CR2 and FPU/SSE state are saved back into it. Before loading, the machine
 * forces what a user may not choose: cs, ss, ds and es are the user selectors, eflags keeps
 * only the arithmetic flags, TF, DF, AC and ID (IF on, IOPL 0), fs and gs must be null,
 * the user data selector or a present TLS entry (else they become 0), and MXCSR's reserved
 * bits are cleared, so no context the kernel is handed can fault in ring 0.
 * The interpreter's registers (ebp, ebx, esi) wait on the machine stack; TSS.esp0 points
 * just below them, so a trap from ring 3 builds its frame there and `user_trap_exit`
 * comes back to `enter_user_resume`.
 */
function emitEnterUser(h: H): void {
  const a = h.a;
  intArg(h, 0);
  a.push(ebp).push(ebx).push(esi);
  a.mov(var32('user_saved_esp'), esp);
  a.mov(dword(sym('tss').plus(4)), esp);
  a.lea(ecx, mem({ base: eax, disp: KERNEL_BASE }));
  a.mov(var32('user_ctx'), ecx);
  a.mov(dword(ecx, FRAME.cs), SEL.userCode).mov(dword(ecx, FRAME.userSs), SEL.userData);
  a.mov(dword(ecx, FRAME.ds), SEL.userData).mov(dword(ecx, FRAME.es), SEL.userData);
  a.mov(eax, dword(ecx, FRAME.eflags)).and(eax, USER_EFLAGS).or(eax, 0x202).mov(dword(ecx, FRAME.eflags), eax);
  a.mov(eax, dword(ecx, FRAME.fs)).call('user_selector_check').mov(dword(ecx, FRAME.fs), eax);
  a.mov(eax, dword(ecx, FRAME.gs)).call('user_selector_check').mov(dword(ecx, FRAME.gs), eax);
  a.and(dword(ecx, USER_CONTEXT_FXSAVE + 24), 0xffff);
  a.fxrstor(mem(ecx, USER_CONTEXT_FXSAVE));
  // the block is laid out as trap_common leaves a frame: unwind it the same way
  a.mov(esp, ecx);
  a.pop(gs).pop(fs).pop(es).pop(ds);
  a.popad();
  a.add(esp, 8);
  a.iret();
  a.label('enter_user_resume'); // eax = the vector; esp, esi, ebx, ebp are the interpreter's again
  storeInt(h);
}

export function emitKernelRuntime(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4);
  a.label('user_saved_esp').space(4).label('user_ctx').space(4);
  a.section('.rodata').align(4).label('mxcsr_default').dd(0x1f80);
  a.section('.text');

  // user_selector_check: eax = a selector a user context wants in fs or gs; returns it if
  // loading it in ring 0 cannot fault (null, user data, a present TLS entry with RPL 3), else 0.
  routine(a, 'user_selector_check', () => {
    const ok = a.newLabel('usc_ok'), zero = a.newLabel('usc_zero');
    a.and(eax, 0xffff);
    a.cmp(eax, 4).jb(zero);
    a.cmp(eax, SEL.userData).je(ok);
    a.push(edx);
    a.mov(edx, eax).and(edx, 3).cmp(edx, 3).jne('usc_bad');
    a.mov(edx, eax).shr(edx, 3);
    a.cmp(edx, GDT_TLS_FIRST).jb('usc_bad').cmp(edx, GDT_TLS_FIRST + GDT_TLS_COUNT).jae('usc_bad');
    a.test(byte({ index: edx, scale: 8, disp: sym('gdt').plus(5) }), 0x80).jz('usc_bad');
    a.pop(edx).jmp(ok);
    a.label('usc_bad').pop(edx);
    a.label(zero).xor(eax, eax);
    a.label(ok).ret();
  });

  // user_trap_exit (jump target from trap_dispatch, ebx = a trap frame from ring 3): saves
  // the frame, CR2 and the FPU/SSE state into the context block enterUser ran, puts back
  // the interpreter's FPU/SSE state and resumes the enterUser native with the vector.
  a.label('user_trap_exit');
  a.mov(edi, var32('user_ctx'));
  a.mov(esi, ebx).mov(ecx, 19);
  a.repMovs(32);
  a.mov(edi, var32('user_ctx'));
  a.mov(eax, cr2).mov(dword(edi, 4 * 19), eax);
  a.fxsave(mem(edi, USER_CONTEXT_FXSAVE));
  a.db(0xdb, 0xe3); // fninit
  a.ldmxcsr(mem(sym('mxcsr_default')));
  a.movdqu(FRAME_XMM.undef, mem(sym('xmm_undef'))).movdqu(FRAME_XMM.int0, mem(sym('xmm_int0')));
  a.movdqu(FRAME_XMM.handlerFlags, mem(sym('xmm_handler_flags'))).movdqu(FRAME_XMM.hole, mem(sym('xmm_hole')));
  a.mov(eax, dword(edi, FRAME.vector));
  a.mov(esp, var32('user_saved_esp'));
  a.pop(esi).pop(ebx).pop(ebp);
  a.jmp('enter_user_resume');

  a.section('.bss', { nobits: true }).align(4);
  a.label('trap_context').space(4 * CONTEXT_WORDS);

  // The kernel's virtual-memory accesses: eax = address (edx = value for writes); reads
  // return eax. A fault inside [kmem_start, kmem_end) is recoverable (interp_sync_trap).
  a.section('.text').align(16).label('kmem_start');
  a.label('kmem_read8').movzx(eax, byte(eax)).ret();
  a.label('kmem_read16').movzx(eax, word(eax)).ret();
  a.label('kmem_read32').mov(eax, dword(eax)).ret();
  a.label('kmem_write8').mov(byte(eax), dl).ret();
  a.label('kmem_write16').mov(word(eax), dx).ret();
  a.label('kmem_write32').mov(dword(eax), edx).ret();
  a.label('kmem_end');

  // interp_sync_trap (jump target from trap_dispatch): ebx = trap frame of an exception.
  // Delivered to TypeScript when it came from ring 0 inside [kmem_start, kmem_end), the
  // interpreter runs and TrapDispatch is registered; otherwise the native panic.
  routine(a, 'interp_sync_trap', () => {
    a.test(dword(ebx, FRAME.cs), 3).jnz('user_trap_exit');
    a.mov(eax, dword(ebx, FRAME.eip));
    a.cmp(eax, sym('kmem_start')).jb('panic_trap').cmp(eax, sym('kmem_end')).jae('panic_trap');
    a.cmp(var32('interp_esp'), 0).je('panic_trap');
    intrinsicFunction(a, Intrinsic.TrapDispatch, 'panic_trap');
    // the saved context: the hardware frame and CR2
    a.mov(ecx, 0);
    a.label('ist_copy').mov(edx, dword({ base: ebx, index: ecx, scale: 4 })).mov(dword({ index: ecx, scale: 4, disp: sym('trap_context') }), edx);
    a.add(ecx, 1).cmp(ecx, 19).jb('ist_copy');
    a.mov(edx, cr2).mov(dword(sym('trap_context').plus(4 * 19)), edx);
    // back to the interpreter's state inside the faulting CallNative; its native stack is dropped
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ebp, dword(ebx, FRAME.ebp)).mov(esi, dword(ebx, FRAME.esi)).mov(ebx, dword(ebx, FRAME.ebx));
    a.mov(esp, var32('interp_esp'));
    saveResumePc(a); // retried from its start when the dispatcher returns
    a.mov(ecx, 4).call('new_vector'); // may collect: ebp updated, tmp0 forwarded
    const arg = (k: number, word: number, uint: boolean) => {
      const done = a.newLabel('ist_arg');
      a.mov(edx, dword(sym('trap_context').plus(4 * word)));
      a.mov(dword(eax, 8 + 8 * k), edx).mov(dword(eax, 12 + 8 * k), TAG.int);
      if (uint) a.test(edx, edx).jns(done).mov(dword(eax, 12 + 8 * k), TAG.uint);
      a.label(done);
    };
    arg(0, 12, false); // vector
    arg(1, 13, true); // error code
    arg(2, 19, true); // cr2
    a.mov(edx, dword(sym('trap_context').plus(4 * 15))).and(edx, 3);
    a.mov(dword(eax, 8 + 24), edx).mov(dword(eax, 12 + 24), TAG.int); // cpl
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_cont'), sym('sync_trap_retry'));
    a.jmp('interp_call_vector');
    // the dispatcher returned: run the faulting instruction again
    a.label('sync_trap_retry');
    dispatch(a, 0);
  });
}
