// Bytecode emission for one function: instructions encoded from the opcode table,
// labels with jump fixups, the register stack and the source map.

import { OPCODES, OPERAND_SIZE, Op, type CalleeName, type OpcodeName, type SourcePosition } from '../bytecode/index.ts';

export class Label {
  pos = -1;
  readonly fixups: { at: number; end: number }[] = [];
}

export class RegisterOverflow extends Error {}

export const MAX_REGISTERS = 256;

/** Instructions after which control never reaches the next one. */
const NO_FALL_THROUGH: ReadonlySet<number> = new Set([Op.Jump, Op.Return, Op.Throw, Op.ThrowError]);

export class FunctionEmitter {
  readonly bytes: number[] = [];
  readonly sourceMap: SourcePosition[] = [];
  /** Callee texts of the call instructions (format.ts, "callee names"). */
  readonly calleeNames: CalleeName[] = [];
  top = 0;
  maxRegs = 0;
  /** Inline caches this function uses. */
  icCount = 0;
  private lastPos: SourcePosition | undefined;
  /** The opcode of the last instruction emitted (-1: none yet). */
  private lastOp = -1;
  /** The pc the last label was bound at (-1: none yet). */
  private lastBound = -1;

  /** `nextIc` numbers the inline caches (docs/bytecode.md: module-wide). */
  constructor(private readonly nextIc: () => number = () => this.icCount) {}

  get pc(): number {
    return this.bytes.length;
  }

  /**
   * Whether control can reach the end of the code emitted so far: false only when the last
   * instruction never falls through (Jump, Return, Throw, ThrowError) and no label is
   * bound here (so nothing jumps here either).
   */
  get reachable(): boolean {
    return this.lastOp < 0 || this.lastBound === this.pc || !NO_FALL_THROUGH.has(this.lastOp);
  }

  alloc(): number {
    if (this.top >= MAX_REGISTERS) throw new RegisterOverflow();
    const r = this.top++;
    if (this.top > this.maxRegs) this.maxRegs = this.top;
    return r;
  }

  /** Name the callee of the call instruction emitted next (String constant `constant`). */
  nameNextCall(constant: number): void {
    this.calleeNames.push({ pc: this.pc, constant });
  }

  ic(): number {
    const n = this.nextIc();
    this.icCount++;
    return n;
  }

  position(file: number, line: number, column: number): void {
    const last = this.lastPos;
    if (last && last.file === file && last.line === line && last.column === column) return;
    if (last && last.pc === this.pc) this.sourceMap.pop();
    const prev = this.sourceMap[this.sourceMap.length - 1];
    if (prev && prev.file === file && prev.line === line && prev.column === column) {
      this.lastPos = prev;
      return;
    }
    const p = { pc: this.pc, file, line, column };
    this.sourceMap.push(p);
    this.lastPos = p;
  }

  /** Removes the first n bytes (a whole instruction that nothing jumps to). */
  dropFirst(n: number): void {
    this.bytes.splice(0, n);
    for (const p of this.sourceMap) p.pc = Math.max(0, p.pc - n);
    for (const c of this.calleeNames) c.pc -= n; // (a name is always of a later call)
    // two entries may now share pc 0: the later one describes it
    while (this.sourceMap.length > 1 && this.sourceMap[1].pc === 0) this.sourceMap.shift();
  }

  label(): Label {
    return new Label();
  }

  bind(l: Label): void {
    if (l.pos >= 0) throw new Error('label bound twice');
    l.pos = this.pc;
    this.lastBound = this.pc;
    for (const f of l.fixups) this.patch32(f.at, l.pos - f.end);
  }

  private patch32(at: number, v: number): void {
    for (let i = 0; i < 4; i++) this.bytes[at + i] = (v >>> (8 * i)) & 0xff;
  }

  emit(name: OpcodeName, ...operands: (number | Label)[]): void {
    const op = Op[name];
    const info = OPCODES[op];
    if (operands.length !== info.operands.length) throw new Error(`${name}: ${operands.length} operands, expected ${info.operands.length}`);
    const start = this.pc;
    let len = 1;
    for (const k of info.operands) len += OPERAND_SIZE[k];
    const end = start + len;
    this.bytes.push(op);
    this.lastOp = op;
    info.operands.forEach((kind, i) => {
      const v = operands[i];
      const size = OPERAND_SIZE[kind];
      if (v instanceof Label) {
        if (kind !== 'jump') throw new Error(`${name}: label for a ${kind} operand`);
        const at = this.pc;
        if (v.pos >= 0) this.pushInt(v.pos - end, 4);
        else { v.fixups.push({ at, end }); this.pushInt(0, 4); }
        return;
      }
      if (kind === 'jump') throw new Error(`${name}: jump operand must be a label`);
      if (kind === 'i32') {
        if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`${name}: bad i32 ${v}`);
      } else if (!Number.isInteger(v) || v < 0 || v >= 2 ** (8 * size)) {
        throw new Error(`${name}: ${kind} operand ${v} out of range`);
      }
      this.pushInt(v, size);
    });
  }

  private pushInt(v: number, size: number): void {
    for (let i = 0; i < size; i++) this.bytes.push((v >>> (8 * i)) & 0xff);
  }
}
