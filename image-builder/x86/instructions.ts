// x86-32 instruction methods. Operands are in Intel order (destination first).
// Where an instruction has several encodings, the one GNU as picks is used, so that
// the test suite can compare bytes with `as --32`.

import { Assembler, AsmError, fits, type Encoded } from './assembler.ts';
import { InsnBuilder } from './encoding.ts';
import {
  CtrlReg, Mem, Ref, Reg, SegReg, XmmReg, describe, isImm, isMem, isReg, isRM,
  dx, cl, cs, sym, type Expr, type Operand,
} from './operands.ts';

export type Cond =
  | 'o' | 'no' | 'b' | 'c' | 'nae' | 'ae' | 'nb' | 'nc' | 'e' | 'z' | 'ne' | 'nz'
  | 'be' | 'na' | 'a' | 'nbe' | 's' | 'ns' | 'p' | 'pe' | 'np' | 'po'
  | 'l' | 'nge' | 'ge' | 'nl' | 'le' | 'ng' | 'g' | 'nle';

const COND: Record<Cond, number> = {
  o: 0, no: 1, b: 2, c: 2, nae: 2, ae: 3, nb: 3, nc: 3, e: 4, z: 4, ne: 5, nz: 5,
  be: 6, na: 6, a: 7, nbe: 7, s: 8, ns: 9, p: 10, pe: 10, np: 11, po: 11,
  l: 12, nge: 12, ge: 13, nl: 13, le: 14, ng: 14, g: 15, nle: 15,
};

/** A branch target: a label name or an expression. */
export type Target = string | Ref | number;

const ALU = { add: 0, or: 1, adc: 2, sbb: 3, and: 4, sub: 5, xor: 6, cmp: 7 } as const;
const SHIFT = { rol: 0, ror: 1, rcl: 2, rcr: 3, shl: 4, shr: 5, sar: 7 } as const;
const UNARY = { not: 2, neg: 3, mul: 4, div: 6, idiv: 7 } as const;

type RM = Reg | Mem;

function bad(mn: string, ...ops: Operand[]): never {
  throw new AsmError(`${mn} ${ops.map(describe).join(', ')}: no such form`);
}

/** Operand size of a register/memory pair; memory without a size takes the register's. */
function sizeOf(mn: string, ...ops: Operand[]): 8 | 16 | 32 {
  let size: number | undefined;
  for (const o of ops) {
    const s = isReg(o) ? o.size : isMem(o) ? o.size : undefined;
    if (s === undefined) continue;
    if (size !== undefined && size !== s) throw new AsmError(`${mn} ${ops.map(describe).join(', ')}: operand sizes differ`);
    size = s;
  }
  if (size !== 8 && size !== 16 && size !== 32) throw new AsmError(`${mn} ${ops.map(describe).join(', ')}: operand size unknown (use byte/word/dword)`);
  return size;
}

const target = (t: Target): Expr => (typeof t === 'string' ? sym(t) : t);
const immWidth = (size: 8 | 16 | 32): 1 | 2 | 4 => (size === 8 ? 1 : size === 16 ? 2 : 4);
/**
 * The sign-extended imm8 that stands for `v` at operand size `size`, if there is one.
 * Like GNU as, the value is taken modulo the operand size first: 0xffffffff (32-bit) and
 * 0xffff (16-bit) are -1. Symbols never qualify: their values are known only at link time.
 */
function imm8(v: Expr, size: 16 | 32): number | undefined {
  if (typeof v !== 'number' || !fits(v, size === 16 ? 2 : 4)) return undefined;
  const wrapped = size === 16 ? ((v & 0xffff) ^ 0x8000) - 0x8000 : v | 0;
  return fits(wrapped, 1, true) ? wrapped : undefined;
}
/** A memory operand with no base or index: the accumulator's moffs forms apply. */
const isMoffs = (m: Mem): boolean => !m.base && !m.index;

export class X86Assembler extends Assembler {
  private ins(): InsnBuilder { return new InsnBuilder(); }
  private put(b: InsnBuilder): this { return this.emit(b.build()); }

  // ---- data -------------------------------------------------------------------------

