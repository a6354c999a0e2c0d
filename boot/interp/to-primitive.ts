// ToPrimitive of handler operands through calls into bytecode (valueOf/toString, or the
// prelude's ToPrimitive for exotic objects), shared by the arithmetic, comparison and key handlers.

import { X86Assembler, byte, dword, eax, ebp, ecx, edi, edx, esi, sym, type Reg } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { T, V, root } from './asm.ts';
import { FRAME_SLOT, KIND, TAG, fslot, CONV0_INDEX, CONV1_INDEX, TAG_ACCESSOR, slot } from './layout.ts';
import { at, copyValue, fatal, intrinsicFunction, rootW, saveResumePc, throwMessage } from './runtime.ts';
import { H, valueAt } from './helpers.ts';

/** Jumps to `isObj` if the register whose index is in `r` holds an object (an Object, Array
 *  or Function cell; strings and symbols are primitives), else to `not`. Clobbers edi. */
export function jumpIfObject(a: X86Assembler, r: Reg, isObj: string, not: string): void {
  a.cmp(T(r), TAG.cell).jne(not);
  a.mov(edi, V(r)).cmp(byte(edi), KIND.Object).jb(not).cmp(byte(edi), KIND.Function).jbe(isObj).jmp(not);
}

/**
 * ToPrimitive of the register operands `ops`, in order, through calls into bytecode, with
 * `hint` ('default' for `+` and `==`, 'string' for ToString/ToPropertyKey, else 'number').
 * Emits the code at label `entry` (jump there from a slow path, esi as at handler entry);
 * each operand's primitive (the operand itself when it is not an object) goes to the
 * frame's conv slot k, then the code jumps to `resume` with eax (and edx) = CONV0_INDEX
 * (CONV1_INDEX), register indices addressing those slots. An object whose
 * [Symbol.toPrimitive] is not null or undefined, or whose valueOf/toString is an accessor,
 * is converted by the prelude's ToPrimitive (Intrinsic 25, which throws Node's errors);
 * the others natively: OrdinaryToPrimitive, valueOf then toString (toString first for
 * 'string'), TypeError "Cannot convert object to primitive value" when neither gives a
 * primitive. The instruction's work so far must have no effects.
 */
export function toPrimitiveOperands(h: H, entry: string, ops: number[], resume: string, hint: 'default' | 'number' | 'string'): void {
  const a = h.a;
  const conv = (k: number) => (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0 + k) + w);
  const after = ops.map((_, k) => h.label(`tp_after${k}`));
  const start = ops.map((_, k) => h.label(`tp_start${k}`));
  const [first, second] = hint === 'string' ? ['sToString', 'sValueOf'] as const : ['sValueOf', 'sToString'] as const;
  a.label(entry);
  ops.forEach((op, k) => {
    h.reg(ecx, op);
    copyValue(a, conv(k), valueAt(ecx), eax);
    a.cmp(conv(k)(4), TAG.cell).jne(after[k]);
    a.mov(edi, conv(k)(0)).cmp(byte(edi), KIND.Object).jb(after[k]).cmp(byte(edi), KIND.Function).jbe(start[k]);
    a.label(after[k]);
  });
  a.mov(eax, CONV0_INDEX);
  if (ops.length > 1) a.mov(edx, CONV1_INDEX);
  a.jmp(resume);
  /** Jumps to yes when eax:edx is a primitive (not an Object, Array or Function cell). */
  const isPrim = (yes: string) => {
    a.cmp(edx, TAG.cell).jne(yes).cmp(byte(eax), KIND.Object).jb(yes).cmp(byte(eax), KIND.Function).ja(yes);
  };
  ops.forEach((_, k) => {
    const m2 = h.label(`tp_m2_${k}`), c1 = h.label(`tp_c1_${k}`), c2 = h.label(`tp_c2_${k}`), store = h.label(`tp_store${k}`);
    const delegate = h.label(`tp_delegate${k}`), dc = h.label(`tp_dc${k}`);
    const callMethod = (name: 'sValueOf' | 'sToString', cont: string, skip: string) => {
      a.mov(eax, conv(k)(0)).mov(edx, root(name)).mov(ecx, TAG.cell).call('get_prop');
      a.cmp(edx, TAG_ACCESSOR).je('tp_accessor_changed');
      a.cmp(edx, TAG.cell).jne(skip).cmp(byte(eax), KIND.Function).jne(skip);
      a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
      copyValue(a, rootW('tmp1'), conv(k), eax);
      a.mov(dword(sym('call_first')), 0).mov(dword(sym('call_argc')), 0);
      a.mov(dword(sym('call_cont')), sym(cont));
      saveResumePc(a);
      a.jmp('interp_enter_frame');
    };
    a.label(start[k]);
    a.mov(eax, conv(k)(0)).call('tp_exotic').test(eax, eax).jnz(delegate);
    callMethod(first, c1, m2);
    a.label(c1).add(esi, 1);
    isPrim(store);
    a.label(m2);
    callMethod(second, c2, 'tp_type_error');
    a.label(c2).add(esi, 1);
    isPrim(store);
    a.jmp('tp_type_error');
    a.label(store).mov(conv(k)(0), eax).mov(conv(k)(4), edx);
    a.jmp(after[k]);
    a.label(delegate);
    a.mov(ecx, CONV0_INDEX + k).mov(edx, ['default', 'number', 'string'].indexOf(hint));
    a.mov(dword(sym('call_cont')), sym(dc)).jmp('tp_delegate');
    a.label(dc).add(esi, 1);
    a.jmp(store);
  });
}

