// Property access from handlers: keys from operands, get/set with getters and setters,
// definition (fields, accessors), deletion, `in`, ToString/ToPropertyKey, and the error
// messages for nullish bases.

import {
  X86Assembler, byte, dword, eax, ebp, ecx, edi, edx, esi, esp, mem, sym, type Reg,
} from '../../image-builder/x86/index.ts';
import type { OpcodeName } from '../../image-builder/bytecode/index.ts';
import { cstring } from '../asm-util.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { T, V, root, var32 } from './asm.ts';
import {
  KIND, TAG, TAG_ACCESSOR, fslot, FRAME_SLOT, ARRAY_LENGTH, ARRAY_ELEMENTS, OBJ_FROZEN, OBJ_NOT_EXTENSIBLE, VIEW_LENGTH,
  PROPS, PT_COUNT, PT_ENTRY_SIZE, PT_ENTRIES, ATTR_ACCESSOR, STR, slot,
} from './layout.ts';
import { at, copyValue, fatal, intrinsicFunction, rootW, throwMessage } from './runtime.ts';
import { H, loadTag, storeCell, valueAt } from './helpers.ts';
import { jumpIfObject, toPrimitiveOperands } from './to-primitive.ts';
import { loadUnit } from './string-units.ts';
import { saveNextPc, callFromHandler, numberToStringCall } from './calls.ts';

/** Jump to `bad` unless r (a heap address) is an Object, Array or Function. */
export function isPropObject(a: X86Assembler, r: Reg, bad: string): void {
  a.cmp(byte(r), KIND.Object).jb(bad).cmp(byte(r), KIND.Function).ja(bad);
}

/** Store eax:edx into register operand i. Clobbers ecx. */
export function storeValue(h: H, i: number): void {
  h.reg(ecx, i);
  h.a.mov(V(ecx), eax).mov(T(ecx), edx);
}

/** Throw "<prefix><tmp3><suffix>" (tmp3 = a string). */
export function throwTmp3(a: X86Assembler, prefix: string, suffix: string): void {
  a.mov(eax, sym(cstring(a, prefix))).mov(edx, sym(cstring(a, suffix))).jmp('interp_throw_message');
}

/** tmp3 = the property key edx:ecx as a string. May allocate. */
export function keyToTmp3(a: X86Assembler): void {
  a.call('key_to_string').mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
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
export function regKey(h: H, i: number): void {
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

/** Property access, definition, deletion and key conversion. */
export const PROPERTY_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  CheckHoleError: (h) => {
    const a = h.a, hole = h.label('hole');
    h.reg(ecx, 0);
    a.cmp(T(ecx), TAG.hole).je(hole);
    h.next();
    a.label(hole);
    throwKindConst(h, 1, 2);
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
    // an object value is converted first (ToPrimitive, hint number: valueOf may run code)
    const convert = h.label('convert'), store = h.label('store');
    h.reg(eax, 2);
    jumpIfObject(a, eax, convert, store);
    a.label(store); // eax = the register index of the value (or of the conv slot holding its primitive)
    h.reg(edx, 0);
    a.mov(edi, V(edx));
    h.reg(edx, 1);
    a.mov(edx, V(edx));
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('ta_set_index');
    h.next();
    toPrimitiveOperands(h, convert, [2], store, 'number');
    a.label(generic);
    regKey(h, 1);
    a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
    assignWithKey(h, 0, 2);
  },
  DefineField: (h) => defineFromRegs(h, 0b0111),
  DefineGetter: (h) => defineAccessor(h, 0),
  DefineSetter: (h) => defineAccessor(h, 1),
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
    // a primitive (or undefined/null): the prelude's DeletePrimitive(key) with this = the value
    const noPrelude = h.label('noprelude');
    intrinsicFunction(a, Intrinsic.DeletePrimitive, noPrelude);
    h.reg(ecx, 1);
    callFromHandler(h, (w) => V(ecx, w), { firstOp: 2, argc: 1 }, 0);
    a.label(noPrelude);
    fatal(a, 'DeleteElem: deleting a property of a primitive needs the prelude\'s DeletePrimitive (Intrinsic 59, not registered)');
  },
};

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

/** Define own data property obj[key] = src (operands 0, 1, 2) with attributes. */
export function defineFromRegs(h: H, attrs: number, after?: () => void): void {
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
  a.mov(eax, dword(edi, 16)).and(eax, ~1).and(ecx, 1).or(eax, ecx);
  a.cmp(eax, dword(edi, 16)).je(h.lbl('sameattrs'));
  a.mov(dword(edi, 16), eax);
  // enumerable changed: so does the table's shape
  h.reg(eax, 0);
  a.mov(edi, V(eax)).mov(edi, dword(edi, PROPS)).call('shape_fresh');
  a.label(h.lbl('sameattrs'));
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
