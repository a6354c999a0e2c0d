// Async functions in the x86 interpreter: LoadIntrinsic, Await (park the running frame),
// Resume (continue a parked frame), and the natives of the prelude's event loop (the clocks
// of boot/clock.ts, idle). See docs/bytecode.md, "Async functions", and
// docs/architecture.md.

import { byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, sym, word, xmm0, type X86Assembler } from '../../image-builder/x86/index.ts';
import { Intrinsic, OPCODES, operandOffset, instructionLength, type NativeName, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { V, T, dispatch, root, userBuild } from './asm.ts';
import { H, loadTag, valueAt } from './helpers.ts';
import { FN_INDEX, FRAME_NATIVE_RETURN, FRAME_PARKED, FRAME_REGS, FRAME_SLOT, INTRINSIC_COUNT, KIND, TAG, fslot, slot } from './layout.ts';
import { FN_RECORDS, copyValue, fatal, intrinsicFunction, loadCodeBase, saveResumePc } from './runtime.ts';
import { storeInt } from './builtin-natives.ts';

const AWAIT = OPCODES.findIndex((o) => o.name === 'Await');
/** Offsets of the Await operands from its opcode byte. */
const AWAIT_DST = operandOffset(AWAIT, 0), AWAIT_PROMISE = operandOffset(AWAIT, 2);
const AWAIT_LEN = instructionLength(AWAIT);

const F = (k: number, w = 0) => dword(edi, slot(k) + w);

export const ASYNC_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  LoadIntrinsic: (h) => {
    const a = h.a, none = h.label('none');
    h.reg(eax, 1);
    a.cmp(eax, INTRINSIC_COUNT).jae(none);
    a.mov(edx, root('intrinsics'));
    h.reg(ecx, 0);
    copyValue(a, valueAt(ecx), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }), edi);
    h.next();
    a.label(none);
    loadTag(h, TAG.undef);
  },

  // Await dst, value, promise: AsyncFunctionAwait(value, this frame) with the continuation
  // await_park, which parks the frame and returns the promise to its caller.
  Await: (h) => {
    const a = h.a, none = h.label('none');
    saveResumePc(a); // the frame's pc stays at this Await while it is parked
    intrinsicFunction(a, Intrinsic.AsyncFunctionAwait, none);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 2).call('new_vector'); // may collect: ebp is updated, tmp0 forwarded
    h.reg(ecx, 1);
    copyValue(a, (w) => dword(eax, 8 + w), valueAt(ecx), edx);
    a.lea(edx, mem(ebp, -FRAME_REGS)).mov(dword(eax, 16), edx).mov(dword(eax, 20), TAG.cell);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(dword(sym('call_cont')), sym('await_park'));
    a.jmp('interp_call_vector');
    a.label(none);
    fatal(a, 'Await: no AsyncFunctionAwait intrinsic is registered');
  },

  // Resume dst, frame, value, mode: the parked frame becomes a callee of this one.
  Resume: (h) => {
    const a = h.a, bad = h.label('bad'), raise = h.label('throw');
    h.reg(ecx, 1);
    a.cmp(T(ecx), TAG.cell).jne(bad);
    a.mov(edi, V(ecx)).cmp(byte(edi), KIND.Frame).jne(bad);
    a.test(byte(edi, slot(FRAME_SLOT.flags)), FRAME_PARKED).jz(bad);
    h.reg(eax, 3);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('to_boolean');
    a.push(eax);
    // this frame resumes at the next instruction; the parked one returns into dst
    a.lea(eax, mem(esi, h.len - 1)).sub(eax, ebx);
    a.mov(dword(ebp, fslot(FRAME_SLOT.pc)), eax).mov(dword(ebp, fslot(FRAME_SLOT.pc) + 4), TAG.int);
    a.lea(eax, mem(ebp, -FRAME_REGS)).mov(F(FRAME_SLOT.caller), eax).mov(F(FRAME_SLOT.caller, 4), TAG.cell);
    h.reg(eax, 0);
    a.mov(F(FRAME_SLOT.returnRegister), eax).mov(F(FRAME_SLOT.returnRegister, 4), TAG.int);
    a.and(F(FRAME_SLOT.flags), ~(FRAME_PARKED | FRAME_NATIVE_RETURN));
    h.reg(ecx, 2);
    a.mov(eax, V(ecx)).mov(edx, T(ecx));
    a.pop(ecx);
    a.lea(ebp, mem(edi, FRAME_REGS));
    a.push(ecx);
    loadCodeBase(a);
    a.pop(ecx);
    a.mov(esi, dword(ebp, fslot(FRAME_SLOT.pc))).add(esi, ebx); // at the Await
    a.test(ecx, ecx).jnz(raise);
    a.movzx(ecx, byte(esi, AWAIT_DST));
    a.mov(V(ecx), eax).mov(T(ecx), edx);
    dispatch(a, AWAIT_LEN);
    a.label(raise);
    a.mov(root('exception'), eax).mov(root('exception', 4), edx);
    a.jmp('interp_unwind');
    a.label(bad);
    fatal(a, 'Resume: the operand is not a frame parked by Await');
  },
};

