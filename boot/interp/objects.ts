// The object model beyond the core: the natives of natives.ts, property definition with
// attributes, accessors, constructors and classes, conversions to strings and the opcodes
// built on them. Calls from here into bytecode (getters, setters, toString, constructors)
// push an ordinary frame (see "Calls from handlers" in docs/architecture.md).

import {
  X86Assembler, al, byte, cl, cx, dl, dx, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, word, xmm0, xmm1,
  xmm6, xmm7,
  type Reg,
} from '../../image-builder/x86/index.ts';
import { FunctionFlag, Intrinsic, type NativeName, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { T, V, root, var32 } from './asm.ts';
import { rootOffset } from './layout.ts';
import {
  ARRAY_ELEMENTS, ARRAY_LENGTH, ARRAY_SIZE, ATTR_ACCESSOR, CONV0_INDEX, CONV1_INDEX, FN_HOME, FN_INDEX, FRAME_CONSTRUCT, FRAME_SLOT, KIND, FRAME_REGS,
  OBJECT_SIZE, OBJ_FROZEN, OBJ_NOT_EXTENSIBLE, PROPS, PROTO, PT_COUNT, PT_ENTRIES, PT_ENTRY_SIZE, STR,
  STRING_TWO_BYTE, TAG, TAG_ACCESSOR, fslot, slot, INTRINSIC_COUNT, SYMBOL_DESCRIPTION, SYMBOL_SIZE, VIEW_LENGTH,
} from './layout.ts';
import { FN_RECORDS, at, copyValue, fatal, intrinsicFunction, rootW, saveResumePc, throwMessage } from './runtime.ts';
import { H, loadTag, storeCell, storeRoot, toPrimitiveOperands, valueAt } from './handlers.ts';

const TSBC = 'tsbc_image';

/** Address of argument i of a CallNative (operand 2 = first register) into r. */
function argAddr(h: H, r: Reg, i: number): void {
  h.reg(r, 2);
  h.a.lea(r, mem({ base: ebp, index: r, scale: 8, disp: 8 * i }));
}
/** Payload/tag of argument i. */
function argPayload(h: H, r: Reg, i: number): void { h.reg(r, 2); h.a.mov(r, V(r, 8 * i)); }

/** Jump to `bad` unless r (a heap address) is an Object, Array or Function. */
export function isPropObject(a: X86Assembler, r: Reg, bad: string): void {
  a.cmp(byte(r), KIND.Object).jb(bad).cmp(byte(r), KIND.Function).ja(bad);
}

/** Store eax:edx into register operand i. Clobbers ecx. */
export function storeValue(h: H, i: number): void {
  h.reg(ecx, i);
  h.a.mov(V(ecx), eax).mov(T(ecx), edx);
}

/** Save the pc of the next instruction in the frame (where a call from a handler returns). */
function saveNextPc(h: H): void {
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
function callMethodWithContinuation(h: H, thisAt: (w: number) => ReturnType<typeof dword>, cont: string): void {
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

export function emitObjectRoutines(a: X86Assembler): void {
  emitThrowNotCallable(a);
  a.section('.bss', { nobits: true }).align(4);
  for (const v of ['def_attr', 'interp_esp', 'str_buf_len']) a.label(v).space(4);
  a.label('str_buf').space(4096);
  a.section('.text');

  // cont_discard: a continuation that drops the result (setters).
  routine(a, 'cont_discard', () => {
    a.movzx(eax, byte(esi)).add(esi, 1).jmp(mem({ index: eax, scale: 4, disp: sym('interp_dispatch') }));
  });

  // int_to_string: eax = integer, edx = 1 if it is unsigned. eax = a new string.
  routine(a, 'int_to_string', () => {
    a.push(ecx).push(edx).push(edi).push(esi);
    a.mov(edi, sym('str_buf').plus(64)); // digits backwards from here
    a.xor(esi, esi); // negative?
    a.test(edx, edx).jnz('its_pos');
    a.test(eax, eax).jns('its_pos');
    a.neg(eax).mov(esi, 1);
    a.label('its_pos').mov(ecx, 10);
    a.label('its_loop').xor(edx, edx).div(ecx).add(edx, 0x30).sub(edi, 1).mov(byte(edi), dl);
    a.test(eax, eax).jnz('its_loop');
    a.test(esi, esi).jz('its_make').sub(edi, 1).mov(byte(edi), 0x2d);
    a.label('its_make');
    a.mov(ecx, sym('str_buf').plus(64)).sub(ecx, edi);
    a.xor(edx, edx).call('str_alloc');
    a.push(edi).mov(esi, edi).lea(edi, mem(eax, STR.units)).repMovs(8).pop(edi);
    a.pop(esi).pop(edi).pop(edx).pop(ecx).ret();
  });

  // prim_to_string: eax = &value. eax = String(value) for strings, int32/uint32, integral
  // doubles in (-2^31, 2^32), booleans, null and undefined; 0 for the rest (objects
  // and other doubles, which need the runtime). May allocate.
  routine(a, 'prim_to_string', () => {
    a.push(ecx).push(edx);
    a.mov(ecx, dword(eax, 4));
    a.cmp(ecx, TAG.cell).je('pts_cell');
    a.cmp(ecx, TAG.int).je('pts_int');
    a.cmp(ecx, TAG.uint).je('pts_uint');
    a.cmp(ecx, TAG.bool).je('pts_bool');
    a.cmp(ecx, TAG.null).je('pts_null');
    a.cmp(ecx, TAG.undef).je('pts_undef');
    a.cmp(ecx, TAG.firstTag).jae('pts_none');
    a.movsd(xmm0, qword(eax)).cvttsd2si(ecx, xmm0).cvtsi2sd(xmm1, ecx).ucomisd(xmm0, xmm1);
    a.jp('pts_none').jne('pts_try_uint');
    a.cmp(ecx, 0x8000_0000).je('pts_try_uint');
    a.mov(eax, ecx).xor(edx, edx).call('int_to_string').jmp('pts_ret');
    // integral doubles in [2^31, 2^32): x - 2^32 is a negative int32 with x's low bits
    a.label('pts_try_uint').subsd(xmm0, qword(sym('f64_2p32'))).cvttsd2si(ecx, xmm0).cvtsi2sd(xmm1, ecx).ucomisd(xmm0, xmm1);
    a.jp('pts_none').jne('pts_none');
    a.test(ecx, ecx).jns('pts_none');
    a.mov(eax, ecx).mov(edx, 1).call('int_to_string').jmp('pts_ret');
    a.label('pts_int').mov(eax, dword(eax)).xor(edx, edx).call('int_to_string').jmp('pts_ret');
    a.label('pts_uint').mov(eax, dword(eax)).mov(edx, 1).call('int_to_string').jmp('pts_ret');
    a.label('pts_bool').cmp(dword(eax), 0).mov(eax, root('sTrue')).jne('pts_ret').mov(eax, root('sFalse')).jmp('pts_ret');
    a.label('pts_null').mov(eax, root('sNull')).jmp('pts_ret');
    a.label('pts_undef').mov(eax, root('sUndefined')).jmp('pts_ret');
    a.label('pts_cell').mov(eax, dword(eax)).cmp(byte(eax), KIND.String).je('pts_ret');
    a.label('pts_none').xor(eax, eax);
    a.label('pts_ret').pop(edx).pop(ecx).ret();
  });

  // key_to_string: edx:ecx = a property key (int32, string or symbol). eax = it as a string
  // for messages ("Symbol(desc)" for a symbol). May allocate. Preserves the rest.
  routine(a, 'key_to_string', () => {
    a.cmp(ecx, TAG.int).je('kts_int');
    a.mov(eax, edx);
    a.cmp(byte(eax), KIND.Symbol).jne('kts_ret');
    a.jmp('symbol_to_string');
    a.label('kts_ret').ret();
    a.label('kts_int').push(edx).mov(eax, edx).xor(edx, edx).call('int_to_string').pop(edx).ret();
  });

  // symbol_to_string: eax = a Symbol. eax = a new string "Symbol(<description>)" (as
  // String(sym) and V8's messages show it). May allocate. Preserves the rest.
  routine(a, 'symbol_to_string', () => {
    const text = (t: string, two: boolean) => {
      for (const c of t) {
        if (two) a.mov(word(edi), c.charCodeAt(0)).add(edi, 2);
        else a.mov(byte(edi), c.charCodeAt(0)).add(edi, 1);
      }
    };
    a.push(ecx).push(edx).push(esi).push(edi);
    a.mov(root('symTmp'), eax).mov(root('symTmp', 4), TAG.cell);
    a.mov(ecx, 'Symbol()'.length).xor(edx, edx);
    a.cmp(dword(eax, SYMBOL_DESCRIPTION + 4), TAG.cell).jne('sts_alloc');
    a.mov(edi, dword(eax, SYMBOL_DESCRIPTION)).add(ecx, dword(edi, STR.length)).mov(edx, dword(edi)).and(edx, STRING_TWO_BYTE);
    a.label('sts_alloc').call('str_alloc');
    a.push(eax).lea(edi, mem(eax, STR.units));
    a.test(edx, edx).jnz('sts_two_open');
    text('Symbol(', false);
    a.jmp('sts_desc');
    a.label('sts_two_open');
    text('Symbol(', true);
    a.label('sts_desc').mov(esi, root('symTmp'));
    a.cmp(dword(esi, SYMBOL_DESCRIPTION + 4), TAG.cell).jne('sts_close');
    a.mov(esi, dword(esi, SYMBOL_DESCRIPTION)).call('copy_units');
    a.label('sts_close').test(edx, edx).jnz('sts_two_close');
    text(')', false);
    a.jmp('sts_done');
    a.label('sts_two_close');
    text(')', true);
    a.label('sts_done').pop(eax);
    a.mov(root('symTmp', 4), TAG.undef);
    a.pop(edi).pop(esi).pop(edx).pop(ecx).ret();
  });

  // display_string: eax = &value. eax = the value as error messages show a key or operand:
  // prim_to_string's result, "Symbol(desc)" for a symbol; 0 for the rest. May allocate.
  routine(a, 'display_string', () => {
    a.cmp(dword(eax, 4), TAG.cell).jne('dps_prim');
    a.push(eax).mov(eax, dword(eax)).cmp(byte(eax), KIND.Symbol).pop(eax).jne('dps_prim');
    a.mov(eax, dword(eax)).jmp('symbol_to_string');
    a.label('dps_prim').jmp('prim_to_string');
  });

  // iter_native_ok: eax = an Array or a String. eax = 1 when the machine may iterate it
  // natively (GetIterator, ArraySpread): the prelude has not registered its iterators yet,
  // or value[Symbol.iterator] is the registered Array (String) iterator method and the
  // `next` of the Array (String) Iterator prototype is the registered one (natives.ts
  // Intrinsic.ArrayIterator...); else 0. Does not allocate; preserves the rest.
  routine(a, 'iter_native_ok', () => {
    a.push(ecx).push(edx).push(edi);
    a.mov(edi, eax).mov(ecx, root('intrinsics'));
    a.mov(edx, 19).cmp(byte(edi), KIND.String).jne('ino_ids').mov(edx, 22);
    a.label('ino_ids');
    a.cmp(dword({ base: ecx, index: edx, scale: 8, disp: 12 }), TAG.cell).jne('ino_yes'); // not registered (yet)
    a.cmp(dword(ecx, slot(15) + 4), TAG.cell).jne('ino_yes');
    a.push(edx);
    a.mov(edx, dword(ecx, slot(15))).mov(ecx, TAG.cell).call('get_prop'); // value[Symbol.iterator]
    a.pop(edi).cmp(edx, TAG.cell).jne('ino_no');
    a.mov(ecx, root('intrinsics'));
    a.cmp(eax, dword({ base: ecx, index: edi, scale: 8, disp: 8 })).jne('ino_no');
    a.cmp(dword({ base: ecx, index: edi, scale: 8, disp: 8 + 8 + 4 }), TAG.cell).jne('ino_no');
    a.mov(eax, dword({ base: ecx, index: edi, scale: 8, disp: 8 + 8 })); // the iterator prototype
    a.mov(edi, dword({ base: ecx, index: edi, scale: 8, disp: 8 + 16 })); // its registered next
    a.mov(edx, root('sNext')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.cell).jne('ino_no').cmp(eax, edi).jne('ino_no');
    a.label('ino_yes').mov(eax, 1).jmp('ino_ret');
    a.label('ino_no').xor(eax, eax);
    a.label('ino_ret').pop(edi).pop(edx).pop(ecx).ret();
  });

  // proto_of_value: eax = &value. eax:edx = the object whose properties a lookup on the
  // value starts from (the value itself for objects, the registered prototype for
  // primitives: String, Number, Boolean, Symbol), edx = TAG.null if there is none.
  // Preserves the rest.
  routine(a, 'proto_of_value', () => {
    a.push(ecx);
    a.mov(ecx, dword(eax, 4));
    a.cmp(ecx, TAG.cell).je('pov_cell');
    a.cmp(ecx, TAG.bool).je('pov_bool');
    a.cmp(ecx, TAG.firstTag).jb('pov_num').cmp(ecx, TAG.uint).jae('pov_num');
    a.label('pov_none').xor(eax, eax).mov(edx, TAG.null).pop(ecx).ret();
    a.label('pov_cell').mov(eax, dword(eax)).mov(edx, TAG.cell);
    a.mov(ecx, 14).cmp(byte(eax), KIND.Symbol).je('pov_intrinsic');
    a.cmp(byte(eax), KIND.String).jne('pov_ret');
    a.mov(ecx, 3).jmp('pov_intrinsic');
    a.label('pov_bool').mov(ecx, 5).jmp('pov_intrinsic');
    a.label('pov_num').mov(ecx, 4);
    a.label('pov_intrinsic').mov(eax, root('intrinsics'));
    a.mov(edx, dword({ base: eax, index: ecx, scale: 8, disp: 12 })).mov(eax, dword({ base: eax, index: ecx, scale: 8, disp: 8 }));
    a.cmp(edx, TAG.cell).jne('pov_none');
    a.label('pov_ret').pop(ecx).ret();
  });

  // define_prop: tmp0 = object, tmp1 = key, tmp2 = value, def_attr = attributes. Defines
  // or redefines the own data property (no setters, no checks). May allocate. Clobbers
  // eax, ecx, edx, edi; clears tmp0-2.
  routine(a, 'define_prop', () => {
    a.mov(eax, root('tmp0')).mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    a.cmp(byte(eax), KIND.Array).jne('dp_find').cmp(ecx, TAG.int).jne('dp_find');
    a.mov(ecx, edx).test(ecx, ecx).js('dp_find').jmp('array_set');
    a.label('dp_find').call('prop_find').test(eax, eax).jz('sp_add');
    copyValue(a, at(eax, 8), rootW('tmp2'), ecx);
    a.mov(ecx, var32('def_attr')).mov(dword(eax, 16), ecx);
    a.jmp('sp_done');
  });

}

/** xmm0 = ToNumber(argument i). */
function numArg(h: H, i: number): void {
  argAddr(h, eax, i);
  h.a.call('num_to_f64');
}

/** Store xmm0 as a number into the CallNative's dst (operand 0) and dispatch. */
function storeNumber(h: H): void {
  h.reg(ecx, 0);
  h.a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
  h.next();
}

/** Store eax as int32 into operand 0 and dispatch. */
export function storeInt(h: H): void { h.storeTag(0, TAG.int); h.next(); }

/** eax = the heap address of argument i; jumps to bad unless it is a cell. Clobbers ecx. */
function cellArg(h: H, i: number, bad: string): void {
  argAddr(h, ecx, i);
  h.a.cmp(dword(ecx, 4), TAG.cell).jne(bad).mov(eax, dword(ecx));
}

/** eax = argument i as an int32 (ToInt32). */
export function intArg(h: H, i: number): void {
  argAddr(h, eax, i);
  h.a.call('num_to_int32');
}

/** Trunc of xmm0 by clearing its fraction bits (exact for every double). */
function truncXmm0(a: X86Assembler): void {
  const done = a.newLabel('trunc_done'), zero = a.newLabel('trunc_zero'), low = a.newLabel('trunc_low');
  a.push(eax).push(ecx).push(edx);
  a.sub(esp, 8).movsd(qword(esp), xmm0);
  a.mov(edx, dword(esp, 4));
  a.mov(ecx, edx).shr(ecx, 20).and(ecx, 0x7ff).sub(ecx, 1023).jl(zero);
  a.cmp(ecx, 52).jge(done);
  a.neg(ecx).add(ecx, 52); // fraction bits to clear
  a.cmp(ecx, 32).jb(low);
  a.mov(dword(esp), 0).sub(ecx, 32);
  a.mov(eax, -1).shl(eax, cl).and(dword(esp, 4), eax).jmp(done);
  a.label(low).mov(eax, -1).shl(eax, cl).and(dword(esp), eax).jmp(done);
  a.label(zero).mov(dword(esp), 0).and(dword(esp, 4), 0x8000_0000);
  a.label(done);
  a.movsd(xmm0, qword(esp)).add(esp, 8);
  a.pop(edx).pop(ecx).pop(eax);
}

/** edx = address of the first unit of string eax at index ecx; CF-free: also ecx kept. */
function loadUnit(a: X86Assembler, s: Reg, idx: Reg, out: Reg, twoByte: string, done: string): void {
  a.test(dword(s), STRING_TWO_BYTE).jnz(twoByte);
  a.movzx(out, byte({ base: s, index: idx, disp: STR.units })).jmp(done);
  a.label(twoByte).movzx(out, word({ base: s, index: idx, scale: 2, disp: STR.units }));
  a.label(done);
}

export function emitNative(h: H, name: NativeName): boolean {
  const labels = new Map<string, string>();
  const lab = (x: string) => { let l = labels.get(x); if (!l) { l = h.label(`${name}_${x}`); labels.set(x, l); } return l; };
  const a = h.a, bad = lab('bad');
  const badArgs = () => { a.label(bad); throwMessage(a, `TypeError: ${name}: bad arguments`); };
  switch (name) {
    case 'registerIntrinsic': {
      argAddr(h, edx, 0);
      a.cmp(dword(edx, 4), TAG.int).jne(bad).mov(ecx, dword(edx));
      a.cmp(ecx, INTRINSIC_COUNT).jae(bad);
      a.mov(eax, root('intrinsics'));
      copyValue(a, (w) => dword({ base: eax, index: ecx, scale: 8, disp: 8 + w }), at(edx, 8), edi);
      const roots: [number, 'objectProto' | 'functionProto' | 'arrayProto'][] = [[0, 'objectProto'], [1, 'functionProto'], [2, 'arrayProto']];
      for (const [id, r] of roots) {
        const skip = lab(`ri_${r}`);
        a.cmp(ecx, id).jne(skip);
        copyValue(a, rootW(r), at(edx, 8), edi);
        a.cmp(dword(edx, 12), TAG.cell).jne(skip);
        a.mov(eax, dword(edx, 8)).mov(ecx, [KIND.Object, KIND.Function, KIND.Array][id]).call('fix_null_protos');
        a.label(skip);
      }
      loadTag(h, TAG.undef);
      badArgs();
      return true;
    }
    case 'getPrototypeOf': {
      const prim = lab('gpo_prim');
      argAddr(h, eax, 0);
      a.cmp(dword(eax, 4), TAG.cell).jne(prim);
      a.mov(edx, dword(eax)).cmp(byte(edx), KIND.String).je(prim).cmp(byte(edx), KIND.Symbol).je(prim);
      isPropObject(a, edx, bad);
      h.reg(ecx, 0);
      copyValue(a, valueAt(ecx), at(edx, PROTO), eax);
      h.next();
      a.label(prim).call('proto_of_value');
      storeValue(h, 0);
      h.next();
      a.label(bad);
      loadTag(h, TAG.null);
      return true;
    }
    case 'setPrototypeOf': {
      const notExt = lab('spo_notext');
      cellArg(h, 0, bad);
      isPropObject(a, eax, bad);
      a.test(byte(eax, 1), OBJ_NOT_EXTENSIBLE >> 8).jnz(notExt);
      argAddr(h, edx, 1);
      copyValue(a, at(eax, PROTO), at(edx), ecx);
      h.reg(ecx, 0);
      a.mov(V(ecx), eax).mov(T(ecx), TAG.cell);
      h.next();
      a.label(notExt);
      throwMessage(a, 'TypeError: #<Object> is not extensible');
      badArgs();
      return true;
    }
    case 'isExtensible': {
      const no = lab('no');
      cellArg(h, 0, no);
      isPropObject(a, eax, no);
      a.test(byte(eax, 1), OBJ_NOT_EXTENSIBLE >> 8).jnz(no);
      loadTag(h, TAG.bool, 1);
      a.label(no);
      loadTag(h, TAG.bool, 0);
      return true;
    }
    case 'preventExtensions': {
      // level 0: not extensible; 1 (seal): also every property non-configurable; 2
      // (freeze): also every data property read-only and the object flagged frozen.
      const loop = lab('pe_loop'), done = lab('pe_done'), data = lab('pe_data'), nofreeze = lab('pe_nofreeze');
      cellArg(h, 0, bad);
      isPropObject(a, eax, bad);
      argAddr(h, edx, 1);
      a.mov(edx, dword(edx));
      a.or(dword(eax), OBJ_NOT_EXTENSIBLE);
      a.cmp(edx, 2).jne(nofreeze).or(dword(eax), OBJ_FROZEN);
      a.label(nofreeze);
      a.test(edx, edx).jz(done);
      a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(done);
      a.mov(edi, dword(eax, PROPS)).mov(ecx, dword(edi, PT_COUNT)).add(edi, PT_ENTRIES);
      a.label(loop).test(ecx, ecx).jz(done);
      a.and(dword(edi, 16), ~4);
      a.cmp(edx, 2).jne(data);
      a.test(dword(edi, 16), ATTR_ACCESSOR).jnz(data);
      a.and(dword(edi, 16), ~2);
      a.label(data).add(edi, PT_ENTRY_SIZE).sub(ecx, 1).jmp(loop);
      a.label(done);
      h.reg(ecx, 0);
      a.mov(V(ecx), eax).mov(T(ecx), TAG.cell);
      h.next();
      badArgs();
      return true;
    }
    case 'valueKind': {
      const L = (x: string) => `${h.op}_vk_${x}_${bad}`;
      argAddr(h, edx, 0);
      a.mov(ecx, dword(edx, 4));
      a.cmp(ecx, TAG.undef).je(L('0')).cmp(ecx, TAG.null).je(L('1')).cmp(ecx, TAG.bool).je(L('2'));
      a.cmp(ecx, TAG.cell).jne(L('3'));
      a.mov(edx, dword(edx));
      a.cmp(byte(edx), KIND.String).je(L('4')).cmp(byte(edx), KIND.Array).je(L('6'));
      a.cmp(byte(edx), KIND.PrivateName).je(L('10')).cmp(byte(edx), KIND.Symbol).je(L('11'));
      a.cmp(byte(edx), KIND.Function).jne(L('5'));
      a.mov(ecx, dword(edx, FN_INDEX)).shl(ecx, 5).movzx(ecx, word({ base: ecx, disp: FN_RECORDS.plus(18) }));
      a.test(ecx, FunctionFlag.ClassConstructor).jnz(L('8'));
      a.test(ecx, FunctionFlag.Arrow).jnz(L('9')).jmp(L('7'));
      for (const k of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) { a.label(L(String(k))).mov(eax, k); storeInt(h); }
      return true;
    }
    case 'newSymbol': {
      const noDesc = lab('nodesc'), made = lab('made');
      a.mov(ecx, SYMBOL_SIZE).mov(edx, KIND.Symbol).call('heap_alloc');
      a.mov(dword(eax, SYMBOL_DESCRIPTION), 0).mov(dword(eax, SYMBOL_DESCRIPTION + 4), TAG.undef);
      argAddr(h, edx, 0);
      a.cmp(dword(edx, 4), TAG.cell).jne(noDesc);
      a.mov(ecx, dword(edx)).cmp(byte(ecx), KIND.String).jne(noDesc);
      a.mov(dword(eax, SYMBOL_DESCRIPTION), ecx).mov(dword(eax, SYMBOL_DESCRIPTION + 4), TAG.cell);
      a.label(noDesc).label(made);
      storeCell(h, 0);
      h.next();
      return true;
    }
    case 'setFunctionName': {
      // the prelude's SetFunctionName(fn, key, prefix) (Intrinsic 27) with this native's
      // arguments; its result (undefined) goes to the destination
      const none = lab('none');
      intrinsicFunction(a, 27, none);
      callFromHandler(h, (w) => root('callNewTarget', w), { firstOp: 2, argc: 3 }, 0);
      a.label(none);
      fatal(a, 'setFunctionName needs the prelude\'s SetFunctionName (Intrinsic 27, not registered)');
      return true;
    }
    case 'symbolDescription': {
      const none = lab('none');
      cellArg(h, 0, none);
      a.cmp(byte(eax), KIND.Symbol).jne(none);
      h.reg(ecx, 0);
      copyValue(a, valueAt(ecx), at(eax, SYMBOL_DESCRIPTION), edx);
      h.next();
      a.label(none);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'functionSource': {
      // the callee-name entry with pc 0xFFFFFFFF holds the source text's constant
      const none = lab('none'), scan = lab('scan'), found = lab('found');
      cellArg(h, 0, none);
      a.cmp(byte(eax), KIND.Function).jne(none);
      a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5);
      a.movzx(edi, word({ base: ecx, disp: FN_RECORDS.plus(30) })); // calleeNameCount
      a.test(edi, edi).jz(none);
      a.mov(edx, dword({ base: ecx, disp: FN_RECORDS.plus(24) })); // sourceMapCount
      a.lea(edx, mem({ base: edx, index: edx, scale: 2 })).shl(edx, 2); // * 12
      a.add(edx, dword({ base: ecx, disp: FN_RECORDS.plus(20) })).add(edx, sym('tsbc_image'));
      a.label(scan).cmp(dword(edx), -1).je(found);
      a.add(edx, 8).sub(edi, 1).jnz(scan);
      a.jmp(none);
      a.label(found).mov(ecx, dword(edx, 4));
      a.mov(edx, root('constants'));
      h.reg(eax, 0);
      copyValue(a, valueAt(eax), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), edi);
      h.next();
      a.label(none);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'functionName': {
      const anon = lab('anon');
      cellArg(h, 0, anon);
      a.cmp(byte(eax), KIND.Function).jne(anon);
      a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5).mov(ecx, dword({ base: ecx, disp: FN_RECORDS.plus(8) }));
      a.cmp(ecx, -1).je(anon);
      a.mov(edx, root('constants'));
      h.reg(eax, 0);
      copyValue(a, valueAt(eax), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), edi);
      h.next();
      a.label(anon);
      storeRoot(h, 0, 'sEmpty');
      h.next();
      return true;
    }
    case 'identityHash': {
      const has = lab('has'), none = lab('none');
      cellArg(h, 0, none);
      a.mov(edx, dword(eax)).shr(edx, 16).jnz(has);
      a.mov(edx, var32('hash_counter')).add(edx, 1).mov(var32('hash_counter'), edx);
      a.imul(edx, edx, 40503).and(edx, 0xffff).jnz(lab('nz')).mov(edx, 1);
      a.label(lab('nz'));
      a.mov(ecx, edx).shl(ecx, 16).and(dword(eax), 0xffff).or(dword(eax), ecx);
      a.label(has).mov(eax, edx);
      storeInt(h);
      a.label(none).xor(eax, eax);
      storeInt(h);
      return true;
    }
    case 'charCodeAt': {
      const nan = lab('nan');
      cellArg(h, 0, nan);
      a.cmp(byte(eax), KIND.String).jne(nan);
      a.push(eax);
      intArg(h, 1);
      a.mov(ecx, eax).pop(eax);
      a.cmp(ecx, dword(eax, STR.length)).jae(nan);
      loadUnit(a, eax, ecx, eax, lab('two'), lab('got'));
      storeInt(h);
      a.label(nan).movsd(xmm0, qword(sym('f64_nan')));
      storeNumber(h);
      return true;
    }
    case 'fromCharCode': {
      const two = lab('two'), made = lab('made');
      intArg(h, 0);
      a.and(eax, 0xffff).push(eax);
      a.mov(ecx, 1).xor(edx, edx).cmp(eax, 256).jb(lab('one')).mov(edx, STRING_TWO_BYTE);
      a.label(lab('one')).call('str_alloc').pop(ecx);
      a.test(dword(eax), STRING_TWO_BYTE).jnz(two);
      a.mov(byte(eax, STR.units), cl).jmp(made);
      a.label(two).mov(word(eax, STR.units), cx);
      a.label(made);
      storeCell(h, 0);
      h.next();
      return true;
    }
    case 'stringCompare': {
      const loop = lab('loop'), less = lab('less'), more = lab('more'), eq = lab('eq'), endA = lab('endA');
      cellArg(h, 0, bad);
      a.mov(edi, eax);
      cellArg(h, 1, bad);
      a.mov(edx, eax);
      a.push(ebx).push(esi);
      a.xor(ecx, ecx);
      a.label(loop);
      a.cmp(ecx, dword(edi, STR.length)).je(endA);
      a.cmp(ecx, dword(edx, STR.length)).je(more);
      loadUnit(a, edi, ecx, eax, lab('ta'), lab('ga'));
      loadUnit(a, edx, ecx, ebx, lab('tb'), lab('gb'));
      a.add(ecx, 1).cmp(eax, ebx).jb(less).ja(more).jmp(loop);
      a.label(endA).cmp(ecx, dword(edx, STR.length)).je(eq);
      a.label(less).mov(eax, -1).pop(esi).pop(ebx);
      storeInt(h);
      a.label(more).mov(eax, 1).pop(esi).pop(ebx);
      storeInt(h);
      a.label(eq).xor(eax, eax).pop(esi).pop(ebx);
      storeInt(h);
      badArgs();
      return true;
    }
    case 'stringSlice': {
      // clamp start/end to 0..length
      const clamp = (r: Reg, l: string) => {
        a.test(r, r).jns(`${l}_pos`).xor(r, r);
        a.label(`${l}_pos`).cmp(r, dword(edi, STR.length)).jbe(`${l}_ok`).mov(r, dword(edi, STR.length));
        a.label(`${l}_ok`);
      };
      cellArg(h, 0, bad);
      a.cmp(byte(eax), KIND.String).jne(bad);
      a.mov(edi, eax);
      intArg(h, 2);
      a.mov(edx, eax);
      intArg(h, 1);
      clamp(eax, lab('cs'));
      clamp(edx, lab('ce'));
      a.cmp(edx, eax).jg(lab('nonempty')).mov(edx, eax);
      a.label(lab('nonempty'));
      a.sub(edx, eax).push(eax).push(edx); // start, count
      a.mov(ecx, edx).mov(edx, dword(edi)).and(edx, STRING_TWO_BYTE).call('str_alloc');
      a.pop(ecx).pop(edx); // count, start
      h.reg(edi, 2);
      a.mov(edi, V(edi)); // the source again (str_alloc may have moved it)
      a.push(esi);
      a.test(dword(eax), STRING_TWO_BYTE).jz(lab('one'));
      a.lea(esi, mem({ base: edi, index: edx, scale: 2, disp: STR.units })).add(ecx, ecx).jmp(lab('copy'));
      a.label(lab('one')).lea(esi, mem({ base: edi, index: edx, disp: STR.units }));
      a.label(lab('copy')).lea(edi, mem(eax, STR.units)).repMovs(8);
      a.pop(esi);
      storeCell(h, 0);
      h.next();
      badArgs();
      return true;
    }
    case 'stringIndexOf': {
      const outer = lab('outer'), inner = lab('inner'), found = lab('found'), notFound = lab('nf'), next = lab('next');
      cellArg(h, 0, bad);
      a.mov(edi, eax);
      cellArg(h, 1, bad);
      a.mov(edx, eax);
      a.push(edx);
      intArg(h, 2);
      a.pop(edx);
      a.test(eax, eax).jns(lab('fpos')).xor(eax, eax);
      a.label(lab('fpos'));
      a.push(ebx).push(esi);
      a.mov(esi, eax); // candidate start
      a.label(outer);
      a.mov(eax, esi).add(eax, dword(edx, STR.length)).cmp(eax, dword(edi, STR.length)).ja(notFound);
      a.xor(ecx, ecx);
      a.label(inner).cmp(ecx, dword(edx, STR.length)).je(found);
      a.push(ecx).add(ecx, esi);
      loadUnit(a, edi, ecx, eax, lab('ta'), lab('ga'));
      a.pop(ecx);
      loadUnit(a, edx, ecx, ebx, lab('tb'), lab('gb'));
      a.cmp(eax, ebx).jne(next).add(ecx, 1).jmp(inner);
      a.label(next).add(esi, 1).jmp(outer);
      a.label(found).mov(eax, esi).pop(esi).pop(ebx);
      storeInt(h);
      a.label(notFound).mov(eax, -1).pop(esi).pop(ebx);
      storeInt(h);
      badArgs();
      return true;
    }
    case 'stringFromUnits': {
      const scan = lab('scan'), alloc = lab('alloc'), fill = lab('fill'), two = lab('two'), done = lab('done'), snext = lab('snext');
      cellArg(h, 0, bad);
      a.cmp(byte(eax), KIND.Array).jne(bad);
      // two bytes per unit if any unit is >= 256 (holes and non-int32 count as 0)
      a.mov(ecx, dword(eax, ARRAY_LENGTH)).xor(edx, edx);
      a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne(alloc);
      a.mov(edi, dword(eax, ARRAY_ELEMENTS));
      a.label(scan).test(ecx, ecx).jz(alloc);
      a.cmp(dword({ base: edi, index: ecx, scale: 8, disp: 0 }), 256).jb(snext).mov(edx, STRING_TWO_BYTE);
      a.label(snext).sub(ecx, 1).jmp(scan);
      a.label(alloc);
      a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('str_alloc');
      argAddr(h, edi, 0);
      a.mov(edi, dword(edi)).mov(edi, dword(edi, ARRAY_ELEMENTS));
      a.xor(ecx, ecx);
      a.label(fill).cmp(ecx, dword(eax, STR.length)).je(done);
      a.mov(edx, dword({ base: edi, index: ecx, scale: 8, disp: 8 }));
      a.cmp(dword({ base: edi, index: ecx, scale: 8, disp: 12 }), TAG.int).je(lab('isint')).xor(edx, edx);
      a.label(lab('isint'));
      a.test(dword(eax), STRING_TWO_BYTE).jnz(two);
      a.mov(byte({ base: eax, index: ecx, disp: STR.units }), dl).add(ecx, 1).jmp(fill);
      a.label(two).mov(word({ base: eax, index: ecx, scale: 2, disp: STR.units }), dx).add(ecx, 1).jmp(fill);
      a.label(done);
      storeCell(h, 0);
      h.next();
      badArgs();
      return true;
    }
    case 'doubleBits': {
      numArg(h, 0);
      a.sub(esp, 8).movsd(qword(esp), xmm0);
      argAddr(h, edx, 1);
      a.mov(ecx, dword(edx));
      a.mov(eax, dword({ base: esp, index: ecx, scale: 4 })).add(esp, 8);
      a.test(eax, eax).js(lab('big'));
      storeInt(h);
      a.label(lab('big'));
      h.storeTag(0, TAG.uint);
      h.next();
      return true;
    }
    case 'doubleFromBits': {
      a.sub(esp, 8);
      intArg(h, 0);
      a.mov(dword(esp), eax);
      intArg(h, 1);
      a.mov(dword(esp, 4), eax);
      a.movsd(xmm0, qword(esp)).add(esp, 8);
      a.ucomisd(xmm0, xmm0).jnp(lab('num')).movsd(xmm0, qword(sym('f64_nan')));
      a.label(lab('num'));
      storeNumber(h);
      return true;
    }
    case 'mathSqrt':
      numArg(h, 0);
      a.sqrtsd(xmm0, xmm0);
      storeNumber(h);
      return true;
    case 'mathTrunc':
    case 'mathFloor':
    case 'mathCeil': {
      numArg(h, 0);
      a.movsd(xmm1, xmm0);
      truncXmm0(a);
      if (name !== 'mathTrunc') {
        // floor: x < trunc(x)... i.e. subtract 1 when x < 0 and not integral; ceil: add 1 when x > 0
        const keep = lab('keep');
        a.ucomisd(xmm1, xmm0).jp(keep).je(keep);
        if (name === 'mathFloor') a.jae(keep).subsd(xmm0, qword(sym('f64_one')));
        else a.jbe(keep).addsd(xmm0, qword(sym('f64_one')));
        a.label(keep);
      }
      storeNumber(h);
      return true;
    }
    case 'defineProperty':
    case 'defineAccessor': {
      cellArg(h, 0, bad);
      isPropObject(a, eax, bad);
      if (name === 'defineAccessor') {
        a.mov(ecx, 2).call('new_vector');
        argAddr(h, ecx, 2);
        copyValue(a, at(eax, 8), at(ecx), edx);
        copyValue(a, at(eax, 16), at(ecx, 8), edx);
        a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
        argAddr(h, eax, 4);
        a.call('num_to_int32').and(eax, 5).or(eax, ATTR_ACCESSOR).mov(var32('def_attr'), eax);
      } else {
        argAddr(h, eax, 3);
        a.call('num_to_int32').and(eax, 7).mov(var32('def_attr'), eax);
      }
      argAddr(h, eax, 1);
      a.call('elem_key').mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
      argAddr(h, eax, 0);
      copyValue(a, rootW('tmp0'), at(eax), ecx);
      if (name === 'defineProperty') {
        argAddr(h, eax, 2);
        copyValue(a, rootW('tmp2'), at(eax), ecx);
      }
      a.call('define_prop');
      argAddr(h, eax, 0);
      h.reg(ecx, 0);
      copyValue(a, valueAt(ecx), at(eax), edx);
      h.next();
      badArgs();
      return true;
    }
    case 'propertyFlags':
    case 'getOwnAccessor': {
      const absent = lab('absent'), notArr = lab('notarr'), notStr = lab('notstr'), notFn = lab('notfn'), own = lab('own');
      argAddr(h, eax, 1);
      a.call('elem_key');
      argAddr(h, eax, 0);
      a.cmp(dword(eax, 4), TAG.cell).jne(absent);
      a.mov(eax, dword(eax));
      if (name === 'propertyFlags') {
        const val = (v: number) => { a.mov(eax, v); storeInt(h); };
        // a typed array's elements: enumerable, writable, configurable; no other integer key
        jumpUnlessTyped(a, eax, lab('not_typed'));
        a.cmp(ecx, TAG.int).jne(own).cmp(edx, dword(eax, VIEW_LENGTH)).jae(absent);
        val(7);
        a.label(lab('not_typed'));
        a.cmp(byte(eax), KIND.Array).jne(notArr);
        a.cmp(ecx, TAG.cell).jne(lab('arr_int')).cmp(edx, root('sLength')).jne(own);
        val(2);
        a.label(lab('arr_int')).cmp(ecx, TAG.int).jne(own).cmp(edx, dword(eax, ARRAY_LENGTH)).jae(own);
        a.mov(edi, dword(eax, ARRAY_ELEMENTS)).cmp(dword({ base: edi, index: edx, scale: 8, disp: 12 }), TAG.hole).je(own);
        a.test(byte(eax, 1), OBJ_FROZEN >> 8).jz(lab('arr_live'));
        val(1);
        a.label(lab('arr_live'));
        val(7);
        a.label(notArr).cmp(byte(eax), KIND.String).jne(notStr);
        a.cmp(ecx, TAG.cell).jne(lab('str_int')).cmp(edx, root('sLength')).jne(absent);
        val(0);
        a.label(lab('str_int')).cmp(ecx, TAG.int).jne(absent).cmp(edx, dword(eax, STR.length)).jae(absent);
        val(1);
        a.label(notStr);
        isPropObject(a, eax, absent);
        a.label(own).mov(edi, eax).call('prop_find').test(eax, eax).jz(notFn);
        a.mov(ecx, dword(eax, 16)).test(ecx, ATTR_ACCESSOR).jz(lab('data'));
        a.mov(edx, dword(eax, 8)).and(ecx, 5);
        a.cmp(dword(edx, 12), TAG.cell).jne(lab('noget')).or(ecx, 8);
        a.label(lab('noget')).cmp(dword(edx, 20), TAG.cell).jne(lab('data')).or(ecx, 16);
        a.label(lab('data')).mov(eax, ecx).and(eax, 31);
        storeInt(h);
        a.label(notFn).cmp(byte(edi), KIND.Function).jne(absent);
        a.cmp(ecx, TAG.cell).jne(absent);
        a.cmp(edx, root('sLength')).je(lab('fn_virtual')).cmp(edx, root('sName')).jne(absent);
        a.label(lab('fn_virtual'));
        val(4);
        a.label(absent);
        val(-1);
      } else {
        a.cmp(byte(eax), KIND.String).je(absent);
        isPropObject(a, eax, absent);
        a.call('prop_find').test(eax, eax).jz(absent);
        a.test(byte(eax, 16), ATTR_ACCESSOR).jz(absent);
        a.mov(edi, dword(eax, 8));
        argAddr(h, eax, 2);
        a.mov(eax, dword(eax)).and(eax, 1);
        h.reg(ecx, 0);
        copyValue(a, valueAt(ecx), (w) => dword({ base: edi, index: eax, scale: 8, disp: 8 + w }), edx);
        h.next();
        a.label(absent);
        loadTag(h, TAG.undef);
        void notArr; void notStr; void notFn; void own;
      }
      return true;
    }
    case 'deleteProperty': {
      const no = lab('no');
      argAddr(h, eax, 1);
      a.call('elem_key');
      argAddr(h, eax, 0);
      a.cmp(dword(eax, 4), TAG.cell).jne(bad);
      a.mov(eax, dword(eax));
      isPropObject(a, eax, bad);
      a.call('delete_own');
      h.storeTag(0, TAG.bool);
      h.next();
      badArgs();
      void no;
      return true;
    }
    case 'ownKeys':
      ownKeysNative(h, bad);
      badArgs();
      return true;
    case 'captureStack':
      captureStackNative(h);
      return true;
    default:
      return false;
  }
}

/** ownKeys(obj, flags): own string keys, integer keys ascending first, then insertion order;
 *  then, with flags bit 1, the symbol keys in insertion order. Bit 0: enumerable only. */
function ownKeysNative(h: H, bad: string, objAddr: (r: Reg) => void = (r) => argAddr(h, r, 0), enumOnly?: number): void {
  const a = h.a, memo = new Map<string, string>(), L = (x: string) => { let l = memo.get(x); if (!l) { l = h.label(`ok_${x}`); memo.set(x, l); } return l; };
  const idxLoop = L('idx'), idxDone = L('idxdone'), idxNext = L('idxnext'), intLoop = L('int'), intScan = L('intscan'),
    intNext = L('intnext'), intDone = L('intdone'), strLoop = L('str'), strNext = L('strnext'), done = L('done'),
    noTable = L('notable'), sized = L('sized');
  // [esp] = result count, [esp+4] = index / last int key, [esp+8] = flags
  const objectToEdi = () => { objAddr(edi); a.mov(edi, dword(edi)); };
  /** Append the string eax (interned) to the result vector (tmp5). */
  const append = () => {
    a.call('intern');
    a.mov(ecx, root('tmp5')).mov(edx, dword(esp));
    a.mov(dword({ base: ecx, index: edx, scale: 8, disp: 8 }), eax).mov(dword({ base: ecx, index: edx, scale: 8, disp: 12 }), TAG.cell);
    a.add(dword(esp), 1);
  };
  /** Append the key eax (a symbol, or a string already interned) as it is. */
  const appendSymbol = () => {
    a.mov(ecx, root('tmp5')).mov(edx, dword(esp));
    a.mov(dword({ base: ecx, index: edx, scale: 8, disp: 8 }), eax).mov(dword({ base: ecx, index: edx, scale: 8, disp: 12 }), TAG.cell);
    a.add(dword(esp), 1);
  };
  objAddr(ecx);
  a.cmp(dword(ecx, 4), TAG.cell).jne(bad).mov(eax, dword(ecx));
  a.cmp(byte(eax), KIND.String).je(L('okobj'));
  isPropObject(a, eax, bad);
  a.label(L('okobj'));
  if (enumOnly === undefined) {
    argAddr(h, ecx, 1);
    a.mov(ecx, dword(ecx)).and(ecx, 3);
  } else a.mov(ecx, enumOnly);
  a.push(ecx).push(-1).push(0);
  // capacity: indices + property count
  a.xor(ecx, ecx);
  a.cmp(byte(eax), KIND.String).jne(L('nostrlen')).mov(ecx, dword(eax, STR.length)).jmp(sized);
  a.label(L('nostrlen')).cmp(byte(eax), KIND.Array).jne(L('notarr')).mov(ecx, dword(eax, ARRAY_LENGTH)).jmp(L('noarrlen'));
  a.label(L('notarr'));
  jumpUnlessTyped(a, eax, L('noarrlen'));
  a.mov(ecx, dword(eax, VIEW_LENGTH));
  a.label(L('noarrlen')).cmp(dword(eax, PROPS + 4), TAG.cell).jne(sized);
  a.mov(edx, dword(eax, PROPS)).add(ecx, dword(edx, PT_COUNT));
  a.label(sized);
  a.call('new_vector').mov(root('tmp5'), eax).mov(root('tmp5', 4), TAG.cell);
  // index keys of strings and arrays
  a.mov(dword(esp, 4), 0);
  a.label(idxLoop);
  objectToEdi();
  a.mov(eax, dword(esp, 4));
  a.cmp(byte(edi), KIND.String).jne(L('idxarr'));
  a.cmp(eax, dword(edi, STR.length)).jae(idxDone).jmp(L('idxemit'));
  a.label(L('idxarr')).cmp(byte(edi), KIND.Array).je(L('idxisarr'));
  // a typed array's indices
  jumpUnlessTyped(a, edi, idxDone);
  a.cmp(eax, dword(edi, VIEW_LENGTH)).jae(idxDone).jmp(L('idxemit'));
  a.label(L('idxisarr'));
  a.cmp(eax, dword(edi, ARRAY_LENGTH)).jae(idxDone);
  a.mov(edx, dword(edi, ARRAY_ELEMENTS)).cmp(dword({ base: edx, index: eax, scale: 8, disp: 12 }), TAG.hole).je(idxNext);
  a.label(L('idxemit'));
  a.xor(edx, edx).call('int_to_string');
  append();
  a.label(idxNext).add(dword(esp, 4), 1).jmp(idxLoop);
  a.label(idxDone);
  // integer keys of the property table, ascending: repeatedly the smallest above the last
  a.mov(dword(esp, 4), -1);
  a.label(intLoop);
  objectToEdi();
  a.cmp(byte(edi), KIND.String).je(done);
  a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(done);
  a.mov(edi, dword(edi, PROPS)).mov(ecx, dword(edi, PT_COUNT)).add(edi, PT_ENTRIES);
  a.mov(eax, -1); // best (unsigned max: none)
  a.label(intScan).test(ecx, ecx).jz(intDone);
  a.cmp(dword(edi, 4), TAG.int).jne(intNext);
  a.test(dword(esp, 8), 1).jz(L('intany')).test(byte(edi, 16), 1).jz(intNext);
  a.label(L('intany'));
  a.mov(edx, dword(edi));
  a.cmp(dword(esp, 4), -1).je(L('intfirst')).cmp(edx, dword(esp, 4)).jbe(intNext);
  a.label(L('intfirst')).cmp(edx, eax).jae(intNext).mov(eax, edx);
  a.label(intNext).add(edi, PT_ENTRY_SIZE).sub(ecx, 1).jmp(intScan);
  a.label(intDone).cmp(eax, -1).je(L('strs'));
  a.mov(dword(esp, 4), eax);
  a.xor(edx, edx).call('int_to_string');
  append();
  a.jmp(intLoop);
  // string keys in insertion order
  a.label(L('strs')).mov(dword(esp, 4), 0);
  a.label(strLoop);
  objectToEdi();
  a.mov(edi, dword(edi, PROPS)).mov(eax, dword(esp, 4)).cmp(eax, dword(edi, PT_COUNT)).jae(L('syms'));
  a.imul(eax, eax, PT_ENTRY_SIZE).lea(edi, mem({ base: edi, index: eax, disp: PT_ENTRIES }));
  a.cmp(dword(edi, 4), TAG.cell).jne(strNext);
  a.mov(eax, dword(edi)).cmp(byte(eax), KIND.String).jne(strNext);
  a.test(dword(esp, 8), 1).jz(L('strany')).test(byte(edi, 16), 1).jz(strNext);
  a.label(L('strany'));
  appendSymbol(); // a table's string keys are interned already
  a.label(strNext).add(dword(esp, 4), 1).jmp(strLoop);
  // symbol keys in insertion order (flags bit 1)
  a.label(L('syms')).test(dword(esp, 8), 2).jz(done);
  a.mov(dword(esp, 4), 0);
  a.label(L('sym'));
  objectToEdi();
  a.mov(edi, dword(edi, PROPS)).mov(eax, dword(esp, 4)).cmp(eax, dword(edi, PT_COUNT)).jae(done);
  a.imul(eax, eax, PT_ENTRY_SIZE).lea(edi, mem({ base: edi, index: eax, disp: PT_ENTRIES }));
  a.cmp(dword(edi, 4), TAG.cell).jne(L('symnext'));
  a.mov(eax, dword(edi)).cmp(byte(eax), KIND.Symbol).jne(L('symnext'));
  a.test(dword(esp, 8), 1).jz(L('symany')).test(byte(edi, 16), 1).jz(L('symnext'));
  a.label(L('symany'));
  appendSymbol();
  a.label(L('symnext')).add(dword(esp, 4), 1).jmp(L('sym'));
  a.label(done);
  a.pop(ecx).add(esp, 8);
  a.mov(eax, root('tmp5')).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell).mov(root('tmp5', 4), TAG.undef);
  a.call('array_from_vector');
  storeCell(h, 0);
  if (enumOnly === undefined) h.next();
  void noTable;
}

