// CallNative bodies of the core built-ins (emitNative): intrinsics registration, object
// reflection (ownKeys, prototypes, descriptors), strings, numbers, error stacks. The other
// native files (kernel, user, port, typed, async) are tried after these.

import {
  X86Assembler, al, byte, cl, cx, dl, dx, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, word, xmm0,
  xmm1, type Reg,
} from '../../image-builder/x86/index.ts';
import { FunctionFlag, type NativeName } from '../../image-builder/bytecode/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { loadUnit, loadUnitFlat, unitsBase } from './string-units.ts';
import { T, V, root, var32 } from './asm.ts';
import {
  TAG, STRING_TWO_BYTE, STR, INTRINSIC_COUNT, KIND, PROTO, OBJ_NOT_EXTENSIBLE, OBJ_FROZEN, PROPS, PT_COUNT, PT_ENTRIES,
  ATTR_ACCESSOR, PT_ENTRY_SIZE, FN_INDEX, SYMBOL_SIZE, SYMBOL_DESCRIPTION, ARRAY_LENGTH, ARRAY_ELEMENTS, VIEW_LENGTH,
  FRAME_REGS, slot, FRAME_SLOT,
} from './layout.ts';
import { FN_RECORDS, at, copyValue, fatal, intrinsicFunction, rootW, throwMessage } from './runtime.ts';
import { H, loadTag, storeCell, storeRoot, valueAt } from './helpers.ts';
import { saveNextPc, callFromHandler } from './calls.ts';
import { isPropObject, storeValue } from './properties.ts';
import { registerCollectionMethod } from './collections.ts';
import { registerMachineMethod } from './machine-methods.ts';
import { truncXmm0 } from './scalar-asm.ts';

const TSBC = 'tsbc_image';

/** Address of argument i of a CallNative (operand 2 = first register) into r. */
function argAddr(h: H, r: Reg, i: number): void {
  h.reg(r, 2);
  h.a.lea(r, mem({ base: ebp, index: r, scale: 8, disp: 8 * i }));
}
/** Payload/tag of argument i. */
function argPayload(h: H, r: Reg, i: number): void { h.reg(r, 2); h.a.mov(r, V(r, 8 * i)); }

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
      registerMachineMethod(a, lab('ri_mm'));
      a.label(lab('ri_mm'));
      registerCollectionMethod(a, lab('ri_coll'));
      a.label(lab('ri_coll'));
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
      a.mov(edi, dword(eax, PROPS)).call('shape_fresh'); // (attributes change below)
      a.mov(ecx, dword(edi, PT_COUNT)).add(edi, PT_ENTRIES);
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
      // esi = a's length, [esp] = b's; edi, edx = where their units are
      a.push(dword(edx, STR.length)).mov(esi, dword(edi, STR.length));
      unitsBase(a, edi, edi);
      unitsBase(a, edx, edx);
      a.label(loop);
      a.cmp(ecx, esi).je(endA);
      a.cmp(ecx, dword(esp)).je(more);
      loadUnitFlat(a, edi, ecx, eax, lab('ta'), lab('ga'));
      loadUnitFlat(a, edx, ecx, ebx, lab('tb'), lab('gb'));
      a.add(ecx, 1).cmp(eax, ebx).jb(less).ja(more).jmp(loop);
      a.label(endA).cmp(ecx, dword(esp)).je(eq);
      a.label(less).mov(eax, -1).add(esp, 4).pop(esi).pop(ebx);
      storeInt(h);
      a.label(more).mov(eax, 1).add(esp, 4).pop(esi).pop(ebx);
      storeInt(h);
      a.label(eq).xor(eax, eax).add(esp, 4).pop(esi).pop(ebx);
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
      unitsBase(a, edi, edi);
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
      // [esp] = the needle's length, [esp + 4] the string's; edi, edx = where their units are
      a.push(dword(edi, STR.length)).push(dword(edx, STR.length));
      unitsBase(a, edi, edi);
      unitsBase(a, edx, edx);
      a.label(outer);
      a.mov(eax, esi).add(eax, dword(esp)).cmp(eax, dword(esp, 4)).ja(notFound);
      a.xor(ecx, ecx);
      a.label(inner).cmp(ecx, dword(esp)).je(found);
      a.push(ecx).add(ecx, esi);
      loadUnitFlat(a, edi, ecx, eax, lab('ta'), lab('ga'));
      a.pop(ecx);
      loadUnitFlat(a, edx, ecx, ebx, lab('tb'), lab('gb'));
      a.cmp(eax, ebx).jne(next).add(ecx, 1).jmp(inner);
      a.label(next).add(esi, 1).jmp(outer);
      a.label(found).mov(eax, esi).add(esp, 8).pop(esi).pop(ebx);
      storeInt(h);
      a.label(notFound).mov(eax, -1).add(esp, 8).pop(esi).pop(ebx);
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
    case 'uniqueShapes': {
      argAddr(h, eax, 0);
      a.cmp(dword(eax, 4), TAG.int).jne(bad);
      a.mov(eax, dword(eax)).add(eax, var32('shape_unique_adds')).js(bad);
      a.mov(var32('shape_unique_adds'), eax);
      loadTag(h, TAG.undef);
      badArgs();
      return true;
    }
    case 'installMethods': {
      // installMethods(target, source): source's own properties defined on target as
      // defineProperty/defineAccessor would, not enumerable (the prelude's install(): one
      // native call instead of ~20 ops and two natives a method). Table order, strings and
      // integers first, then symbols (ownKeys order for tables without integer keys).
      // The source is read again from its argument after each define_prop (a collection
      // may move it); [esp] = entry index, [esp+4] = pass (0: strings/integers, 1: symbols).
      const loop = lab('loop'), next = lab('next'), pass = lab('pass'), done = lab('done'), isInt = lab('int'),
        isSym = lab('sym'), def = lab('def');
      cellArg(h, 0, bad);
      isPropObject(a, eax, bad);
      cellArg(h, 1, bad);
      isPropObject(a, eax, bad);
      a.push(0).push(0);
      a.add(var32('shape_unique_adds'), 1); // a prototype's methods: unique shapes, no transitions
      a.label(loop);
      argAddr(h, eax, 1);
      a.mov(eax, dword(eax));
      a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(done);
      a.mov(edi, dword(eax, PROPS)).mov(eax, dword(esp)).cmp(eax, dword(edi, PT_COUNT)).jae(pass);
      a.imul(eax, eax, PT_ENTRY_SIZE).lea(edi, mem({ base: edi, index: eax, disp: PT_ENTRIES }));
      a.cmp(dword(edi, 4), TAG.int).je(isInt);
      a.cmp(dword(edi, 4), TAG.cell).jne(next);
      a.mov(eax, dword(edi)).cmp(byte(eax), KIND.Symbol).je(isSym);
      a.cmp(byte(eax), KIND.String).jne(next);
      a.label(isInt).cmp(dword(esp, 4), 0).jne(next).jmp(def);
      a.label(isSym).cmp(dword(esp, 4), 1).jne(next);
      a.label(def);
      copyValue(a, rootW('tmp1'), at(edi), ecx);
      copyValue(a, rootW('tmp2'), at(edi, 8), ecx);
      a.mov(ecx, dword(edi, 16)).and(ecx, ATTR_ACCESSOR | 6).mov(var32('def_attr'), ecx);
      argAddr(h, eax, 0);
      copyValue(a, rootW('tmp0'), at(eax), ecx);
      a.call('define_prop');
      a.label(next).add(dword(esp), 1).jmp(loop);
      a.label(pass).mov(dword(esp), 0).add(dword(esp, 4), 1).cmp(dword(esp, 4), 2).jb(loop);
      a.label(done).add(esp, 8);
      a.sub(var32('shape_unique_adds'), 1);
      loadTag(h, TAG.undef);
      badArgs();
      return true;
    }
    default:
      return false;
  }
}

