// Where a machine stop happened, in the program's own terms: the interpreter's fatal report
// ends with "(function N, pc P)" (boot/interp/runtime.ts interp_fatal); the host, which
// has the compiled module, appends the TypeScript file:line:column of that instruction.

import type { CompiledModule as Module } from '../image-builder/bytecode/index.ts';

const LOCATION = /\(function (\d+), pc (\d+)\)/;

/** `line` with " at FILE:LINE:COL" after its "(function N, pc P)", if the module places it. */
export function withSourceLocation(line: string, module: Module): string {
  const m = LOCATION.exec(line);
  if (!m) return line;
  const fn = module.functions[Number(m[1])];
  const pc = Number(m[2]);
  if (!fn || pc >= fn.code.length) return line;
  let at: (typeof fn.sourceMap)[number] | undefined;
  for (const p of fn.sourceMap) {
    if (p.pc > pc) break;
    at = p;
  }
  if (!at) return line;
  const file = module.files[at.file] ?? '?';
  const end = m.index + m[0].length;
  return `${line.slice(0, end)} at ${file}:${at.line}:${at.column + 1}${line.slice(end)}`;
}

/**
 * A writer for the guest's error stream that passes it through line by line, adding the
 * source location to fatal reports. flush() writes what is left of an unfinished line.
 */
export function locatingWriter(module: Module, write: (text: string) => void): { push(bytes: Uint8Array): void; flush(): void } {
  const decoder = new TextDecoder();
  let pending = '';
  return {
    push(bytes) {
      pending += decoder.decode(bytes, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        write(withSourceLocation(pending.slice(0, nl + 1), module));
        pending = pending.slice(nl + 1);
      }
    },
    flush() {
      pending += decoder.decode();
      if (pending !== '') write(withSourceLocation(pending, module));
      pending = '';
    },
  };
}
