// The kernel's CPU intrinsics as natives (natives.ts, "the kernel's CPU intrinsics"):
// interrupt flag, hlt, rdtsc, control registers, IRQ bookkeeping, the saved trap context,
// virtual-memory accesses whose faults reach TypeScript, the command line and the native
// boot report. Also the synchronous trap path: an exception raised by one of the
// virtual-memory accesses is delivered to the registered TrapDispatch intrinsic as if the
// faulting CallNative had called it (docs/architecture.md, "Traps").

import {
  X86Assembler, byte, cr0, cr2, cr4, dl, dword, dx, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, word, xmm0, xmm1,
} from '../../image-builder/x86/index.ts';
import { Intrinsic, type NativeName } from '../../image-builder/bytecode/index.ts';
import { routine } from '../asm-util.ts';
import { FRAME } from '../traps.ts';
import { dispatch, root, var32 } from './asm.ts';
import { H, loadTag, valueAt } from './handlers.ts';
import { TAG } from './layout.ts';
import { copyValue, intrinsicFunction, saveResumePc } from './runtime.ts';
import { intArg, storeInt } from './objects.ts';

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
    default:
      return false;
  }
}

export function emitKernelRuntime(a: X86Assembler): void {
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
    a.test(dword(ebx, FRAME.cs), 3).jnz('panic_trap');
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
