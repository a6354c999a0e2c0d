// The kernel's one door to the hardware. In the guest each function is a native
// primitive of the interpreter; under Node, tests install a fake (tests/kernel/fake-hardware.ts,
// tests/mm/fake-machine.ts) so the same kernel TypeScript runs against simulated devices.

/** The hardware natives, typed by their one declaration (runtime/prelude/native.d.ts). */
export type Intrinsics = Pick<
  typeof __native,
  | 'outb' | 'inb' | 'outw' | 'inw' | 'outl' | 'inl'
  | 'physRead8' | 'physRead16' | 'physRead32' | 'physWrite8' | 'physWrite16' | 'physWrite32'
  | 'physFill' | 'physCopy' | 'readCr3' | 'writeCr3' | 'invlpg'
  | 'bootCommandLine' | 'bootInfoAddress' | 'physReservedEnd'
>;

/** The real thing: the interpreter's natives. */
const guest: Intrinsics = {
  outb: (port, value) => __native.outb(port, value),
  inb: (port) => __native.inb(port),
  outw: (port, value) => __native.outw(port, value),
  inw: (port) => __native.inw(port),
  outl: (port, value) => __native.outl(port, value),
  inl: (port) => __native.inl(port),
  physRead8: (phys) => __native.physRead8(phys),
  physRead16: (phys) => __native.physRead16(phys),
  physRead32: (phys) => __native.physRead32(phys),
  physWrite8: (phys, value) => __native.physWrite8(phys, value),
  physWrite16: (phys, value) => __native.physWrite16(phys, value),
  physWrite32: (phys, value) => __native.physWrite32(phys, value),
  physFill: (phys, byte, length) => __native.physFill(phys, byte, length),
  physCopy: (dst, src, length) => __native.physCopy(dst, src, length),
  readCr3: () => __native.readCr3(),
  writeCr3: (value) => __native.writeCr3(value),
  invlpg: (va) => __native.invlpg(va),
  bootCommandLine: () => __native.bootCommandLine(),
  bootInfoAddress: () => __native.bootInfoAddress(),
  physReservedEnd: () => __native.physReservedEnd(),
};

let active: Intrinsics = guest;

/** Replace the hardware (Node tests only); returns the previous one. */
export function installIntrinsics(fake: Intrinsics): Intrinsics {
  const previous = active;
  active = fake;
  return previous;
}

// ---- port I/O ------------------------------------------------------------------------------
export const outb = (port: number, value: number): void => active.outb(port, value);
export const inb = (port: number): number => active.inb(port);
export const outw = (port: number, value: number): void => active.outw(port, value);
export const inw = (port: number): number => active.inw(port);
export const outl = (port: number, value: number): void => active.outl(port, value);
export const inl = (port: number): number => active.inl(port);

// ---- physical memory -----------------------------------------------------------------------
// Addresses are physical (the guest goes through the direct map at 0xC0000000); values read
// are unsigned; writes store the low bits of ToInt32(value). Frame zeroing and copying are
// one call each (rep stosd / rep movsd in the guest), never a loop of small accesses.
export const physRead8 = (phys: number): number => active.physRead8(phys);
export const physRead16 = (phys: number): number => active.physRead16(phys);
export const physRead32 = (phys: number): number => active.physRead32(phys);
export const physWrite8 = (phys: number, value: number): void => active.physWrite8(phys, value);
export const physWrite16 = (phys: number, value: number): void => active.physWrite16(phys, value);
export const physWrite32 = (phys: number, value: number): void => active.physWrite32(phys, value);
/** Sets `length` bytes from `phys` to `byte`. */
export const physFill = (phys: number, byte: number, length: number): void => active.physFill(phys, byte, length);
/** Copies `length` bytes from `src` to `dst` (non-overlapping ranges). */
export const physCopy = (dst: number, src: number, length: number): void => active.physCopy(dst, src, length);

// ---- the MMU -------------------------------------------------------------------------------
/** CR3: the physical address of the current PDPT (PAE). */
export const readCr3 = (): number => active.readCr3();
/** Loads CR3: reloads the four PDPTEs and flushes every non-global TLB entry. */
export const writeCr3 = (value: number): void => active.writeCr3(value);
/** Invalidates the TLB entry of one virtual page (and the paging-structure caches). */
export const invlpg = (va: number): void => active.invlpg(va);

// ---- what the boot code knows ---------------------------------------------------------------
/** The kernel command line from the boot loader ("" if none). */
export const bootCommandLine = (): string => active.bootCommandLine();
/** Physical address of the multiboot information structure (memory map). */
export const bootInfoAddress = (): number => active.bootInfoAddress();
/** Physical end of the memory the native code owns (image, stacks, interpreter heap). */
export const physReservedEnd = (): number => active.physReservedEnd();