/** Frames a stack lists: Node's default Error.stackTraceLimit (changing it is not seen). */
const STACK_TRACE_LIMIT = 10;

/** captureStack(skip): "\n    at NAME (FILE:LINE:COL)" per frame, innermost first, at most STACK_TRACE_LIMIT. */
function captureStackNative(h: H): void {
  const a = h.a, memo = new Map<string, string>(), L = (x: string) => { let l = memo.get(x); if (!l) { l = h.label(`cs_${x}`); memo.set(x, l); } return l; };
  const frames = L('frames'), next = L('next'), done = L('done'), anon = L('anon'), named = L('named'), nopos = L('nopos'),
    found = L('found'), scan = L('scan'), emitName = L('emitname');
  const put = (text: string) => { a.push(esi).mov(esi, sym(cstring(a, text))).call('cs_puts').pop(esi); };
  argAddr(h, eax, 0);
  a.call('num_to_int32').push(eax); // [esp + 4] = frames still to skip
  a.push(STACK_TRACE_LIMIT); // [esp] = frames still to print
  a.mov(var32('str_buf_len'), 0);
  // the current frame's position is the current instruction; callers' are their call
  saveNextPc(h);
  a.lea(edi, mem(ebp, -FRAME_REGS));
  a.label(frames);
  a.cmp(dword(esp, 4), 0).jle(L('emit')).sub(dword(esp, 4), 1).jmp(next);
  a.label(L('emit'));
  a.cmp(dword(esp), 0).jle(done).sub(dword(esp), 1);
  a.cmp(var32('str_buf_len'), 3900).ja(done);
  put('\n    at ');
  a.mov(eax, dword(edi, slot(FRAME_SLOT.function))).mov(eax, dword(eax, FN_INDEX)).shl(eax, 5);
  a.mov(ecx, dword({ base: eax, disp: FN_RECORDS.plus(8) })).cmp(ecx, -1).je(anon);
  a.mov(edx, root('constants')).mov(eax, dword({ base: edx, index: ecx, scale: 8, disp: 8 }));
  a.cmp(dword(eax, STR.length), 0).jne(named);
  a.label(anon);
  put('<anonymous>');
  a.jmp(emitName);
  a.label(named).call('cs_put_string');
  a.label(emitName);
  // the source position: the last map entry at or before pc - 1
  a.mov(eax, dword(edi, slot(FRAME_SLOT.function))).mov(eax, dword(eax, FN_INDEX)).shl(eax, 5);
  a.lea(eax, mem({ base: eax, disp: FN_RECORDS }));
  a.mov(ecx, dword(eax, 24)).test(ecx, ecx).jz(nopos);
  a.mov(edx, dword(eax, 20)).add(edx, sym(TSBC)); // entries
  a.push(ebx).mov(ebx, dword(edi, slot(FRAME_SLOT.pc))).sub(ebx, 1).xor(eax, eax); // eax = best entry
  a.label(scan).cmp(dword(edx), ebx).jg(found);
  a.mov(eax, edx).add(edx, 12).sub(ecx, 1).jnz(scan);
  a.label(found).pop(ebx);
  a.test(eax, eax).jz(nopos);
  a.push(eax);
  put(' (');
  a.mov(eax, dword(esp)).movzx(eax, word(eax, 4));
  a.mov(ecx, dword(sym(TSBC).plus(28))).add(ecx, sym(TSBC)).mov(edx, dword({ base: ecx, index: eax, scale: 4 })).add(edx, sym(TSBC));
  a.call('cs_put_record');
  put(':');
  a.mov(eax, dword(esp)).mov(eax, dword(eax, 8)).call('cs_put_dec');
  put(':');
  a.pop(eax).movzx(eax, word(eax, 6)).add(eax, 1).call('cs_put_dec');
  put(')');
  a.label(nopos);
  a.label(next);
  a.cmp(dword(edi, slot(FRAME_SLOT.caller) + 4), TAG.cell).jne(done);
  a.mov(edi, dword(edi, slot(FRAME_SLOT.caller))).jmp(frames);
  a.label(done).add(esp, 8);
  a.mov(ecx, var32('str_buf_len')).mov(byte({ base: ecx, disp: sym('str_buf') }), 0);
  a.mov(edx, sym('str_buf')).call('str_from_cstring');
  storeCell(h, 0);
  h.next();
}

