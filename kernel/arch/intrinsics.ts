// The kernel's one door to the hardware. In the guest each function is a native
// primitive of the interpreter; under Node, tests install a fake (kernel/arch/fake.ts)
// so the same kernel TypeScript runs against simulated devices.

/** The port-I/O natives, typed by their one declaration (runtime/prelude/native.d.ts). */
export type Intrinsics = Pick<typeof __native, 'outb' | 'inb' | 'outw' | 'inw' | 'outl' | 'inl'>;

/** The real thing: the interpreter's natives. */
const guest: Intrinsics = {
  outb: (port, value) => __native.outb(port, value),
  inb: (port) => __native.inb(port),
  outw: (port, value) => __native.outw(port, value),
  inw: (port) => __native.inw(port),
  outl: (port, value) => __native.outl(port, value),
  inl: (port) => __native.inl(port),
};

let active: Intrinsics = guest;

/** Replace the hardware (Node tests only); returns the previous one. */
export function installIntrinsics(fake: Intrinsics): Intrinsics {
  const previous = active;
  active = fake;
  return previous;
}

export const outb = (port: number, value: number): void => active.outb(port, value);
export const inb = (port: number): number => active.inb(port);
export const outw = (port: number, value: number): void => active.outw(port, value);
export const inw = (port: number): number => active.inw(port);
export const outl = (port: number, value: number): void => active.outl(port, value);
export const inl = (port: number): number => active.inl(port);
