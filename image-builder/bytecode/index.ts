// The bytecode: instruction set, native primitives and module container. The single
// definition shared by the compiler, the interpreters and the disassembler.
export * from './opcodes.ts';
export * from './natives.ts';
export * from './intrinsics.ts';
export * from './format.ts';
