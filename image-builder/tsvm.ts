// Builds tsvm, the user build of the bytecode interpreter: the same interpreter source as
// the kernel image's (boot/interp/, target 'user'), around boot/user/ (entry point, system
// calls), linked as a static ELF32 i386 Linux executable (ET_EXEC, one PT_LOAD per section,
// page-aligned, no interpreter, no TLS) and written to build/tsvm.

import { chmodSync, mkdirSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.ts';
import { dirname, join } from 'node:path';
import { projectRoot } from './paths.ts';
import { X86Assembler, type LinkedImage } from './x86/index.ts';
import { writeElf32 } from './elf.ts';
import { emitInterpreter } from '../boot/interp/index.ts';
import { emitUserPlatform } from '../boot/user/index.ts';

/** Where the text starts: the traditional i386 executable base plus the header page. */
export const TSVM_TEXT_VADDR = 0x08049000;

export interface TsvmImage {
  elf: Uint8Array;
  linked: LinkedImage;
  entry: number;
}

export const defaultTsvmPath = (root = projectRoot()) => join(root, 'build', 'tsvm');

/** Assemble and link tsvm in memory. */
export function assembleTsvm(opts: { stats?: boolean } = {}): TsvmImage {
  const a = new X86Assembler();
  a.section('.bss', { nobits: true }).label('bss_start');
  emitUserPlatform(a);
  emitInterpreter(a, { stats: opts.stats, target: 'user' });
  a.section('.bss', { nobits: true }).align(4).label('bss_end');
  const linked = a.link([
    { name: '.text', vaddr: TSVM_TEXT_VADDR },
    { name: '.rodata', align: 4096 },
    { name: '.data', align: 4096 },
    { name: '.bss', align: 4096 },
  ]);
  const entry = linked.symbols.get('_start')!;
  return { elf: writeElf32({ entry, sections: linked.sections, symbols: linked.symbols }), linked, entry };
}

/** Build tsvm and write it (executable) to `outFile` (default build/tsvm). Returns the path. */
export function buildTsvm(opts: { outFile?: string } = {}): string {
  const out = opts.outFile ?? defaultTsvmPath();
  const img = assembleTsvm();
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, img.elf);
  chmodSync(out, 0o755);
  return out;
}
