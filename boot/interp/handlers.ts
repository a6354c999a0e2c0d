// Opcode handlers and the dispatch table, generated from image-builder/bytecode/opcodes.ts.
// Each handler decodes its operands relative to esi (which points just past the opcode
// byte), does its work and ends with its own copy of dispatch. Opcodes without a handler
// get a stub that stops the machine naming the opcode and the position.

import {
  X86Assembler, al, byte, cl, dword, word, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, xmm0, xmm1,
  type Cond, type Reg,
} from '../../image-builder/x86/index.ts';
import {
  FunctionFlag, Intrinsic, OPCODES, NATIVES, KERNEL_ONLY_NATIVES, type OpcodeName,
} from '../../image-builder/bytecode/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { DISPATCH_TABLE, Deferred, T, V, dispatch, opDword, platform, root, userBuild, var32 } from './asm.ts';
import {
  ARRAY_ELEMENTS, ARRAY_LENGTH, ARRAY_SIZE, ENV_PARENT, ENV_SLOTS, FN_ENV, FN_INDEX, FRAME_SLOT, KIND, OBJECT_SIZE,
  PROPS, PROTO, TAG, FRAME_REGS, fslot, type RootName, FRAME_CONSTRUCT, FRAME_NATIVE_RETURN, FRAME_ENTRY, STR,
  STRING_TWO_BYTE, CONV0_INDEX, CONV1_INDEX, TAG_ACCESSOR, slot, OBJ_FROZEN, OBJ_NOT_EXTENSIBLE,
} from './layout.ts';
import {
  FN_RECORDS, FRAME_DEPTH_UNIT, FRAME_XMM, MAX_DENSE_INDEX, at, copyValue, copyValue8, fatal, loadCodeBase, rootW,
  throwMessage,
} from './runtime.ts';
import { emitNative } from './builtin-natives.ts';
import { emitObjectModel, emitObjectRoutines } from './objects.ts';
import { PROPERTY_HANDLERS } from './properties.ts';
import { CLASS_HANDLERS } from './classes.ts';
import { CALL_HANDLERS, newGeneric, numberToStringCall, throwNotCallable } from './calls.ts';
import { ITERATION_HANDLERS } from './iteration.ts';
import { emitPortNative } from './port-natives.ts';
import { IC_HANDLERS, emitInlineCacheRoutines } from './ic.ts';
import { emitShapeRoutines } from './shapes.ts';
import { collectionCall, emitCollectionRoutines } from './collections.ts';
import { emitMachineMethodRoutines } from './machine-methods.ts';
import { ASYNC_HANDLERS, emitAsyncNative, emitAsyncRuntime } from './async.ts';
import { emitKernelNative, emitKernelRuntime } from './kernel-natives.ts';
import { emitUserNative, emitUserRuntime } from './user-natives.ts';
import { emitTypedNative, emitTypedRuntime } from './typed.ts';
import { emitWeakNative } from './weak-natives.ts';
import { H, valueAt, storeCell, storeRoot, loadTag } from './helpers.ts';
import { jumpIfObject, toPrimitiveOperands, emitToPrimitiveRoutines } from './to-primitive.ts';

const frameSlot = (k: number) => (w: number) => dword(ebp, fslot(k) + w);

/** Both int32: jumps to `slow` unless the tags at V(x), V(y) are both int32. Clobbers edi. */
function bothInt(a: X86Assembler, x: Reg, y: Reg, slow: string): void {
  a.mov(edi, T(x)).and(edi, T(y)).cmp(edi, -1).jne(slow);
}

/** Generic double path: dst = f(ToNumber(a), ToNumber(b)) with xmm0 = a, xmm1 = b. */
function f64Binary(h: H, body: () => void): void {
  const a = h.a;
  a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
  a.call('num_pair');
  body();
  h.reg(ecx, 0);
  a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
  h.next();
}

function arith(h: H, kind: 'Add' | 'Sub' | 'Mul'): void {
  const a = h.a, slow = h.label('slow');
  h.reg(eax, 1).reg(edx, 2);
  bothInt(a, eax, edx, slow);
  a.mov(edi, V(eax));
  if (kind === 'Add') a.add(edi, V(edx)).jo(slow);
  else if (kind === 'Sub') a.sub(edi, V(edx)).jo(slow);
  else {
    const store = h.label('store');
    a.imul(edi, V(edx)).jo(slow);
    a.test(edi, edi).jnz(store);
    a.mov(edi, V(eax)).or(edi, V(edx)).js(slow); // a zero product with a negative factor is -0
    a.xor(edi, edi);
    a.label(store);
  }
  h.reg(ecx, 0);
  a.mov(V(ecx), edi).mov(T(ecx), TAG.int);
  h.next();
  h.later.add(() => {
    const prims = h.label('prims'), check2 = h.label('check2'), conv = h.label('conv');
    a.label(slow);
    if (kind === 'Add') {
      // two strings (`s += t`): straight to the concatenation
      const general = h.label('general');
      a.cmp(T(eax), TAG.cell).jne(general).cmp(T(edx), TAG.cell).jne(general);
      a.mov(edi, V(eax)).cmp(byte(edi), KIND.String).jne(general);
      a.mov(ecx, V(edx)).cmp(byte(ecx), KIND.String).jne(general);
      a.mov(root('tmp0'), edi).mov(root('tmp0', 4), TAG.cell).mov(root('tmp1'), ecx).mov(root('tmp1', 4), TAG.cell);
      a.call('str_concat');
      a.mov(root('tmp0', 4), TAG.undef).mov(root('tmp1', 4), TAG.undef);
      storeCell(h, 0);
      h.next();
      a.label(general);
    }
    jumpIfObject(a, eax, conv, check2);
    a.label(check2);
    jumpIfObject(a, edx, conv, prims);
    toPrimitiveOperands(h, conv, [1, 2], prims, kind === 'Add' ? 'default' : 'number');
    a.label(prims);
    if (kind === 'Add') {
      const strings = h.label('strings'), bad = h.label('bad');
      // concatenation when either primitive is a string (a symbol next to one throws there;
      // otherwise ToNumber throws for it)
      for (const r of [eax, edx]) {
        const skip = h.label('notstr');
        a.cmp(T(r), TAG.cell).jne(skip).mov(edi, V(r)).cmp(byte(edi), KIND.String).je(strings);
        a.label(skip);
      }
      f64Binary(h, () => a.addsd(xmm0, xmm1));
      // a string with a string or a primitive (converted by prim_to_string); any other
      // object needs ToPrimitive
      const badPop = h.label('badpop');
      const fraction = [h.label('frac0'), h.label('frac1')];
      a.label(strings);
      a.push(edx).push(eax);
      (['tmp0', 'tmp1'] as const).forEach((t, k) => {
        const prim = h.label(`prim${k}`), done = h.label(`done${k}`);
        a.mov(ecx, dword(esp, 4 * k));
        a.cmp(T(ecx), TAG.cell).jne(prim);
        a.mov(edi, V(ecx)).cmp(byte(edi), KIND.Symbol).je(h.lbl('symbol'));
        a.cmp(byte(edi), KIND.String).jne(badPop);
        copyValue(a, rootW(t), valueAt(ecx), edi);
        a.jmp(done);
        a.label(prim).lea(eax, mem({ base: ebp, index: ecx, scale: 8 })).call('prim_to_string');
        a.test(eax, eax).jz(fraction[k]);
        a.mov(root(t), eax).mov(root(t, 4), TAG.cell);
        a.label(done);
      });
      a.add(esp, 8);
      a.call('str_concat');
      a.mov(root('tmp0', 4), TAG.undef).mov(root('tmp1', 4), TAG.undef);
      storeCell(h, 0);
      h.next();
      // A non-integral number next to a string: both operands go to the conv slots, the
      // number's is replaced by the prelude's Number.prototype.toString of it, and the
      // concatenation starts again from there.
      fraction.forEach((label, k) => {
        const conv = (j: number) => (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0 + j) + w);
        const cont = h.label(`fraccont${k}`);
        a.label(label);
        a.cmp(dword(esp, 4 * k), k === 0 ? CONV0_INDEX : CONV1_INDEX).je(h.lbl(`fracin${k}`));
        a.mov(ecx, dword(esp, 4 * k));
        copyValue(a, conv(k), valueAt(ecx), edi);
        a.label(h.lbl(`fracin${k}`));
        if (k === 1) {
          a.cmp(dword(esp), CONV0_INDEX).je(h.lbl('fracother'));
          a.mov(ecx, dword(esp));
          copyValue(a, conv(0), valueAt(ecx), edi);
          a.label(h.lbl('fracother'));
        } else {
          a.cmp(dword(esp, 4), CONV1_INDEX).je(h.lbl('fracother0'));
          a.mov(ecx, dword(esp, 4));
          copyValue(a, conv(1), valueAt(ecx), edi);
          a.label(h.lbl('fracother0'));
        }
        a.add(esp, 8).mov(root('tmp0', 4), TAG.undef);
        a.cmp(conv(k)(4), TAG.firstTag).jae(bad); // only doubles are left to convert here
        numberToStringCall(h, conv(k), cont, bad);
        a.label(cont).add(esi, 1);
        a.mov(conv(k)(0), eax).mov(conv(k)(4), edx);
        a.mov(eax, CONV0_INDEX).mov(edx, CONV1_INDEX).jmp(strings);
      });
      a.label(h.lbl('symbol'));
      throwMessage(a, 'TypeError: Cannot convert a Symbol value to a string');
      a.label(badPop).add(esp, 8).mov(root('tmp0', 4), TAG.undef);
      a.label(bad);
      fatal(a, 'Add: an operand that ToPrimitive/ToString cannot convert next to a string');
    } else {
      f64Binary(h, () => (kind === 'Sub' ? a.subsd(xmm0, xmm1) : a.mulsd(xmm0, xmm1)));
    }
  });
}

