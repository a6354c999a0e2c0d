// Disassembler: a readable listing of a compiled module (`tskern disasm FILE.ts`).

import { NATIVES } from './natives.ts';
import { OPCODES, OPERAND_SIZE } from './opcodes.ts';
import { FunctionFlag, type CompiledFunction, type CompiledModule } from './format.ts';

function flagNames(flags: number): string {
  const names = Object.entries(FunctionFlag).filter(([, bit]) => flags & bit).map(([n]) => n);
  return names.length ? names.join('|') : '-';
}

function constantText(c: number | string | undefined): string {
  if (typeof c === 'string') return JSON.stringify(c);
  if (typeof c === 'number') return Object.is(c, -0) ? '-0' : String(c);
  return '<bad constant>';
}

/** One function's instructions, one per line: offset, name, operands. */
export function disassembleFunction(m: CompiledModule, fn: CompiledFunction): string[] {
  const lines: string[] = [];
  const code = fn.code;
  let pc = 0;
  let mapIndex = 0;
  while (pc < code.length) {
    while (mapIndex < fn.sourceMap.length && fn.sourceMap[mapIndex].pc <= pc) {
      const p = fn.sourceMap[mapIndex++];
      lines.push(`        ; ${m.files[p.file] ?? '?'}:${p.line}:${p.column + 1}`);
    }
    const op = code[pc];
    const info = OPCODES[op];
    if (!info) {
      lines.push(`  ${String(pc).padStart(5)}  <bad opcode ${op}>`);
      break;
    }
    let p = pc + 1;
    const raw: number[] = [];
    for (const k of info.operands) {
      let v = 0;
      for (let i = 0; i < OPERAND_SIZE[k]; i++) v += (code[p + i] ?? 0) * 2 ** (8 * i);
      if (k === 'i32' || k === 'jump') v |= 0;
      raw.push(v);
      p += OPERAND_SIZE[k];
    }
    const operands = info.operands.map((k, i) => {
      const v = raw[i];
      switch (k) {
        case 'reg': return `r${v}`;
        case 'const': return `${constantText(m.constants[v])}`;
        case 'func': return `fn#${v}(${m.functions[v]?.name ?? 'anonymous'})`;
        case 'jump': return `-> ${p + v}`;
        case 'native': return NATIVES[v]?.name ?? `native#${v}`;
        case 'ic': return `ic${v}`;
        default: return String(v);
      }
    });
    lines.push(`  ${String(pc).padStart(5)}  ${info.name.padEnd(16)} ${operands.join(', ')}`.trimEnd());
    pc = p;
  }
  return lines;
}

/**
 * The module: constants summary, then every function from index `from` on (the functions
 * before it, e.g. the runtime prelude's, are only counted in the summary).
 */
export function disassemble(m: CompiledModule, opts: { from?: number } = {}): string {
  const from = opts.from ?? 0;
  const out: string[] = [];
  out.push(`; ${m.functions.length} functions, ${m.constants.length} constants, entry fn#${m.entry}`);
  if (from > 0) out.push(`; fn#0..fn#${from - 1} (the runtime prelude) not shown`);
  m.functions.forEach((fn, i) => {
    if (i < from) return;
    out.push('');
    out.push(`fn#${i} ${fn.name ?? '<anonymous>'}  params=${fn.paramCount} registers=${fn.registerCount} ics=${fn.icCount} flags=${flagNames(fn.flags)}`);
    out.push(...disassembleFunction(m, fn));
  });
  return out.join('\n') + '\n';
}