/** The natives of natives.ts's "time and waiting" group. */
export function emitAsyncNative(h: H, name: NativeName): boolean {
  const a = h.a;
  const storeXmm0 = () => {
    h.reg(ecx, 0);
    a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
    h.next();
  };
  switch (name) {
    case 'functionFlags': {
      const zero = h.label('ff_zero');
      h.reg(ecx, 2);
      a.cmp(T(ecx), TAG.cell).jne(zero);
      a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(zero);
      a.mov(eax, dword(eax, FN_INDEX)).shl(eax, 5).movzx(eax, word({ base: eax, disp: FN_RECORDS.plus(18) }));
      storeInt(h);
      a.label(zero).xor(eax, eax);
      storeInt(h);
      return true;
    }
    case 'monotonicNow':
      a.call('clock_mono_ms');
      storeXmm0();
      return true;
    case 'wallClockNow':
      a.call('clock_wall_ms');
      storeXmm0();
      return true;
    case 'idle': {
      // halt (interrupts on) until the monotonic clock reaches the deadline or an IRQ line
      // TypeScript claimed fired; the PIT's IRQ 0 wakes the CPU at least every millisecond
      const loop = h.label('idle_loop'), done = h.label('idle_done');
      h.reg(eax, 2);
      a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_f64');
      a.movsd(qword(sym('idle_deadline')), xmm0);
      if (userBuild()) {
        // tsvm: sleep (nanosleep, boot/user/clock.ts) until the deadline; nothing else wakes it yet
        a.call('tsvm_sleep_until');
        loadTag(h, TAG.undef);
        return true;
      }
      a.label(loop).call('clock_mono_ms');
      a.ucomisd(xmm0, qword(sym('idle_deadline'))).jae(done).jp(done);
      a.mov(eax, dword(sym('irq_pending'))).test(eax, dword(sym('irq_claimed'))).jnz(done); // a claimed IRQ arrived
      a.sti().hlt().cli();
      a.add(dword(sym('idle_halts')), 1);
      a.jmp(loop);
      a.label(done);
      loadTag(h, TAG.undef);
      return true;
    }
    default:
      return false;
  }
}

/** Data and routines shared by the handlers above. */
export function emitAsyncRuntime(a: X86Assembler): void {
  // idle_deadline: the running idle's deadline; idle_halts: hlt instructions idle executed
  a.section('.bss', { nobits: true }).align(8).label('idle_deadline').space(8).label('idle_halts').space(4);
  a.section('.text');
  // await_park (continuation of Await's call of AsyncFunctionAwait): ebp/ebx/esi = the
  // awaiting frame at its Await. Parks it (flag, caller cleared) and returns the Await's
  // promise operand to the caller, as Return does (to a register or a native continuation).
  a.align(16).label('await_park');
  a.movzx(ecx, byte(esi, AWAIT_PROMISE));
  a.mov(eax, V(ecx)).mov(edx, T(ecx));
  a.cmp(dword(ebp, fslot(FRAME_SLOT.caller) + 4), TAG.cell).jne('await_no_caller');
  a.or(dword(ebp, fslot(FRAME_SLOT.flags)), FRAME_PARKED);
  a.mov(edi, dword(ebp, fslot(FRAME_SLOT.returnRegister)));
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.caller)));
  a.test(byte(ebp, fslot(FRAME_SLOT.flags)), FRAME_NATIVE_RETURN).jnz('await_native');
  a.mov(dword(ebp, fslot(FRAME_SLOT.caller)), 0).mov(dword(ebp, fslot(FRAME_SLOT.caller) + 4), TAG.null);
  a.lea(ebp, mem(ecx, FRAME_REGS));
  a.mov(V(edi), eax).mov(T(edi), edx);
  loadCodeBase(a);
  a.mov(esi, dword(ebp, fslot(FRAME_SLOT.pc))).add(esi, ebx);
  dispatch(a, 0);
  a.label('await_native');
  a.mov(dword(ebp, fslot(FRAME_SLOT.caller)), 0).mov(dword(ebp, fslot(FRAME_SLOT.caller) + 4), TAG.null);
  a.lea(ebp, mem(ecx, FRAME_REGS));
  a.push(eax);
  loadCodeBase(a);
  a.mov(esi, dword(ebp, fslot(FRAME_SLOT.pc))).add(esi, ebx);
  a.pop(eax);
  a.jmp(edi);
  a.label('await_no_caller');
  fatal(a, 'Await: the awaiting frame has no caller');
}