  db(...vals: (Expr | string)[]): this {
    for (const v of vals) {
      if (typeof v === 'string') this.emit({ bytes: [...Buffer.from(v, 'latin1')], fixups: [] });
      else this.emit(this.ins().imm(v, 1).build());
    }
    return this;
  }
  dw(...vals: Expr[]): this { for (const v of vals) this.emit(this.ins().imm(v, 2).build()); return this; }
  dd(...vals: Expr[]): this { for (const v of vals) this.emit(this.ins().imm(v, 4).build()); return this; }
  /** 64-bit data: numbers up to 2^53, or a bigint. */
  dq(...vals: (number | bigint)[]): this {
    for (const v of vals) {
      if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new AsmError(`dq ${v}: not an integer up to 2^53 (use a bigint)`);
      if (BigInt(v) < -(1n << 63n) || BigInt(v) >= 1n << 64n) throw new AsmError(`dq ${v}: does not fit in 64 bits`);
      const big = BigInt.asUintN(64, BigInt(v));
      const bytes: number[] = [];
      for (let i = 0n; i < 8n; i++) bytes.push(Number((big >> (8n * i)) & 0xffn));
      this.emit({ bytes, fixups: [] });
    }
    return this;
  }
  /** A 64-bit IEEE double. */
  double(v: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    return this.emit({ bytes: [...b], fixups: [] });
  }
  ascii(s: string): this { return this.emit({ bytes: [...Buffer.from(s, 'utf8')], fixups: [] }); }
  asciz(s: string): this { return this.emit({ bytes: [...Buffer.from(s, 'utf8'), 0], fixups: [] }); }

  // ---- moves ------------------------------------------------------------------------

  mov(dst: Operand, src: Operand): this {
    if (dst instanceof CtrlReg && isReg(src) && src.size === 32) return this.put(this.ins().op(0x0f, 0x22).modrm(dst.code, src));
    if (src instanceof CtrlReg && isReg(dst) && dst.size === 32) return this.put(this.ins().op(0x0f, 0x20).modrm(src.code, dst));
    if (dst instanceof SegReg && isRM(src)) {
      // Loading cs with mov is #UD (GNU as accepts it anyway); a far jump does that.
      if (dst === cs || (isReg(src) ? src.size === 8 : src.size !== undefined && src.size !== 16)) bad('mov', dst, src);
      return this.put(this.ins().op(0x8e).modrm(dst.code, src));
    }
    if (src instanceof SegReg && isRM(dst)) {
      if (isReg(dst) ? dst.size === 8 : dst.size !== undefined && dst.size !== 16) bad('mov', dst, src);
      const b = this.ins();
      if (isReg(dst) && dst.size === 16) b.opsize16();
      return this.put(b.op(0x8c).modrm(src.code, dst));
    }
    if (isReg(dst) && isImm(src)) {
      const b = this.ins().size(dst.size).op((dst.size === 8 ? 0xb0 : 0xb8) + dst.code);
      return this.put(b.imm(src, immWidth(dst.size)));
    }
    if (isMem(dst) && isImm(src)) {
      const s = sizeOf('mov', dst, src);
      return this.put(this.ins().size(s).op(s === 8 ? 0xc6 : 0xc7).modrm(0, dst).imm(src, immWidth(s)));
    }
    if (isReg(dst) && isMem(src) && dst.code === 0 && isMoffs(src)) {
      const s = sizeOf('mov', dst, src);
      return this.put(this.moffs(s, src, s === 8 ? 0xa0 : 0xa1));
    }
    if (isMem(dst) && isReg(src) && src.code === 0 && isMoffs(dst)) {
      const s = sizeOf('mov', dst, src);
      return this.put(this.moffs(s, dst, s === 8 ? 0xa2 : 0xa3));
    }
    if (isRM(dst) && isReg(src)) {
      const s = sizeOf('mov', dst, src);
      return this.put(this.ins().size(s).op(s === 8 ? 0x88 : 0x89).modrm(src.code, dst));
    }
    if (isReg(dst) && isMem(src)) {
      const s = sizeOf('mov', dst, src);
      return this.put(this.ins().size(s).op(s === 8 ? 0x8a : 0x8b).modrm(dst.code, src));
    }
    bad('mov', dst, src);
  }

  /** mov between the accumulator and an absolute address (A0-A3). */
  private moffs(size: number, m: Mem, opcode: number): InsnBuilder {
    return this.ins().memSegment(m).size(size).op(opcode).imm(m.disp, 4);
  }

  movzx(dst: Reg, src: RM): this { return this.extend('movzx', 0xb6, dst, src); }
  movsx(dst: Reg, src: RM): this { return this.extend('movsx', 0xbe, dst, src); }

