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
] as const satisfies readonly NativeInfo[];

export type NativeName = (typeof NATIVES)[number]['name'];

export const Native = Object.fromEntries(NATIVES.map((n, i) => [n.name, i])) as { readonly [K in NativeName]: number };