function divMod(h: H, kind: 'Div' | 'Mod'): void {
  const a = h.a, slow = h.label('slow'), store = h.label('store'), ok = h.label('ok');
  h.reg(ecx, 1).reg(edi, 2);
  a.mov(eax, T(ecx)).and(eax, T(edi)).cmp(eax, -1).jne(slow);
  a.mov(eax, V(ecx)).mov(ecx, V(edi));
  a.test(ecx, ecx).jz(slow);
  a.cmp(ecx, -1).jne(ok).cmp(eax, 0x8000_0000).je(slow);
  a.label(ok).mov(edi, eax).cdq().idiv(ecx);
  if (kind === 'Div') {
    a.test(edx, edx).jnz(slow);
    a.test(eax, eax).jnz(store).test(ecx, ecx).js(slow); // 0 / negative = -0
  } else {
    a.mov(eax, edx).test(eax, eax).jnz(store).test(edi, edi).js(slow); // negative % d = -0
  }
  a.label(store);
  h.storeTag(0, TAG.int);
  h.next();
  h.later.add(() => {
    const prims = h.label('prims'), check2 = h.label('check2'), conv = h.label('conv');
    a.label(slow);
    h.reg(eax, 1).reg(edx, 2);
    jumpIfObject(a, eax, conv, check2);
    a.label(check2);
    jumpIfObject(a, edx, conv, prims);
    toPrimitiveOperands(h, conv, [1, 2], prims, 'number');
    a.label(prims);
    f64Binary(h, () => (kind === 'Div' ? a.divsd(xmm0, xmm1) : a.call('f64_mod')));
  });
}

function bitwise(h: H, kind: 'BitAnd' | 'BitOr' | 'BitXor' | 'Shl' | 'Shr' | 'UShr'): void {
  const a = h.a, slow = h.label('slow'), store = h.label('store');
  h.reg(eax, 1).reg(edx, 2);
  bothInt(a, eax, edx, slow);
  a.mov(ecx, V(edx)).mov(eax, V(eax));
  const apply = () => {
    switch (kind) {
      case 'BitAnd': a.and(eax, ecx); break;
      case 'BitOr': a.or(eax, ecx); break;
      case 'BitXor': a.xor(eax, ecx); break;
      case 'Shl': a.shl(eax, cl); break;
      case 'Shr': a.sar(eax, cl); break;
      case 'UShr': a.shr(eax, cl); break;
    }
  };
  apply();
  a.label(store);
  if (kind === 'UShr') {
    const big = h.label('uint');
    a.test(eax, eax).js(big);
    h.storeTag(0, TAG.int);
    h.next();
    a.label(big);
    h.storeTag(0, TAG.uint);
    h.next();
  } else {
    h.storeTag(0, TAG.int);
    h.next();
  }
  h.later.add(() => {
    const prims = h.label('prims'), check2 = h.label('check2'), conv = h.label('conv');
    a.label(slow);
    h.reg(eax, 1).reg(edx, 2);
    jumpIfObject(a, eax, conv, check2);
    a.label(check2);
    jumpIfObject(a, edx, conv, prims);
    toPrimitiveOperands(h, conv, [1, 2], prims, 'number');
    a.label(prims);
    // ToNumeric of a before b (a string needing the prelude re-runs the instruction)
    a.push(edx).lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_int32');
    a.pop(edx).push(eax).lea(eax, mem({ base: ebp, index: edx, scale: 8 })).call('num_to_int32');
    a.mov(ecx, eax).pop(eax);
    apply();
    a.jmp(store);
  });
}

/** Relational comparison producing a boolean. */
function relational(h: H, intCc: Cond, f64: 'ab' | 'ba', f64Cc: Cond): void {
  const a = h.a, slow = h.label('slow'), store = h.label('store');
  h.reg(eax, 1).reg(edx, 2);
  bothInt(a, eax, edx, slow);
  a.mov(edi, V(eax)).cmp(edi, V(edx)).setcc(intCc, al).movzx(eax, al);
  a.label(store);
  h.storeTag(0, TAG.bool);
  h.next();
  h.later.add(() => {
    const numbers = h.label('numbers');
    const prims = h.label('prims'), check2 = h.label('check2'), conv = h.label('conv');
    a.label(slow);
    jumpIfObject(a, eax, conv, check2);
    a.label(check2);
    jumpIfObject(a, edx, conv, prims);
    toPrimitiveOperands(h, conv, [1, 2], prims, 'number');
    a.label(prims);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
    bothStrings(a, numbers);
    a.cmp(eax, 0).setcc(intCc, al).movzx(eax, al).jmp(store);
    a.label(numbers);
    a.call('num_pair');
    if (f64 === 'ab') a.ucomisd(xmm0, xmm1); else a.ucomisd(xmm1, xmm0);
    a.setcc(f64Cc, al).movzx(eax, al).jmp(store);
  });
}

/** eax = &a, edx = &b: if both are strings, eax = str_compare(a, b) (-1, 0, 1); otherwise
 *  jumps to `other` with eax/edx unchanged. */
function bothStrings(a: X86Assembler, other: string): void {
  a.cmp(dword(eax, 4), TAG.cell).jne(other).cmp(dword(edx, 4), TAG.cell).jne(other);
  a.mov(ecx, dword(eax)).cmp(byte(ecx), KIND.String).jne(other);
  a.mov(ecx, dword(edx)).cmp(byte(ecx), KIND.String).jne(other);
  a.mov(eax, dword(eax)).mov(edx, dword(edx)).call('str_compare');
}

/** The fused compare-and-branch instructions: jump if `a REL b` holds (or, negated, if it
 *  does not: NaN and undefined comparisons then jump). */
function jumpCompare(h: H, rel: 'lt' | 'le' | 'gt' | 'ge', negate: boolean): void {
  const a = h.a, slow = h.label('slow'), taken = h.label('taken');
  const intCc: Cond = ({ lt: 'l', le: 'le', gt: 'g', ge: 'ge' } as const)[rel];
  const notIntCc: Cond = ({ lt: 'ge', le: 'g', gt: 'le', ge: 'l' } as const)[rel];
  h.reg(eax, 0).reg(edx, 1);
  bothInt(a, eax, edx, slow);
  a.mov(edi, V(eax)).cmp(edi, V(edx));
  a.jcc(negate ? notIntCc : intCc, taken);
  h.next();
  a.label(taken);
  h.jump(2);
  h.later.add(() => {
    const numbers = h.label('numbers');
    const prims = h.label('prims'), check2 = h.label('check2'), conv = h.label('conv');
    a.label(slow);
    jumpIfObject(a, eax, conv, check2);
    a.label(check2);
    jumpIfObject(a, edx, conv, prims);
    toPrimitiveOperands(h, conv, [0, 1], prims, 'number');
    a.label(prims);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
    bothStrings(a, numbers);
    a.cmp(eax, 0);
    a.jcc(negate ? notIntCc : intCc, taken);
    h.next();
    a.label(numbers);
    // ucomisd: unordered sets ZF, PF and CF, so 'a' and 'ae' are false for NaN
    a.call('num_pair');
    if (rel === 'lt' || rel === 'le') a.ucomisd(xmm1, xmm0); else a.ucomisd(xmm0, xmm1);
    const holds: Cond = rel === 'lt' || rel === 'gt' ? 'a' : 'ae';
    const fails: Cond = rel === 'lt' || rel === 'gt' ? 'be' : 'b';
    a.jcc(negate ? fails : holds, taken);
    h.next();
  });
}

/** JumpIfEqInt / JumpIfNeInt: a === imm holds for an int32 with that payload and for a
 *  double equal to it (-0 equals 0); a uint32 is at least 2^31, so never. */
function jumpEqInt(h: H, equal: boolean): void {
  const a = h.a, taken = h.label('taken'), notInt = h.label('notint'), differ = h.label('differ');
  h.reg(eax, 0);
  a.cmp(T(eax), TAG.int).jne(notInt);
  a.mov(edx, V(eax)).cmp(edx, opDword(h.off(1)));
  if (equal) {
    a.je(taken);
    h.next();
  } else {
    a.jne(taken);
    a.label(differ);
    h.next();
  }
  a.label(taken);
  h.jump(2);
  h.later.add(() => {
    a.label(notInt);
    a.cmp(T(eax), TAG.firstTag).jae(equal ? differ : taken); // not a double: not equal
    a.cvtsi2sd(xmm1, opDword(h.off(1))).ucomisd(xmm1, qword({ base: ebp, index: eax, scale: 8 }));
    a.jp(equal ? differ : taken);
    if (equal) a.je(taken); else a.jne(taken);
    a.label(equal ? differ : h.label('same'));
    h.next();
  });
}