/** Routines for captureStack: append to str_buf (Latin-1 bytes; wider units become '?'). */
function emitStackRoutines(a: X86Assembler): void {
  const putc = () => {
    a.push(ecx).mov(ecx, var32('str_buf_len')).cmp(ecx, 4000).jae('csp_full');
    a.mov(byte({ base: ecx, disp: sym('str_buf') }), al).add(var32('str_buf_len'), 1);
    a.label('csp_full').pop(ecx).ret();
  };
  routine(a, 'cs_putc', putc); // al = byte
  routine(a, 'cs_puts', () => { // esi = C string
    a.push(eax).push(esi);
    a.label('csps_loop').mov(al, byte(esi)).test(al, al).jz('csps_done').call('cs_putc').add(esi, 1).jmp('csps_loop');
    a.label('csps_done').pop(esi).pop(eax).ret();
  });
  routine(a, 'cs_put_string', () => { // eax = heap string
    a.push(eax).push(ecx).push(edx).push(esi);
    a.mov(esi, eax).xor(ecx, ecx);
    a.label('cpst_loop').cmp(ecx, dword(esi, STR.length)).jae('cpst_done');
    loadUnit(a, esi, ecx, eax, 'cpst_two', 'cpst_got');
    a.cmp(eax, 256).jb('cpst_put').mov(eax, 0x3f);
    a.label('cpst_put').call('cs_putc').add(ecx, 1).jmp('cpst_loop');
    a.label('cpst_done').pop(esi).pop(edx).pop(ecx).pop(eax).ret();
  });
  routine(a, 'cs_put_record', () => { // edx = .tsbc string record
    a.push(eax).push(ecx).push(esi);
    a.mov(ecx, dword(edx)).lea(esi, mem(edx, 8));
    a.cmp(dword(edx, 4), 1).je('cpr_loop');
    a.label('cpr_two').test(ecx, ecx).jz('cpr_done').movzx(eax, word(esi)).cmp(eax, 256).jb('cpr_two_put').mov(eax, 0x3f);
    a.label('cpr_two_put').call('cs_putc').add(esi, 2).sub(ecx, 1).jmp('cpr_two');
    a.label('cpr_loop').test(ecx, ecx).jz('cpr_done').mov(al, byte(esi)).call('cs_putc').add(esi, 1).sub(ecx, 1).jmp('cpr_loop');
    a.label('cpr_done').pop(esi).pop(ecx).pop(eax).ret();
  });
  routine(a, 'cs_put_dec', () => { // eax = unsigned
    a.push(eax).push(ecx).push(edx);
    a.mov(ecx, 10).xor(edx, edx).div(ecx);
    a.test(eax, eax).jz('cpd_last').call('cs_put_dec');
    a.label('cpd_last').mov(eax, edx).add(eax, 0x30).call('cs_putc');
    a.pop(edx).pop(ecx).pop(eax).ret();
  });
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

function emitThrowNotCallable(a: X86Assembler): void {
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

/** Throw "<prefix><tmp3><suffix>" (tmp3 = a string). */
export function throwTmp3(a: X86Assembler, prefix: string, suffix: string): void {
  a.mov(eax, sym(cstring(a, prefix))).mov(edx, sym(cstring(a, suffix))).jmp('interp_throw_message');
}

/** tmp3 = the property key edx:ecx as a string. May allocate. */
export function keyToTmp3(a: X86Assembler): void {
  a.call('key_to_string').mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
}

export function emitObjectModel(a: X86Assembler): void {
  emitStackRoutines(a);

  // interp_throw_value (jump target): eax:edx = a primitive, ecx = prefix, edi = suffix (C
  // strings). Throws "<prefix><the value as V8's messages show it><suffix>" (strings as
  // they are, symbols as "Symbol(desc)", numbers as String(n): a non-integral one through
  // the prelude's Number.prototype.toString, with a continuation).
  a.section('.bss', { nobits: true }).align(4);
  for (const v of ['tv_prefix', 'tv_suffix']) a.label(v).space(4);
  a.section('.text');
  routine(a, 'interp_throw_value', () => {
    a.mov(var32('tv_prefix'), ecx).mov(var32('tv_suffix'), edi);
    a.push(edx).push(eax).mov(eax, esp).call('display_string');
    a.test(eax, eax).jz('tv_number');
    a.add(esp, 8);
    a.label('tv_throw');
    a.mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
    a.mov(eax, var32('tv_prefix')).mov(edx, var32('tv_suffix')).jmp('interp_throw_message');
    a.label('tv_number');
    a.pop(eax).pop(edx);
    a.mov(root('tmp1'), eax).mov(root('tmp1', 4), edx);
    a.mov(eax, root('intrinsics'));
    a.cmp(dword(eax, slot(4) + 4), TAG.cell).jne('tv_none');
    a.mov(eax, dword(eax, slot(4))).mov(edx, root('sToString')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.cell).jne('tv_none').cmp(byte(eax), KIND.Function).jne('tv_none');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(var32('call_first'), 0).mov(var32('call_argc'), 0);
    a.mov(var32('call_cont'), sym('tv_converted'));
    saveResumePc(a);
    a.jmp('interp_enter_frame');
    a.label('tv_converted').cmp(edx, TAG.cell).je('tv_throw');
    a.label('tv_none');
    fatal(a, 'a message needs the prelude\'s Number.prototype.toString (not registered)');
  });

  // throw_value_not_callable (jump target): eax:edx = a value that was to be called (an
  // iterator's next). The prelude's NotCallable (Intrinsic 28) throws TypeError "<value> is
  // not a function" as V8 words it ("number 5", "undefined"...).
  routine(a, 'throw_value_not_callable', () => {
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), edx);
    intrinsicFunction(a, 28, 'tnc_plain');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 1).call('new_vector');
    copyValue(a, at(eax, 8), rootW('tmp2'), ecx);
    a.mov(root('tmp2', 4), TAG.undef);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_first'), -1).mov(var32('call_argc'), 1);
    a.mov(var32('call_cont'), sym('tnc_returned'));
    saveResumePc(a);
    a.jmp('interp_enter_frame');
    a.label('tnc_returned');
    fatal(a, 'the registered NotCallable returned');
    a.label('tnc_plain');
    a.mov(eax, root('tmp2')).mov(edx, root('tmp2', 4)).mov(root('tmp2', 4), TAG.undef);
    a.mov(ecx, sym(cstring(a, 'TypeError: '))).mov(edi, sym(cstring(a, ' is not a function'))).jmp('interp_throw_value');
  });

  // fn_lazy_prototype: edi = an ordinary function without an own `prototype`. Gives it one
  // (a new object whose `constructor` is the function; writable, not enumerable or
  // configurable) and returns it in eax. May allocate; preserves tmp0-2, ecx, esi, ebx.
  routine(a, 'fn_lazy_prototype', () => {
    const saves = [['tmp0', 'sav0'], ['tmp1', 'sav1'], ['tmp2', 'sav2']] as const;
    a.push(ecx);
    for (const [t, sv] of saves) copyValue(a, rootW(sv), rootW(t), eax);
    a.mov(root('sav3'), edi).mov(root('sav3', 4), TAG.cell);
    a.mov(eax, sym('vm_roots').plus(rootOffset('objectProto'))).call('new_plain_object');
    a.mov(root('sav4'), eax).mov(root('sav4', 4), TAG.cell);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    copyValue(a, rootW('tmp1'), rootW('sConstructor'), ecx);
    copyValue(a, rootW('tmp2'), rootW('sav3'), ecx);
    a.mov(var32('def_attr'), 0b0110).call('define_prop');
    copyValue(a, rootW('tmp0'), rootW('sav3'), ecx);
    copyValue(a, rootW('tmp1'), rootW('sPrototype'), ecx);
    copyValue(a, rootW('tmp2'), rootW('sav4'), ecx);
    a.mov(var32('def_attr'), 0b0010).call('define_prop');
    for (const [t, sv] of saves) copyValue(a, rootW(t), rootW(sv), eax);
    a.mov(eax, root('sav4'));
    for (const sv of ['sav0', 'sav1', 'sav2', 'sav3', 'sav4'] as const) a.mov(root(sv, 4), TAG.undef);
    a.pop(ecx).ret();
  });

  // fix_null_protos: eax = a prototype just registered, ecx = a kind. Every object of
  // that kind in the heap whose [[Prototype]] is null (made before the registration) gets
  // eax, the registered object itself excepted. Preserves everything but edi.
  routine(a, 'fix_null_protos', () => {
    a.push(edx).mov(edi, var32('from_base'));
    a.label('fnp_loop').cmp(edi, var32('heap_ptr')).jae('fnp_done');
    a.movzx(edx, byte(edi)).cmp(edx, ecx).jne('fnp_next');
    a.cmp(edi, eax).je('fnp_next');
    a.cmp(dword(edi, PROTO + 4), TAG.null).jne('fnp_next');
    a.mov(dword(edi, PROTO), eax).mov(dword(edi, PROTO + 4), TAG.cell);
    a.label('fnp_next').add(edi, dword(edi, 4)).jmp('fnp_loop');
    a.label('fnp_done').pop(edx).ret();
  });

  // delete_own: eax = object (Object, Array or Function), edx:ecx = key. Deletes the own
  // property: eax = 1 (deleted or absent) or 0 (not configurable, or the object is
  // frozen/sealed). Array elements become holes. Clobbers ecx, edx, edi.
  routine(a, 'delete_own', () => {
    a.cmp(byte(eax), KIND.Array).jne('do_props');
    a.cmp(ecx, TAG.int).jne('do_arr_len');
    a.test(byte(eax, 1), OBJ_FROZEN >> 8).jnz('do_no');
    a.cmp(edx, dword(eax, ARRAY_LENGTH)).jae('do_yes');
    a.mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(dword({ base: eax, index: edx, scale: 8, disp: 8 }), 0).mov(dword({ base: eax, index: edx, scale: 8, disp: 12 }), TAG.hole);
    a.jmp('do_yes');
    a.label('do_arr_len').cmp(ecx, TAG.cell).jne('do_props').cmp(edx, root('sLength')).je('do_no');
    a.label('do_props');
    a.mov(edi, eax).call('prop_find').test(eax, eax).jz('do_yes');
    a.test(byte(eax, 16), 4).jz('do_no');
    // remove the entry: move the following ones down (keeps insertion order)
    a.mov(edi, dword(edi, PROPS));
    a.push(esi);
    a.mov(edx, dword(edi, PT_COUNT)).imul(edx, edx, PT_ENTRY_SIZE).lea(edx, mem({ base: edi, index: edx, disp: PT_ENTRIES })); // end
    a.label('do_shift').lea(esi, mem(eax, PT_ENTRY_SIZE)).cmp(esi, edx).jae('do_last');
    for (let k = 0; k < PT_ENTRY_SIZE; k += 4) a.mov(ecx, dword(esi, k)).mov(dword(eax, k), ecx);
    a.add(eax, PT_ENTRY_SIZE).jmp('do_shift');
    a.label('do_last');
    for (let k = 0; k < PT_ENTRY_SIZE; k += 8) a.mov(dword(eax, k), 0).mov(dword(eax, k + 4), TAG.undef);
    a.sub(dword(edi, PT_COUNT), 1);
    a.pop(esi);
    a.label('do_yes').mov(eax, 1).ret();
    a.label('do_no').xor(eax, eax).ret();
  });

  // unit_string: eax = a UTF-16 unit. eax = a new one-unit string. May allocate.
  routine(a, 'unit_string', () => {
    a.push(ecx).push(edx).push(eax);
    a.mov(ecx, 1).xor(edx, edx).cmp(eax, 256).jb('us_one').mov(edx, STRING_TWO_BYTE);
    a.label('us_one').call('str_alloc').pop(ecx);
    a.test(dword(eax), STRING_TWO_BYTE).jnz('us_two');
    a.mov(byte(eax, STR.units), cl).jmp('us_done');
    a.label('us_two').mov(word(eax, STR.units), cx);
    a.label('us_done').pop(edx).pop(ecx).ret();
  });

  // has_prop: eax = object (Object, Array, Function or String), edx:ecx = key. eax = 1 if
  // it has the property, own or inherited (as `in`), else 0. Preserves the rest.
  routine(a, 'has_prop', () => {
    a.push(edi).mov(edi, eax);
    a.label('hp_walk');
    a.cmp(byte(edi), KIND.String).jne('hp_not_str');
    a.cmp(ecx, TAG.cell).jne('hp_str_int').cmp(edx, root('sLength')).je('hp_yes');
    a.label('hp_str_int').cmp(ecx, TAG.int).jne('hp_str_proto').cmp(edx, dword(edi, STR.length)).jb('hp_yes');
    a.label('hp_str_proto').mov(edi, root('intrinsics'));
    a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne('hp_no');
    a.mov(edi, dword(edi, slot(3)));
    a.label('hp_not_str');
    a.cmp(byte(edi), KIND.Array).jne('hp_not_array');
    a.cmp(ecx, TAG.cell).jne('hp_arr_int').cmp(edx, root('sLength')).je('hp_yes');
    a.label('hp_arr_int').cmp(ecx, TAG.int).jne('hp_own').cmp(edx, dword(edi, ARRAY_LENGTH)).jae('hp_own');
    a.mov(eax, dword(edi, ARRAY_ELEMENTS)).cmp(dword({ base: eax, index: edx, scale: 8, disp: 12 }), TAG.hole).jne('hp_yes');
    a.jmp('hp_own');
    a.label('hp_not_array');
    jumpUnlessTyped(a, edi, 'hp_not_typed');
    a.cmp(ecx, TAG.int).jne('hp_own').cmp(edx, dword(edi, VIEW_LENGTH)).jb('hp_yes').jmp('hp_no');
    a.label('hp_not_typed').cmp(byte(edi), KIND.Function).jne('hp_own');
    a.cmp(ecx, TAG.cell).jne('hp_own');
    a.cmp(edx, root('sLength')).je('hp_yes').cmp(edx, root('sName')).je('hp_yes');
    a.cmp(edx, root('sPrototype')).jne('hp_own');
    a.mov(eax, dword(edi, FN_INDEX)).shl(eax, 5);
    a.test(word({ base: eax, disp: FN_RECORDS.plus(18) }), 0b1111011).jz('hp_yes'); // no prototype: arrow, class, method, async, top level, generator (its own is made at Closure)
    a.label('hp_own').mov(eax, edi).call('prop_find').test(eax, eax).jnz('hp_yes');
    a.cmp(dword(edi, PROTO + 4), TAG.cell).jne('hp_no');
    a.mov(edi, dword(edi, PROTO)).jmp('hp_walk');
    a.label('hp_yes').mov(eax, 1).pop(edi).ret();
    a.label('hp_no').xor(eax, eax).pop(edi).ret();
  });

  // assign_prop: tmp0 = object (Object, Array or Function), tmp1 = key, tmp2 = value:
  // obj[key] = value as strict code assigns. eax = 0 when done, or a setter Function the
  // caller must call with this = the object and the value. Throws TypeError for read-only
  // properties, getter-only accessors and new properties of non-extensible objects; sets
  // an array's length (truncating). May allocate. Clobbers ecx, edx, edi.
  routine(a, 'assign_prop', () => {
    a.mov(eax, root('tmp0')).mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    // a typed array's integer key: its element (the machine's conversion), never a property
    jumpUnlessTyped(a, eax, 'ap_not_typed');
    a.cmp(ecx, TAG.int).jne('ap_not_typed');
    a.mov(edi, eax).mov(eax, sym('vm_roots').plus(rootOffset('tmp2'))).call('ta_set_index');
    a.jmp('ap_done');
    a.label('ap_not_typed');
    a.cmp(byte(eax), KIND.Array).jne('ap_find');
    a.cmp(ecx, TAG.int).jne('ap_arr_len');
    a.test(edx, edx).js('ap_find');
    a.test(byte(eax, 1), OBJ_FROZEN >> 8).jnz('ap_readonly');
    a.cmp(edx, dword(eax, ARRAY_LENGTH)).jb('ap_arr_set');
    a.test(byte(eax, 1), OBJ_NOT_EXTENSIBLE >> 8).jnz('ap_notext');
    a.label('ap_arr_set').mov(ecx, edx).call('array_set').xor(eax, eax).ret();
    a.label('ap_arr_len').cmp(ecx, TAG.cell).jne('ap_find').cmp(edx, root('sLength')).je('ap_length');
    a.label('ap_find').call('prop_find').test(eax, eax).jz('ap_inherit');
    a.test(byte(eax, 16), ATTR_ACCESSOR).jnz('ap_accessor');
    a.test(byte(eax, 16), 2).jz('ap_readonly');
    copyValue(a, at(eax, 8), rootW('tmp2'), ecx);
    a.jmp('ap_done');
    a.label('ap_inherit').mov(edi, root('tmp0'));
    a.label('ap_inherit_loop').cmp(dword(edi, PROTO + 4), TAG.cell).jne('ap_add');
    a.mov(edi, dword(edi, PROTO)).mov(eax, edi).call('prop_find').test(eax, eax).jz('ap_inherit_loop');
    a.test(byte(eax, 16), ATTR_ACCESSOR).jnz('ap_accessor');
    a.test(byte(eax, 16), 2).jz('ap_readonly');
    a.label('ap_add').mov(eax, root('tmp0')).test(byte(eax, 1), OBJ_NOT_EXTENSIBLE >> 8).jnz('ap_notext');
    a.call('set_prop').xor(eax, eax).ret();
    a.label('ap_accessor').mov(eax, dword(eax, 8));
    a.cmp(dword(eax, 20), TAG.cell).jne('ap_getter_only');
    a.mov(eax, dword(eax, 16));
    a.label('ap_clear');
    for (const t of ['tmp0', 'tmp1', 'tmp2'] as const) a.mov(root(t, 4), TAG.undef);
    a.ret();
    a.label('ap_done').xor(eax, eax).jmp('ap_clear');
    // length = n: truncate (the removed elements become holes) or grow
    a.label('ap_length');
    a.test(byte(eax, 1), OBJ_FROZEN >> 8).jnz('ap_readonly');
    a.cmp(root('tmp2', 4), TAG.int).jne('ap_bad_length');
    a.mov(ecx, root('tmp2')).test(ecx, ecx).js('ap_bad_length');
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).je('ap_done').ja('ap_grow');
    a.mov(edx, dword(eax, ARRAY_LENGTH)).mov(dword(eax, ARRAY_LENGTH), ecx);
    a.mov(edi, dword(eax, ARRAY_ELEMENTS));
    a.label('ap_trunc').cmp(ecx, edx).jae('ap_done');
    a.mov(dword({ base: edi, index: ecx, scale: 8, disp: 8 }), 0).mov(dword({ base: edi, index: ecx, scale: 8, disp: 12 }), TAG.hole);
    a.add(ecx, 1).jmp('ap_trunc');
    a.label('ap_grow').sub(ecx, 1).mov(root('tmp2'), 0).mov(root('tmp2', 4), TAG.hole);
    a.call('array_set').xor(eax, eax).ret();
    a.label('ap_bad_length');
    throwMessage(a, 'RangeError: Invalid array length');
    a.label('ap_readonly');
    a.mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    keyToTmp3(a);
    a.mov(eax, root('tmp0')).cmp(byte(eax), KIND.Array).je('ap_readonly_array');
    throwTmp3(a, 'TypeError: Cannot assign to read only property \'', '\' of object \'#<Object>\'');
    a.label('ap_readonly_array');
    throwTmp3(a, 'TypeError: Cannot assign to read only property \'', '\' of object \'[object Array]\'');
    a.label('ap_notext');
    a.mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    keyToTmp3(a);
    throwTmp3(a, 'TypeError: Cannot add property ', ', object is not extensible');
    a.label('ap_getter_only');
    a.mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    keyToTmp3(a);
    throwTmp3(a, 'TypeError: Cannot set property ', ' of #<Object> which has only a getter');
  });

  // array_from_vector: tmp0 = a ValueVector, ecx = length. eax = a new Array over it.
  // May allocate. Clears tmp0.
  routine(a, 'array_from_vector', () => {
    a.push(ecx);
    a.mov(ecx, ARRAY_SIZE).mov(edx, KIND.Array).call('heap_alloc');
    a.pop(ecx);
    copyValue(a, at(eax, PROTO), rootW('arrayProto'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    a.mov(dword(eax, ARRAY_LENGTH), ecx).mov(dword(eax, ARRAY_LENGTH + 4), TAG.int);
    copyValue(a, at(eax, ARRAY_ELEMENTS), rootW('tmp0'), edx);
    a.mov(root('tmp0', 4), TAG.undef);
    a.ret();
  });

  // new_plain_object: eax = the prototype value's address (a cell, else Object.prototype
  // is used). eax = a new Object. May allocate. Clobbers ecx, edx.
  routine(a, 'new_plain_object', () => {
    a.cmp(dword(eax, 4), TAG.cell).jne('npo_default');
    a.mov(ecx, dword(eax)).cmp(byte(ecx), KIND.Object).jb('npo_default').cmp(byte(ecx), KIND.Function).ja('npo_default');
    copyValue(a, rootW('tmp4'), at(eax), ecx);
    a.jmp('npo_alloc');
    a.label('npo_default');
    copyValue(a, rootW('tmp4'), rootW('objectProto'), ecx);
    a.label('npo_alloc');
    a.mov(ecx, OBJECT_SIZE).mov(edx, KIND.Object).call('heap_alloc');
    copyValue(a, at(eax, PROTO), rootW('tmp4'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    a.mov(root('tmp4', 4), TAG.undef);
    a.ret();
  });

  // str_compare: eax, edx = strings. eax = -1, 0 or 1 (unit by unit). Preserves the rest.
  routine(a, 'str_compare', () => {
    a.push(ebx).push(ecx).push(esi).push(edi);
    a.mov(edi, eax).xor(ecx, ecx);
    a.label('sc_loop');
    a.cmp(ecx, dword(edi, STR.length)).je('sc_end_a');
    a.cmp(ecx, dword(edx, STR.length)).je('sc_more');
    loadUnit(a, edi, ecx, eax, 'sc_ta', 'sc_ga');
    loadUnit(a, edx, ecx, ebx, 'sc_tb', 'sc_gb');
    a.add(ecx, 1).cmp(eax, ebx).jb('sc_less').ja('sc_more').jmp('sc_loop');
    a.label('sc_end_a').cmp(ecx, dword(edx, STR.length)).je('sc_eq');
    a.label('sc_less').mov(eax, -1).jmp('sc_ret');
    a.label('sc_more').mov(eax, 1).jmp('sc_ret');
    a.label('sc_eq').xor(eax, eax);
    a.label('sc_ret').pop(edi).pop(esi).pop(ecx).pop(ebx).ret();
  });

  // exp_f64: xmm0 = base, xmm1 = exponent. xmm0 = base ** exponent with CF clear when
  // the machine can do it exactly: a non-negative integral exponent whose result (and
  // every intermediate square) is an integer within 2^53, and the trivial cases. Otherwise
  // CF is set and xmm0/xmm1 are unchanged: the caller asks the prelude's Pow intrinsic.
  // Uses xmm6/xmm7 only (xmm2-xmm5 hold the interpreter's constants, FRAME_XMM).
  routine(a, 'exp_f64', () => {
    a.push(eax).push(ecx).sub(esp, 8).movsd(qword(esp), xmm0); // [esp] = the base
    a.ucomisd(xmm1, xmm1).jp('exp_nan'); // exponent NaN
    a.xorpd(xmm7, xmm7).ucomisd(xmm1, xmm7).je('exp_one'); // x ** 0 = 1
    a.ucomisd(xmm0, xmm0).jp('exp_nan');
    a.cvttsd2si(ecx, xmm1).cvtsi2sd(xmm7, ecx).ucomisd(xmm1, xmm7).jne('exp_inexact');
    a.test(ecx, ecx).js('exp_inexact');
    a.movsd(xmm6, qword(sym('f64_one'))); // result
    a.label('exp_loop');
    a.test(ecx, 1).jz('exp_sq');
    a.mulsd(xmm6, xmm0);
    a.call('exp_check6').jc('exp_inexact');
    a.label('exp_sq').shr(ecx, 1).jz('exp_done');
    a.mulsd(xmm0, xmm0);
    a.movsd(xmm7, xmm6).movsd(xmm6, xmm0).call('exp_check6').movsd(xmm6, xmm7).jc('exp_inexact');
    a.jmp('exp_loop');
    a.label('exp_done').movsd(xmm0, xmm6).jmp('exp_exact');
    a.label('exp_one').movsd(xmm0, qword(sym('f64_one'))).jmp('exp_exact');
    a.label('exp_nan').movsd(xmm0, qword(sym('f64_nan')));
    a.label('exp_exact').add(esp, 8).pop(ecx).pop(eax).clc().ret();
    a.label('exp_inexact').movsd(xmm0, qword(esp)).add(esp, 8).pop(ecx).pop(eax).stc().ret();
  });
  // exp_check6: CF clear iff xmm6 is an integer of magnitude below 2^53: then the product
  // that made it from integers was exact (rounding is monotonic and 2^53 is a double, so an
  // exact product of 2^53 or more never rounds below 2^53). Preserves every register.
  routine(a, 'exp_check6', () => {
    a.push(eax).sub(esp, 16).movsd(qword(esp), xmm6).movsd(qword(esp, 8), xmm1);
    a.and(dword(esp, 4), 0x7fff_ffff); // |xmm6|
    a.mov(eax, dword(esp, 4));
    a.cmp(eax, 0x4340_0000).jae('exp_not_exact'); // >= 2^53, Infinity, NaN
    a.cmp(eax, 0x4330_0000).jae('exp_integral'); // [2^52, 2^53): every double is integral
    // below 2^52: adding and subtracting 2^52 rounds the fraction away
    a.movsd(xmm1, qword(esp)).addsd(xmm1, qword(sym('f64_two52'))).subsd(xmm1, qword(sym('f64_two52')));
    a.ucomisd(xmm1, qword(esp)).jne('exp_not_exact');
    a.label('exp_integral').movsd(xmm1, qword(esp, 8)).add(esp, 16).pop(eax).clc().ret();
    a.label('exp_not_exact').movsd(xmm1, qword(esp, 8)).add(esp, 16).pop(eax).stc().ret();
  });
}

/** Jumps to `not` unless eax:edx is an object (an Object, Array or Function cell). */
function jumpUnlessObject(a: X86Assembler, not: string): void {
  a.cmp(edx, TAG.cell).jne(not).cmp(byte(eax), KIND.Object).jb(not).cmp(byte(eax), KIND.Function).ja(not);
}

/** TypeError "Iterator result <eax:edx> is not an object". */
function throwIteratorResult(a: X86Assembler): void {
  a.mov(ecx, sym(cstring(a, 'TypeError: Iterator result '))).mov(edi, sym(cstring(a, ' is not an object'))).jmp('interp_throw_value');
}

/** After get_prop (eax:edx): store the value into operand dst, or call the getter with
 *  this = register operand thisOp (or the frame's this when thisOp is 'frame'). */
export function finishGet(h: H, dst: number, thisOp: number | 'frame' | ((w: number) => ReturnType<typeof dword>)): void {
  const a = h.a, acc = h.label('getter'), undef = h.label('nogetter');
  a.cmp(edx, TAG_ACCESSOR).je(acc);
  storeValue(h, dst);
  h.next();
  a.label(acc);
  a.cmp(dword(eax, 12), TAG.cell).jne(undef);
  a.mov(eax, dword(eax, 8));
  if (thisOp === 'frame') callFromHandler(h, (w) => dword(ebp, fslot(FRAME_SLOT.this) + w), { argc: 0 }, dst);
  else if (typeof thisOp === 'function') callFromHandler(h, thisOp, { argc: 0 }, dst);
  else { h.reg(ecx, thisOp); callFromHandler(h, (w) => V(ecx, w), { argc: 0 }, dst); }
  a.label(undef);
  loadTag(h, TAG.undef);
}

/** TypeError for reading (or setting) a property of null/undefined with the key in edx:ecx;
 *  `objOp` is the register holding null or undefined. */
export function nullishKeyError(h: H, objOp: number, setting: boolean): void {
  const a = h.a, isNull = h.label('nk_null');
  keyToTmp3(a);
  h.reg(ecx, objOp);
  a.cmp(T(ecx), TAG.null).je(isNull);
  const [verb, ger] = setting ? ['set', 'setting'] : ['read', 'reading'];
  throwTmp3(a, `TypeError: Cannot ${verb} properties of undefined (${ger} '`, '\')');
  a.label(isNull);
  throwTmp3(a, `TypeError: Cannot ${verb} properties of null (${ger} '`, '\')');
}

/** edx:ecx = constant operand i as a key (an interned string). */
export function constKey(h: H, i: number): void {
  h.u16(edx, i);
  h.a.mov(ecx, root('constants')).mov(edx, dword({ base: ecx, index: edx, scale: 8, disp: 8 })).mov(ecx, TAG.cell);
}

/**
 * edx:ecx = register operand i converted to a key (may allocate). An object key goes
 * through ToPrimitive (hint 'string') first and a non-integral number through the prelude's
 * Number.prototype.toString, both calls into bytecode with continuations, as V8 converts at
 * each access; so the handler must have had no effects before regKey and must hold nothing
 * in registers across it but the operands themselves.
 */
function regKey(h: H, i: number): void {
  const a = h.a, conv = h.label('keyconv'), prim = h.label('keyprim'), fraction = h.label('keyfrac'), resume = h.label('keyok');
  const cont = h.label('keycont'), none = h.label('keynone');
  const conv0 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0) + w);
  h.reg(eax, i);
  a.cmp(T(eax), TAG.cell).jne(prim);
  a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.Object).jb(prim).cmp(byte(ecx), KIND.Function).jbe(conv);
  a.label(prim); // eax = the register index of the key (CONV0_INDEX after ToPrimitive)
  a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).push(eax).call('elem_key_cf').pop(edi).jc(fraction);
  a.label(resume);
  h.later.add(() => {
    toPrimitiveOperands(h, conv, [i], prim, 'string');
    // a non-integral number (edi = its address): format it, then make the key of the string
    a.label(fraction);
    copyValue(a, conv0, (w) => dword(edi, w), eax);
    a.cmp(conv0(4), TAG.firstTag).jae(none);
    numberToStringCall(h, conv0, cont, none);
    a.label(cont).add(esi, 1);
    a.mov(conv0(0), eax).mov(conv0(4), edx);
    a.lea(eax, conv0(0)).call('elem_key_cf').jnc(resume);
    a.label(none);
    fatal(a, `${h.op}: a non-integral number as a property key needs the prelude's Number.prototype.toString`);
  });
}

