// Small built-ins the machine runs itself: a Call of the prelude's Math.floor, ceil, trunc,
// round, abs, sqrt, min, max, String.prototype.charCodeAt, Array.prototype.pop or of the
// prelude's own conversions that nearly every built-in calls (toNum, toStr,
// toIntegerOrInfinity, relativeIndex, thisString) (each
// registered as an intrinsic, which marks its function index in the call_intercept table)
// computes the result here, without a frame, when its arguments are the easy case: numbers
// already (int32 or double), an int32 index, a string receiver, a dense array. Anything else
// (a string or object argument that needs ToNumber, a String object as `this`, a hole, a
// frozen or non-extensible array, more arguments than the case handles) declines and the
// prelude's method runs as before, so the machine agrees with the prelude on exactly the
// cases it takes and nothing else. Through the prelude each of these cost 350-950 guest
// instructions (charCodeAt calls thisString, toIntegerOrInfinity and toNum: four frames);
// here ~20-40 past the Call's own checks.
//
// Numbers come back as the machine keeps them everywhere (num_store): an int32 when the
// double is integral, in range and not -0; NaN as the one NaN the machine uses.

import { X86Assembler, al, byte, dword, eax, ecx, edi, edx, esp, mem, qword, sym, xmm0, xmm1, xmm6, xmm7 } from '../../image-builder/x86/index.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';
import { routine } from '../asm-util.ts';
import { ARRAY_ELEMENTS, ARRAY_LENGTH, FN_INDEX, KIND, OBJ_FROZEN, OBJ_NOT_EXTENSIBLE, STR, TAG } from './layout.ts';
import { truncXmm0 } from './scalar-asm.ts';
import { loadUnit } from './string-units.ts';

/** The methods, in intrinsic-id order; intercept code = MM_FIRST_CODE + (id - first id). */
const METHODS = [
  [Intrinsic.MathFloor, 'mm_floor'],
  [Intrinsic.MathCeil, 'mm_ceil'],
  [Intrinsic.MathTrunc, 'mm_trunc'],
  [Intrinsic.MathRound, 'mm_round'],
  [Intrinsic.MathAbs, 'mm_abs'],
  [Intrinsic.MathSqrt, 'mm_sqrt'],
  [Intrinsic.MathMin, 'mm_min'],
  [Intrinsic.MathMax, 'mm_max'],
  [Intrinsic.StringCharCodeAt, 'mm_char_code_at'],
  [Intrinsic.ArrayPop, 'mm_pop'],
  [Intrinsic.PreludeToNum, 'mm_to_num'],
  [Intrinsic.PreludeToStr, 'mm_to_str'],
  [Intrinsic.PreludeToIntegerOrInfinity, 'mm_to_integer'],
  [Intrinsic.PreludeRelativeIndex, 'mm_relative_index'],
  [Intrinsic.PreludeThisString, 'mm_to_str'],
] as const;

/** Intercept codes 1-8 are the collections' and push's (collections.ts). */
export const MM_FIRST_CODE = 9;
const FIRST_ID = METHODS[0][0];
const LAST_ID = METHODS[METHODS.length - 1][0];
METHODS.forEach(([id], k) => { if (id !== FIRST_ID + k) throw new Error('machine-methods: ids must be consecutive'); });
if (MM_FIRST_CODE + METHODS.length > 256) throw new Error('machine-methods: intercept codes are bytes');

/**
 * edx = registerIntrinsic's arguments (the id, then the value at +8): jumps to `skip` unless
 * the value is a Function; else edi = its function index, the call_intercept entry to mark.
 * Clobbers eax.
 */
export function interceptIndex(a: X86Assembler, skip: string): void {
  a.cmp(dword(edx, 12), TAG.cell).jne(skip);
  a.mov(eax, dword(edx, 8)).cmp(byte(eax), KIND.Function).jne(skip);
  a.mov(edi, dword(eax, FN_INDEX)).and(edi, 0xffff);
}

/**
 * registerIntrinsic's part: ecx = the id, edx = &its arguments (the id, then the value at
 * +8). When the id is one of these methods
 * and the value a Function, its function index gets the method's intercept code. Jumps to
 * `skip` when done or not one of them. Preserves ecx, edx; clobbers eax, edi.
 */
export function registerMachineMethod(a: X86Assembler, skip: string): void {
  a.cmp(ecx, FIRST_ID).jb(skip).cmp(ecx, LAST_ID).ja(skip);
  interceptIndex(a, skip);
  a.lea(eax, mem(ecx, MM_FIRST_CODE - FIRST_ID));
  a.mov(byte({ index: edi, disp: sym('call_intercept') }), al);
  a.jmp(skip);
}