/** JumpIfStrictEq / JumpIfStrictNe: equal tags other than doubles and cells compare their
 *  payloads here, so do identical cells; the rest goes through strict_eq. */
function jumpStrict(h: H, equal: boolean): void {
  const a = h.a, slow = h.label('slow'), taken = h.label('taken'), differ = h.label('differ');
  h.reg(eax, 0).reg(edx, 1);
  a.mov(edi, T(eax)).cmp(edi, T(edx)).jne(slow);
  a.cmp(edi, TAG.firstTag).jb(slow);
  a.mov(edi, V(eax)).cmp(edi, V(edx));
  if (equal) a.je(taken); else a.jne(differ);
  if (!equal) {
    h.next();
    a.label(differ);
    // different payloads: cells may still be equal strings
    a.cmp(T(eax), TAG.cell).je(slow);
    a.label(taken);
    h.jump(2);
  } else {
    a.cmp(T(eax), TAG.cell).je(slow);
    h.next();
    a.label(taken);
    h.jump(2);
  }
  h.later.add(() => {
    a.label(slow);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
    a.call('strict_eq').test(eax, eax);
    if (equal) a.jnz(taken); else a.jz(taken);
    h.next();
  });
}

function equality(h: H, routineName: string, negate: boolean): void {
  const a = h.a, slow = h.label('slow'), store = h.label('store');
  h.reg(eax, 1).reg(edx, 2);
  bothInt(a, eax, edx, slow);
  a.mov(edi, V(eax)).cmp(edi, V(edx)).setcc(negate ? 'ne' : 'e', al).movzx(eax, al);
  a.label(store);
  h.storeTag(0, TAG.bool);
  h.next();
  h.later.add(() => {
    const prims = h.label('prims');
    a.label(slow);
    if (routineName === 'loose_eq') {
      const conv = h.label('conv'), aObj = h.label('aobj'), bCheck = h.label('bcheck');
      const primOther = (r: Reg) => {
        // the other operand: a primitive that is not null/undefined (a string or a symbol
        // among the cells)
        a.cmp(T(r), TAG.null).je(prims).cmp(T(r), TAG.undef).je(prims);
        a.cmp(T(r), TAG.cell).jne(conv);
        a.mov(edi, V(r)).cmp(byte(edi), KIND.String).je(conv).cmp(byte(edi), KIND.Symbol).je(conv).jmp(prims);
      };
      jumpIfObject(a, eax, aObj, bCheck);
      a.label(bCheck);
      jumpIfObject(a, edx, h.lbl('bobj'), prims);
      a.label(h.lbl('bobj'));
      primOther(eax);
      a.label(aObj);
      primOther(edx);
      toPrimitiveOperands(h, conv, [1, 2], prims, 'default');
    }
    a.label(prims);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).lea(edx, mem({ base: ebp, index: edx, scale: 8 }));
    a.call(routineName);
    if (negate) a.xor(eax, 1);
    a.jmp(store);
  });
}

function incDec(h: H, kind: 'Inc' | 'Dec'): void {
  const a = h.a, slow = h.label('slow');
  h.reg(eax, 1);
  a.cmp(T(eax), TAG.int).jne(slow);
  a.mov(eax, V(eax));
  if (kind === 'Inc') a.add(eax, 1); else a.sub(eax, 1);
  a.jo(slow);
  h.storeTag(0, TAG.int);
  h.next();
  h.later.add(() => {
    const prims = h.label('prims'), conv = h.label('conv');
    a.label(slow);
    h.reg(eax, 1);
    jumpIfObject(a, eax, conv, prims);
    toPrimitiveOperands(h, conv, [1], prims, 'number');
    a.label(prims);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_f64');
    if (kind === 'Inc') a.addsd(xmm0, qword(sym('f64_one'))); else a.subsd(xmm0, qword(sym('f64_one')));
    h.reg(ecx, 0);
    a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
    h.next();
  });
}

/** dst = a + imm (Add semantics: a string concatenates the immediate's digits) or
 *  dst = a - imm (Sub semantics), for AddInt / SubInt. */
function addSubInt(h: H, kind: 'Add' | 'Sub'): void {
  const a = h.a, slow = h.label('slow');
  h.reg(eax, 1);
  a.cmp(T(eax), TAG.int).jne(slow);
  a.mov(eax, V(eax));
  if (kind === 'Add') a.add(eax, opDword(h.off(2))); else a.sub(eax, opDword(h.off(2)));
  a.jo(slow);
  h.storeTag(0, TAG.int);
  h.next();
  h.later.add(() => {
    const prims = h.label('prims'), conv = h.label('conv'), numeric = h.label('numeric');
    a.label(slow);
    h.reg(eax, 1);
    jumpIfObject(a, eax, conv, prims);
    toPrimitiveOperands(h, conv, [1], prims, kind === 'Add' ? 'default' : 'number');
    a.label(prims); // eax = the index of a register holding a primitive
    if (kind === 'Add') {
      // a string: concatenate the immediate's decimal digits (a symbol cannot be added)
      a.cmp(T(eax), TAG.cell).jne(numeric);
      a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.Symbol).je(h.lbl('symbol'));
      copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
      a.mov(eax, opDword(h.off(2))).xor(edx, edx).call('int_to_string');
      a.mov(root('tmp1'), eax).mov(root('tmp1', 4), TAG.cell);
      a.call('str_concat');
      a.mov(root('tmp0', 4), TAG.undef).mov(root('tmp1', 4), TAG.undef);
      storeCell(h, 0);
      h.next();
    }
    if (kind === 'Add') {
      a.label(h.lbl('symbol'));
      throwMessage(a, 'TypeError: Cannot convert a Symbol value to a number');
    }
    a.label(numeric);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_f64');
    a.cvtsi2sd(xmm1, opDword(h.off(2)));
    if (kind === 'Add') a.addsd(xmm0, xmm1); else a.subsd(xmm0, xmm1);
    h.reg(ecx, 0);
    a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
    h.next();
  });
}

/** tmp3 = constant operand i (a string used in an error message). */
function constToTmp3(h: H, i: number): void {
  h.u16(eax, i);
  h.a.mov(edx, root('constants'));
  copyValue(h.a, rootW('tmp3'), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }), ecx);
}

/** Throw "<prefix><constant operand i><suffix>". */
function throwWithConst(h: H, i: number, prefix: string, suffix: string): void {
  constToTmp3(h, i);
  h.a.mov(eax, sym(cstring(h.a, prefix))).mov(edx, sym(cstring(h.a, suffix))).jmp('interp_throw_message');
}

const HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  LoadUndefined: (h) => loadTag(h, TAG.undef),
  LoadNull: (h) => loadTag(h, TAG.null),
  LoadTrue: (h) => loadTag(h, TAG.bool, 1),
  LoadFalse: (h) => loadTag(h, TAG.bool, 0),
  LoadHole: (h) => loadTag(h, TAG.hole),
  LoadInt: (h) => {
    h.a.mov(eax, opDword(h.off(1)));
    h.storeTag(0, TAG.int);
    h.next();
  },
  LoadConst: (h) => {
    const a = h.a;
    h.u16(eax, 1).reg(ecx, 0);
    a.mov(edx, root('constants'));
    copyValue8(a, valueAt(ecx), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }));
    h.next();
  },
  Move: (h) => {
    h.reg(ecx, 0).reg(edx, 1);
    copyValue8(h.a, valueAt(ecx), valueAt(edx));
    h.next();
  },
  CheckHole: (h) => {
    const a = h.a, hole = h.label('hole');
    h.reg(ecx, 0);
    a.cmp(T(ecx), TAG.hole).je(hole);
    h.next();
    h.later.add(() => {
      a.label(hole);
      throwWithConst(h, 1, 'ReferenceError: Cannot access \'', '\' before initialization');
    });
  },

  Add: (h) => arith(h, 'Add'),
  Sub: (h) => arith(h, 'Sub'),
  Mul: (h) => arith(h, 'Mul'),
  Div: (h) => divMod(h, 'Div'),
  Mod: (h) => divMod(h, 'Mod'),
  BitAnd: (h) => bitwise(h, 'BitAnd'),
  BitOr: (h) => bitwise(h, 'BitOr'),
  BitXor: (h) => bitwise(h, 'BitXor'),
  Shl: (h) => bitwise(h, 'Shl'),
  Shr: (h) => bitwise(h, 'Shr'),
  UShr: (h) => bitwise(h, 'UShr'),
  AddInt: (h) => addSubInt(h, 'Add'),
  SubInt: (h) => addSubInt(h, 'Sub'),

  Neg: (h) => {
    const a = h.a, slow = h.label('slow');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.int).jne(slow);
    a.mov(eax, V(eax)).test(eax, 0x7fff_ffff).jz(slow); // 0 and -2^31 leave int32
    a.neg(eax);
    h.storeTag(0, TAG.int);
    h.next();
    h.later.add(() => {
      const prims = h.label('prims'), conv = h.label('conv');
      a.label(slow);
      h.reg(eax, 1);
      jumpIfObject(a, eax, conv, prims);
      toPrimitiveOperands(h, conv, [1], prims, 'number');
      a.label(prims);
      a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_f64');
      a.mulsd(xmm0, qword(sym('f64_minus_one')));
      h.reg(ecx, 0);
      a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
      h.next();
    });
  },
  Plus: (h) => toNumeric(h),
  ToNumeric: (h) => toNumeric(h),
  BitNot: (h) => {
    const prims = h.label('prims'), conv = h.label('conv');
    h.reg(eax, 1);
    jumpIfObject(h.a, eax, conv, prims);
    h.later.add(() => toPrimitiveOperands(h, conv, [1], prims, 'number'));
    h.a.label(prims);
    h.a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_int32').not(eax);
    h.storeTag(0, TAG.int);
    h.next();
  },
  Not: (h) => {
    h.reg(eax, 1);
    h.a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('to_boolean').xor(eax, 1);
    h.storeTag(0, TAG.bool);
    h.next();
  },
  Inc: (h) => incDec(h, 'Inc'),
  Dec: (h) => incDec(h, 'Dec'),
  TypeOf: (h) => {
    const a = h.a;
    const names = {
      number: h.label('number'), boolean: h.label('boolean'), undef: h.label('undefined'),
      object: h.label('object'), string: h.label('string'), fn: h.label('function'), symbol: h.label('symbol'),
    };
    h.reg(eax, 1);
    a.mov(edx, T(eax));
    a.cmp(edx, TAG.firstTag).jb(names.number);
    a.cmp(edx, TAG.uint).jae(names.number);
    a.cmp(edx, TAG.bool).je(names.boolean);
    a.cmp(edx, TAG.null).je(names.object);
    a.cmp(edx, TAG.cell).jne(names.undef);
    a.mov(eax, V(eax));
    a.cmp(byte(eax), KIND.String).je(names.string);
    a.cmp(byte(eax), KIND.Symbol).je(names.symbol);
    a.cmp(byte(eax), KIND.Function).je(names.fn).jmp(names.object);
    const pick: [string, RootName][] = [[names.number, 'sNumber'], [names.boolean, 'sBoolean'],
      [names.undef, 'sUndefined'], [names.object, 'sObject'], [names.string, 'sString'], [names.fn, 'sFunction'],
      [names.symbol, 'sSymbol']];
    for (const [l, r] of pick) {
      a.label(l);
      storeRoot(h, 0, r);
      h.next();
    }
  },

  Eq: (h) => equality(h, 'loose_eq', false),
  Ne: (h) => equality(h, 'loose_eq', true),
  StrictEq: (h) => equality(h, 'strict_eq', false),
  StrictNe: (h) => equality(h, 'strict_eq', true),
  Lt: (h) => relational(h, 'l', 'ba', 'a'),
  Le: (h) => relational(h, 'le', 'ba', 'ae'),
  Gt: (h) => relational(h, 'g', 'ab', 'a'),
  Ge: (h) => relational(h, 'ge', 'ab', 'ae'),

  Jump: (h) => h.jump(0),
  JumpIfTrue: (h) => jumpIfBool(h, true),
  JumpIfFalse: (h) => jumpIfBool(h, false),
  JumpIfNullish: (h) => jumpIfNullish(h, true),
  JumpIfNotNullish: (h) => jumpIfNullish(h, false),
  JumpIfLt: (h) => jumpCompare(h, 'lt', false),
  AddToInt32: (h) => {
    // the int32 case of the Add + BitOr 0 after it; anything else runs them
    const a = h.a, general = h.label('general');
    h.reg(ecx, 1).reg(edx, 2);
    a.mov(eax, T(ecx)).and(eax, T(edx)).cmp(eax, TAG.int).jne(general);
    a.mov(eax, V(ecx)).add(eax, V(edx));
    h.reg(ecx, 0);
    a.mov(V(ecx), eax).mov(T(ecx), TAG.int);
    h.jump(3);
    a.label(general);
    h.next();
  },
  IncJumpIfLt: (h) => {
    // the int32 case of the Inc + JumpIfLt after it; anything else runs them
    const a = h.a, general = h.label('general'), taken = h.label('taken');
    h.reg(ecx, 0).reg(edx, 1);
    a.mov(eax, T(ecx)).and(eax, T(edx)).cmp(eax, TAG.int).jne(general);
    a.mov(eax, V(ecx)).add(eax, 1).jo(general);
    a.mov(V(ecx), eax);
    a.cmp(eax, V(edx)).jl(taken);
    h.jump(3);
    a.label(taken);
    h.jump(2);
    a.label(general);
    h.next();
  },
  JumpIfNotLt: (h) => jumpCompare(h, 'lt', true),
  JumpIfLe: (h) => jumpCompare(h, 'le', false),
  JumpIfNotLe: (h) => jumpCompare(h, 'le', true),
  JumpIfGt: (h) => jumpCompare(h, 'gt', false),
  JumpIfNotGt: (h) => jumpCompare(h, 'gt', true),
  JumpIfGe: (h) => jumpCompare(h, 'ge', false),
  JumpIfNotGe: (h) => jumpCompare(h, 'ge', true),
  JumpIfStrictEq: (h) => jumpStrict(h, true),
  JumpIfStrictNe: (h) => jumpStrict(h, false),
  JumpIfEqInt: (h) => jumpEqInt(h, true),
  JumpIfNeInt: (h) => jumpEqInt(h, false),

  Closure: (h) => {
    const a = h.a;
    h.reg(ecx, 2);
    copyValue(a, rootW('tmp3'), valueAt(ecx), eax);
    h.u16(ecx, 1);
    a.call('new_function');
    storeCell(h, 0);
    h.next();
  },
  Call: (h) => {
    const a = h.a, bad = h.label('notfn'), generic = h.label('generic');
    h.reg(ecx, 1);
    a.cmp(T(ecx), TAG.cell).jne(bad);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(bad);
    callFastPath(h, generic);
    a.label(generic);
    arrayPushCall(h);
    h.reg(ecx, 1);
    a.mov(eax, V(ecx));
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    h.reg(ecx, 2);
    copyValue(a, rootW('tmp1'), valueAt(ecx), eax);
    h.reg(eax, 3);
    a.mov(dword(sym('call_first')), eax);
    h.reg(eax, 4);
    a.mov(dword(sym('call_argc')), eax);
    h.reg(eax, 0);
    a.mov(dword(sym('call_dst')), eax);
    a.lea(eax, mem(esi, h.len - 1)).sub(eax, ebx);
    a.mov(dword(ebp, fslot(FRAME_SLOT.pc)), eax).mov(dword(ebp, fslot(FRAME_SLOT.pc) + 4), TAG.int);
    a.jmp('interp_enter_frame');
    h.later.add(() => {
      a.label(bad);
      throwNotCallable(a, 'function');
    });
  },
  Return: (h) => {
    const a = h.a, end = h.label('end'), slow = h.label('slow'), normal = h.label('normal');
    h.reg(ecx, 0);
    a.movq(xmm0, qword({ base: ebp, index: ecx, scale: 8 }));
    a.test(byte(ebp, fslot(FRAME_SLOT.flags)), FRAME_CONSTRUCT | FRAME_NATIVE_RETURN | FRAME_ENTRY).jnz(slow);
    const pop = h.label('pop');
    a.label(pop); // xmm0 = the value
    a.mov(edi, dword(ebp, fslot(FRAME_SLOT.returnRegister)));
    a.mov(ebp, dword(ebp, fslot(FRAME_SLOT.caller))).add(ebp, FRAME_REGS);
    a.movq(qword({ base: ebp, index: edi, scale: 8 }), xmm0);
    a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
    a.mov(ebx, dword({ base: ecx, disp: FN_RECORDS })).add(ebx, sym('tsbc_image'));
    a.mov(esi, dword(ebp, fslot(FRAME_SLOT.pc))).add(esi, ebx);
    dispatch(a, 0);
    a.label(normal); // eax:edx = the value
    a.push(edx).push(eax).movq(xmm0, qword(esp)).add(esp, 8);
    a.cmp(dword(ebp, fslot(FRAME_SLOT.caller) + 4), TAG.cell).je(pop);
    a.label(end);
    // The top-level frame returned: what happens next is the kernel's choice (kernel-main.ts).
    a.jmp(platform().programDone);
    h.later.add(() => {
      const noCtor = h.label('noctor'), keepThis = h.label('this'), hole = h.label('hole');
      a.label(slow);
      h.reg(ecx, 0);
      a.mov(eax, V(ecx)).mov(edx, T(ecx));
      a.test(byte(ebp, fslot(FRAME_SLOT.flags)), FRAME_CONSTRUCT).jz(noCtor);
      // a constructor's result: an object it returns, else this
      a.cmp(edx, TAG.cell).jne(keepThis);
      a.cmp(byte(eax), KIND.Object).jb(keepThis).cmp(byte(eax), KIND.Function).jbe(noCtor);
      a.label(keepThis);
      const useThis = h.label('usethis'), badReturn = h.label('badreturn');
      a.cmp(edx, TAG.undef).je(useThis);
      a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
      a.test(word({ base: ecx, disp: FN_RECORDS.plus(18) }), 4).jnz(badReturn); // FunctionFlag.Derived
      a.label(useThis);
      a.mov(eax, dword(ebp, fslot(FRAME_SLOT.this))).mov(edx, dword(ebp, fslot(FRAME_SLOT.this) + 4));
      a.cmp(edx, TAG.hole).je(hole);
      a.label(noCtor);
      a.test(byte(ebp, fslot(FRAME_SLOT.flags)), FRAME_NATIVE_RETURN).jz(normal);
      // a call made by native code: resume the caller at its saved pc in the continuation
      a.mov(edi, dword(ebp, fslot(FRAME_SLOT.returnRegister)));
      a.mov(ebp, dword(ebp, fslot(FRAME_SLOT.caller))).add(ebp, FRAME_REGS);
      a.push(eax);
      a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
      a.mov(ebx, dword({ base: ecx, disp: FN_RECORDS })).add(ebx, sym('tsbc_image'));
      a.mov(esi, dword(ebp, fslot(FRAME_SLOT.pc))).add(esi, ebx);
      a.pop(eax);
      a.jmp(edi);
      a.label(badReturn);
      throwMessage(a, 'TypeError: Derived constructors may only return object or undefined');
      a.label(hole);
      throwMessage(a, 'ReferenceError: Must call super constructor in derived class before accessing \'this\' or returning from derived constructor');
    });
  },
  CallNative: (h) => {
    const a = h.a, bad = h.label('bad');
    h.u16(eax, 1);
    a.cmp(eax, NATIVES.length).jae(bad);
    a.jmp(mem({ index: eax, scale: 4, disp: sym('interp_natives') }));
    const labels = NATIVES.map((n) => h.label(n.name));
    a.section('.rodata').align(4).label('interp_natives');
    for (const l of labels) a.dd(sym(l));
    a.section('.text');
    NATIVES.forEach((n, i) => {
      a.label(labels[i]);
      switch (n.name) {
        case 'writeStdout':
        case 'writeStderr': {
          const write = n.name === 'writeStdout' ? platform().writeOut : platform().writeErr;
          const notStr = h.label('notstr');
          h.reg(ecx, 2);
          a.cmp(T(ecx), TAG.cell).jne(notStr).mov(eax, V(ecx)).cmp(byte(eax), KIND.String).jne(notStr);
          a.call(write);
          loadTag(h, TAG.undef);
          a.label(notStr);
          fatal(a, `${n.name}: the argument is not a string`);
          break;
        }
        case 'exit':
          h.reg(eax, 2);
          a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_int32').call(platform().exit);
          break;
        case 'globalObject':
          storeRoot(h, 0, 'global');
          h.next();
          break;
        default:
          if (userBuild()) {
            // tsvm: the kernel's natives (ports, physical memory, CPU state) do not exist
            if (KERNEL_ONLY_NATIVES.has(n.name)) fatal(a, `native ${n.name} is kernel-only: not available in tsvm, the user build`);
            else if (!emitUserNative(h, n.name) && !emitNative(h, n.name) && !emitAsyncNative(h, n.name) && !emitTypedNative(h, n.name) && !emitWeakNative(h, n.name)) fatal(a, `unimplemented native ${n.name} (#${i})`);
          } else if (!emitPortNative(h, n.name) && !emitNative(h, n.name) && !emitAsyncNative(h, n.name) && !emitKernelNative(h, n.name) && !emitUserNative(h, n.name) && !emitTypedNative(h, n.name) && !emitWeakNative(h, n.name)) {
            fatal(a, `unimplemented native ${n.name} (#${i})`);
          }
      }
    });
    a.label(bad);
    fatal(a, 'CallNative: no such native');
  },
  LoadArgument: (h) => {
    const a = h.a, undef = h.label('undef'), extra = h.label('extra');
    h.reg(eax, 1);
    a.cmp(eax, dword(ebp, fslot(FRAME_SLOT.argCount))).jae(undef);
    a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
    a.movzx(ecx, mem({ base: ecx, disp: FN_RECORDS.plus(12) }).withSize(16));
    a.cmp(eax, ecx).jae(extra);
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), valueAt(eax));
    h.next();
    a.label(extra).sub(eax, ecx).mov(edx, dword(ebp, fslot(FRAME_SLOT.extraArgs)));
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }));
    h.next();
    a.label(undef);
    loadTag(h, TAG.undef);
  },
  LoadArgCount: (h) => frameSlotToReg(h, FRAME_SLOT.argCount),
  LoadThis: (h) => frameSlotToReg(h, FRAME_SLOT.this),
  LoadNewTarget: (h) => frameSlotToReg(h, FRAME_SLOT.newTarget),
  LoadCallee: (h) => frameSlotToReg(h, FRAME_SLOT.function),

  EnvNew: (h) => {
    const a = h.a;
    h.u16(ecx, 2);
    a.lea(ecx, mem({ index: ecx, scale: 8, disp: ENV_SLOTS })).mov(edx, KIND.Env).call('heap_alloc');
    h.reg(ecx, 1);
    copyValue(a, at(eax, ENV_PARENT), valueAt(ecx), edx);
    h.u16(ecx, 2);
    a.lea(edx, mem(eax, ENV_SLOTS)).call('fill_hole');
    storeCell(h, 0);
    h.next();
  },
  EnvLoad: (h) => {
    const a = h.a;
    h.reg(eax, 1).u16(ecx, 2).reg(edx, 0);
    a.mov(eax, V(eax));
    copyValue8(a, valueAt(edx), (w) => dword({ base: eax, index: ecx, scale: 8, disp: ENV_SLOTS + w }));
    h.next();
  },
  EnvStore: (h) => {
    const a = h.a;
    h.reg(eax, 0).u16(ecx, 1).reg(edx, 2);
    a.mov(eax, V(eax));
    copyValue8(a, (w) => dword({ base: eax, index: ecx, scale: 8, disp: ENV_SLOTS + w }), valueAt(edx));
    h.next();
  },
  EnvParent: (h) => {
    const a = h.a;
    h.reg(eax, 1).reg(ecx, 0);
    a.mov(eax, V(eax));
    copyValue8(a, valueAt(ecx), at(eax, ENV_PARENT));
    h.next();
  },
  EnvCopy: (h) => {
    const a = h.a;
    h.reg(eax, 1);
    a.mov(eax, V(eax)).mov(ecx, dword(eax, 4)).mov(edx, KIND.Env).call('heap_alloc');
    h.reg(ecx, 1);
    a.mov(ecx, V(ecx));
    a.push(esi).mov(esi, ecx).mov(ecx, dword(eax, 4)).sub(ecx, 8).shr(ecx, 2);
    a.lea(edi, mem(eax, 8)).add(esi, 8).repMovs(32).pop(esi);
    storeCell(h, 0);
    h.next();
  },
  LoadFunctionEnv: (h) => {
    const a = h.a;
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function)));
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), at(eax, FN_ENV));
    h.next();
  },

  NewObject: (h) => {
    const a = h.a;
    a.mov(ecx, OBJECT_SIZE).mov(edx, KIND.Object).call('heap_alloc');
    copyValue(a, at(eax, PROTO), rootW('objectProto'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    storeCell(h, 0);
    h.next();
  },
  NewArray: (h) => {
    const a = h.a, loop = h.label('copy'), done = h.label('copied');
    h.reg(ecx, 2);
    a.call('new_vector');
    h.reg(edx, 1);
    a.lea(edx, mem({ base: ebp, index: edx, scale: 8 })).lea(edi, mem(eax, 8)).push(ebx);
    a.label(loop).test(ecx, ecx).jz(done);
    copyValue(a, at(edi), at(edx), ebx);
    a.add(edx, 8).add(edi, 8).sub(ecx, 1).jmp(loop);
    a.label(done).pop(ebx);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, ARRAY_SIZE).mov(edx, KIND.Array).call('heap_alloc');
    copyValue(a, at(eax, PROTO), rootW('arrayProto'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    h.reg(edx, 2);
    a.mov(dword(eax, ARRAY_LENGTH), edx).mov(dword(eax, ARRAY_LENGTH + 4), TAG.int);
    copyValue(a, at(eax, ARRAY_ELEMENTS), rootW('tmp0'), edx);
    a.mov(root('tmp0', 4), TAG.undef);
    storeCell(h, 0);
    h.next();
  },
  ArrayPush: (h) => arrayPush(h, false),
  ArrayPushHole: (h) => arrayPush(h, true),

  Throw: (h) => {
    h.reg(eax, 0);
    copyValue(h.a, rootW('exception'), valueAt(eax), ecx);
    h.a.jmp('interp_unwind');
  },
  ThrowError: (h) => {
    const a = h.a;
    const kinds = ['TypeError: ', 'ReferenceError: ', 'RangeError: ', 'SyntaxError: '];
    const table = h.label('kinds');
    constToTmp3(h, 1);
    h.reg(ecx, 0);
    a.and(ecx, 3).mov(eax, dword({ index: ecx, scale: 4, disp: sym(table) }));
    a.mov(edx, sym(cstring(a, ''))).jmp('interp_throw_message');
    const labels = kinds.map((k) => cstring(a, k));
    a.section('.rodata').align(4).label(table);
    for (const l of labels) a.dd(sym(l));
    a.section('.text');
  },
  TryEnter: (h) => {
    const a = h.a;
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), frameSlot(FRAME_SLOT.handler));
    a.lea(eax, mem(esi, h.len - 1)).add(eax, opDword(h.off(1))).sub(eax, ebx);
    a.mov(dword(ebp, fslot(FRAME_SLOT.handler)), eax);
    h.next();
  },
  TryLeave: (h) => {
    h.reg(ecx, 0);
    copyValue8(h.a, frameSlot(FRAME_SLOT.handler), valueAt(ecx));
    h.next();
  },
  LoadException: (h) => {
    storeRoot(h, 0, 'exception');
    h.next();
  },
};


