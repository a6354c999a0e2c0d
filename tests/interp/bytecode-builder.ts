// A tiny assembler for hand-written bytecode test modules: instructions by opcode name
// with operands encoded from the opcode table, labels for jump operands, a constant pool.
import {
  IC_NONE, NATIVES, OPCODES, OPERAND_SIZE, encodeModule, type CompiledFunction, type CompiledModule, type Constant,
  type OpcodeName,
} from '../../image-builder/bytecode/index.ts';

/** An operand: a number, or a label name for `jump` operands. */
export type Operand = number | string;

export class FunctionBuilder {
  private readonly bytes: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: { at: number; end: number; label: string }[] = [];

  constructor(readonly module: ModuleBuilder, readonly name: string | undefined,
    readonly paramCount: number, readonly registerCount: number, readonly flags = 0, readonly length?: number) {}

  /** Emit one instruction. */
  op(name: OpcodeName, ...operands: Operand[]): this {
    const code = OPCODES.findIndex((o) => o.name === name);
    const kinds = OPCODES[code].operands as readonly (keyof typeof OPERAND_SIZE)[];
    if (operands.length !== kinds.length) throw new Error(`${name} takes ${kinds.length} operands, got ${operands.length}`);
    const start = this.bytes.length;
    const end = start + 1 + kinds.reduce((n, k) => n + OPERAND_SIZE[k], 0);
    this.bytes.push(code);
    kinds.forEach((k, i) => {
      const v = operands[i];
      const size = OPERAND_SIZE[k];
      if (typeof v === 'string') {
        if (k !== 'jump') throw new Error(`${name}: operand ${i} (${k}) cannot be a label`);
        this.fixups.push({ at: this.bytes.length, end, label: v });
        for (let b = 0; b < size; b++) this.bytes.push(0);
        return;
      }
      if (k === 'reg' && (v < 0 || v >= this.registerCount)) throw new Error(`${name}: register r${v} out of range`);
      // an inline-cache operand: each site its own, as the compiler numbers them (the value
      // written in the test is ignored; docs/bytecode.md: sites never share an entry)
      const x = k === 'ic' ? this.module.nextIc() : v;
      for (let b = 0; b < size; b++) this.bytes.push((x >>> (8 * b)) & 0xff);
    });
    return this;
  }

  label(name: string): this {
    if (this.labels.has(name)) throw new Error(`label ${name} defined twice`);
    this.labels.set(name, this.bytes.length);
    return this;
  }

  /** dst = the constant (number or string). */
  loadConst(dst: number, value: Constant): this { return this.op('LoadConst', dst, this.module.constant(value)); }

  /** writeStdout(str) using register tmp. */
  print(text: string, tmp: number): this {
    return this.loadConst(tmp, text).op('CallNative', tmp, NATIVE.writeStdout, tmp, 1);
  }

  /** Print `ok <what>\n` if r === expected (StrictEq, numbers compare by value), else `bad <what>\n`. */
  expectEq(r: number, expected: Constant | boolean | null | undefined, what: string, tmp: number): this {
    const ok = this.module.fresh('ok'), done = this.module.fresh('done');
    if (typeof expected === 'boolean') this.op(expected ? 'LoadTrue' : 'LoadFalse', tmp);
    else if (expected === null) this.op('LoadNull', tmp);
    else if (expected === undefined) this.op('LoadUndefined', tmp);
    else this.loadConst(tmp, expected);
    this.op('JumpIfStrictEq', r, tmp, ok);
    this.print(`bad ${what}\n`, tmp).op('Jump', done);
    this.label(ok).print(`ok ${what}\n`, tmp);
    return this.label(done);
  }

  build(): CompiledFunction {
    const code = Uint8Array.from(this.bytes);
    const view = new DataView(code.buffer);
    for (const f of this.fixups) {
      const target = this.labels.get(f.label);
      if (target === undefined) throw new Error(`undefined label ${f.label}`);
      view.setInt32(f.at, target - f.end, true);
    }
    return {
      name: this.name, paramCount: this.paramCount, registerCount: this.registerCount, icCount: 0,
      flags: this.flags, code, sourceMap: [], ...(this.length === undefined ? {} : { length: this.length }),
    };
  }
}

export const NATIVE = Object.fromEntries(NATIVES.map((n, i) => [n.name, i])) as Record<(typeof NATIVES)[number]['name'], number>;

export class ModuleBuilder {
  readonly constants: Constant[] = [];
  private readonly functions: FunctionBuilder[] = [];
  private uniq = 0;

  constant(v: Constant): number {
    const i = this.constants.findIndex((c) => Object.is(c, v));
    if (i >= 0) return i;
    this.constants.push(v);
    return this.constants.length - 1;
  }

  fresh(hint: string): string { return `${hint}.${this.uniq++}`; }

  private ics = 0;
  /** The next property-access site's inline-cache operand (below IC_NONE, then IC_NONE). */
  nextIc(): number { return Math.min(this.ics++, IC_NONE); }

  /** Declare a function; returns its index. The body may refer to other functions' indices. */
  fn(name: string | undefined, paramCount: number, registerCount: number,
    opts: { flags?: number; length?: number } = {}): { index: number; f: FunctionBuilder } {
    const f = new FunctionBuilder(this, name, paramCount, registerCount, opts.flags ?? 0, opts.length);
    this.functions.push(f);
    return { index: this.functions.length - 1, f };
  }

  build(entry = 0): CompiledModule {
    return { functions: this.functions.map((f) => f.build()), constants: [...this.constants], files: [], entry };
  }

  encode(entry = 0): Uint8Array { return encodeModule(this.build(entry)); }
}
