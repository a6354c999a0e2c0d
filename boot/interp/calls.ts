// Calls from handlers into bytecode (callFromHandler, continuations) and the generic call
// and construct paths: new, spread calls, rest arguments, the ** operator's Pow fallback.

import {
  X86Assembler, byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, word, xmm0, xmm1,
} from '../../image-builder/x86/index.ts';
import { FunctionFlag, Intrinsic, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { T, V, root, var32 } from './asm.ts';
import {
  fslot, FRAME_SLOT, TAG, slot, KIND, FN_INDEX, FRAME_CONSTRUCT, CONV1_INDEX, CONV0_INDEX, ARRAY_LENGTH, ARRAY_ELEMENTS,
} from './layout.ts';
import { FN_RECORDS, copyValue, fatal, intrinsicFunction, rootW, saveResumePc } from './runtime.ts';
import { H, storeCell, valueAt } from './helpers.ts';
import { jumpIfObject, toPrimitiveOperands } from './to-primitive.ts';

/** Save the pc of the next instruction in the frame (where a call from a handler returns). */
export function saveNextPc(h: H): void {
  h.a.lea(eax, mem(esi, h.len - 1)).sub(eax, ebx);
  h.a.mov(dword(ebp, fslot(FRAME_SLOT.pc)), eax).mov(dword(ebp, fslot(FRAME_SLOT.pc) + 4), TAG.int);
}

/**
 * Call the Function in eax from a handler with this = the value at `thisAt`, arguments
 * from registers (first register operand `firstOp`, or the register index `firstReg`, e.g.
 * the frame's conv slots, or none) and the result stored in
 * register operand `dstOp` (or discarded when dstOp is undefined), resuming at the next
 * instruction.
 */
export function callFromHandler(h: H, thisAt: (w: number) => ReturnType<typeof dword>, args: { firstOp?: number; firstReg?: number; argc: number }, dstOp?: number): void {
  const a = h.a;
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  copyValue(a, rootW('tmp1'), thisAt, eax);
  if (args.firstOp !== undefined) h.reg(eax, args.firstOp);
  else if (args.firstReg !== undefined) a.mov(eax, args.firstReg);
  else a.xor(eax, eax);
  a.mov(var32('call_first'), eax).mov(var32('call_argc'), args.argc);
  if (dstOp !== undefined) {
    h.reg(eax, dstOp);
    a.mov(var32('call_dst'), eax);
  } else {
    a.mov(var32('call_cont'), sym('cont_discard'));
  }
  saveNextPc(h);
  a.jmp('interp_enter_frame');
}

/**
 * Call the function in eax with no arguments and `this` read from thisAt; its result
 * (eax:edx) arrives at the native continuation `cont`, and the current instruction's pc
 * is saved so the frame resumes there.
 */
export function callMethodWithContinuation(h: H, thisAt: (w: number) => ReturnType<typeof dword>, cont: string): void {
  const a = h.a;
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  copyValue(a, rootW('tmp1'), thisAt, eax);
  a.mov(var32('call_first'), 0).mov(var32('call_argc'), 0);
  a.mov(var32('call_cont'), sym(cont));
  saveResumePc(a);
  a.jmp('interp_enter_frame');
}

/**
 * Call the prelude's Number.prototype.toString with this = the number at thisAt (for the
 * non-integral doubles the machine does not format itself); the string arrives at the
 * continuation `cont` as from callMethodWithContinuation. Jumps to `none` if the prelude has
 * not registered Number.prototype (or its toString is not a function).
 */
export function numberToStringCall(h: H, thisAt: (w: number) => ReturnType<typeof dword>, cont: string, none: string): void {
  const a = h.a;
  a.mov(eax, root('intrinsics'));
  a.cmp(dword(eax, slot(Intrinsic.NumberPrototype) + 4), TAG.cell).jne(none);
  a.mov(eax, dword(eax, slot(Intrinsic.NumberPrototype))).mov(edx, root('sToString')).mov(ecx, TAG.cell).call('get_prop');
  a.cmp(edx, TAG.cell).jne(none).cmp(byte(eax), KIND.Function).jne(none);
  callMethodWithContinuation(h, thisAt, cont);
}


// ---- routines for the object model -------------------------------------------------------

/**
 * Throw "TypeError: <callee> is not a function" (or "... a constructor") for the call
 * instruction esi points into, with the callee's text from the function's callee-name
 * table (docs/bytecode.md), as Node prints it; call sites without a name (the runtime
 * library's) say "callee". `kind` picks the suffix.
 */
export function throwNotCallable(a: X86Assembler, kind: 'function' | 'constructor'): void {
  a.mov(edx, sym(cstring(a, ` is not a ${kind}`))).jmp('throw_not_callable');
}

export function emitThrowNotCallable(a: X86Assembler): void {
  // throw_not_callable (jump target): edx = the suffix (C string).
  routine(a, 'throw_not_callable', () => {
    a.lea(eax, mem(esi, -1)).sub(eax, ebx); // pc of the call instruction
    a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
    a.movzx(edi, word({ base: ecx, disp: FN_RECORDS.plus(30) })); // calleeNameCount
    a.test(edi, edi).jz('tnc_unnamed');
    a.push(edx);
    a.mov(edx, dword({ base: ecx, disp: FN_RECORDS.plus(24) })); // sourceMapCount
    a.lea(edx, mem({ base: edx, index: edx, scale: 2 })).shl(edx, 2); // * 12
    a.add(edx, dword({ base: ecx, disp: FN_RECORDS.plus(20) })).add(edx, sym('tsbc_image'));
    a.label('tnc_scan').cmp(dword(edx), eax).je('tnc_found');
    a.add(edx, 8).sub(edi, 1).jnz('tnc_scan');
    a.pop(edx).jmp('tnc_unnamed');
    a.label('tnc_found').mov(ecx, dword(edx, 4));
    a.mov(edx, root('constants'));
    a.mov(eax, dword({ base: edx, index: ecx, scale: 8, disp: 8 }));
    a.mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
    a.pop(edx);
    a.mov(eax, sym(cstring(a, 'TypeError: '))).jmp('interp_throw_message');
    a.label('tnc_unnamed');
    a.push(edx).mov(edx, sym(cstring(a, 'callee'))).call('str_from_cstring').pop(edx);
    a.mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
    a.mov(eax, sym(cstring(a, 'TypeError: '))).jmp('interp_throw_message');
  });
}

/** Start a construct call of the Function in tmp0 with new.target callNewTarget: this =
 *  the hole for derived constructors, else a new object with proto newTarget.prototype.
 *  Leaves this in tmp1. May allocate. */
export function constructThis(h: H): void {
  const a = h.a, derived = h.label('derived'), made = h.label('made');
  a.mov(eax, root('tmp0')).mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5);
  a.test(word({ base: ecx, disp: FN_RECORDS.plus(18) }), FunctionFlag.Derived).jnz(derived);
  a.mov(eax, root('callNewTarget'));
  a.mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
  a.push(edx).push(eax).mov(eax, esp).call('new_plain_object').add(esp, 8);
  a.mov(root('tmp1'), eax).mov(root('tmp1', 4), TAG.cell).jmp(made);
  a.label(derived).mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.hole);
  a.label(made);
}

