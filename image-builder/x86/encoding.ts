// Byte-level encoding pieces: prefixes, ModRM/SIB addressing, immediates.
// The instruction methods combine these into an `Encoded`.

import type { Encoded, Fixup } from './assembler.ts';
import { AsmError, fits } from './assembler.ts';
import { Mem, Reg, XmmReg, ds, ebp, esp, ss, type Expr } from './operands.ts';

export const SEG_PREFIX = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65];

/** Builds one instruction: prefixes, opcode, ModRM/SIB/displacement, immediates. */
export class InsnBuilder {
  private seg?: number;
  private opsize = false;
  private rep?: number;
  private lock = false;
  private body: number[] = [];
  private fixups: Fixup[] = [];

  /** 0x66 when the operand size is 16. */
  size(bits: number): this {
    if (bits === 16) this.opsize = true;
    return this;
  }
  opsize16(): this { this.opsize = true; return this; }
  /**
   * The segment override of a memory operand. Like GNU as, no prefix is written when the
   * override names the segment the address uses anyway (ss with an esp/ebp base, else ds).
   */
  memSegment(m: Mem): this {
    const dflt = m.base === esp || m.base === ebp ? ss : ds;
    if (m.seg && m.seg !== dflt) this.seg = SEG_PREFIX[m.seg.code];
    return this;
  }
  /** A mandatory or repeat prefix (0xF2 / 0xF3). */
  repPrefix(p: number): this { this.rep = p; return this; }
  lockPrefix(): this { this.lock = true; return this; }

  op(...bytes: number[]): this {
    this.body.push(...bytes);
    return this;
  }

  /** ModRM (and SIB, displacement) with `reg` in the reg field and `rm` as the operand. */
  modrm(reg: number, rm: Reg | XmmReg | Mem): this {
    if (rm instanceof Mem) return this.memModrm(reg, rm);
    this.body.push(0xc0 | (reg << 3) | rm.code);
    return this;
  }

  private memModrm(reg: number, m: Mem): this {
    this.memSegment(m);
    // A displacement is a 32-bit quantity: 0xffffffff is -1 and fits a disp8 (GNU as agrees).
    const d = typeof m.disp === 'number' && fits(m.disp, 4) ? m.disp | 0 : m.disp;
    const symbolic = typeof d !== 'number';
    // mod: 0 = no displacement, 1 = disp8, 2 = disp32.
    const dispMode = (base: Reg): number => {
      if (symbolic) return 2;
      if (d === 0 && base !== ebp) return 0;
      return fits(d, 1, true) ? 1 : 2;
    };
    if (!m.base && !m.index) {
      this.body.push((reg << 3) | 5);
      return this.imm(d, 4);
    }
    if (!m.index && m.base !== esp) {
      const mod = dispMode(m.base!);
      this.body.push((mod << 6) | (reg << 3) | m.base!.code);
      return this.disp(mod, d);
    }
    const scaleBits = { 1: 0, 2: 1, 4: 2, 8: 3 }[m.scale];
    const index = m.index ? m.index.code : 4;
    if (!m.base) {
      this.body.push((reg << 3) | 4, (scaleBits << 6) | (index << 3) | 5);
      return this.imm(d, 4);
    }
    const mod = dispMode(m.base);
    this.body.push((mod << 6) | (reg << 3) | 4, (scaleBits << 6) | (index << 3) | m.base.code);
    return this.disp(mod, d);
  }

  private disp(mod: number, d: Expr): this {
    if (mod === 1) return this.imm(d, 1, true);
    if (mod === 2) return this.imm(d, 4);
    return this;
  }

  /** An immediate or displacement field. Numbers are checked now, symbols at link time. */
  imm(v: Expr, width: 1 | 2 | 4, signed = false): this {
    if (typeof v === 'number') {
      if (!fits(v, width, signed)) throw new AsmError(`immediate ${v} does not fit in ${width * 8} bits`);
    }
    this.fixups.push({ at: this.body.length, width, expr: v, signed });
    for (let i = 0; i < width; i++) this.body.push(0);
    return this;
  }

  /** A PC-relative field (branch displacement), relative to the end of the instruction. */
  rel(target: Expr, width: 1 | 4): this {
    this.fixups.push({ at: this.body.length, width, expr: target, pcrel: true });
    for (let i = 0; i < width; i++) this.body.push(0);
    return this;
  }

  build(): Encoded {
    // Prefix order as GNU as writes it: segment, operand size, rep/mandatory, lock.
    const pre: number[] = [];
    if (this.seg !== undefined) pre.push(this.seg);
    if (this.opsize) pre.push(0x66);
    if (this.rep !== undefined) pre.push(this.rep);
    if (this.lock) pre.push(0xf0);
    return {
      bytes: [...pre, ...this.body],
      fixups: this.fixups.map((f) => ({ ...f, at: f.at + pre.length })),
    };
  }
}
