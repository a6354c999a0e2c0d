// Embeds a compiled program (.tsbc container) in the kernel image, where the interpreter's
// loader finds it at the label `tsbc_image` (16-byte aligned, in .rodata). The kernel is
// linked with a zero-filled slot (emitProgramSlot) and the program copied into it
// (placeProgram), so one linked kernel serves every program that fits the slot.

import type { LinkedImage } from './x86/index.ts';
import type { X86Assembler } from './x86/index.ts';
import { HEADER_SIZE, TSBC_MAGIC, TSBC_VERSION, stripShebang } from './bytecode/index.ts';

export const PROGRAM_LABEL = 'tsbc_image';

/** Slot sizes are multiples of this, so programs of similar size share a linked kernel. */
export const PROGRAM_SLOT_STEP = 64 * 1024;

/** The slot size for a program of `length` bytes. */
export function programSlotSize(length: number): number {
  return Math.max(1, Math.ceil(length / PROGRAM_SLOT_STEP)) * PROGRAM_SLOT_STEP;
}

/** Checks the container's header; throws with a clear message if it is not one we can run. */
export function checkProgram(bytes: Uint8Array): void {
  if (bytes.length < HEADER_SIZE) throw new Error(`program: ${bytes.length} bytes is too short for a .tsbc header`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== TSBC_MAGIC) throw new Error('program: not a tskern bytecode module (bad magic)');
  if (v.getUint16(4, true) !== TSBC_VERSION) throw new Error(`program: bytecode version ${v.getUint16(4, true)}, expected ${TSBC_VERSION}`);
  if (v.getUint32(24, true) !== bytes.length) throw new Error(`program: header says ${v.getUint32(24, true)} bytes, got ${bytes.length}`);
  const functions = v.getUint32(8, true), entry = v.getUint32(20, true);
  if (entry >= functions) throw new Error(`program: entry function ${entry} of ${functions}`);
}

/** Reserve a zero-filled slot of `size` bytes for the program in .rodata. */
export function emitProgramSlot(a: X86Assembler, size: number): void {
  const back = a.currentSection;
  a.section('.rodata').align(16).label(PROGRAM_LABEL).space(size);
  a.section(back);
}

/**
 * A copy of `linked` (made with a slot of at least bytes.length) with the program in its
 * slot; the template itself is left as it was.
 */
export function placeProgram(linked: LinkedImage, file: Uint8Array): LinkedImage {
  const bytes = stripShebang(file); // a `#!/bin/tsvm` line is tsvm's, not the kernel's
  checkProgram(bytes);
  const at = linked.symbols.get(PROGRAM_LABEL);
  if (at === undefined) throw new Error(`the kernel has no ${PROGRAM_LABEL} slot`);
  const sections = linked.sections.map((s) => {
    const data = s.data.slice();
    if (s.vaddr <= at && at < s.vaddr + s.size) {
      if (s.nobits || at - s.vaddr + bytes.length > s.data.length) throw new Error('program: larger than its slot');
      data.set(bytes, at - s.vaddr);
    }
    return { ...s, data };
  });
  return { sections, symbols: new Map(linked.symbols) };
}