/** ownKeys(obj, flags): own string keys, integer keys ascending first, then insertion order;
 *  then, with flags bit 1, the symbol keys in insertion order. Bit 0: enumerable only. */
export function ownKeysNative(h: H, bad: string, objAddr: (r: Reg) => void = (r) => argAddr(h, r, 0), enumOnly?: number): void {
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
  // (keys from 2^31 to 2^32-2 are strings in the table, the others int32s)
  a.label(intScan).test(ecx, ecx).jz(intDone);
  a.mov(edx, dword(edi));
  a.cmp(dword(edi, 4), TAG.int).je(L('intkey'));
  a.cmp(dword(edi, 4), TAG.cell).jne(intNext);
  a.cmp(byte(edx), KIND.String).jne(intNext);
  a.call('str_big_index').jc(intNext);
  a.label(L('intkey'));
  a.test(dword(esp, 8), 1).jz(L('intany')).test(byte(edi, 16), 1).jz(intNext);
  a.label(L('intany'));
  a.cmp(dword(esp, 4), -1).je(L('intfirst')).cmp(edx, dword(esp, 4)).jbe(intNext);
  a.label(L('intfirst')).cmp(edx, eax).jae(intNext).mov(eax, edx);
  a.label(intNext).add(edi, PT_ENTRY_SIZE).sub(ecx, 1).jmp(intScan);
  a.label(intDone).cmp(eax, -1).je(L('strs'));
  a.mov(dword(esp, 4), eax);
  a.mov(edx, eax).shr(edx, 31).call('int_to_string'); // (unsigned from 2^31)
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
  a.mov(edx, eax).call('str_big_index').jnc(strNext); // listed with the integer keys
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
  a.mov(ecx, dword(sym(TSBC).plus(28))).add(ecx, sym(TSBC)).mov(eax, dword({ base: ecx, index: eax, scale: 4 })).add(eax, sym(TSBC));
  a.call('cs_put_string'); // (a string record is a String object)
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
export function emitStackRoutines(a: X86Assembler): void {
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
    a.mov(edx, dword(eax, STR.length)).xor(ecx, ecx);
    unitsBase(a, esi, eax);
    a.label('cpst_loop').cmp(ecx, edx).jae('cpst_done');
    loadUnitFlat(a, esi, ecx, eax, 'cpst_two', 'cpst_got');
    a.cmp(eax, 256).jb('cpst_put').mov(eax, 0x3f);
    a.label('cpst_put').call('cs_putc').add(ecx, 1).jmp('cpst_loop');
    a.label('cpst_done').pop(esi).pop(edx).pop(ecx).pop(eax).ret();
  });
  routine(a, 'cs_put_dec', () => { // eax = unsigned
    a.push(eax).push(ecx).push(edx);
    a.mov(ecx, 10).xor(edx, edx).div(ecx);
    a.test(eax, eax).jz('cpd_last').call('cs_put_dec');
    a.label('cpd_last').mov(eax, edx).add(eax, 0x30).call('cs_putc');
    a.pop(edx).pop(ecx).pop(eax).ret();
  });
}