  private extend(mn: string, base: number, dst: Reg, src: RM): this {
    const from = isReg(src) ? src.size : src.size;
    if (dst.size === 8 || (from !== 8 && from !== 16) || from >= dst.size) bad(mn, dst, src);
    return this.put(this.ins().size(dst.size).op(0x0f, base + (from === 16 ? 1 : 0)).modrm(dst.code, src));
  }

  lea(dst: Reg, src: Mem): this {
    if (dst.size === 8 || !isMem(src)) bad('lea', dst, src);
    return this.put(this.ins().size(dst.size).op(0x8d).modrm(dst.code, src.withSize(undefined)));
  }

  xchg(a: RM, b: RM): this {
    if (isReg(a) && isReg(b) && a.size === b.size && a.size !== 8 && (a.code === 0 || b.code === 0)) {
      const other = a.code === 0 ? b : a;
      return this.put(this.ins().size(a.size).op(0x90 + other.code));
    }
    const [rm, reg] = isReg(b) ? [a, b] : [b, a];
    if (!isReg(reg)) bad('xchg', a, b);
    const s = sizeOf('xchg', rm, reg);
    return this.put(this.ins().size(s).op(s === 8 ? 0x86 : 0x87).modrm(reg.code, rm));
  }

  cmpxchg(dst: RM, src: Reg, opts: { lock?: boolean } = {}): this {
    const s = sizeOf('cmpxchg', dst, src);
    const b = this.ins().size(s);
    if (opts.lock) b.lockPrefix();
    return this.put(b.op(0x0f, s === 8 ? 0xb0 : 0xb1).modrm(src.code, dst));
  }

  // ---- arithmetic -------------------------------------------------------------------

  private alu(mn: keyof typeof ALU, dst: Operand, src: Operand): this {
    const n = ALU[mn];
    if (isRM(dst) && isImm(src)) {
      const s = sizeOf(mn, dst, src);
      if (s === 8) {
        if (isReg(dst) && dst.code === 0) return this.put(this.ins().op(n * 8 + 4).imm(src, 1));
        return this.put(this.ins().op(0x80).modrm(n, dst).imm(src, 1));
      }
      const i8 = imm8(src, s);
      if (i8 !== undefined) return this.put(this.ins().size(s).op(0x83).modrm(n, dst).imm(i8, 1, true));
      if (isReg(dst) && dst.code === 0) return this.put(this.ins().size(s).op(n * 8 + 5).imm(src, immWidth(s)));
      return this.put(this.ins().size(s).op(0x81).modrm(n, dst).imm(src, immWidth(s)));
    }
    if (isRM(dst) && isReg(src)) {
      const s = sizeOf(mn, dst, src);
      return this.put(this.ins().size(s).op(n * 8 + (s === 8 ? 0 : 1)).modrm(src.code, dst));
    }
    if (isReg(dst) && isMem(src)) {
      const s = sizeOf(mn, dst, src);
      return this.put(this.ins().size(s).op(n * 8 + (s === 8 ? 2 : 3)).modrm(dst.code, src));
    }
    bad(mn, dst, src);
  }

  add(d: Operand, s: Operand): this { return this.alu('add', d, s); }
  or(d: Operand, s: Operand): this { return this.alu('or', d, s); }
  adc(d: Operand, s: Operand): this { return this.alu('adc', d, s); }
  sbb(d: Operand, s: Operand): this { return this.alu('sbb', d, s); }
  and(d: Operand, s: Operand): this { return this.alu('and', d, s); }
  sub(d: Operand, s: Operand): this { return this.alu('sub', d, s); }
  xor(d: Operand, s: Operand): this { return this.alu('xor', d, s); }
  cmp(d: Operand, s: Operand): this { return this.alu('cmp', d, s); }

  /** test r/m, reg|imm; also test reg, mem (the same instruction, operands swapped). */
  test(dst: RM, src: Reg | Mem | Expr): this {
    if (isReg(dst) && isMem(src)) return this.test(src, dst);
    if (isImm(src)) {
      const s = sizeOf('test', dst, src);
      if (isReg(dst) && dst.code === 0) return this.put(this.ins().size(s).op(s === 8 ? 0xa8 : 0xa9).imm(src, immWidth(s)));
      return this.put(this.ins().size(s).op(s === 8 ? 0xf6 : 0xf7).modrm(0, dst).imm(src, immWidth(s)));
    }
    if (isReg(src)) {
      const s = sizeOf('test', dst, src);
      return this.put(this.ins().size(s).op(s === 8 ? 0x84 : 0x85).modrm(src.code, dst));
    }
    bad('test', dst, src);
  }

