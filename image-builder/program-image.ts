// Embeds a compiled program (.tsbc container) in the kernel image, where the interpreter's
// loader finds it at the label `tsbc_image` (8-byte aligned, in .rodata).

import type { X86Assembler } from './x86/index.ts';
import { HEADER_SIZE, TSBC_MAGIC, TSBC_VERSION, stripShebang } from './bytecode/index.ts';

export const PROGRAM_LABEL = 'tsbc_image';

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

/** Emit the container (a leading `#!` line is skipped) into .rodata. */
export function emitProgramImage(a: X86Assembler, file: Uint8Array): void {
  const bytes = stripShebang(file);
  checkProgram(bytes);
  const back = a.currentSection;
  a.section('.rodata').align(16).label(PROGRAM_LABEL);
  a.emit({ bytes: Array.from(bytes), fixups: [] });
  a.section(back);
}
