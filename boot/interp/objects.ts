// The object model beyond the core: the natives of natives.ts, property definition with
// attributes, accessors, constructors and classes, conversions to strings and the opcodes
// built on them. Calls from here into bytecode (getters, setters, toString, constructors)
// push an ordinary frame (see "Calls from handlers" in docs/architecture.md).

import {
  X86Assembler, byte, cl, cx, dl, dword, eax, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, word, xmm0, xmm1, xmm6,
  xmm7,
} from '../../image-builder/x86/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { root, var32 } from './asm.ts';
import {
  STR, TAG, KIND, SYMBOL_DESCRIPTION, STRING_TWO_BYTE, slot, PROTO, OBJ_FROZEN, ARRAY_LENGTH, ARRAY_ELEMENTS, PROPS,
  PT_COUNT, PT_ENTRY_SIZE, PT_ENTRIES, VIEW_LENGTH, FN_INDEX, OBJ_NOT_EXTENSIBLE, ATTR_ACCESSOR, ARRAY_SIZE, OBJECT_SIZE,
  rootOffset,
} from './layout.ts';
import { FN_RECORDS, at, copyValue, fatal, intrinsicFunction, rootW, saveResumePc, throwMessage } from './runtime.ts';
import { emitStackRoutines } from './builtin-natives.ts';
import { loadUnitFlat, unitsBase } from './string-units.ts';
import { emitThrowNotCallable } from './calls.ts';
import { throwTmp3, keyToTmp3 } from './properties.ts';

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
    a.mov(ecx, var32('def_attr')).cmp(dword(eax, 16), ecx).je('sp_done');
    a.mov(dword(eax, 16), ecx);
    // other attributes (or accessor <-> data): the table's shape changes
    a.mov(edi, root('tmp0')).mov(edi, dword(edi, PROPS)).call('shape_fresh');
    a.jmp('sp_done');
  });

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
    a.call('shape_fresh');
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
    a.cmp(edx, dword(eax, ARRAY_LENGTH)).jb('ap_arr_in');
    a.test(byte(eax, 1), OBJ_NOT_EXTENSIBLE >> 8).jnz('ap_notext'); // (frozen is not extensible too)
    a.jmp('ap_arr_set');
    a.label('ap_arr_in').test(byte(eax, 1), OBJ_FROZEN >> 8).jnz('ap_readonly');
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
    copyValue(a, rootW('tmp2'), rootW('tmp0'), eax);
    a.mov(var32('itm_subject'), 1); // (named as V8 names it)
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
    copyValue(a, rootW('tmp2'), rootW('tmp0'), eax);
    a.mov(var32('itm_subject'), 1);
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
    a.push(ebx).push(ecx).push(edx).push(esi).push(edi);
    // esi = a's length, [esp] = b's; edi, edx = where their units are
    a.mov(esi, dword(eax, STR.length)).push(dword(edx, STR.length)).xor(ecx, ecx);
    unitsBase(a, edi, eax);
    unitsBase(a, edx, edx);
    a.label('sc_loop');
    a.cmp(ecx, esi).je('sc_end_a');
    a.cmp(ecx, dword(esp)).je('sc_more');
    loadUnitFlat(a, edi, ecx, eax, 'sc_ta', 'sc_ga');
    loadUnitFlat(a, edx, ecx, ebx, 'sc_tb', 'sc_gb');
    a.add(ecx, 1).cmp(eax, ebx).jb('sc_less').ja('sc_more').jmp('sc_loop');
    a.label('sc_end_a').cmp(ecx, dword(esp)).je('sc_eq');
    a.label('sc_less').mov(eax, -1).jmp('sc_ret');
    a.label('sc_more').mov(eax, 1).jmp('sc_ret');
    a.label('sc_eq').xor(eax, eax);
    a.label('sc_ret').add(esp, 4).pop(edi).pop(esi).pop(edx).pop(ecx).pop(ebx).ret();
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