/** dst = obj[key] with the key already in edx:ecx and obj in register operand objOp. */
export function getWithKey(h: H, dst: number, objOp: number): void {
  const a = h.a, prim = h.label('prim'), undef = h.label('undef'), got = h.label('got'), nullish = h.label('nullish');
  const symbol = h.label('symbol'), viaProto = h.label('viaproto');
  h.reg(eax, objOp);
  a.cmp(T(eax), TAG.cell).jne(prim);
  a.mov(eax, V(eax));
  a.cmp(byte(eax), KIND.PrivateName).je(undef);
  a.cmp(byte(eax), KIND.Symbol).je(symbol);
  a.call('get_prop');
  a.label(got);
  finishGet(h, dst, objOp);
  a.label(symbol);
  h.reg(eax, objOp);
  a.jmp(viaProto);
  a.label(prim);
  a.mov(edi, T(eax)).cmp(edi, TAG.null).je(nullish).cmp(edi, TAG.undef).je(nullish);
  a.label(viaProto);
  a.push(edx).lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('proto_of_value');
  a.cmp(edx, TAG.cell).pop(edx).jne(undef);
  a.call('get_prop').jmp(got);
  a.label(undef);
  loadTag(h, TAG.undef);
  a.label(nullish);
  nullishKeyError(h, objOp, false);
}