/** Jump to `bad` unless register operand i holds a constructible Function; eax = it. */
export function requireConstructor(h: H, i: number, bad: string): void {
  const a = h.a;
  h.reg(ecx, i);
  a.cmp(T(ecx), TAG.cell).jne(bad);
  a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(bad);
  a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5);
  a.test(word({ base: ecx, disp: FN_RECORDS.plus(18) }), FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator).jnz(bad);
}

/** New through interp_enter_frame: every case (the x86 handler's fast path falls back here). */
export function newGeneric(h: H): void {
  const a = h.a, bad = h.label('bad');
  requireConstructor(h, 1, bad);
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  a.mov(root('callNewTarget'), eax).mov(root('callNewTarget', 4), TAG.cell);
  constructThis(h);
  h.reg(eax, 2);
  a.mov(var32('call_first'), eax);
  h.reg(eax, 3);
  a.mov(var32('call_argc'), eax);
  h.reg(eax, 0);
  a.mov(var32('call_dst'), eax);
  a.mov(var32('call_flags'), FRAME_CONSTRUCT);
  saveNextPc(h);
  a.jmp('interp_enter_frame');
  a.label(bad);
  throwNotCallable(a, 'constructor');
}

/** Calls and construction that go through interp_enter_frame (spread, rest, new, **). */
export const CALL_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  LoadRestArgs: (h) => {
    const a = h.a, loop = h.label('loop'), done = h.label('done'), extra = h.label('extra'), store = h.label('store'), some = h.label('some');
    // count = max(0, argc - index)
    a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.argCount)));
    h.reg(eax, 1);
    a.sub(ecx, eax).jg(some).xor(ecx, ecx);
    a.label(some);
    a.call('new_vector');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    // element k = argument index + k: a register below paramCount, else an extra argument
    a.mov(edi, dword(ebp, fslot(FRAME_SLOT.function))).mov(edi, dword(edi, FN_INDEX)).shl(edi, 5);
    a.movzx(edi, word({ base: edi, disp: FN_RECORDS.plus(12) })); // paramCount
    h.reg(edx, 1);
    a.push(ecx).xor(ecx, ecx);
    a.label(loop).cmp(ecx, dword(esp)).jae(done);
    a.cmp(edx, edi).jae(extra);
    a.movsd(xmm0, qword({ base: ebp, index: edx, scale: 8 })).jmp(store);
    a.label(extra);
    a.push(edx).push(eax).sub(edx, edi).mov(eax, dword(ebp, fslot(FRAME_SLOT.extraArgs)));
    a.movsd(xmm0, qword({ base: eax, index: edx, scale: 8, disp: 8 }));
    a.pop(eax).pop(edx);
    a.label(store).movsd(qword({ base: eax, index: ecx, scale: 8, disp: 8 }), xmm0);
    a.add(ecx, 1).add(edx, 1).jmp(loop);
    a.label(done).pop(ecx);
    a.call('array_from_vector');
    storeCell(h, 0);
    h.next();
  },
  Exp: (h) => {
    const a = h.a, go = h.lbl('go');
    h.reg(eax, 1).reg(edx, 2);
    // an object operand is converted first (ToPrimitive, hint number); eax, edx = the
    // register indices of the operands or of the conv slots holding their primitives
    jumpIfObject(a, eax, h.lbl('conv'), h.lbl('check2'));
    a.label(h.lbl('check2'));
    jumpIfObject(a, edx, h.lbl('conv'), go);
    a.label(go);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
    a.call('num_pair').call('exp_f64').jc(h.lbl('pow'));
    h.reg(ecx, 0);
    a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
    h.next();
    // Not exact here: this = base in conv1, the exponent in conv0, r[dst] = Pow intrinsic.
    a.label(h.lbl('pow'));
    a.lea(edi, dword(ebp, CONV1_INDEX * 8)).call('num_store');
    a.movsd(xmm0, xmm1).lea(edi, dword(ebp, CONV0_INDEX * 8)).call('num_store');
    intrinsicFunction(a, Intrinsic.Pow, h.lbl('nopow'));
    callFromHandler(h, (w) => dword(ebp, CONV1_INDEX * 8 + w), { firstReg: CONV0_INDEX, argc: 1 }, 0);
    a.label(h.lbl('nopow'));
    fatal(a, 'Exp: the result is not exact in machine arithmetic and no Pow intrinsic is registered (the prelude provides it)');
    toPrimitiveOperands(h, h.lbl('conv'), [1, 2], go, 'number');
  },
  CallSpread: (h) => {
    const a = h.a, bad = h.label('notfn');
    h.reg(ecx, 1);
    a.cmp(T(ecx), TAG.cell).jne(bad);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(bad);
    spreadArgs(h, 3);
    h.reg(ecx, 1);
    copyValue(a, rootW('tmp0'), valueAt(ecx), eax);
    h.reg(ecx, 2);
    copyValue(a, rootW('tmp1'), valueAt(ecx), eax);
    h.reg(eax, 0);
    a.mov(var32('call_dst'), eax);
    saveNextPc(h);
    a.jmp('interp_call_vector');
    a.label(bad);
    throwNotCallable(a, 'function');
  },
  NewSpread: (h) => {
    const a = h.a, bad = h.label('bad');
    requireConstructor(h, 1, bad);
    spreadArgs(h, 2);
    h.reg(ecx, 1);
    a.mov(eax, V(ecx));
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(root('callNewTarget'), eax).mov(root('callNewTarget', 4), TAG.cell);
    constructThis(h);
    h.reg(eax, 0);
    a.mov(var32('call_dst'), eax);
    a.mov(var32('call_flags'), FRAME_CONSTRUCT);
    saveNextPc(h);
    a.jmp('interp_call_vector');
    a.label(bad);
    throwNotCallable(a, 'constructor');
  },
};

