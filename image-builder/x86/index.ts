// The x86-32 assembler DSL: `new X86Assembler()`, registers and operand builders.
export * from './operands.ts';
export { AsmError, type LinkedImage, type LinkedSection, type SectionPlacement } from './assembler.ts';
export { X86Assembler, type Cond, type Target } from './instructions.ts';
