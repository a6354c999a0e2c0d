// Native primitives reachable from bytecode through `CallNative dst, id, first, argc`.
// The runtime library (TypeScript, compiled with every program) builds the JavaScript
// builtins on these; each is implemented by the x86 interpreter and by the reference
// interpreter. In TypeScript source they are written `__native.name(args)` (see
// docs/bytecode.md); the compiler checks the argument count.

export interface NativeInfo {
  readonly name: string;
  readonly argc: number;
  readonly doc: string;
}

export const NATIVES = [
  { name: 'writeStdout', argc: 1, doc: 'write a string to the console (COM1 in the guest), no newline added; returns undefined' },
  { name: 'writeStderr', argc: 1, doc: 'as writeStdout, for the error stream (the host separates them)' },
  { name: 'exit', argc: 1, doc: 'end the program with the int32 status (power off in the guest); never returns' },
  { name: 'globalObject', argc: 0, doc: 'the global object (free identifiers resolve on it)' },
  // Port I/O for kernel drivers (kernel/arch/intrinsics.ts wraps these; values are masked to the width).
  { name: 'outb', argc: 2, doc: 'out port, value (8 bits); returns undefined' },
  { name: 'inb', argc: 1, doc: 'in port: an int32 in 0..255' },
  { name: 'outw', argc: 2, doc: 'out port, value (16 bits); returns undefined' },
  { name: 'inw', argc: 1, doc: 'in port: an int32 in 0..65535' },
  { name: 'outl', argc: 2, doc: 'out port, value (32 bits); returns undefined' },
  { name: 'inl', argc: 1, doc: 'in port: a number in 0..2^32-1 (uint32 tag above 2^31)' },
] as const satisfies readonly NativeInfo[];

export type NativeName = (typeof NATIVES)[number]['name'];

export const Native = Object.fromEntries(NATIVES.map((n, i) => [n.name, i])) as { readonly [K in NativeName]: number };