/**
 * Call's fast path for a plain call of a bytecode function (eax = the callee, a Function):
 * no class constructor, no arguments beyond paramCount and room on the heap for the frame
 * without collecting. Anything else jumps to `generic` (interp_enter_frame) with nothing
 * changed but eax, ecx, edx, edi and the caller's pc slot.
 */
function callFastPath(h: H, generic: string): void {
  const a = h.a;
  const record = h.label('record');
  a.mov(edx, dword(eax, FN_INDEX));
  collectionCall(h, record, h.lbl('push_entry')); // a Map/Set method or push the machine runs itself
  a.label(record).shl(edx, 5).add(edx, FN_RECORDS); // the function record
  a.test(word(edx, 18), FunctionFlag.ClassConstructor).jnz(generic);
  h.reg(ecx, 4); // argc <= paramCount
  a.movzx(edi, word(edx, 12)).cmp(ecx, edi).ja(generic);
  fastFrame(h, { dst: 0, first: 3, thisOp: 2 }, generic);
}

/**
 * New's fast path: a constructor that is not derived, no arguments beyond paramCount, room
 * for the object and the frame. The object gets newTarget.prototype (Object.prototype when
 * that is not an object) as constructThis does; the frame is a construct frame.
 */
function newFastPath(h: H, generic: string): void {
  const a = h.a, objProto = h.label('objproto'), haveProto = h.label('haveproto');
  h.reg(ecx, 1);
  a.cmp(T(ecx), TAG.cell).jne(generic);
  a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(generic);
  a.mov(edx, dword(eax, FN_INDEX)).shl(edx, 5).add(edx, FN_RECORDS);
  a.test(word(edx, 18), FunctionFlag.Derived | FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator).jnz(generic);
  h.reg(ecx, 3);
  a.movzx(edi, word(edx, 12)).cmp(ecx, edi).ja(generic);
  // callee.prototype (a function's may be made here: get_prop can allocate)
  a.mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
  a.cmp(edx, TAG_ACCESSOR).je(generic);
  a.cmp(edx, TAG.cell).jne(objProto);
  a.cmp(byte(eax), KIND.Object).jb(objProto).cmp(byte(eax), KIND.Function).jbe(haveProto);
  a.label(objProto);
  a.mov(eax, root('objectProto')).mov(edx, root('objectProto', 4));
  a.label(haveProto);
  a.push(edx).push(eax);
  h.reg(ecx, 1);
  a.mov(eax, V(ecx));
  a.mov(edx, dword(eax, FN_INDEX)).shl(edx, 5).add(edx, FN_RECORDS);
  h.reg(ecx, 3);
  fastFrame(h, { dst: 0, first: 2, construct: true }, generic);
}