export function emitMachineMethodRoutines(a: X86Assembler): void {
  a.section('.rodata').align(8);
  a.label('mm_half').double(0.5);
  a.label('mm_neg_zero').dq(0x8000_0000_0000_0000n);
  a.label('mm_table');
  for (const [, l] of METHODS) a.dd(sym(l));
  a.section('.text');

  // mm_op: ecx = intercept code (MM_FIRST_CODE...), edx = argc, edi = &first argument,
  // [esp + 4] = &this (pushed by the caller). As coll_op: ecx = 1 and the result in eax:edx
  // (payload, tag) when done, ecx = 0 when the prelude's method must run. Never allocates;
  // clobbers eax, ecx, edx, xmm0, xmm1, xmm6, xmm7 (xmm2-xmm5 hold the interpreter's
  // constants: runtime.ts FRAME_XMM); preserves the rest.
  routine(a, 'mm_op', () => {
    a.sub(ecx, MM_FIRST_CODE).cmp(ecx, METHODS.length).jae('mm_decline');
    a.jmp(mem({ index: ecx, scale: 4, disp: sym('mm_table') }));
    a.label('mm_decline').xor(ecx, ecx).ret();
    // the first argument, unchanged (an int32 that floor, ceil, trunc, round give back)
    a.label('mm_arg0').mov(eax, dword(edi)).mov(edx, dword(edi, 4)).mov(ecx, 1).ret();
    // xmm0 -> the number value in eax:edx (num_store's rule), done
    a.label('mm_num');
    a.ucomisd(xmm0, xmm0).jnp('mm_num_ordered').movsd(xmm0, qword(sym('f64_nan')));
    a.label('mm_num_ordered');
    a.sub(esp, 8).movsd(qword(esp), xmm0);
    a.cvttsd2si(eax, xmm0).cvtsi2sd(xmm7, eax).ucomisd(xmm0, xmm7).jp('mm_num_double').jne('mm_num_double');
    a.test(eax, eax).jnz('mm_num_int');
    a.cmp(dword(esp, 4), 0).jl('mm_num_double'); // -0
    a.label('mm_num_int').add(esp, 8).mov(edx, TAG.int).mov(ecx, 1).ret();
    a.label('mm_num_double').mov(eax, dword(esp)).mov(edx, dword(esp, 4)).add(esp, 8).mov(ecx, 1).ret();
  });

  /** Argument 0 must be there and an int32 (-> intCase) or a double (xmm0); else decline. */
  const numberArg0 = (intCase: string) => {
    a.test(edx, edx).jz('mm_decline');
    a.mov(eax, dword(edi, 4)).cmp(eax, TAG.int).je(intCase);
    a.cmp(eax, TAG.firstTag).jae('mm_decline');
    a.movsd(xmm0, qword(edi));
  };

  // floor, ceil, trunc: an int32 is its own result; a double is truncated (exactly, by
  // clearing fraction bits) and moved down (floor) or up (ceil) when that changed it
  routine(a, 'mm_floor', () => {
    numberArg0('mm_arg0');
    a.movsd(xmm1, xmm0);
    truncXmm0(a);
    a.ucomisd(xmm1, xmm0).jp('mm_num').jae('mm_num'); // NaN, integral or positive: trunc is floor
    a.subsd(xmm0, qword(sym('f64_one'))).jmp('mm_num');
  });
  routine(a, 'mm_ceil', () => {
    numberArg0('mm_arg0');
    a.movsd(xmm1, xmm0);
    truncXmm0(a);
    a.ucomisd(xmm1, xmm0).jp('mm_num').jbe('mm_num');
    a.addsd(xmm0, qword(sym('f64_one'))).jmp('mm_num');
  });
  routine(a, 'mm_trunc', () => {
    numberArg0('mm_arg0');
    truncXmm0(a);
    a.jmp('mm_num');
  });
  // round, as the prelude's: x when NaN, infinite or integral; else f = floor(x) and
  // x - f >= 0.5 ? f + 1 : f, except that (-0.5, 0) and -0.5 give -0
  routine(a, 'mm_round', () => {
    numberArg0('mm_arg0');
    a.ucomisd(xmm0, xmm0).jp('mm_num');
    a.movsd(xmm1, xmm0);
    truncXmm0(a);
    a.ucomisd(xmm1, xmm0).jne('mm_round_frac');
    a.movsd(xmm0, xmm1).jmp('mm_num');
    a.label('mm_round_frac'); // xmm0 = trunc(x) != x
    a.ja('mm_round_floor').subsd(xmm0, qword(sym('f64_one')));
    a.label('mm_round_floor'); // xmm0 = floor(x)
    a.movsd(xmm6, xmm1).subsd(xmm6, xmm0);
    a.ucomisd(xmm6, qword(sym('mm_half'))).jb('mm_round_zero');
    a.addsd(xmm0, qword(sym('f64_one')));
    a.label('mm_round_zero'); // a zero result from a negative x is -0
    a.xorpd(xmm6, xmm6).ucomisd(xmm0, xmm6).jne('mm_num');
    a.ucomisd(xmm1, xmm6).jae('mm_num');
    a.movsd(xmm0, qword(sym('mm_neg_zero'))).jmp('mm_num');
  });
  // abs: the sign bit cleared (-0 -> 0, NaN stays NaN); int32's minimum is the prelude's
  routine(a, 'mm_abs', () => {
    numberArg0('mm_abs_int');
    a.mov(eax, dword(edi)).mov(edx, dword(edi, 4)).and(edx, 0x7fff_ffff);
    a.sub(esp, 8).mov(dword(esp), eax).mov(dword(esp, 4), edx).movsd(xmm0, qword(esp)).add(esp, 8);
    a.jmp('mm_num');
    a.label('mm_abs_int').mov(eax, dword(edi));
    a.test(eax, eax).jns('mm_abs_done');
    a.cmp(eax, 0x8000_0000 | 0).je('mm_decline');
    a.neg(eax);
    a.label('mm_abs_done').mov(edx, TAG.int).mov(ecx, 1).ret();
  });
  routine(a, 'mm_sqrt', () => {
    numberArg0('mm_sqrt_int');
    a.label('mm_sqrt_go').sqrtsd(xmm0, xmm0).jmp('mm_num');
    a.label('mm_sqrt_int').cvtsi2sd(xmm0, dword(edi)).jmp('mm_sqrt_go');
  });

  // min, max of exactly two numbers: int32s compared as such; otherwise as doubles, NaN if
  // either is, and of equal values the one with the sign bit (min: -0 beats 0) or without
  // (max), taken by or-ing (and-ing) their bits, which leaves equal non-zero values alone
  for (const [name, less] of [['mm_min', true], ['mm_max', false]] as const) {
    const l = (x: string) => `${name}_${x}`;
    routine(a, name, () => {
      a.cmp(edx, 2).jne('mm_decline');
      a.cmp(dword(edi, 4), TAG.int).jne(l('double')).cmp(dword(edi, 12), TAG.int).jne(l('double'));
      a.mov(eax, dword(edi)).mov(edx, dword(edi, 8)).cmp(eax, edx);
      if (less) a.jle(l('first')); else a.jge(l('first'));
      a.mov(eax, edx);
      a.label(l('first')).mov(edx, TAG.int).mov(ecx, 1).ret();
      a.label(l('double'));
      for (const [k, x] of [[0, xmm0], [8, xmm1]] as const) {
        const isInt = l(`int${k}`), have = l(`have${k}`);
        a.mov(eax, dword(edi, k + 4)).cmp(eax, TAG.int).je(isInt);
        a.cmp(eax, TAG.firstTag).jae('mm_decline');
        a.movsd(x, qword(edi, k)).jmp(have);
        a.label(isInt).cvtsi2sd(x, dword(edi, k));
        a.label(have);
      }
      a.ucomisd(xmm0, xmm1).jp(l('nan')).je(l('equal'));
      if (less) a.jb('mm_num'); else a.ja('mm_num');
      a.movsd(xmm0, xmm1).jmp('mm_num');
      a.label(l('nan')).movsd(xmm0, qword(sym('f64_nan'))).jmp('mm_num');
      a.label(l('equal'));
      a.sub(esp, 16).movsd(qword(esp), xmm0).movsd(qword(esp, 8), xmm1);
      a.mov(eax, dword(esp, 12));
      if (less) a.or(dword(esp, 4), eax); else a.and(dword(esp, 4), eax);
      a.movsd(xmm0, qword(esp)).add(esp, 16).jmp('mm_num');
    });
  }

  // the prelude's conversions, when the argument is already the answer: toNum of a number,
  // toStr and thisString of a string; toIntegerOrInfinity of an int32, undefined (0) or a
  // double (NaN 0, infinities themselves, else truncated, -0 made 0 as `trunc(n) + 0` does)
  routine(a, 'mm_to_num', () => {
    a.test(edx, edx).jz('mm_decline');
    a.mov(eax, dword(edi, 4)).cmp(eax, TAG.firstTag).jb('mm_arg0'); // a double
    a.cmp(eax, TAG.uint).jae('mm_arg0'); // int32, uint32
    a.jmp('mm_decline');
  });
  routine(a, 'mm_to_str', () => {
    a.test(edx, edx).jz('mm_decline');
    a.cmp(dword(edi, 4), TAG.cell).jne('mm_decline');
    a.mov(eax, dword(edi)).cmp(byte(eax), KIND.String).jne('mm_decline');
    a.jmp('mm_arg0');
  });
  routine(a, 'mm_to_integer', () => {
    a.test(edx, edx).jz('mm_to_integer_zero');
    a.mov(eax, dword(edi, 4)).cmp(eax, TAG.int).je('mm_arg0');
    a.cmp(eax, TAG.undef).je('mm_to_integer_zero');
    a.cmp(eax, TAG.firstTag).jae('mm_decline');
    a.movsd(xmm0, qword(edi)).ucomisd(xmm0, xmm0).jp('mm_to_integer_zero');
    truncXmm0(a);
    a.xorpd(xmm1, xmm1).addsd(xmm0, xmm1).jmp('mm_num');
    a.label('mm_to_integer_zero').xor(eax, eax).mov(edx, TAG.int).mov(ecx, 1).ret();
  });
  // relativeIndex(v, len, dflt) with int32s (v may be undefined: dflt): clamped to 0..len
  routine(a, 'mm_relative_index', () => {
    a.cmp(edx, 3).jne('mm_decline');
    a.cmp(dword(edi, 12), TAG.int).jne('mm_decline').cmp(dword(edi, 20), TAG.int).jne('mm_decline');
    a.mov(eax, dword(edi, 16)); // dflt
    a.cmp(dword(edi, 4), TAG.undef).je('mm_ri_have');
    a.cmp(dword(edi, 4), TAG.int).jne('mm_decline');
    a.mov(eax, dword(edi));
    a.label('mm_ri_have').mov(ecx, dword(edi, 8)); // eax = n, ecx = len
    a.test(eax, eax).jns('mm_ri_upper');
    a.add(eax, ecx).jns('mm_ri_done');
    a.xor(eax, eax).jmp('mm_ri_done');
    a.label('mm_ri_upper').cmp(eax, ecx).jle('mm_ri_done').mov(eax, ecx);
    a.label('mm_ri_done').mov(edx, TAG.int).mov(ecx, 1).ret();
  });

  // charCodeAt on a string: the unit at an int32 index (none given: 0), NaN outside it
  routine(a, 'mm_char_code_at', () => {
    a.mov(eax, dword(esp, 4)).cmp(dword(eax, 4), TAG.cell).jne('mm_decline');
    a.mov(eax, dword(eax)).cmp(byte(eax), KIND.String).jne('mm_decline');
    a.xor(ecx, ecx).test(edx, edx).jz('mm_cca_index');
    a.cmp(dword(edi, 4), TAG.int).jne('mm_decline');
    a.mov(ecx, dword(edi));
    a.label('mm_cca_index').cmp(ecx, dword(eax, STR.length)).jae('mm_cca_nan'); // a negative index too
    loadUnit(a, eax, ecx, eax, 'mm_cca_two', 'mm_cca_got');
    a.mov(edx, TAG.int).mov(ecx, 1).ret();
    a.label('mm_cca_nan').movsd(xmm0, qword(sym('f64_nan'))).jmp('mm_num');
  });

  // pop of an extensible array with an int32 length > 0 whose last element is in its
  // elements (not a hole: that one is looked up on the prototype chain by the prelude):
  // the element, the length one less and its slot a hole, as `this.length = n - 1` leaves it
  routine(a, 'mm_pop', () => {
    a.mov(eax, dword(esp, 4)).cmp(dword(eax, 4), TAG.cell).jne('mm_decline');
    a.mov(eax, dword(eax)).cmp(byte(eax), KIND.Array).jne('mm_decline');
    a.test(byte(eax, 1), (OBJ_NOT_EXTENSIBLE | OBJ_FROZEN) >> 8).jnz('mm_decline');
    a.cmp(dword(eax, ARRAY_LENGTH + 4), TAG.int).jne('mm_decline');
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).sub(ecx, 1).jl('mm_decline');
    a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne('mm_decline');
    a.push(edi);
    a.mov(edi, dword(eax, ARRAY_ELEMENTS));
    a.mov(edx, dword(edi, 4)).sub(edx, 8).shr(edx, 3).cmp(ecx, edx).jae('mm_pop_decline');
    a.cmp(dword({ base: edi, index: ecx, scale: 8, disp: 12 }), TAG.hole).je('mm_pop_decline');
    a.mov(dword(eax, ARRAY_LENGTH), ecx);
    a.mov(eax, dword({ base: edi, index: ecx, scale: 8, disp: 8 })).mov(edx, dword({ base: edi, index: ecx, scale: 8, disp: 12 }));
    a.mov(dword({ base: edi, index: ecx, scale: 8, disp: 8 }), 0).mov(dword({ base: edi, index: ecx, scale: 8, disp: 12 }), TAG.hole);
    a.pop(edi).mov(ecx, 1).ret();
    a.label('mm_pop_decline').pop(edi).jmp('mm_decline');
  });
}