/** obj[key] = src with the key in tmp1, obj register objOp, src register srcOp. */
export function assignWithKey(h: H, objOp: number, srcOp: number): void {
  const a = h.a, bad = h.label('bad'), nullish = h.label('nullish'), setter = h.label('setter'), isNull = h.label('isnull');
  h.reg(eax, objOp);
  a.cmp(T(eax), TAG.cell).jne(nullish);
  a.mov(ecx, V(eax));
  isPropObject(a, ecx, bad);
  copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
  h.reg(eax, srcOp);
  copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
  a.call('assign_prop').test(eax, eax).jnz(setter);
  h.next();
  a.label(setter);
  h.reg(ecx, objOp);
  callFromHandler(h, (w) => V(ecx, w), { firstOp: srcOp, argc: 1 });
  a.label(nullish);
  a.mov(edi, T(eax)).cmp(edi, TAG.null).je(isNull).cmp(edi, TAG.undef).jne(bad);
  a.label(isNull);
  a.mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
  nullishKeyError(h, objOp, true);
  a.label(bad);
  // A primitive: the prelude's SuperAccess(v, key, v, 1, src) (Intrinsic 44) runs a setter
  // found on its prototype chain or throws V8's TypeError ("Cannot create property 'x' on
  // number '1'"), as strict code does.
  const none = h.label('noprelude');
  intrinsicFunction(a, 44, none);
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  a.mov(ecx, 5).call('new_vector'); // may collect: ebp is updated, tmp0/tmp1 forwarded
  h.reg(ecx, objOp);
  copyValue(a, (w) => dword(eax, 8 + w), valueAt(ecx), edx);
  copyValue(a, (w) => dword(eax, 16 + w), rootW('tmp1'), edx);
  copyValue(a, (w) => dword(eax, 24 + w), valueAt(ecx), edx);
  a.mov(dword(eax, 32), 1).mov(dword(eax, 36), TAG.int);
  h.reg(ecx, srcOp);
  copyValue(a, (w) => dword(eax, 40 + w), valueAt(ecx), edx);
  a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
  a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
  a.mov(var32('call_first'), -1).mov(var32('call_argc'), 5);
  a.mov(var32('call_cont'), sym('cont_discard'));
  saveNextPc(h);
  a.jmp('interp_enter_frame');
  a.label(none);
  fatal(a, `${h.op}: setting a property of a primitive needs the prelude's SuperAccess (Intrinsic 44)`);
}

