// Reading a string's units, flat or slice (layout.ts STRING_SLICE): every reader of units
// goes through these, so that a slice (a long concatenation's result, whose units live in
// its buffer) reads as a flat string. Length, hash and the width flag are in every string's
// own header; only the units move. Its own module so that runtime.ts, objects.ts and the
// natives use it without importing one another.

import { byte, dword, word, type Reg, type X86Assembler } from '../../image-builder/x86/index.ts';
import { STR, STRING_SLICE, STRING_TWO_BYTE } from './layout.ts';

/**
 * dst = the object whose units are string s's, at dst + STR.units: s itself when flat, its
 * buffer when s is a slice. Only the units: s's length is in s (a buffer's length may be
 * larger). dst may be s (s is then replaced). The width flag of dst is s's. Clobbers flags.
 */
export function unitsBase(a: X86Assembler, dst: Reg, s: Reg): void {
  const flat = a.newLabel('ub_flat');
  a.test(dword(s), STRING_SLICE);
  if (dst !== s) a.mov(dst, s); // (mov keeps the flags)
  a.jz(flat);
  a.mov(dst, dword(s, STR.units));
  a.label(flat);
}

/** out = the unit of string s at index idx (below its length). out must not be idx; out may be s (s is then lost).
 *  A flat one-byte string (the common case) costs one test, as before slices. */
export function loadUnit(a: X86Assembler, s: Reg, idx: Reg, out: Reg, twoByte: string, done: string): void {
  const other = a.newLabel('lu_other');
  a.test(dword(s), STRING_SLICE | STRING_TWO_BYTE).jnz(other);
  a.movzx(out, byte({ base: s, index: idx, disp: STR.units })).jmp(done);
  a.label(other);
  unitsBase(a, out, s);
  loadUnitFlat(a, out, idx, out, twoByte, done);
}

/** out = the unit at index idx of base, a flat string or a buffer (unitsBase's result); for loops that hoist unitsBase. */
export function loadUnitFlat(a: X86Assembler, base: Reg, idx: Reg, out: Reg, twoByte: string, done: string): void {
  a.test(dword(base), STRING_TWO_BYTE).jnz(twoByte);
  a.movzx(out, byte({ base, index: idx, disp: STR.units })).jmp(done);
  a.label(twoByte).movzx(out, word({ base, index: idx, scale: 2, disp: STR.units }));
  a.label(done);
}
