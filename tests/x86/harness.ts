// Runs table cases and programs through the assembler, and builds the golden data from
// GNU as. Both sides link .text at address 0, with the undefined symbol `table` at 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { X86Assembler } from '../../image-builder/x86/index.ts';
import { type Case, type ProgramCase, encodingCases, programCases } from './cases/index.ts';
import { gasAssemble, gasAssembleProgram } from './gas-oracle.ts';

export interface Golden {
  /** Intel text of a table line -> its bytes (hex). */
  lines: Record<string, string>;
  /** Program name -> its .text bytes (hex). */
  programs: Record<string, string>;
}

export const GOLDEN_PATH = new URL('./encodings.golden.json', import.meta.url);

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function linkText(a: X86Assembler): string {
  const img = a.link([{ name: '.text', vaddr: 0 }]);
  return hex(img.sections[0].data);
}

export function assembleCase(build: Case[1]): string {
  const a = new X86Assembler();
  a.equ('table', 0);
  build(a);
  return linkText(a);
}

export function assembleProgram(p: ProgramCase): string {
  const a = new X86Assembler();
  p.build(a);
  return linkText(a);
}

/** What GNU as produces for the whole table and every program. */
export function gasGolden(): Golden {
  const texts = [...new Set(encodingCases.map(([t]) => t))];
  const bytes = gasAssemble(texts);
  return {
    lines: Object.fromEntries(texts.map((t, i) => [t, bytes[i]])),
    programs: Object.fromEntries(programCases.map((p) => [p.name, gasAssembleProgram(p.gas)])),
  };
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Golden;
}

export function writeGolden(g: Golden): void {
  writeFileSync(GOLDEN_PATH, JSON.stringify(g, null, 1) + '\n');
}
