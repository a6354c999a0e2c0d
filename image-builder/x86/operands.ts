// Operands of the x86-32 assembler: registers, memory references, immediates and
// link-time expressions (label addresses with an addend, or a difference of labels).

import { AsmError } from './errors.ts';

export type GprSize = 8 | 16 | 32;

/** A general-purpose register. `code` is the 3-bit register number used in ModRM/SIB. */
export class Reg {
  readonly kind = 'reg' as const;
  constructor(readonly name: string, readonly size: GprSize, readonly code: number) {}
  toString(): string { return this.name; }
}

/** A segment register (es, cs, ss, ds, fs, gs). */
export class SegReg {
  readonly kind = 'sreg' as const;
  constructor(readonly name: string, readonly code: number) {}
  toString(): string { return this.name; }
}

/** A control register (cr0, cr2, cr3, cr4). */
export class CtrlReg {
  readonly kind = 'creg' as const;
  constructor(readonly name: string, readonly code: number) {}
  toString(): string { return this.name; }
}

/** An SSE register. */
export class XmmReg {
  readonly kind = 'xmm' as const;
  constructor(readonly name: string, readonly code: number) {}
  toString(): string { return this.name; }
}

const gpr = (names: string[], size: GprSize) => names.map((n, i) => new Reg(n, size, i));
export const [eax, ecx, edx, ebx, esp, ebp, esi, edi] = gpr(['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'], 32);
export const [ax, cx, dx, bx, sp, bp, si, di] = gpr(['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'], 16);
export const [al, cl, dl, bl, ah, ch, dh, bh] = gpr(['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'], 8);
export const [es, cs, ss, ds, fs, gs] = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'].map((n, i) => new SegReg(n, i));
export const cr0 = new CtrlReg('cr0', 0);
export const cr2 = new CtrlReg('cr2', 2);
export const cr3 = new CtrlReg('cr3', 3);
export const cr4 = new CtrlReg('cr4', 4);
export const [xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7] =
  [0, 1, 2, 3, 4, 5, 6, 7].map((i) => new XmmReg(`xmm${i}`, i));

/**
 * A link-time value: the address of `label` (if any) minus the address of `minus` (if
 * any) plus `addend`. Built with `sym('name')`, then `.plus(n)` / `.minus('other')`.
 */
export class Ref {
  readonly kind = 'ref' as const;
  constructor(readonly label: string | undefined, readonly addend = 0, readonly minusLabel?: string) {}
  plus(n: number): Ref { return new Ref(this.label, this.addend + n, this.minusLabel); }
  minus(x: string | number): Ref {
    if (typeof x === 'number') return this.plus(-x);
    if (this.minusLabel !== undefined) throw new AsmError(`expression already subtracts ${this.minusLabel}`);
    return new Ref(this.label, this.addend, x);
  }
  toString(): string {
    return `${this.label ?? ''}${this.minusLabel ? `-${this.minusLabel}` : ''}${this.addend ? `${this.addend >= 0 ? '+' : ''}${this.addend}` : ''}`;
  }
}

/** The address of a label (resolved at link time). */
export const sym = (label: string): Ref => new Ref(label);

/** A value known now (a number) or at link time (a Ref). */
export type Expr = number | Ref;

export type MemSize = 8 | 16 | 32 | 64 | 128 | undefined;

export interface MemSpec {
  base?: Reg;
  index?: Reg;
  scale?: 1 | 2 | 4 | 8;
  disp?: Expr;
  seg?: SegReg;
}

/** A memory operand `seg:[base + index*scale + disp]` with an optional operand size. */
export class Mem {
  readonly kind = 'mem' as const;
  readonly base?: Reg;
  readonly index?: Reg;
  readonly scale: 1 | 2 | 4 | 8;
  readonly disp: Expr;
  readonly seg?: SegReg;
  constructor(readonly size: MemSize, spec: MemSpec) {
    this.base = spec.base;
    this.index = spec.index;
    this.scale = spec.scale ?? 1;
    this.disp = spec.disp ?? 0;
    this.seg = spec.seg;
    for (const r of [this.base, this.index]) {
      if (r && r.size !== 32) throw new AsmError(`address register must be 32-bit, got ${r.name}`);
    }
    if (this.index === esp) throw new AsmError('esp cannot be an index register');
    if (![1, 2, 4, 8].includes(this.scale)) throw new AsmError(`bad scale ${this.scale}`);
  }
  /** The same address with another operand size. */
  withSize(size: MemSize): Mem { return new Mem(size, this); }
  toString(): string {
    const parts: string[] = [];
    if (this.base) parts.push(this.base.name);
    if (this.index) parts.push(`${this.index.name}*${this.scale}`);
    if (typeof this.disp !== 'number' || this.disp !== 0 || parts.length === 0) parts.push(String(this.disp));
    const sz = this.size ? `${({ 8: 'byte', 16: 'word', 32: 'dword', 64: 'qword', 128: 'xmmword' } as const)[this.size]} ` : '';
    return `${sz}${this.seg ? `${this.seg.name}:` : ''}[${parts.join('+')}]`;
  }
}

type AddrArg = Reg | Expr | MemSpec;

function toSpec(a: AddrArg, disp?: Expr): MemSpec {
  if (a instanceof Reg) return { base: a, disp };
  if (typeof a === 'number' || a instanceof Ref) {
    if (disp !== undefined) throw new AsmError('a displacement was given twice');
    return { disp: a };
  }
  if (disp !== undefined) throw new AsmError('give the displacement inside the spec');
  return a;
}

/**
 * Memory operand builders: `dword(ebx)`, `dword(ebx, 8)`, `dword(sym('table'))`,
 * `dword({ base: ebx, index: ecx, scale: 4, disp: 8, seg: fs })`.
 * `mem(...)` leaves the size to the other operand (or to the instruction, as for lea/lgdt).
 */
export const mem = (a: AddrArg, disp?: Expr): Mem => new Mem(undefined, toSpec(a, disp));
export const byte = (a: AddrArg, disp?: Expr): Mem => new Mem(8, toSpec(a, disp));
export const word = (a: AddrArg, disp?: Expr): Mem => new Mem(16, toSpec(a, disp));
export const dword = (a: AddrArg, disp?: Expr): Mem => new Mem(32, toSpec(a, disp));
export const qword = (a: AddrArg, disp?: Expr): Mem => new Mem(64, toSpec(a, disp));

export type Operand = Reg | SegReg | CtrlReg | XmmReg | Mem | Expr;

export const isReg = (o: unknown): o is Reg => o instanceof Reg;
export const isMem = (o: unknown): o is Mem => o instanceof Mem;
export const isImm = (o: unknown): o is Expr => typeof o === 'number' || o instanceof Ref;
export const isRM = (o: unknown): o is Reg | Mem => o instanceof Reg || o instanceof Mem;

export function describe(o: Operand): string {
  return typeof o === 'number' ? `0x${(o >>> 0).toString(16)}` : o.toString();
}