/**
 * The common part of the Call/New fast paths: eax = the callee, edx = its function record,
 * ecx = argc (<= paramCount), ebx = the caller's code base; for a construct call the new
 * object's prototype value is on the stack. Checks argc <= registerCount and the heap room
 * (else `generic`, with ebx restored and the stack popped), builds the frame (the slots of
 * interp_enter_frame for a call without native continuation; a construct call's object
 * right below it, in the same allocation) and starts the callee. Fixed slots are stored
 * from the constant xmm registers (FRAME_XMM); the registers after the arguments are filled
 * one pair per store through an unrolled run.
 */
function fastFrame(h: H, o: { dst: number; first: number; thisOp?: number; construct?: boolean }, generic: string): void {
  const a = h.a, F = (k: number, w = 0) => dword(eax, slot(k) + w);
  const noArgs = h.label('noargs'), start = h.label('start'), bail = h.label('bail'), copy = h.label('copy');
  const extra = o.construct ? OBJECT_SIZE : 0;
  // the caller resumes after this instruction (its pc slot is always tagged int32); from
  // here on ebx holds the callee (bail restores the code base)
  a.lea(edi, mem(esi, h.len - 1)).sub(edi, ebx).mov(dword(ebp, fslot(FRAME_SLOT.pc)), edi);
  a.mov(ebx, eax);
  a.mov(edi, dword(ebp, fslot(FRAME_SLOT.flags))).cmp(edi, var32('depth_limit')).jae(bail); // too deep: the generic path throws
  a.movzx(edi, word(edx, 14)).cmp(ecx, edi).ja(bail);
  a.lea(edi, mem({ index: edi, scale: 8, disp: FRAME_REGS + extra }));
  a.mov(eax, var32('heap_ptr')).add(edi, eax);
  a.cmp(edi, var32('heap_limit')).ja(bail);
  a.mov(var32('heap_ptr'), edi).sub(edi, eax);
  if (o.construct) {
    // the object: no properties yet, the prototype popped off the stack
    a.mov(dword(eax), KIND.Object).mov(dword(eax, 4), OBJECT_SIZE);
    a.pop(dword(eax, PROTO)).pop(dword(eax, PROTO + 4));
    a.movq(qword(eax, PROPS), FRAME_XMM.undef);
    a.add(eax, OBJECT_SIZE).sub(edi, OBJECT_SIZE);
  }
  a.mov(dword(eax), KIND.Frame).mov(dword(eax, 4), edi);
  a.lea(edi, mem(ebp, -FRAME_REGS)).mov(F(FRAME_SLOT.caller), edi).mov(F(FRAME_SLOT.caller, 4), TAG.cell);
  a.mov(F(FRAME_SLOT.function), ebx).mov(F(FRAME_SLOT.function, 4), TAG.cell);
  a.movq(qword(eax, slot(FRAME_SLOT.pc)), FRAME_XMM.int0);
  h.reg(edi, o.dst);
  a.mov(F(FRAME_SLOT.returnRegister), edi).mov(F(FRAME_SLOT.returnRegister, 4), TAG.int);
  if (o.construct) {
    a.lea(edi, mem(eax, -OBJECT_SIZE)).mov(F(FRAME_SLOT.this), edi).mov(F(FRAME_SLOT.this, 4), TAG.cell);
    a.mov(F(FRAME_SLOT.newTarget), ebx).mov(F(FRAME_SLOT.newTarget, 4), TAG.cell);
  } else {
    h.reg(edi, o.thisOp!);
    a.movq(xmm0, qword({ base: ebp, index: edi, scale: 8 })).movq(qword(eax, slot(FRAME_SLOT.this)), xmm0);
    a.movq(qword(eax, slot(FRAME_SLOT.newTarget)), FRAME_XMM.undef);
  }
  a.mov(F(FRAME_SLOT.argCount), ecx).mov(F(FRAME_SLOT.argCount, 4), TAG.int);
  a.movq(qword(eax, slot(FRAME_SLOT.extraArgs)), FRAME_XMM.undef);
  a.movdqu(mem(eax, slot(FRAME_SLOT.handler)), FRAME_XMM.handlerFlags); // handler -1, flags 0
  // flags: the caller's depth + 1 (runtime.ts FRAME_DEPTH_UNIT)
  a.mov(edi, dword(ebp, fslot(FRAME_SLOT.flags))).and(edi, -FRAME_DEPTH_UNIT).add(edi, FRAME_DEPTH_UNIT);
  if (o.construct) a.or(edi, FRAME_CONSTRUCT);
  a.mov(F(FRAME_SLOT.flags), edi);
  a.movdqu(mem(eax, slot(FRAME_SLOT.conv0)), FRAME_XMM.undef); // conv0, conv1
  // the arguments, then undefined in the other registers (esi is free from here on)
  h.reg(edi, o.first);
  a.lea(esi, mem({ base: ebp, index: edi, scale: 8 })).lea(edi, mem(eax, FRAME_REGS));
  a.test(ecx, ecx).jz(noArgs);
  a.label(copy).movq(xmm0, qword(esi)).movq(qword(edi), xmm0).add(esi, 8).add(edi, 8).sub(ecx, 1).jnz(copy);
  a.label(noArgs);
  a.movzx(ecx, word(edx, 14)).sub(ecx, F(FRAME_SLOT.argCount)).jz(start);
  // n registers from edi: the last one, then n/2 pairs through an unrolled run of stores
  a.movq(qword({ base: edi, index: ecx, scale: 8, disp: -8 }), FRAME_XMM.undef);
  a.shr(ecx, 1).jmp(mem({ index: ecx, scale: 4, disp: sym(h.lbl('fill_table')) }));
  const stores = Array.from({ length: 129 }, (_, k) => h.label(`fill${k}`));
  for (let k = 127; k >= 0; k--) {
    a.label(stores[k + 1]);
    a.movdqu(mem(edi, 16 * k), FRAME_XMM.undef);
  }
  a.label(stores[0]);
  a.label(start);
  a.lea(ebp, mem(eax, FRAME_REGS));
  a.mov(ebx, dword(edx)).add(ebx, sym('tsbc_image')).mov(esi, ebx);
  dispatch(a, 0);
  a.label(bail);
  if (o.construct) a.add(esp, 8);
  loadCodeBase(a);
  a.jmp(generic);
  // fill_table[p] = the store of pair p - 1 (pairs p - 1 .. 0 follow it)
  a.section('.rodata').align(4).label(h.lbl('fill_table'));
  for (const l of stores) a.dd(sym(l));
  a.section('.text');
}