  inc(dst: RM): this { return this.incdec('inc', 0, dst); }
  dec(dst: RM): this { return this.incdec('dec', 1, dst); }

  private incdec(mn: string, n: number, dst: RM): this {
    const s = sizeOf(mn, dst);
    if (isReg(dst) && s !== 8) return this.put(this.ins().size(s).op(0x40 + n * 8 + dst.code));
    return this.put(this.ins().size(s).op(s === 8 ? 0xfe : 0xff).modrm(n, dst));
  }

  private unary(mn: keyof typeof UNARY, dst: RM): this {
    const s = sizeOf(mn, dst);
    return this.put(this.ins().size(s).op(s === 8 ? 0xf6 : 0xf7).modrm(UNARY[mn], dst));
  }

  not(d: RM): this { return this.unary('not', d); }
  neg(d: RM): this { return this.unary('neg', d); }
  /** Unsigned multiply edx:eax = eax * src. */
  mul(s: RM): this { return this.unary('mul', s); }
  div(s: RM): this { return this.unary('div', s); }
  idiv(s: RM): this { return this.unary('idiv', s); }

  /** imul src (one operand, edx:eax); imul reg, rm; imul reg, rm, imm; imul reg, imm. */
  imul(a: RM, b?: RM | Expr, c?: Expr): this {
    if (b === undefined) {
      const s = sizeOf('imul', a);
      return this.put(this.ins().size(s).op(s === 8 ? 0xf6 : 0xf7).modrm(5, a));
    }
    if (!isReg(a) || a.size === 8) bad('imul', a, b);
    if (isImm(b)) return this.imul(a, a, b);
    if (c === undefined) {
      sizeOf('imul', a, b);
      return this.put(this.ins().size(a.size).op(0x0f, 0xaf).modrm(a.code, b));
    }
    sizeOf('imul', a, b);
    const i8 = imm8(c, a.size);
    if (i8 !== undefined) return this.put(this.ins().size(a.size).op(0x6b).modrm(a.code, b).imm(i8, 1, true));
    return this.put(this.ins().size(a.size).op(0x69).modrm(a.code, b).imm(c, immWidth(a.size)));
  }

  cdq(): this { return this.put(this.ins().op(0x99)); }
  cwde(): this { return this.put(this.ins().op(0x98)); }

  private shift(mn: keyof typeof SHIFT, dst: RM, count: Expr | Reg): this {
    // cl does not take part in the operand size; an immediate count is named in errors.
    const s = isReg(count) ? sizeOf(mn, dst) : sizeOf(mn, dst, count);
    const n = SHIFT[mn];
    const b = this.ins().size(s);
    if (isReg(count)) {
      if (count !== cl) bad(mn, dst, count);
      return this.put(b.op(s === 8 ? 0xd2 : 0xd3).modrm(n, dst));
    }
    if (count === 1) return this.put(b.op(s === 8 ? 0xd0 : 0xd1).modrm(n, dst));
    return this.put(b.op(s === 8 ? 0xc0 : 0xc1).modrm(n, dst).imm(count, 1));
  }

  shl(d: RM, c: Expr | Reg): this { return this.shift('shl', d, c); }
  shr(d: RM, c: Expr | Reg): this { return this.shift('shr', d, c); }
  sar(d: RM, c: Expr | Reg): this { return this.shift('sar', d, c); }
  rol(d: RM, c: Expr | Reg): this { return this.shift('rol', d, c); }
  ror(d: RM, c: Expr | Reg): this { return this.shift('ror', d, c); }
  rcl(d: RM, c: Expr | Reg): this { return this.shift('rcl', d, c); }
  rcr(d: RM, c: Expr | Reg): this { return this.shift('rcr', d, c); }

  /** Double-precision shifts: shld/shrd dst, src, imm8|cl. */
  shld(d: RM, s: Reg, c: Expr | Reg): this { return this.dshift('shld', 0xa4, d, s, c); }
  shrd(d: RM, s: Reg, c: Expr | Reg): this { return this.dshift('shrd', 0xac, d, s, c); }