/** callArgs = a ValueVector of the elements of the array in register operand i (holes
 *  are undefined). May allocate. */
export function spreadArgs(h: H, i: number): void {
  const a = h.a, bad = h.label('spreadbad'), loop = h.label('spreadloop'), done = h.label('spreaddone'), hole = h.label('spreadhole');
  h.reg(ecx, i);
  a.cmp(T(ecx), TAG.cell).jne(bad);
  a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Array).jne(bad);
  a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('new_vector');
  a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
  h.reg(edx, i);
  a.mov(edx, V(edx)).mov(edx, dword(edx, ARRAY_ELEMENTS));
  a.xor(ecx, ecx);
  a.label(loop).cmp(ecx, dword(eax, 4)).jae(done); // ecx*8+8 < size
  a.lea(edi, mem({ index: ecx, scale: 8, disp: 8 })).cmp(edi, dword(eax, 4)).jae(done);
  a.cmp(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.hole).je(hole);
  a.movsd(xmm0, qword({ base: edx, index: ecx, scale: 8, disp: 8 })).movsd(qword({ base: eax, index: ecx, scale: 8, disp: 8 }), xmm0);
  a.label(hole).add(ecx, 1).jmp(loop);
  a.label(done);
  const after = h.label('spreadok');
  a.jmp(after);
  a.label(bad);
  fatal(a, `${h.op}: spreading a value other than an array (the iterator protocol) is not implemented`);
  a.label(after);
}