/** New with its fast path (newFastPath); the generic case is calls.ts's newGeneric. */
const FAST_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  New: (h) => {
    const generic = h.label('generic');
    newFastPath(h, generic);
    h.a.label(generic);
    newGeneric(h);
  },
};

/**
 * Call's fast path for `array.push(v)`: the callee is the prelude's Array.prototype.push
 * (Intrinsic.ArrayPush), one argument, `this` an extensible Array with an int32 length.
 * Does what push's `this[n] = v; this.length = n + 1` does there (assign_prop's array
 * case) without a frame or a rest array; anything else falls through to the generic call.
 * Runs only where the plain fast path declined (push has no named parameters, so a call
 * with an argument always does): other calls pay nothing for it.
 */
function arrayPushCall(h: H): void {
  const a = h.a, no = h.label('notpush'), grow = h.label('pushgrow'), done = h.label('pushdone');
  h.reg(ecx, 4);
  a.cmp(ecx, 1).jne(no);
  h.reg(ecx, 1);
  a.mov(eax, V(ecx)).mov(edx, root('intrinsics'));
  a.cmp(dword(edx, slot(Intrinsic.ArrayPush) + 4), TAG.cell).jne(no);
  a.cmp(eax, dword(edx, slot(Intrinsic.ArrayPush))).jne(no);
  // the call_intercept table's way in (collectionCall): the callee is push, argc is 1
  a.label(h.lbl('push_entry'));
  h.reg(ecx, 2);
  a.cmp(T(ecx), TAG.cell).jne(no);
  a.mov(edx, V(ecx)).cmp(byte(edx), KIND.Array).jne(no);
  a.test(byte(edx, 1), (OBJ_NOT_EXTENSIBLE | OBJ_FROZEN) >> 8).jnz(no);
  a.cmp(dword(edx, ARRAY_LENGTH + 4), TAG.int).jne(no);
  a.mov(ecx, dword(edx, ARRAY_LENGTH)).cmp(ecx, MAX_DENSE_INDEX).jae(no);
  // room in the elements: store in place
  a.cmp(dword(edx, ARRAY_ELEMENTS + 4), TAG.cell).jne(grow);
  a.mov(edi, dword(edx, ARRAY_ELEMENTS)).mov(eax, dword(edi, 4)).sub(eax, 8).shr(eax, 3);
  a.cmp(ecx, eax).jae(grow);
  h.reg(eax, 3);
  a.movq(xmm0, qword({ base: ebp, index: eax, scale: 8 })).movq(qword({ base: edi, index: ecx, scale: 8, disp: 8 }), xmm0);
  a.add(ecx, 1).mov(dword(edx, ARRAY_LENGTH), ecx);
  a.label(done); // ecx = the new length
  h.reg(eax, 0);
  a.mov(V(eax), ecx).mov(T(eax), TAG.int);
  h.next();
  h.later.add(() => {
    a.label(grow); // edx = the array, ecx = its length
    a.mov(root('tmp0'), edx).mov(root('tmp0', 4), TAG.cell);
    h.reg(eax, 3);
    copyValue(a, rootW('tmp2'), valueAt(eax), edi);
    a.call('array_set'); // eax = the array
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).jmp(done);
  });
  a.label(no);
}

/** array.push(src) / array.length += 1 on a fresh array literal (operand 0). */
function arrayPush(h: H, hole: boolean): void {
  const a = h.a, bad = h.label('bad'), slow = h.label('slow');
  h.reg(eax, 0);
  a.cmp(T(eax), TAG.cell).jne(bad);
  a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.Array).jne(bad);
  // room in the elements (the literal's own, so its length is an int32): store in place
  a.cmp(dword(ecx, ARRAY_ELEMENTS + 4), TAG.cell).jne(slow);
  a.mov(edi, dword(ecx, ARRAY_ELEMENTS)).mov(edx, dword(edi, 4)).sub(edx, 8).shr(edx, 3);
  a.mov(eax, dword(ecx, ARRAY_LENGTH)).cmp(eax, edx).jae(slow);
  if (hole) {
    a.movq(qword({ base: edi, index: eax, scale: 8, disp: 8 }), FRAME_XMM.hole);
  } else {
    h.reg(edx, 1);
    a.movq(xmm0, qword({ base: ebp, index: edx, scale: 8 })).movq(qword({ base: edi, index: eax, scale: 8, disp: 8 }), xmm0);
  }
  a.add(eax, 1).mov(dword(ecx, ARRAY_LENGTH), eax);
  h.next();
  a.label(slow);
  a.mov(root('tmp0'), ecx).mov(root('tmp0', 4), TAG.cell);
  if (hole) {
    a.mov(root('tmp2'), 0).mov(root('tmp2', 4), TAG.hole);
  } else {
    h.reg(eax, 1);
    copyValue(a, rootW('tmp2'), valueAt(eax), edx);
  }
  a.mov(ecx, dword(ecx, ARRAY_LENGTH)).call('array_set');
  h.next();
  a.label(bad);
  fatal(a, `${h.op}: the target is not an array`);
}

function toNumeric(h: H): void {
  const a = h.a, prims = h.label('prims'), conv = h.label('conv');
  h.reg(eax, 1);
  jumpIfObject(a, eax, conv, prims);
  h.later.add(() => toPrimitiveOperands(h, conv, [1], prims, 'number'));
  a.label(prims);
  h.a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('num_to_f64');
  h.reg(ecx, 0);
  h.a.lea(edi, mem({ base: ebp, index: ecx, scale: 8 })).call('num_store');
  h.next();
}

function frameSlotToReg(h: H, k: number): void {
  h.reg(ecx, 0);
  copyValue8(h.a, valueAt(ecx), frameSlot(k));
  h.next();
}

function jumpIfBool(h: H, when: boolean): void {
  const a = h.a, slow = h.label('slow'), taken = h.label('taken');
  h.reg(eax, 0);
  a.cmp(T(eax), TAG.bool).jne(slow);
  a.cmp(V(eax), 0);
  if (when) a.jne(taken); else a.je(taken);
  h.next();
  a.label(taken);
  h.jump(1);
  h.later.add(() => {
    a.label(slow);
    a.lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('to_boolean').test(eax, eax);
    if (when) a.jnz(taken); else a.jz(taken);
    h.next();
  });
}

function jumpIfNullish(h: H, when: boolean): void {
  const a = h.a, yes = h.label('nullish');
  h.reg(eax, 0);
  a.mov(eax, T(eax)).cmp(eax, TAG.null).je(yes).cmp(eax, TAG.undef).je(yes);
  if (when) h.next(); else h.jump(1);
  a.label(yes);
  if (when) h.jump(1); else h.next();
}