  private dshift(mn: string, base: number, d: RM, s: Reg, c: Expr | Reg): this {
    const size = sizeOf(mn, d, s);
    if (size === 8) bad(mn, d, s);
    if (isReg(c)) {
      if (c !== cl) bad(mn, d, s, c);
      return this.put(this.ins().size(size).op(0x0f, base + 1).modrm(s.code, d));
    }
    return this.put(this.ins().size(size).op(0x0f, base).modrm(s.code, d).imm(c, 1));
  }

  private bitop(mn: string, regOp: number, immExt: number, dst: RM, bit: Reg | Expr): this {
    if (isReg(bit)) {
      const s = sizeOf(mn, dst, bit);
      if (s === 8) bad(mn, dst, bit);
      return this.put(this.ins().size(s).op(0x0f, regOp).modrm(bit.code, dst));
    }
    const s = sizeOf(mn, dst, bit);
    if (s === 8) bad(mn, dst, bit);
    return this.put(this.ins().size(s).op(0x0f, 0xba).modrm(immExt, dst).imm(bit, 1));
  }

  bt(d: RM, b: Reg | Expr): this { return this.bitop('bt', 0xa3, 4, d, b); }
  bts(d: RM, b: Reg | Expr): this { return this.bitop('bts', 0xab, 5, d, b); }
  btr(d: RM, b: Reg | Expr): this { return this.bitop('btr', 0xb3, 6, d, b); }
  btc(d: RM, b: Reg | Expr): this { return this.bitop('btc', 0xbb, 7, d, b); }

  bswap(r: Reg): this {
    if (r.size !== 32) bad('bswap', r);
    return this.put(this.ins().op(0x0f, 0xc8 + r.code));
  }

  setcc(cc: Cond, dst: RM): this {
    if (sizeOf('set' + cc, dst) !== 8) bad('set' + cc, dst);
    return this.put(this.ins().op(0x0f, 0x90 + COND[cc]).modrm(0, dst));
  }

  cmovcc(cc: Cond, dst: Reg, src: RM): this {
    const s = sizeOf('cmov' + cc, dst, src);
    if (s === 8) bad('cmov' + cc, dst, src);
    return this.put(this.ins().size(s).op(0x0f, 0x40 + COND[cc]).modrm(dst.code, src));
  }

  // ---- stack ------------------------------------------------------------------------

  push(src: Operand): this {
    if (src instanceof SegReg) return this.put(this.ins().op(...[[0x06], [0x0e], [0x16], [0x1e], [0x0f, 0xa0], [0x0f, 0xa8]][src.code]));
    if (isReg(src) && src.size !== 8) return this.put(this.ins().size(src.size).op(0x50 + src.code));
    if (isImm(src)) {
      const i8 = imm8(src, 32);
      if (i8 !== undefined) return this.put(this.ins().op(0x6a).imm(i8, 1, true));
      return this.put(this.ins().op(0x68).imm(src, 4));
    }
    if (isMem(src)) {
      const s = src.size ?? 32;
      if (s !== 16 && s !== 32) bad('push', src);
      return this.put(this.ins().size(s).op(0xff).modrm(6, src));
    }
    bad('push', src);
  }

  pop(dst: Operand): this {
    if (dst instanceof SegReg) {
      if (dst.code === 1) bad('pop', dst);
      return this.put(this.ins().op(...[[0x07], [], [0x17], [0x1f], [0x0f, 0xa1], [0x0f, 0xa9]][dst.code]));
    }
    if (isReg(dst) && dst.size !== 8) return this.put(this.ins().size(dst.size).op(0x58 + dst.code));
    if (isMem(dst)) {
      const s = dst.size ?? 32;
      if (s !== 16 && s !== 32) bad('pop', dst);
      return this.put(this.ins().size(s).op(0x8f).modrm(0, dst));
    }
    bad('pop', dst);
  }

  pushfd(): this { return this.put(this.ins().op(0x9c)); }
  popfd(): this { return this.put(this.ins().op(0x9d)); }
  pushad(): this { return this.put(this.ins().op(0x60)); }
  popad(): this { return this.put(this.ins().op(0x61)); }
  leave(): this { return this.put(this.ins().op(0xc9)); }

  // ---- control flow -----------------------------------------------------------------