/** Throw an error of kind operand kindOp (0 TypeError ...) with the constant operand msgOp. */
function throwKindConst(h: H, kindOp: number, msgOp: number): void {
  const a = h.a, table = h.label('kinds');
  h.u16(eax, msgOp);
  a.mov(edx, root('constants'));
  copyValue(a, rootW('tmp3'), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }), ecx);
  h.reg(ecx, kindOp);
  a.and(ecx, 3).mov(eax, dword({ index: ecx, scale: 4, disp: sym(table) }));
  a.mov(edx, sym(cstring(a, ''))).jmp('interp_throw_message');
  const labels = ['TypeError: ', 'ReferenceError: ', 'RangeError: ', 'SyntaxError: '].map((k) => cstring(a, k));
  a.section('.rodata').align(4).label(table);
  for (const l of labels) a.dd(sym(l));
  a.section('.text');
}

/** Start a construct call of the Function in tmp0 with new.target callNewTarget: this =
 *  the hole for derived constructors, else a new object with proto newTarget.prototype.
 *  Leaves this in tmp1. May allocate. */
function constructThis(h: H): void {
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
function requireConstructor(h: H, i: number, bad: string): void {
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

export const EXTRA_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  CheckHoleError: (h) => {
    const a = h.a, hole = h.label('hole');
    h.reg(ecx, 0);
    a.cmp(T(ecx), TAG.hole).je(hole);
    h.next();
    a.label(hole);
    throwKindConst(h, 1, 2);
  },
  CheckPrivateBrand: (h) => {
    const a = h.a, bad = h.label('bad');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 1);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz(bad);
    h.next();
    a.label(bad);
    h.u16(eax, 2);
    a.mov(edx, root('constants'));
    copyValue(a, rootW('tmp3'), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }), ecx);
    throwTmp3(a, 'TypeError: ', '');
  },
  ForInFilter: (h) => {
    const a = h.a, no = h.label('no'), prim = h.label('prim'), has = h.label('has');
    regKey(h, 1);
    h.reg(eax, 2);
    a.cmp(T(eax), TAG.cell).jne(prim);
    a.mov(eax, V(eax));
    a.label(has).call('has_prop').test(eax, eax).jz(no);
    h.reg(ecx, 0).reg(edx, 1);
    copyValue(a, valueAt(ecx), valueAt(edx), eax);
    h.next();
    a.label(prim);
    a.push(edx).lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('proto_of_value');
    a.cmp(edx, TAG.cell).pop(edx).je(has);
    a.label(no);
    loadTag(h, TAG.undef);
  },
  In: (h) => {
    const a = h.a, bad = h.label('bad'), obj = h.label('obj');
    h.reg(eax, 2);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    regKey(h, 1);
    h.reg(eax, 2);
    a.mov(eax, V(eax)).call('has_prop');
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(bad);
    // "Cannot use 'in' operator to search for '<key>' in <obj>"
    h.reg(eax, 1);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('display_string').test(eax, eax).jz(obj);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(edx, sym(cstring(a, '\' in '))).call('str_from_cstring').mov(root('tmp1'), eax).mov(root('tmp1', 4), TAG.cell);
    a.call('str_concat').mov(root('tmp5'), eax).mov(root('tmp5', 4), TAG.cell);
    h.reg(eax, 2);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('display_string').test(eax, eax).jz(obj);
    a.mov(root('tmp1'), eax).mov(root('tmp1', 4), TAG.cell);
    copyValue(a, rootW('tmp0'), rootW('tmp5'), ecx);
    a.call('str_concat').mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
    a.mov(root('tmp5', 4), TAG.undef);
    throwTmp3(a, 'TypeError: Cannot use \'in\' operator to search for \'', '');
    a.label(obj);
    throwMessage(a, 'TypeError: Cannot use \'in\' operator to search for a key in a value that is not an object');
  },
  InstanceOf: (h) => {
    // `v instanceof C`: C[Symbol.hasInstance](v) when C has one other than the prelude's
    // Function.prototype[Symbol.hasInstance] (OrdinaryHasInstance, done here); that and the
    // unusual cases (an accessor, a prototype that is not an object) go to the prelude's
    // InstanceOf (Intrinsic 26), which has Node's errors.
    const a = h.a, notCallable = h.label('notcallable'), notObject = h.label('notobject'), no = h.label('no'), yes = h.label('yes'),
      loop = h.label('loop'), badProto = h.label('badproto'), plain = h.label('plain'), ordinary = h.label('ordinary'),
      delegate = h.label('delegate'), noPrelude = h.label('noprelude');
    h.reg(ecx, 2);
    a.cmp(T(ecx), TAG.cell).jne(notObject);
    a.mov(eax, V(ecx));
    isPropObject(a, eax, notObject);
    a.mov(edx, root('intrinsics')).cmp(dword(edx, slot(17) + 4), TAG.cell).jne(plain);
    a.mov(edx, dword(edx, slot(17))).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.undef).je(plain).cmp(edx, TAG.null).je(plain);
    a.cmp(edx, TAG.cell).jne(delegate);
    a.mov(ecx, root('intrinsics')).cmp(eax, dword(ecx, slot(18))).jne(delegate);
    h.reg(ecx, 2);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(no).jmp(ordinary);
    a.label(plain);
    h.reg(ecx, 2);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(notCallable);
    a.label(ordinary);
    a.mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.cell).jne(badProto);
    isPropObject(a, eax, badProto);
    a.mov(edi, eax);
    h.reg(ecx, 1);
    a.cmp(T(ecx), TAG.cell).jne(no);
    a.mov(eax, V(ecx));
    isPropObject(a, eax, no);
    a.label(loop);
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(no);
    a.mov(eax, dword(eax, PROTO)).cmp(eax, edi).je(yes).jmp(loop);
    a.label(yes).mov(eax, 1);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(no).xor(eax, eax);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(notObject);
    throwMessage(a, 'TypeError: Right-hand side of \'instanceof\' is not an object');
    a.label(notCallable);
    throwMessage(a, 'TypeError: Right-hand side of \'instanceof\' is not callable');
    a.label(badProto);
    a.label(delegate);
    intrinsicFunction(a, 26, noPrelude);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    h.reg(ecx, 2);
    copyValue(a, at(eax, 16), valueAt(ecx), edx);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_first'), -1).mov(var32('call_argc'), 2);
    h.reg(eax, 0);
    a.mov(var32('call_dst'), eax);
    saveNextPc(h);
    a.jmp('interp_enter_frame');
    a.label(noPrelude);
    throwMessage(a, 'TypeError: Function has non-object prototype \'undefined\' in instanceof check');
  },
  GetProp: (h) => {
    constKey(h, 2);
    getWithKey(h, 0, 1);
  },
  GetElem: (h) => {
    const a = h.a, generic = h.label('generic'), undef = h.label('undef'), store = h.label('store');
    const typed = h.label('typed');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(edi, V(eax));
    a.cmp(byte(edi), KIND.Array).jne(typed);
    h.reg(edx, 2);
    a.cmp(T(edx), TAG.int).jne(generic);
    a.mov(ecx, V(edx)).cmp(ecx, dword(edi, ARRAY_LENGTH)).jae(generic);
    a.mov(edi, dword(edi, ARRAY_ELEMENTS));
    a.mov(eax, dword({ base: edi, index: ecx, scale: 8, disp: 8 })).mov(edx, dword({ base: edi, index: ecx, scale: 8, disp: 12 }));
    a.cmp(edx, TAG.hole).je(generic);
    a.label(store);
    storeValue(h, 0);
    h.next();
    // a typed array's element (undefined out of range, never the prototype's)
    a.label(typed);
    jumpUnlessTyped(a, edi, generic);
    h.reg(edx, 2);
    a.cmp(T(edx), TAG.int).jne(generic);
    a.mov(edx, V(edx)).call('ta_get_index').jmp(store);
    a.label(undef);
    a.label(generic);
    regKey(h, 2);
    getWithKey(h, 0, 1);
  },
  SetProp: (h) => {
    constKey(h, 1);
    h.a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
    assignWithKey(h, 0, 2);
  },
  SetElem: (h) => {
    const a = h.a, generic = h.label('generic'), done = h.label('done'), typed = h.label('typed');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(edi, V(eax));
    a.cmp(byte(edi), KIND.Array).jne(typed);
    a.test(byte(edi, 1), (OBJ_FROZEN | OBJ_NOT_EXTENSIBLE) >> 8).jnz(generic);
    h.reg(edx, 1);
    a.cmp(T(edx), TAG.int).jne(generic);
    a.mov(ecx, V(edx)).cmp(ecx, dword(edi, ARRAY_LENGTH)).jae(generic);
    a.mov(eax, dword(edi, ARRAY_ELEMENTS)).lea(eax, mem({ base: eax, index: ecx, scale: 8, disp: 8 }));
    a.label(done);
    h.reg(edx, 2);
    copyValue(a, at(eax), valueAt(edx), ecx);
    h.next();
    // a typed array's element: converted and stored, or ignored out of range
    a.label(typed);
    jumpUnlessTyped(a, edi, generic);
    h.reg(edx, 1);
    a.cmp(T(edx), TAG.int).jne(generic);
    a.mov(edx, V(edx));
    h.reg(eax, 2);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('ta_set_index');
    h.next();
    a.label(generic);
    regKey(h, 1);
    a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
    assignWithKey(h, 0, 2);
  },
  DefineField: (h) => defineFromRegs(h, 0b0111),
  DefineMethod: (h) => {
    defineFromRegs(h, 0b0110, () => {
      const a = h.a;
      h.reg(eax, 2).reg(ecx, 0);
      a.mov(eax, V(eax));
      copyValue(a, at(eax, FN_HOME), valueAt(ecx), edx);
    });
  },
  DefineGetter: (h) => defineAccessor(h, 0),
  DefineSetter: (h) => defineAccessor(h, 1),
  NewPrivateName: (h) => {
    const a = h.a;
    a.mov(ecx, 16).mov(edx, KIND.PrivateName).call('heap_alloc');
    h.u16(ecx, 1);
    a.mov(edx, root('constants'));
    copyValue(a, at(eax, 8), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), edi);
    storeCell(h, 0);
    h.next();
  },
  GetPrivate: (h) => {
    const a = h.a, bad = h.label('bad');
    privateFind(h, 1, 2, bad);
    h.reg(ecx, 0);
    copyValue(a, valueAt(ecx), at(eax, 8), edx);
    h.next();
    a.label(bad);
    privateError(h, 2, 'TypeError: Cannot read private member ', ' from an object whose class did not declare it');
  },
  SetPrivate: (h) => {
    const a = h.a, bad = h.label('bad');
    privateFind(h, 0, 1, bad);
    h.reg(ecx, 2);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    h.next();
    a.label(bad);
    privateError(h, 1, 'TypeError: Cannot write private member ', ' to an object whose class did not declare it');
  },
  HasPrivate: (h) => {
    const a = h.a, bad = h.label('bad'), no = h.label('no');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 2);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).setcc('ne', al).movzx(eax, al);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(bad);
    throwMessage(a, 'TypeError: Cannot use \'in\' operator to search for a private field in a non-object');
    void no;
  },
  DefinePrivate: (h) => {
    const a = h.a, bad = h.label('bad'), twice = h.label('twice');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 1);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jnz(twice);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    h.reg(eax, 1);
    copyValue(a, rootW('tmp1'), valueAt(eax), ecx);
    h.reg(eax, 2);
    copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0010).call('define_prop');
    h.next();
    a.label(twice);
    throwMessage(a, 'TypeError: Cannot initialize private methods of class twice on the same object');
    a.label(bad);
    fatal(a, 'DefinePrivate: the target is not an object');
  },
  NewClass: (h) => {
    const a = h.a, noParent = h.label('noparent'), nullParent = h.label('nullparent'), haveProto = h.label('haveproto'), bad = h.label('bad');
    h.reg(ecx, 2);
    a.cmp(T(ecx), TAG.hole).je(noParent);
    a.cmp(T(ecx), TAG.null).je(nullParent);
    requireConstructor(h, 2, bad);
    // ctor.[[Prototype]] = parent; the new prototype's parent = parent.prototype
    h.reg(ecx, 1).reg(edx, 2);
    a.mov(edi, V(ecx));
    copyValue(a, at(edi, PROTO), valueAt(edx), ecx);
    a.mov(eax, V(edx)).mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.null).je(nullParent);
    a.cmp(edx, TAG.cell).jne(bad);
    a.mov(root('tmp5'), eax).mov(root('tmp5', 4), edx).jmp(haveProto);
    a.label(nullParent).mov(root('tmp5'), 0).mov(root('tmp5', 4), TAG.null).jmp(haveProto);
    a.label(noParent);
    copyValue(a, rootW('tmp5'), rootW('objectProto'), ecx);
    a.label(haveProto);
    a.mov(ecx, OBJECT_SIZE).mov(edx, KIND.Object).call('heap_alloc');
    copyValue(a, at(eax, PROTO), rootW('tmp5'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    a.mov(root('tmp5'), eax).mov(root('tmp5', 4), TAG.cell);
    // proto.constructor = ctor (non-enumerable)
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    copyValue(a, rootW('tmp1'), rootW('sConstructor'), ecx);
    h.reg(eax, 1);
    copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0110).call('define_prop');
    // ctor.prototype = proto (not writable, enumerable or configurable)
    h.reg(eax, 1);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    copyValue(a, rootW('tmp1'), rootW('sPrototype'), ecx);
    copyValue(a, rootW('tmp2'), rootW('tmp5'), ecx);
    a.mov(root('tmp5', 4), TAG.undef);
    a.mov(var32('def_attr'), 0).call('define_prop');
    h.reg(ecx, 0).reg(edx, 1);
    copyValue(a, valueAt(ecx), valueAt(edx), eax);
    h.next();
    a.label(bad);
    throwMessage(a, 'TypeError: Class extends value is not a constructor or null');
  },
  New: (h) => newGeneric(h),
  SuperCall: (h) => superCall(h, false),
  SetHome: (h) => {
    const a = h.a, bad = h.label('bad');
    h.reg(eax, 0).reg(ecx, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Function).jne(bad);
    copyValue(a, at(eax, FN_HOME), valueAt(ecx), edx);
    h.next();
    a.label(bad);
    fatal(a, 'SetHome: the operand is not a bytecode function');
  },
  LoadHome: (h) => {
    const a = h.a;
    h.reg(ecx, 0);
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function)));
    copyValue(a, valueAt(ecx), at(eax, FN_HOME), edx);
    h.next();
  },
  GetSuper: (h) => {
    const a = h.a, undef = h.label('undef'), got = h.label('got');
    regKey(h, 1);
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function)));
    a.cmp(dword(eax, FN_HOME + 4), TAG.cell).jne(undef);
    a.mov(eax, dword(eax, FN_HOME));
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(undef);
    a.mov(eax, dword(eax, PROTO)).call('get_prop');
    a.label(got);
    finishGet(h, 0, 'frame');
    a.label(undef);
    loadTag(h, TAG.undef);
  },
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
    const a = h.a;
    h.reg(eax, 1).reg(edx, 2);
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
  SuperCallSpread: (h) => superCall(h, true),
  ArraySpread: (h) => {
    const a = h.a, loop = h.label('loop'), done = h.label('done'), bad = h.label('bad'), got = h.label('got');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).jne(bad);
    a.call('iter_native_ok').test(eax, eax).jz(h.lbl('generic'));
    a.push(0);
    a.label(loop);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).mov(ecx, dword(esp)).cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(done);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    copyValue(a, rootW('tmp2'), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), eax);
    a.cmp(root('tmp2', 4), TAG.hole).jne(got).mov(root('tmp2', 4), TAG.undef);
    a.label(got);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.add(dword(esp), 1).jmp(loop);
    a.label(done).add(esp, 4);
    h.next();
    // any other value: the iterator protocol, the iterator kept in the frame's conv0 slot
    // (strings natively by code point, as IteratorNext; others through the registered
    // GetIterator and calls of next() with continuations)
    const conv0 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0) + w);
    const conv1 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv1) + w);
    const step = h.label('step'), generic = h.lbl('generic'), none = h.label('none'), c0 = h.label('c0'), c1 = h.label('c1');
    const append = h.label('append'), finish = h.label('finish'), one = h.label('one'), notObj = h.label('notobj');
    a.label(bad);
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.String).jne(generic);
    a.call('iter_native_ok').test(eax, eax).jz(generic);
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    a.mov(dword(eax, 16), 0).mov(dword(eax, 20), TAG.int);
    a.mov(conv0(0), eax).mov(conv0(4), TAG.cell);
    a.jmp(step);
    a.label(generic);
    intrinsicFunction(a, 11, none);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    h.reg(eax, 1);
    a.mov(var32('call_first'), eax).mov(var32('call_argc'), 1);
    a.mov(var32('call_cont'), sym(c0));
    saveResumePc(a);
    a.jmp('interp_enter_frame');
    // the record [iterator, next] (Intrinsic 11): the iterator in conv0, next in conv1
    a.label(c0).add(esi, 1);
    a.cmp(edx, TAG.cell).jne(notObj).cmp(byte(eax), KIND.Array).jne(notObj);
    a.mov(eax, dword(eax, ARRAY_ELEMENTS));
    copyValue(a, conv0, at(eax, 8), ecx);
    copyValue(a, conv1, at(eax, 16), ecx);
    // one step: eax:edx = the next value, or finish
    a.label(step);
    a.mov(edi, conv0(0)).cmp(byte(edi), KIND.ValueVector).jne(h.lbl('callnext'));
    a.mov(eax, dword(edi, 8)).mov(ecx, dword(edi, 16));
    a.cmp(ecx, dword(eax, STR.length)).jae(finish);
    a.add(dword(edi, 16), 1);
    loadUnit(a, eax, ecx, edx, h.label('u2'), h.label('u2got'));
    a.mov(eax, edx).and(edx, 0xfc00).cmp(edx, 0xd800).jne(one);
    a.mov(edx, dword(edi, 8)).add(ecx, 1).cmp(ecx, dword(edx, STR.length)).jae(one);
    a.push(eax);
    loadUnit(a, edx, ecx, edx, h.label('u3'), h.label('u3got'));
    a.mov(ecx, edx).and(ecx, 0xfc00).cmp(ecx, 0xdc00).pop(eax).jne(one);
    a.add(dword(edi, 16), 1);
    a.push(edx).push(eax);
    a.mov(ecx, 2).mov(edx, STRING_TWO_BYTE).call('str_alloc');
    a.pop(ecx).mov(word(eax, STR.units), cx).pop(ecx).mov(word(eax, STR.units + 2), cx);
    a.mov(edx, TAG.cell).jmp(append);
    a.label(one).call('unit_string').mov(edx, TAG.cell).jmp(append);
    // a user iterator: result = next.call(iterator), next read once by GetIterator
    a.label(h.lbl('callnext'));
    a.mov(eax, conv1(0)).cmp(conv1(4), TAG.cell).jne(h.lbl('notfn')).cmp(byte(eax), KIND.Function).jne(h.lbl('notfn'));
    callMethodWithContinuation(h, conv0, c1);
    a.label(c1).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
    a.mov(edx, root('sDone')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    a.push(edx).push(eax).mov(eax, esp).call('to_boolean').add(esp, 8);
    a.test(eax, eax).jnz(finish);
    a.mov(eax, root('tmp2')).mov(edx, root('sValue')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    // append eax:edx to the array
    a.label(append);
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), edx);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.jmp(step);
    a.label(finish);
    a.mov(root('tmp2', 4), TAG.undef).mov(conv0(4), TAG.undef).mov(conv1(4), TAG.undef);
    h.next();
    a.label(none);
    fatal(a, 'ArraySpread: no registered GetIterator intrinsic for a value that is not an array or string');
    a.label(notObj);
    fatal(a, 'ArraySpread: the registered GetIterator did not return an iterator record');
    a.label(h.lbl('accessor'));
    fatal(a, 'ArraySpread: an iterator result with accessors is not implemented');
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(h.lbl('notfn'));
    a.mov(eax, conv1(0)).mov(edx, conv1(4)).jmp('throw_value_not_callable');
  },
  CopyDataProperties: (h) => {
    const a = h.a, loop = h.label('loop'), done = h.label('done'), next = h.label('next'), bad = h.label('bad'),
      elems = h.label('elems'), props = h.label('props'), got = h.label('got'), acc = h.label('acc');
    h.reg(eax, 1);
    a.mov(ecx, T(eax)).cmp(ecx, TAG.null).je(h.lbl('nothing')).cmp(ecx, TAG.undef).je(h.lbl('nothing'));
    a.cmp(ecx, TAG.cell).jne(h.lbl('nothing')); // numbers and booleans have no own properties
    a.mov(eax, V(eax));
    a.cmp(byte(eax), KIND.String).je(h.lbl('string'));
    a.cmp(byte(eax), KIND.Symbol).je(h.lbl('nothing'));
    isPropObject(a, eax, bad);
    // array elements first
    a.push(0);
    a.label(elems);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).jne(h.lbl('typed'));
    a.mov(ecx, dword(esp)).cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(props);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    a.cmp(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.hole).je(got);
    copyValue(a, rootW('tmp2'), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), eax);
    a.mov(root('tmp1'), ecx).mov(root('tmp1', 4), TAG.int);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0111).call('define_prop');
    a.label(got).add(dword(esp), 1).jmp(elems);
    // a typed array's elements
    a.label(h.lbl('typed'));
    jumpUnlessTyped(a, eax, props);
    a.mov(edx, dword(esp)).cmp(edx, dword(eax, VIEW_LENGTH)).jae(props);
    a.mov(edi, eax).call('ta_get_index');
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), edx);
    a.mov(ecx, dword(esp)).mov(root('tmp1'), ecx).mov(root('tmp1', 4), TAG.int);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0111).call('define_prop');
    a.jmp(got);
    a.label(props).mov(dword(esp), 0);
    a.label(loop);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).cmp(dword(eax, PROPS + 4), TAG.cell).jne(done);
    a.mov(edx, dword(eax, PROPS)).mov(ecx, dword(esp)).cmp(ecx, dword(edx, PT_COUNT)).jae(done);
    a.imul(ecx, ecx, PT_ENTRY_SIZE).lea(edx, mem({ base: edx, index: ecx, disp: PT_ENTRIES }));
    a.test(byte(edx, 16), 1).jz(next);
    a.cmp(dword(edx, 4), TAG.cell).jne(h.lbl('keyok'));
    a.mov(ecx, dword(edx)).cmp(byte(ecx), KIND.PrivateName).je(next);
    a.label(h.lbl('keyok'));
    a.test(byte(edx, 16), ATTR_ACCESSOR).jnz(acc);
    copyValue(a, rootW('tmp1'), at(edx), ecx);
    copyValue(a, rootW('tmp2'), at(edx, 8), ecx);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0111).call('define_prop');
    a.label(next).add(dword(esp), 1).jmp(loop);
    a.label(done).add(esp, 4);
    a.label(h.lbl('nothing'));
    h.next();
    a.label(acc);
    // a getter: the prelude's SuperAccess(target, undefined, undefined, 4, source) (Intrinsic
    // 44) does the whole copy again, calling getters (what is copied so far is copied again,
    // with the same values)
    a.add(esp, 4);
    intrinsicFunction(a, 44, h.lbl('noprelude'));
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 5).call('new_vector'); // may collect: ebp is updated, tmp0 forwarded
    h.reg(ecx, 0);
    copyValue(a, (w) => dword(eax, 8 + w), valueAt(ecx), edx);
    a.mov(dword(eax, 16), 0).mov(dword(eax, 20), TAG.undef);
    a.mov(dword(eax, 24), 0).mov(dword(eax, 28), TAG.undef);
    a.mov(dword(eax, 32), 4).mov(dword(eax, 36), TAG.int);
    h.reg(ecx, 1);
    copyValue(a, (w) => dword(eax, 40 + w), valueAt(ecx), edx);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_first'), -1).mov(var32('call_argc'), 5);
    a.mov(var32('call_cont'), sym('cont_discard'));
    saveNextPc(h);
    a.jmp('interp_enter_frame');
    a.label(h.lbl('noprelude'));
    fatal(a, 'CopyDataProperties: copying a getter\'s value needs the prelude\'s SuperAccess (Intrinsic 44)');
    // a string: its index keys, one unit each
    a.label(h.lbl('string')).push(0);
    a.label(h.lbl('sloop'));
    h.reg(eax, 1);
    a.mov(eax, V(eax)).mov(ecx, dword(esp)).cmp(ecx, dword(eax, STR.length)).jae(done);
    loadUnit(a, eax, ecx, edx, h.label('su2'), h.label('su2got'));
    a.mov(eax, edx).call('unit_string');
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
    a.mov(ecx, dword(esp)).mov(root('tmp1'), ecx).mov(root('tmp1', 4), TAG.int);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0111).call('define_prop');
    a.add(dword(esp), 1).jmp(h.lbl('sloop'));
    a.label(bad);
    fatal(a, 'CopyDataProperties: the source object kind is not supported');
  },
  GetIterator: (h) => {
    const a = h.a, generic = h.label('generic'), none = h.label('none');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).je(h.lbl('native')).cmp(byte(eax), KIND.String).jne(generic);
    a.label(h.lbl('native'));
    a.call('iter_native_ok').test(eax, eax).jz(generic);
    // a native iterator over an array or a string: a ValueVector [source, index]
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    a.mov(dword(eax, 16), 0).mov(dword(eax, 20), TAG.int);
    storeCell(h, 0);
    h.next();
    a.label(generic);
    intrinsicFunction(a, 11, none);
    // this = undefined (callNewTarget is undefined outside a construct call's setup)
    callFromHandler(h, (w) => root('callNewTarget', w), { firstOp: 1, argc: 1 }, 0);
    a.label(none);
    fatal(a, 'GetIterator: no registered GetIterator intrinsic for a value that is not an array or string');
  },
  IteratorNext: (h) => {
    const a = h.a, generic = h.label('generic'), end = h.label('end'), str = h.label('str'), cont = h.label('cont'),
      notObj = h.label('notobj'), notFn = h.label('notfn'), one = h.label('one'), store = h.label('store');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(notObj);
    a.mov(edi, V(eax)).cmp(byte(edi), KIND.ValueVector).jne(generic);
    a.mov(eax, dword(edi, 8)).mov(ecx, dword(edi, 16));
    a.cmp(byte(eax), KIND.String).je(str);
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(end);
    a.add(dword(edi, 16), 1);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    a.mov(eax, dword({ base: edx, index: ecx, scale: 8, disp: 8 })).mov(edx, dword({ base: edx, index: ecx, scale: 8, disp: 12 }));
    a.cmp(edx, TAG.hole).jne(store).mov(edx, TAG.undef);
    a.label(store);
    storeValue(h, 0);
    h.next();
    a.label(end);
    h.jump(2);
    // strings: by code point (a surrogate pair is one two-unit string)
    a.label(str);
    a.cmp(ecx, dword(eax, STR.length)).jae(end);
    a.add(dword(edi, 16), 1);
    loadUnit(a, eax, ecx, edx, h.label('u2'), h.label('u2got'));
    a.mov(eax, edx).and(edx, 0xfc00).cmp(edx, 0xd800).jne(one);
    a.mov(edx, dword(edi, 8)).add(ecx, 1).cmp(ecx, dword(edx, STR.length)).jae(one);
    a.push(eax);
    loadUnit(a, edx, ecx, edx, h.label('u3'), h.label('u3got'));
    a.mov(ecx, edx).and(ecx, 0xfc00).cmp(ecx, 0xdc00).pop(eax).jne(one);
    a.add(dword(edi, 16), 1);
    a.push(edx).push(eax);
    a.mov(ecx, 2).mov(edx, STRING_TWO_BYTE).call('str_alloc');
    a.pop(ecx).mov(word(eax, STR.units), cx).pop(ecx).mov(word(eax, STR.units + 2), cx);
    storeCell(h, 0);
    h.next();
    a.label(one).call('unit_string');
    storeCell(h, 0);
    h.next();
    // an iterator record [iterator, next] (Intrinsic 11): result = next.call(iterator),
    // through a continuation
    a.label(generic);
    a.cmp(byte(edi), KIND.Array).jne(notObj);
    a.mov(edx, dword(edi, ARRAY_ELEMENTS));
    a.mov(eax, dword(edx, 16)).cmp(dword(edx, 20), TAG.cell).jne(notFn).cmp(byte(eax), KIND.Function).jne(notFn);
    callMethodWithContinuation(h, (w) => dword(edx, 8 + w), cont);
    a.label(cont).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.push(eax).mov(edx, root('sDone')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    a.push(edx).push(eax).mov(eax, esp).call('to_boolean').add(esp, 8);
    a.test(eax, eax).pop(eax).jnz(end);
    a.mov(edx, root('sValue')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    storeValue(h, 0);
    h.next();
    a.label(h.lbl('accessor'));
    fatal(a, 'IteratorNext: an iterator result with accessors is not implemented');
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(notFn);
    a.mov(eax, dword(edx, 16)).mov(edx, dword(edx, 20)).jmp('throw_value_not_callable');
    a.label(notObj);
    fatal(a, 'IteratorNext: the operand is not an iterator from GetIterator');
  },
  IteratorClose: (h) => {
    // native iterators have nothing to close, nor has a record's iterator whose `return`
    // is null or undefined; a function return() is called here and its result must be an
    // object (when this runs for a throw, the compiler's handler drops the error); an
    // accessor or a non-callable `return` goes to the prelude's IteratorClose (Intrinsic
    // 29, given the record), which has Node's errors
    const a = h.a, nothing = h.lbl('nothing'), none = h.lbl('none'), other = h.lbl('other');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(nothing);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).jne(nothing);
    a.mov(eax, dword(eax, ARRAY_ELEMENTS)).mov(eax, dword(eax, 8));
    a.mov(edx, root('sReturn')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.undef).je(nothing).cmp(edx, TAG.null).je(nothing);
    a.cmp(edx, TAG.cell).jne(other).cmp(byte(eax), KIND.Function).jne(other);
    h.reg(ecx, 0);
    a.mov(ecx, V(ecx)).mov(ecx, dword(ecx, ARRAY_ELEMENTS));
    callMethodWithContinuation(h, (w) => dword(ecx, 8 + w), h.lbl('returned'));
    a.label(h.lbl('returned')).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.label(nothing);
    h.next();
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(other);
    intrinsicFunction(a, 29, none);
    callFromHandler(h, (w) => root('callNewTarget', w), { firstOp: 0, argc: 1 });
    a.label(none);
    fatal(a, 'IteratorClose: an accessor or non-callable return needs the prelude\'s IteratorClose (Intrinsic 29, not registered)');
  },
  ForInKeys: (h) => {
    const a = h.a, empty = h.label('empty'), bad = h.label('bad'), walk = h.label('walk'), scan = h.label('scan'),
      next = h.label('next'), done = h.label('done'), inherited = h.label('inherited');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(empty);
    a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.Symbol).je(empty);
    ownKeysNative(h, bad, (r) => { h.reg(r, 1); a.lea(r, mem({ base: ebp, index: r, scale: 8 })); }, 1);
    // inherited enumerable string keys are not collected yet: stop rather than miss them
    h.reg(eax, 1);
    a.mov(eax, V(eax));
    a.cmp(byte(eax), KIND.String).jne(walk);
    a.mov(eax, root('intrinsics')).cmp(dword(eax, slot(3) + 4), TAG.cell).jne(done).mov(eax, dword(eax, slot(3))).jmp(h.lbl('check'));
    a.label(walk);
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(done);
    a.mov(eax, dword(eax, PROTO));
    a.label(h.lbl('check'));
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(walk);
    a.mov(edx, dword(eax, PROPS)).mov(ecx, dword(edx, PT_COUNT)).add(edx, PT_ENTRIES);
    a.label(scan).test(ecx, ecx).jz(walk);
    a.test(byte(edx, 16), 1).jz(next);
    a.cmp(dword(edx, 4), TAG.int).je(inherited);
    a.mov(edi, dword(edx)).cmp(byte(edi), KIND.String).je(inherited);
    a.label(next).add(edx, PT_ENTRY_SIZE).sub(ecx, 1).jmp(scan);
    a.label(done);
    h.next();
    a.label(empty);
    a.xor(ecx, ecx).call('new_vector').mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.xor(ecx, ecx).call('array_from_vector');
    storeCell(h, 0);
    h.next();
    // an enumerable key on the chain: walk it with the state [P, R, S, i] (a ValueVector in
    // the frame's conv0 slot): P the prototype being visited, R the result (own enumerable
    // keys first), S every key seen so far (shadowed keys are skipped, enumerable or not),
    // i the position in P's own keys (register 0 while they are walked)
    const conv0 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0) + w);
    const st = (k: number, w = 0) => { a.mov(edi, conv0(0)); return dword(edi, 8 + 8 * k + w); };
    const level = h.label('level'), kloop = h.label('kloop'), nextLevel = h.label('nextlevel'), finish = h.label('finish');
    const sScan = h.label('sscan'), notSeen = h.label('notseen'), noEntry = h.label('noentry'), strProto = h.label('strproto'), protoSet = h.label('protoset');
    a.label(inherited);
    a.mov(ecx, 4).call('new_vector');
    a.mov(conv0(0), eax).mov(conv0(4), TAG.cell);
    h.reg(ecx, 0);
    copyValue(a, at(eax, 16), valueAt(ecx), edx);
    a.mov(dword(eax, 32), 0).mov(dword(eax, 36), TAG.int);
    ownKeysNative(h, bad, (r) => { h.reg(r, 1); a.lea(r, mem({ base: ebp, index: r, scale: 8 })); }, 0);
    h.reg(ecx, 0);
    a.mov(edx, V(ecx)).mov(st(2), edx).mov(dword(edi, 8 + 16 + 4), TAG.cell);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.String).je(strProto);
    a.mov(ecx, dword(eax, PROTO)).mov(edx, dword(eax, PROTO + 4)).jmp(protoSet);
    a.label(strProto);
    a.mov(eax, root('intrinsics')).mov(ecx, dword(eax, slot(3))).mov(edx, dword(eax, slot(3) + 4));
    a.label(protoSet);
    a.mov(st(0), ecx).mov(dword(edi, 12), edx);
    a.label(level);
    a.cmp(st(0, 4), TAG.cell).jne(finish);
    ownKeysNative(h, bad, (r) => { a.mov(r, conv0(0)).add(r, 8); }, 0);
    a.mov(st(3), 0);
    a.label(kloop);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(ecx, st(3));
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(nextLevel);
    a.add(dword(edi, 8 + 24), 1);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS)).mov(edx, dword({ base: edx, index: ecx, scale: 8, disp: 8 })); // the key (an interned string)
    // seen already?
    a.mov(eax, dword(edi, 8 + 16)).mov(ecx, dword(eax, ARRAY_LENGTH)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.label(sScan).test(ecx, ecx).jz(notSeen);
    a.sub(ecx, 1).cmp(edx, dword({ base: eax, index: ecx, scale: 8, disp: 8 })).je(kloop).jmp(sScan);
    a.label(notSeen);
    a.mov(root('tmp2'), edx).mov(root('tmp2', 4), TAG.cell);
    a.mov(root('tmp3'), edx).mov(root('tmp3', 4), TAG.cell);
    a.mov(eax, st(2)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    // enumerable on P?
    a.mov(eax, sym('vm_roots').plus(rootOffset('tmp3'))).call('elem_key');
    a.mov(eax, st(0)).call('prop_find');
    a.test(eax, eax).jz(noEntry);
    a.test(byte(eax, 16), 1).jz(kloop);
    copyValue(a, rootW('tmp2'), rootW('tmp3'), eax);
    a.mov(eax, st(1)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.mov(root('tmp3', 4), TAG.undef);
    a.jmp(kloop);
    a.label(nextLevel);
    a.mov(eax, st(0)).mov(ecx, dword(eax, PROTO)).mov(edx, dword(eax, PROTO + 4));
    a.mov(dword(edi, 8), ecx).mov(dword(edi, 12), edx);
    a.jmp(level);
    a.label(finish);
    a.mov(root('tmp3', 4), TAG.undef);
    a.mov(eax, st(1));
    storeCell(h, 0);
    a.mov(conv0(4), TAG.undef);
    h.next();
    a.label(noEntry);
    fatal(a, 'ForInKeys: inherited keys of arrays, strings or functions\' virtual properties are not implemented');
    a.label(bad);
    fatal(a, 'ForInKeys: the object kind is not supported');
  },
  ToString: (h) => toStringOp(h, false),
  ToPropertyKey: (h) => toStringOp(h, true),
  DeleteElem: (h) => {
    const a = h.a, bad = h.label('bad'), nonconf = h.label('nonconf');
    regKey(h, 2);
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    a.push(edx).push(ecx).call('delete_own').pop(ecx).pop(edx).test(eax, eax).jz(nonconf);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(nonconf);
    keyToTmp3(a);
    throwTmp3(a, 'TypeError: Cannot delete property \'', '\' of #<Object>');
    a.label(bad);
    fatal(a, 'DeleteElem: deleting a property of a primitive is not implemented');
  },
};

/** callArgs = a ValueVector of the elements of the array in register operand i (holes
 *  are undefined). May allocate. */
function spreadArgs(h: H, i: number): void {
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

/** SuperCall / SuperCallSpread: construct the running function's [[Prototype]] with this
 *  frame's new.target; when it returns, bind this (once) and store it in dst. */
function superCall(h: H, spread: boolean): void {
  const a = h.a, bad = h.label('bad'), cont = h.label('cont'), twice = h.label('twice');
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function)));
  a.cmp(dword(ecx, PROTO + 4), TAG.cell).jne(bad);
  a.mov(eax, dword(ecx, PROTO));
  a.cmp(byte(eax), KIND.Function).jne(bad);
  a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5);
  a.test(word({ base: ecx, disp: FN_RECORDS.plus(18) }), FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator).jnz(bad);
  if (spread) spreadArgs(h, 1);
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(eax, dword(ecx, PROTO));
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  copyValue(a, rootW('callNewTarget'), (w) => dword(ebp, fslot(FRAME_SLOT.newTarget) + w), ecx);
  constructThis(h);
  if (spread) {
    a.mov(eax, root('callArgs')).mov(eax, dword(eax, 4)).sub(eax, 8).shr(eax, 3);
    a.mov(var32('call_argc'), eax).mov(var32('call_first'), -1);
  } else {
    h.reg(eax, 1);
    a.mov(var32('call_first'), eax);
    h.reg(eax, 2);
    a.mov(var32('call_argc'), eax);
  }
  a.mov(var32('call_flags'), FRAME_CONSTRUCT);
  a.mov(var32('call_cont'), sym(cont));
  saveResumePc(a);
  a.jmp('interp_enter_frame');
  // the parent returned: bind this (once) and store it
  a.label(cont).add(esi, 1);
  a.cmp(dword(ebp, fslot(FRAME_SLOT.this) + 4), TAG.hole).jne(twice);
  a.mov(dword(ebp, fslot(FRAME_SLOT.this)), eax).mov(dword(ebp, fslot(FRAME_SLOT.this) + 4), edx);
  storeValue(h, 0);
  h.next();
  a.label(twice);
  throwMessage(a, 'ReferenceError: Super constructor may only be called once');
  a.label(bad);
  throwMessage(a, 'TypeError: Super constructor is not a constructor');
}

