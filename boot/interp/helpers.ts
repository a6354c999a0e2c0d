// The helper library every opcode-handler file builds on: H (a handler under construction:
// operand decoding, labels, dispatch) and the small stores they share. It imports no handler
// file, so the imports run one way: handler files -> helpers.ts, handlers.ts -> handler files.

import { X86Assembler, eax, ecx, esi, type Reg } from '../../image-builder/x86/index.ts';
import { OPCODES, instructionLength, operandOffset, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { Deferred, T, V, dispatch, opByte, opDword, opWord } from './asm.ts';
import { TAG, type RootName } from './layout.ts';
import { copyValue8, rootW } from './runtime.ts';

/** A handler under construction. */
export class H {
  readonly len: number;
  constructor(readonly a: X86Assembler, readonly op: OpcodeName, readonly later: Deferred) {
    this.len = instructionLength(OPCODES.findIndex((o) => o.name === op));
  }
  private get code(): number { return OPCODES.findIndex((o) => o.name === this.op); }
  /** Offset of operand i from esi. */
  off(i: number): number { return operandOffset(this.code, i) - 1; }
  /** r = register-index operand i (u8 operands: reg and count). */
  reg(r: Reg, i: number): this { this.a.movzx(r, opByte(this.off(i))); return this; }
  /** r = u16 operand i. */
  u16(r: Reg, i: number): this { this.a.movzx(r, opWord(this.off(i))); return this; }
  /** Dispatch the next instruction. */
  next(): void { dispatch(this.a, this.len - 1); }
  /** Take the jump whose offset is operand i. */
  jump(i: number): void { this.a.add(esi, opDword(this.off(i))); this.next(); }
  label(hint: string): string { return this.a.newLabel(`${this.op}_${hint}`); }
  private named = new Map<string, string>();
  /** The same label for every use of `hint` in this handler (label() makes a new one each time). */
  lbl(hint: string): string {
    let l = this.named.get(hint);
    if (!l) { l = this.label(hint); this.named.set(hint, l); }
    return l;
  }
  /** Store eax (payload) with a constant tag into the register operand i. Clobbers ecx. */
  storeTag(i: number, tag: number): void {
    this.reg(ecx, i);
    this.a.mov(V(ecx), eax).mov(T(ecx), tag);
  }
}

export const valueAt = (r: Reg) => (w: number) => V(r, w);

/** Store a cell (eax) into register operand i. */
export function storeCell(h: H, i: number): void { h.storeTag(i, TAG.cell); }

/** Copy root `name` into register operand i. */
export function storeRoot(h: H, i: number, name: RootName): void {
  h.reg(ecx, i);
  copyValue8(h.a, valueAt(ecx), rootW(name));
}

export function loadTag(h: H, tag: number, payload = 0): void {
  h.reg(ecx, 0);
  h.a.mov(V(ecx), payload).mov(T(ecx), tag);
  h.next();
}