/** Routines shared by every toPrimitiveOperands. */
export function emitToPrimitiveRoutines(a: X86Assembler): void {
  // tp_exotic: eax = an object. eax = 1 when the prelude's ToPrimitive must convert it:
  // obj[Symbol.toPrimitive] (once the prelude registered the symbol) is not null or
  // undefined, or valueOf/toString is an accessor; else 0. Preserves the rest.
  routine(a, 'tp_exotic', () => {
    a.push(ecx).push(edx).push(edi);
    a.mov(edi, eax).mov(ecx, root('intrinsics'));
    a.cmp(dword(ecx, slot(16) + 4), TAG.cell).jne('tpx_ordinary');
    a.mov(edx, dword(ecx, slot(16))).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.undef).je('tpx_ordinary').cmp(edx, TAG.null).jne('tpx_yes');
    a.label('tpx_ordinary');
    for (const name of ['sValueOf', 'sToString'] as const) {
      a.mov(eax, edi).mov(edx, root(name)).mov(ecx, TAG.cell).call('get_prop');
      a.cmp(edx, TAG_ACCESSOR).je('tpx_yes');
    }
    a.xor(eax, eax).jmp('tpx_ret');
    a.label('tpx_yes').mov(eax, 1);
    a.label('tpx_ret').pop(edi).pop(edx).pop(ecx).ret();
  });
  // tp_delegate (jump target): ecx = register index of the object (a conv slot), edx = the
  // hint (0 'default', 1 'number', 2 'string'), call_cont = the continuation. Calls the
  // prelude's ToPrimitive(obj, hint) (Intrinsic 25); the instruction resumes in the
  // continuation with the primitive in eax:edx.
  routine(a, 'tp_delegate', () => {
    a.push(ecx).push(edx);
    intrinsicFunction(a, 25, 'tpd_none');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 2).call('new_vector');
    a.pop(edx).pop(ecx);
    copyValue(a, at(eax, 8), valueAt(ecx), edi);
    a.mov(edi, root('sDefault'));
    a.cmp(edx, 1).jne('tpd_h2').mov(edi, root('sNumber'));
    a.label('tpd_h2').cmp(edx, 2).jne('tpd_h').mov(edi, root('sString'));
    a.label('tpd_h').mov(dword(eax, 16), edi).mov(dword(eax, 20), TAG.cell);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(dword(sym('call_first')), -1).mov(dword(sym('call_argc')), 2);
    saveResumePc(a);
    a.jmp('interp_enter_frame');
    a.label('tpd_none');
    fatal(a, 'ToPrimitive through Symbol.toPrimitive or an accessor needs the prelude\'s ToPrimitive (not registered)');
  });
  routine(a, 'tp_type_error', () => throwMessage(a, 'TypeError: Cannot convert object to primitive value'));
  routine(a, 'tp_accessor_changed', () => fatal(a, 'ToPrimitive: valueOf/toString became an accessor during the conversion'));
}