/** ToString / ToPropertyKey. A symbol throws TypeError for ToString and is its own key;
 *  an object goes through ToPrimitive with hint 'string' first. */
function toStringOp(h: H, key: boolean): void {
  const a = h.a, slow = h.label('slow'), copy = h.label('copy'), noConv = h.label('noconv'), obj = h.label('obj'), none = h.label('none'),
    check = h.label('check'), conv = h.label('conv'), symbol = h.label('symbol');
  h.reg(eax, 1);
  // eax = register index of the value: operand 1, or CONV0_INDEX after ToPrimitive
  a.label(check);
  if (key) a.cmp(T(eax), TAG.int).je(copy);
  a.cmp(T(eax), TAG.cell).jne(slow);
  a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.String).jne(obj);
  a.label(copy);
  h.reg(ecx, 0);
  copyValue(a, valueAt(ecx), valueAt(eax), edx);
  h.next();
  a.label(slow);
  a.push(eax);
  a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('prim_to_string').test(eax, eax).jz(noConv);
  a.add(esp, 4);
  storeCell(h, 0);
  h.next();
  // a non-integral double: the prelude's Number.prototype.toString
  a.label(noConv);
  a.pop(edi);
  a.mov(eax, root('intrinsics'));
  a.cmp(dword(eax, slot(4) + 4), TAG.cell).jne(none);
  a.mov(eax, dword(eax, slot(4))).mov(edx, root('sToString')).mov(ecx, TAG.cell).call('get_prop');
  a.cmp(edx, TAG.cell).jne(none).cmp(byte(eax), KIND.Function).jne(none);
  callFromHandler(h, (w) => V(edi, w), { argc: 0 }, 0);
  a.label(none);
  fatal(a, `${h.op}: a non-integral number needs the prelude's Number.prototype.toString (not registered)`);
  a.label(obj);
  a.cmp(byte(ecx), KIND.Symbol).je(symbol);
  a.jmp(conv);
  a.label(symbol);
  if (key) a.jmp(copy);
  else throwMessage(a, 'TypeError: Cannot convert a Symbol value to a string');
  toPrimitiveOperands(h, conv, [1], check, 'string');
}

