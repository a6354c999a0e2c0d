// Small conventions for the native boot code written with the assembler DSL.
//
// Routines take arguments in registers (named in each routine's comment) and preserve
// every register except the ones documented as results, so callers need not save
// anything. Code lives in .text, constants in .rodata, variables in .data and .bss.

import type { X86Assembler } from '../image-builder/x86/index.ts';

/** Emit a NUL-terminated string into .rodata and return its label. */
export function cstring(a: X86Assembler, text: string): string {
  const back = a.currentSection;
  const name = a.newLabel('str');
  a.section('.rodata').label(name).asciz(text);
  a.section(back);
  return name;
}

/** Emit a routine into .text: `label:` then the body (which must end in ret or never return). */
export function routine(a: X86Assembler, name: string, body: () => void): void {
  a.section('.text');
  a.align(16);
  a.label(name);
  body();
}