  /** jmp label (short or near, chosen at link time), or jmp reg/mem (indirect). */
  jmp(t: Target | RM): this {
    if (isRM(t)) return this.indirect('jmp', 4, t);
    const e = target(t);
    return this.emitBranch(this.ins().op(0xe9).rel(e, 4).build(), this.ins().op(0xeb).rel(e, 1).build());
  }

  /** Far jump: load CS with `selector` and jump to `t` (used after lgdt). */
  jmpFar(selector: number, t: Target): this {
    return this.put(this.ins().op(0xea).imm(target(t), 4).imm(selector, 2));
  }

  call(t: Target | RM): this {
    if (isRM(t)) return this.indirect('call', 2, t);
    return this.put(this.ins().op(0xe8).rel(target(t), 4));
  }

  private indirect(mn: string, ext: number, t: RM): this {
    if (isReg(t) ? t.size !== 32 : t.size !== undefined && t.size !== 32) bad(mn, t);
    return this.put(this.ins().op(0xff).modrm(ext, t));
  }

  jcc(cc: Cond, t: Target): this {
    const e = target(t);
    const c = COND[cc];
    return this.emitBranch(this.ins().op(0x0f, 0x80 + c).rel(e, 4).build(), this.ins().op(0x70 + c).rel(e, 1).build());
  }

  je(t: Target): this { return this.jcc('e', t); }
  jne(t: Target): this { return this.jcc('ne', t); }
  jz(t: Target): this { return this.jcc('z', t); }
  jnz(t: Target): this { return this.jcc('nz', t); }
  jb(t: Target): this { return this.jcc('b', t); }
  jae(t: Target): this { return this.jcc('ae', t); }
  jbe(t: Target): this { return this.jcc('be', t); }
  ja(t: Target): this { return this.jcc('a', t); }
  jl(t: Target): this { return this.jcc('l', t); }
  jge(t: Target): this { return this.jcc('ge', t); }
  jle(t: Target): this { return this.jcc('le', t); }
  jg(t: Target): this { return this.jcc('g', t); }
  js(t: Target): this { return this.jcc('s', t); }
  jns(t: Target): this { return this.jcc('ns', t); }
  jo(t: Target): this { return this.jcc('o', t); }
  jno(t: Target): this { return this.jcc('no', t); }
  jc(t: Target): this { return this.jcc('c', t); }
  jnc(t: Target): this { return this.jcc('nc', t); }
  jp(t: Target): this { return this.jcc('p', t); }
  jnp(t: Target): this { return this.jcc('np', t); }

  /** ret, or ret imm16 (also for 0: `ret(0)` is C2 00 00, as GNU as assembles `ret 0`). */
  ret(popBytes?: number): this {
    if (popBytes !== undefined) return this.put(this.ins().op(0xc2).imm(popBytes, 2));
    return this.put(this.ins().op(0xc3));
  }

  int(n: number): this {
    if (n === 3) return this.put(this.ins().op(0xcc));
    return this.put(this.ins().op(0xcd).imm(n, 1));
  }
  int3(): this { return this.put(this.ins().op(0xcc)); }
  iret(): this { return this.put(this.ins().op(0xcf)); }

  // ---- string operations ------------------------------------------------------------

  private strop(base: number, size: 8 | 16 | 32, rep?: number): this {
    const b = this.ins().size(size);
    if (rep !== undefined) b.repPrefix(rep);
    return this.put(b.op(size === 8 ? base : base + 1));
  }
  movs(size: 8 | 16 | 32): this { return this.strop(0xa4, size); }
  stos(size: 8 | 16 | 32): this { return this.strop(0xaa, size); }
  lods(size: 8 | 16 | 32): this { return this.strop(0xac, size); }
  /** rep movsb/movsw/movsd: copy ecx elements from [esi] to [edi]. */
  repMovs(size: 8 | 16 | 32): this { return this.strop(0xa4, size, 0xf3); }
  /** rep stosb/stosw/stosd: fill ecx elements at [edi] with al/ax/eax. */
  repStos(size: 8 | 16 | 32): this { return this.strop(0xaa, size, 0xf3); }
  /** rep insb/insw/insd: read ecx elements from port dx into [edi]. */
  repIns(size: 8 | 16 | 32): this { return this.strop(0x6c, size, 0xf3); }
  /** rep outsb/outsw/outsd: write ecx elements from [esi] to port dx. */
  repOuts(size: 8 | 16 | 32): this { return this.strop(0x6e, size, 0xf3); }

  // ---- I/O and system ---------------------------------------------------------------

