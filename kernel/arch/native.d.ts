// The compiler turns `__native.name(args)` into a CallNative instruction
// (image-builder/bytecode/natives.ts lists them). Kernel code does not call these
// directly: it goes through kernel/arch/intrinsics.ts, which has a fake for Node tests.
declare const __native: {
  outb(port: number, value: number): void;
  inb(port: number): number;
  outw(port: number, value: number): void;
  inw(port: number): number;
  outl(port: number, value: number): void;
  inl(port: number): number;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  exit(status: number): never;
};
