// Builds the kernel image: assembles the native boot code, links it at the kernel's
// addresses and writes build/tskern.elf (a multiboot ELF) plus build/tskern.map.

import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.ts';
import { dirname, join } from 'node:path';
import { defaultImagePath, projectRoot } from './paths.ts';
import { X86Assembler, type LinkedImage } from './x86/index.ts';
import { writeElf32 } from './elf.ts';
import { BOOT_MAX, KERNEL_BASE, KERNEL_TEXT_VADDR, LOAD_PHYS } from '../boot/layout.ts';
import { emitMultibootEntry } from '../boot/entry.ts';
import { emitGdt, emitPic } from '../boot/cpu-tables.ts';
import { emitTraps } from '../boot/traps.ts';
import { emitSerial } from '../boot/serial.ts';
import { emitClock } from '../boot/clock.ts';
import { emitCmdline } from '../boot/cmdline.ts';
import { emitKernelMain, type ProgramKind } from '../boot/kernel-main.ts';
import { compileProgram } from './compiler/index.ts';
import { encodeModule } from './bytecode/index.ts';
import { emitInterpreter } from '../boot/interp/index.ts';
import { emitProgramSlot, placeProgram, programSlotSize } from './program-image.ts';
import { kernelTemplate, type KernelTemplate } from './kernel-template.ts';


export interface KernelImage {
  elf: Uint8Array;
  linked: LinkedImage;
  entry: number;
}

function projectVersion(): string {
  return JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version;
}

export interface KernelOptions {
  /**
   * A compiled user program (.tsbc container) to run instead of the kernel's own
   * TypeScript: `tskern run` and the interpreter tests. The machine powers off when it ends.
   */
  program?: Uint8Array;
  /** Count executed bytecode ops in the interpreter (`op_count`, 64-bit): `tskern run --stats`. */
  stats?: boolean;
  /** The shapecheck interpreter: every shape-validated inline-cache hit is checked against the
   *  key (boot/interp/ic.ts); the differential corpus runs under it with TSKERN_SHAPECHECK=1. */
  shapeCheck?: boolean;
}

/** The kernel's TypeScript entry, compiled with the runtime prelude. */
export const KERNEL_ENTRY = join(projectRoot(), 'kernel', 'main.ts');

/** Compile kernel/main.ts to a .tsbc container. */
export function compileKernel(): Uint8Array {
  const { module } = compileProgram(KERNEL_ENTRY, {
    root: projectRoot(),
    define: { TSKERN_VERSION: JSON.stringify(projectVersion()) },
    functionSources: false,
  });
  return encodeModule(module);
}

/**
 * Assemble and link the kernel image in memory. The kernel without its program is linked
 * once per kind, stats build and program slot size, and cached (kernel-template.ts).
 */
export function assembleKernel(opts: KernelOptions = {}): KernelImage {
  const kind: ProgramKind = opts.program ? 'user' : 'kernel';
  const program = opts.program ?? compileKernel();
  const stats = opts.stats === true;
  const slot = programSlotSize(program.length);
  const shapeCheck = opts.shapeCheck === true;
  const template = kernelTemplate(`${kind}-${stats ? 'stats' : 'plain'}${shapeCheck ? '-shapecheck' : ''}-${slot}`,
    () => linkKernel(kind, stats, slot, shapeCheck));
  const linked = placeProgram(template.linked, program);
  const entry = template.entry;
  return { elf: writeElf32({ entry, sections: linked.sections, symbols: linked.symbols }), linked, entry };
}

/** Assemble and link the kernel with an empty program slot of `slot` bytes. */
function linkKernel(kind: ProgramKind, stats: boolean, slot: number, shapeCheck = false): KernelTemplate {
  const a = new X86Assembler();
  a.section('.bss', { nobits: true }).label('bss_start');
  emitMultibootEntry(a);
  emitKernelMain(a, kind);
  emitGdt(a);
  emitPic(a);
  emitTraps(a);
  emitSerial(a);
  emitClock(a);
  emitCmdline(a);
  emitProgramSlot(a, slot);
  emitInterpreter(a, { stats, shapeCheck });
  a.section('.bss', { nobits: true }).align(4).label('bss_end');

  const linked = a.link([
    { name: '.boot', vaddr: LOAD_PHYS, loadOffset: 0 },
    { name: '.text', vaddr: KERNEL_TEXT_VADDR, loadOffset: -KERNEL_BASE },
    { name: '.rodata', align: 16 },
    { name: '.data', align: 4096 },
    { name: '.bss', align: 4096 },
  ]);
  const boot = linked.sections.find((s) => s.name === '.boot')!;
  if (boot.size > BOOT_MAX) throw new Error(`.boot is ${boot.size} bytes; at most ${BOOT_MAX} fit below the kernel text`);
  return { linked, entry: linked.symbols.get('boot_entry')! };
}

/** Build the image and write it (and a symbol map beside it). Returns the image's path. */
export async function buildImage(opts: { outFile?: string } = {}): Promise<string> {
  const out = opts.outFile ?? defaultImagePath();
  const img = assembleKernel();
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, img.elf);
  const map = [...img.linked.symbols]
    .filter(([name]) => !name.startsWith('.'))
    .sort((x, y) => x[1] - y[1])
    .map(([name, v]) => `${(v >>> 0).toString(16).padStart(8, '0')} ${name}`)
    .join('\n');
  writeFileAtomic(out.replace(/\.elf$/, '') + '.map', map + '\n');
  return out;
}