function emitEqualityRoutines(a: X86Assembler): void {
  // strict_eq: eax = &a, edx = &b. eax = (a === b). Clobbers xmm0, xmm1.
  routine(a, 'strict_eq', () => {
    a.push(ecx).push(edi);
    a.mov(ecx, dword(eax, 4)).mov(edi, dword(edx, 4));
    a.cmp(ecx, edi).jne('seq_diff_tags');
    a.cmp(ecx, TAG.cell).je('seq_cells');
    a.cmp(ecx, TAG.firstTag).jb('seq_doubles');
    // undefined, null and the hole carry no payload (whatever is in the word is ignored)
    a.cmp(ecx, TAG.bool).jb('steq_true');
    a.mov(ecx, dword(eax)).cmp(ecx, dword(edx)).je('steq_true').jmp('steq_false');
    a.label('seq_diff_tags');
    // numbers in different representations compare by value
    a.lea(ecx, mem(ecx, 2)).cmp(ecx, 0xffff_fffa).jae('steq_false');
    a.lea(edi, mem(edi, 2)).cmp(edi, 0xffff_fffa).jae('steq_false');
    a.label('seq_doubles').call('num_pair').ucomisd(xmm0, xmm1).jp('steq_false').jne('steq_false').jmp('steq_true');
    a.label('seq_cells').mov(ecx, dword(eax)).mov(edi, dword(edx)).cmp(ecx, edi).je('steq_true');
    a.cmp(byte(ecx), KIND.String).jne('steq_false').cmp(byte(edi), KIND.String).jne('steq_false');
    a.push(edx).mov(eax, ecx).mov(edx, edi).call('str_equal').pop(edx).jmp('steq_ret');
    a.label('steq_true').mov(eax, 1).jmp('steq_ret');
    a.label('steq_false').xor(eax, eax);
    a.label('steq_ret').pop(edi).pop(ecx).ret();
  });

  // loose_eq: eax = &a, edx = &b. eax = (a == b) for primitives. An object compared with a
  // primitive never gets here: the Eq/Ne handlers convert it by ToPrimitive first
  // (equality's slow path), so the stop at leq_object guards that invariant.
  routine(a, 'loose_eq', () => {
    a.push(ecx).push(edi).push(eax);
    a.call('strict_eq').test(eax, eax).jnz('leq_true');
    a.pop(eax).push(eax);
    a.mov(ecx, dword(eax, 4)).mov(edi, dword(edx, 4));
    a.cmp(ecx, TAG.null).je('leq_a_nullish').cmp(ecx, TAG.undef).je('leq_a_nullish');
    a.cmp(edi, TAG.null).je('leq_false').cmp(edi, TAG.undef).je('leq_false');
    // a symbol is == only to itself (strict_eq said no; objects were converted by the handler)
    a.cmp(ecx, TAG.cell).jne('leq_sym_b').mov(ecx, dword(eax)).cmp(byte(ecx), KIND.Symbol).je('leq_false');
    a.label('leq_sym_b').cmp(edi, TAG.cell).jne('leq_sym_done').mov(edi, dword(edx)).cmp(byte(edi), KIND.Symbol).je('leq_false');
    a.label('leq_sym_done').mov(ecx, dword(eax, 4)).mov(edi, dword(edx, 4));
    a.cmp(ecx, TAG.cell).je('leq_a_cell');
    a.cmp(edi, TAG.cell).je('leq_mixed');
    a.call('num_pair').ucomisd(xmm0, xmm1).jp('leq_false').jne('leq_false').jmp('leq_true');
    a.label('leq_a_nullish').cmp(edi, TAG.null).je('leq_true').cmp(edi, TAG.undef).je('leq_true').jmp('leq_false');
    a.label('leq_a_cell').mov(ecx, dword(eax)).cmp(edi, TAG.cell).je('leq_cells');
    a.cmp(byte(ecx), KIND.String).jne('leq_object');
    a.call('num_pair').ucomisd(xmm0, xmm1).jp('leq_false').jne('leq_false').jmp('leq_true');
    a.label('leq_mixed').mov(edi, dword(edx)).cmp(byte(edi), KIND.String).jne('leq_object');
    a.call('num_pair').ucomisd(xmm0, xmm1).jp('leq_false').jne('leq_false').jmp('leq_true');
    // two cells, not the same and not two equal strings: false unless exactly one is a string
    a.label('leq_cells').mov(edi, dword(edx));
    a.cmp(byte(ecx), KIND.String).je('leq_a_str');
    a.cmp(byte(edi), KIND.String).jne('leq_false').jmp('leq_object');
    a.label('leq_a_str').cmp(byte(edi), KIND.String).je('leq_false');
    a.label('leq_object').pop(eax).pop(edi).pop(ecx);
    fatal(a, '== between an object and a primitive (ToPrimitive) is not implemented');
    a.label('leq_true').mov(eax, 1).jmp('leq_ret');
    a.label('leq_false').xor(eax, eax);
    a.label('leq_ret').pop(edi).pop(edi).pop(ecx).ret();
  });

  // elem_key: eax = &key. edx:ecx = the property key: an int32 (int32 values and canonical
  // index strings below 10^9), a symbol or a private name (the cell itself), or an interned
  // string (other primitives via prim_to_string). May allocate (interning).
  routine(a, 'elem_key', () => {
    a.call('elem_key_cf').jc('ek_fraction');
    a.ret();
    a.label('ek_fraction');
    fatal(a, 'a property key from a non-integral number or an object: this caller cannot ask the prelude to convert it');
  });
  // elem_key_cf: elem_key, but for a non-integral number or an object it sets CF (and
  // returns nothing): the caller converts the key through the prelude and tries again
  // (regKey).
  routine(a, 'elem_key_cf', () => {
    a.mov(ecx, dword(eax, 4));
    a.cmp(ecx, TAG.int).jne('ek_not_int');
    a.mov(edx, dword(eax)).test(edx, edx).js('ek_prim'); // a negative integer is the string key "-n"
    a.ret();
    a.label('ek_not_int').cmp(ecx, TAG.cell).jne('ek_prim');
    a.mov(eax, dword(eax)).cmp(byte(eax), KIND.String).jne('ek_bad');
    a.label('ek_string');
    // a canonical array index up to 2^31 - 1 ("0", "17"; not "01") is the int32 key
    a.mov(ecx, dword(eax, STR.length)).sub(ecx, 1).cmp(ecx, 9).ja('ek_intern');
    a.test(dword(eax), STRING_TWO_BYTE).jnz('ek_intern');
    a.cmp(ecx, 0).je('ek_digits').cmp(byte(eax, STR.units), 0x30).je('ek_intern');
    a.label('ek_digits').xor(edx, edx).push(edi).xor(edi, edi);
    a.label('ek_digit').movzx(ecx, byte({ base: eax, index: edi, disp: STR.units })).sub(ecx, 0x30).cmp(ecx, 9).ja('ek_not_index');
    a.imul(edx, edx, 10).jo('ek_not_index').add(edx, ecx).jo('ek_not_index');
    a.add(edi, 1).cmp(edi, dword(eax, STR.length)).jb('ek_digit');
    a.pop(edi).mov(ecx, TAG.int).ret();
    a.label('ek_not_index').pop(edi);
    a.label('ek_intern').call('intern').mov(edx, eax).mov(ecx, TAG.cell).clc().ret();
    a.label('ek_prim').call('prim_to_string').test(eax, eax).jnz('ek_string');
    a.stc().ret(); // a non-integral number
    a.label('ek_bad').cmp(byte(eax), KIND.PrivateName).je('ek_cell');
    a.cmp(byte(eax), KIND.Symbol).jne('ek_object');
    a.label('ek_cell').mov(edx, eax).mov(ecx, TAG.cell).ret();
    a.label('ek_object').stc().ret(); // an object: the caller applies ToPrimitive first (regKey)
  });
}

type Handler = (h: H) => void;

/**
 * The one handler table: every handler file's table merged. An opcode that two tables
 * both handle is an error when the interpreter is generated (at build time), not the
 * last one silently winning.
 */
export function handlerTable(tables: Record<string, Partial<Record<OpcodeName, Handler>>>): Partial<Record<OpcodeName, Handler>> {
  const table: Partial<Record<OpcodeName, Handler>> = {};
  const from = new Map<string, string>();
  for (const [tableName, t] of Object.entries(tables)) {
    for (const [op, emit] of Object.entries(t) as [OpcodeName, Handler][]) {
      const other = from.get(op);
      if (other !== undefined) throw new Error(`opcode ${op} has two handlers: in ${other} and in ${tableName}`);
      from.set(op, tableName);
      table[op] = emit;
    }
  }
  return table;
}

const TABLE = handlerTable({
  HANDLERS, PROPERTY_HANDLERS, CLASS_HANDLERS, CALL_HANDLERS, ITERATION_HANDLERS, IC_HANDLERS, FAST_HANDLERS, ASYNC_HANDLERS,
});

export function emitHandlers(a: X86Assembler): void {
  emitEqualityRoutines(a);
  emitToPrimitiveRoutines(a);
  emitObjectRoutines(a);
  emitObjectModel(a);
  emitInlineCacheRoutines(a);
  emitShapeRoutines(a);
  emitCollectionRoutines(a);
  emitMachineMethodRoutines(a);
  emitAsyncRuntime(a);
  if (userBuild()) emitUserRuntime(a);
  else emitKernelRuntime(a);
  emitTypedRuntime(a);
  const labels: string[] = [];
  const later = new Deferred();
  OPCODES.forEach((info, code) => {
    const label = `op_${info.name}`;
    labels.push(label);
    routine(a, label, () => {
      const emit = TABLE[info.name as OpcodeName];
      if (emit) {
        emit(new H(a, info.name as OpcodeName, later));
        later.flush();
      } else {
        fatal(a, `unimplemented opcode ${info.name} (0x${code.toString(16).padStart(2, '0')})`);
      }
    });
  });
  routine(a, 'op_invalid', () => fatal(a, 'invalid opcode byte'));
  a.section('.rodata').align(4).label(DISPATCH_TABLE);
  for (let i = 0; i < 256; i++) a.dd(sym(labels[i] ?? 'op_invalid'));
  a.section('.text');
}

/** Opcodes that have a handler (the rest stop the machine with a message). */
export const IMPLEMENTED_OPCODES: readonly OpcodeName[] = Object.keys(TABLE) as OpcodeName[];