/** eax = the own entry of private name (register pnOp) in object (register objOp); else jumps to bad. */
function privateFind(h: H, objOp: number, pnOp: number, bad: string): void {
  const a = h.a;
  h.reg(eax, objOp);
  a.cmp(T(eax), TAG.cell).jne(bad);
  a.mov(eax, V(eax));
  isPropObject(a, eax, bad);
  h.reg(ecx, pnOp);
  a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz(bad);
}

function privateError(h: H, pnOp: number, prefix: string, suffix: string): void {
  const a = h.a;
  h.reg(ecx, pnOp);
  a.mov(ecx, V(ecx));
  copyValue(a, rootW('tmp3'), at(ecx, 8), eax);
  throwTmp3(a, prefix, suffix);
}

/** Define own data property obj[key] = src (operands 0, 1, 2) with attributes. */
function defineFromRegs(h: H, attrs: number, after?: () => void): void {
  const a = h.a, bad = h.label('bad');
  h.reg(eax, 0);
  a.cmp(T(eax), TAG.cell).jne(bad);
  a.mov(eax, V(eax));
  isPropObject(a, eax, bad);
  regKey(h, 1);
  a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
  h.reg(eax, 0);
  copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
  h.reg(eax, 2);
  copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
  a.mov(var32('def_attr'), attrs).call('define_prop');
  after?.();
  h.next();
  a.label(bad);
  fatal(a, `${h.op}: the target is not an object`);
}

/** DefineGetter (which 0) / DefineSetter (1): obj, key, fn, flags. */
function defineAccessor(h: H, which: number): void {
  const a = h.a, bad = h.label('bad'), fresh = h.label('fresh');
  h.reg(eax, 0);
  a.cmp(T(eax), TAG.cell).jne(bad);
  a.mov(eax, V(eax));
  isPropObject(a, eax, bad);
  regKey(h, 1);
  a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
  h.reg(eax, 0);
  a.mov(eax, V(eax)).call('prop_find').test(eax, eax).jz(fresh);
  a.test(byte(eax, 16), ATTR_ACCESSOR).jz(fresh);
  // an accessor already: fill in the other half
  a.mov(edi, eax).mov(eax, dword(edi, 8));
  h.reg(ecx, 2);
  copyValue(a, at(eax, 8 + 8 * which), valueAt(ecx), edx);
  h.reg(ecx, 3);
  a.and(dword(edi, 16), ~1).and(ecx, 1).or(dword(edi, 16), ecx);
  a.mov(root('tmp1', 4), TAG.undef);
  h.next();
  a.label(fresh);
  a.mov(ecx, 2).call('new_vector');
  h.reg(ecx, 2);
  copyValue(a, at(eax, 8 + 8 * which), valueAt(ecx), edx);
  a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
  h.reg(eax, 0);
  copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
  h.reg(ecx, 3);
  a.and(ecx, 1).or(ecx, ATTR_ACCESSOR | 0b0100).mov(var32('def_attr'), ecx);
  a.call('define_prop');
  h.next();
  a.label(bad);
  fatal(a, `${h.op}: the target is not an object`);
}