  /** in al/ax/eax, imm8 | dx */
  in(dst: Reg, port: number | Reg): this {
    if (dst.code !== 0) bad('in', dst, port);
    const b = this.ins().size(dst.size);
    const w = dst.size === 8 ? 0 : 1;
    if (isReg(port)) {
      if (port !== dx) bad('in', dst, port);
      return this.put(b.op(0xec + w));
    }
    return this.put(b.op(0xe4 + w).imm(port, 1));
  }

  /** out imm8 | dx, al/ax/eax */
  out(port: number | Reg, src: Reg): this {
    if (src.code !== 0) bad('out', port, src);
    const b = this.ins().size(src.size);
    const w = src.size === 8 ? 0 : 1;
    if (isReg(port)) {
      if (port !== dx) bad('out', port, src);
      return this.put(b.op(0xee + w));
    }
    return this.put(b.op(0xe6 + w).imm(port, 1));
  }

  cli(): this { return this.put(this.ins().op(0xfa)); }
  sti(): this { return this.put(this.ins().op(0xfb)); }
  hlt(): this { return this.put(this.ins().op(0xf4)); }
  cld(): this { return this.put(this.ins().op(0xfc)); }
  std(): this { return this.put(this.ins().op(0xfd)); }
  clc(): this { return this.put(this.ins().op(0xf8)); }
  stc(): this { return this.put(this.ins().op(0xf9)); }
  nop(): this { return this.put(this.ins().op(0x90)); }
  pause(): this { return this.put(this.ins().op(0xf3, 0x90)); }
  ud2(): this { return this.put(this.ins().op(0x0f, 0x0b)); }
  cpuid(): this { return this.put(this.ins().op(0x0f, 0xa2)); }
  rdtsc(): this { return this.put(this.ins().op(0x0f, 0x31)); }

  lgdt(m: Mem): this { return this.descTable('lgdt', 2, m); }
  lidt(m: Mem): this { return this.descTable('lidt', 3, m); }
  sgdt(m: Mem): this { return this.descTable('sgdt', 0, m); }
  sidt(m: Mem): this { return this.descTable('sidt', 1, m); }

  private descTable(mn: string, ext: number, m: Mem): this {
    if (!isMem(m)) bad(mn, m);
    return this.put(this.ins().op(0x0f, 0x01).modrm(ext, m.withSize(undefined)));
  }

  ltr(src: RM): this {
    if (isReg(src) ? src.size === 8 : src.size !== undefined && src.size !== 16) bad('ltr', src);
    return this.put(this.ins().op(0x0f, 0x00).modrm(3, src));
  }

  /** fxsave/fxrstor m512 (the x87, MMX and SSE state; 16-byte aligned); ldmxcsr/stmxcsr m32. */
  fxsave(m: Mem): this { return this.fxState('fxsave', 0, m); }
  fxrstor(m: Mem): this { return this.fxState('fxrstor', 1, m); }
  ldmxcsr(m: Mem): this { return this.fxState('ldmxcsr', 2, m); }
  stmxcsr(m: Mem): this { return this.fxState('stmxcsr', 3, m); }

  private fxState(mn: string, ext: number, m: Mem): this {
    if (!isMem(m)) bad(mn, m);
    return this.put(this.ins().op(0x0f, 0xae).modrm(ext, m.withSize(undefined)));
  }

  invlpg(m: Mem): this {
    if (!isMem(m)) bad('invlpg', m);
    return this.put(this.ins().op(0x0f, 0x01).modrm(7, m.withSize(undefined)));
  }

  // ---- SSE2 scalar double -----------------------------------------------------------

  private sse(mn: string, prefix: number | undefined, op: number, reg: XmmReg | Reg, rm: XmmReg | Reg | Mem): this {
    const b = this.ins();
    if (prefix === 0x66) b.opsize16();
    else if (prefix !== undefined) b.repPrefix(prefix);
    if (isMem(rm) && rm.size !== undefined && rm.size !== 64 && rm.size !== 32 && rm.size !== 128) bad(mn, reg, rm);
    return this.put(b.op(0x0f, op).modrm(reg.code, rm));
  }

  private xmmOrMem(mn: string, o: Operand): XmmReg | Mem {
    if (o instanceof XmmReg || isMem(o)) return o;
    bad(mn, o);
  }

