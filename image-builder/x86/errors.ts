// The one error type of the assembler, in its own module so that operands.ts can throw it
// without importing the container (which imports operands.ts).
export class AsmError extends Error {}
