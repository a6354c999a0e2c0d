// A table case: the Intel-syntax line GNU as assembles, and the same instruction in the DSL.
// Cases may name the undefined symbol `table`; both sides treat it as address 0 (GNU as
// leaves the addend in the field of an object file, the harness links `table` at 0).
import type { X86Assembler } from '../../../image-builder/x86/index.ts';

export type Case = readonly [text: string, build: (a: X86Assembler) => unknown];