  /** movsd xmm, xmm/m64 | movsd m64, xmm (scalar double; not the string instruction). */
  movsd(dst: XmmReg | Mem, src: XmmReg | Mem): this {
    if (dst instanceof XmmReg) return this.sse('movsd', 0xf2, 0x10, dst, this.xmmOrMem('movsd', src));
    if (isMem(dst) && src instanceof XmmReg) return this.sse('movsd', 0xf2, 0x11, src, dst);
    bad('movsd', dst, src);
  }

  /** movq xmm, xmm/m64 | movq m64, xmm. */
  movq(dst: XmmReg | Mem, src: XmmReg | Mem): this {
    if (dst instanceof XmmReg) return this.sse('movq', 0xf3, 0x7e, dst, this.xmmOrMem('movq', src));
    if (isMem(dst) && src instanceof XmmReg) return this.sse('movq', 0x66, 0xd6, src, dst);
    bad('movq', dst, src);
  }

  /** movdqu xmm, xmm/m128 | movdqu m128, xmm (16 bytes, unaligned). */
  movdqu(dst: XmmReg | Mem, src: XmmReg | Mem): this {
    if (dst instanceof XmmReg) return this.sse('movdqu', 0xf3, 0x6f, dst, this.xmmOrMem('movdqu', src));
    if (isMem(dst) && src instanceof XmmReg) return this.sse('movdqu', 0xf3, 0x7f, src, dst);
    bad('movdqu', dst, src);
  }

  /** movd xmm, r/m32 | movd r/m32, xmm. */
  movd(dst: XmmReg | Reg | Mem, src: XmmReg | Reg | Mem): this {
    if (dst instanceof XmmReg && !(src instanceof XmmReg)) return this.sse('movd', 0x66, 0x6e, dst, this.gprOrMem32('movd', src));
    if (src instanceof XmmReg && !(dst instanceof XmmReg)) return this.sse('movd', 0x66, 0x7e, src, this.gprOrMem32('movd', dst));
    bad('movd', dst, src);
  }

  private gprOrMem32(mn: string, o: Reg | Mem): Reg | Mem {
    if (isReg(o) ? o.size !== 32 : o.size !== undefined && o.size !== 32) bad(mn, o);
    return o;
  }

  addsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('addsd', 0xf2, 0x58, d, s); }
  mulsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('mulsd', 0xf2, 0x59, d, s); }
  subsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('subsd', 0xf2, 0x5c, d, s); }
  divsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('divsd', 0xf2, 0x5e, d, s); }
  sqrtsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('sqrtsd', 0xf2, 0x51, d, s); }
  minsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('minsd', 0xf2, 0x5d, d, s); }
  maxsd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('maxsd', 0xf2, 0x5f, d, s); }
  ucomisd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('ucomisd', 0x66, 0x2e, d, s); }
  comisd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('comisd', 0x66, 0x2f, d, s); }
  xorpd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('xorpd', 0x66, 0x57, d, s); }
  andpd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('andpd', 0x66, 0x54, d, s); }
  /** cvtss2sd xmm, xmm/m32: single to double (exact). */
  cvtss2sd(d: XmmReg, s: XmmReg | Mem): this { return this.sse('cvtss2sd', 0xf3, 0x5a, d, s); }
  /** cvtsd2ss xmm, xmm/m64: double to single, rounded with the current mode (nearest-even). */
  cvtsd2ss(d: XmmReg, s: XmmReg | Mem): this { return this.sse('cvtsd2ss', 0xf2, 0x5a, d, s); }
  /** cvtsi2sd xmm, r/m32: int32 to double. */
  cvtsi2sd(d: XmmReg, s: Reg | Mem): this { return this.sse('cvtsi2sd', 0xf2, 0x2a, d, this.gprOrMem32('cvtsi2sd', s)); }
  /** cvttsd2si r32, xmm/m64: double to int32, truncating (0x80000000 when out of range). */
  cvttsd2si(d: Reg, s: XmmReg | Mem): this {
    if (d.size !== 32) bad('cvttsd2si', d, s);
    return this.sse('cvttsd2si', 0xf2, 0x2c, d, s);
  }
  /** cvtsd2si r32, xmm/m64: double to int32 with the current rounding mode. */
  cvtsd2si(d: Reg, s: XmmReg | Mem): this {
    if (d.size !== 32) bad('cvtsd2si', d, s);
    return this.sse('cvtsd2si', 0xf2, 0x2d, d, s);
  }
}
