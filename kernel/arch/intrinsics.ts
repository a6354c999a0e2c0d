// The kernel's one door to the hardware. In the guest each function is a native
// primitive of the interpreter; under Node, tests install a fake (tests/kernel/fake-hardware.ts,
// tests/mm/fake-machine.ts) so the same kernel TypeScript runs against simulated devices.

/** The natives the kernel uses, typed by their one declaration (runtime/prelude/native.d.ts). */
export type Intrinsics = Pick<
  typeof __native,
  | 'outb' | 'inb' | 'outw' | 'inw' | 'outl' | 'inl'
  | 'physRead8' | 'physRead16' | 'physRead32' | 'physWrite8' | 'physWrite16' | 'physWrite32'
  | 'physFill' | 'physCopy' | 'readCr3' | 'writeCr3' | 'invlpg'
  | 'bootCommandLine' | 'bootInfoAddress' | 'physReservedEnd'
  | 'cli' | 'sti' | 'hlt' | 'rdtsc' | 'readCr0' | 'writeCr0' | 'readCr2' | 'readCr4' | 'writeCr4'
  | 'irqTake' | 'irqCount' | 'irqClaim' | 'contextRead' | 'contextWrite'
  | 'virtRead8' | 'virtRead16' | 'virtRead32' | 'virtWrite8' | 'virtWrite16' | 'virtWrite32'
  | 'commandLine' | 'bootReport'
> & {
  /** Registers the trap dispatcher the machine calls for faults of kernel memory accesses (Intrinsic.TrapDispatch). */
  setTrapDispatcher(f: (vector: number, errorCode: number, cr2: number, cpl: number) => void): void;
  /** Registers the event loop's interrupt hook (Intrinsic.InterruptHook). */
  setInterruptHook(f: () => void): void;
  /**
   * An ArrayBuffer whose bytes are the physical range [phys, phys + length) (natives.ts
   * bufferNew). Optional so that fakes without memory need not provide it.
   */
  physBuffer?(phys: number, length: number): ArrayBuffer;
};

/** Intrinsic ids (image-builder/bytecode/natives.ts Intrinsic.TrapDispatch, InterruptHook). */
const TRAP_DISPATCH = 36, INTERRUPT_HOOK = 37;

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
  cli: () => __native.cli(),
  sti: () => __native.sti(),
  hlt: () => __native.hlt(),
  rdtsc: () => __native.rdtsc(),
  readCr0: () => __native.readCr0(),
  writeCr0: (value) => __native.writeCr0(value),
  readCr2: () => __native.readCr2(),
  readCr4: () => __native.readCr4(),
  writeCr4: (value) => __native.writeCr4(value),
  irqTake: () => __native.irqTake(),
  irqCount: (line) => __native.irqCount(line),
  irqClaim: (mask) => __native.irqClaim(mask),
  contextRead: (index) => __native.contextRead(index),
  contextWrite: (index, value) => __native.contextWrite(index, value),
  virtRead8: (va) => __native.virtRead8(va),
  virtRead16: (va) => __native.virtRead16(va),
  virtRead32: (va) => __native.virtRead32(va),
  virtWrite8: (va, value) => __native.virtWrite8(va, value),
  virtWrite16: (va, value) => __native.virtWrite16(va, value),
  virtWrite32: (va, value) => __native.virtWrite32(va, value),
  commandLine: () => __native.commandLine(),
  bootReport: () => __native.bootReport(),
  setTrapDispatcher: (f) => __native.registerIntrinsic(TRAP_DISPATCH, f),
  setInterruptHook: (f) => __native.registerIntrinsic(INTERRUPT_HOOK, f),
  physBuffer: (phys, length) => __native.bufferNew(ArrayBuffer.prototype, length, phys),
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
/**
 * A Uint8Array over the physical range [phys, phys + length), for drivers (device buffers,
 * boot modules, page contents): element accesses read and write RAM through the direct map,
 * at typed-array speed, and DataView/other typed arrays over `.buffer` see the same bytes.
 * The range must lie inside the direct map (else the machine stops).
 */
export function physBytes(phys: number, length: number): Uint8Array {
  if (!active.physBuffer) throw new Error('physBytes: the installed intrinsics have no physical memory');
  return new Uint8Array(active.physBuffer(phys, length));
}

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

// ---- the CPU ----------------------------------------------------------------------------------
/** Interrupts off / on. IRQs are recorded by the machine and reach TypeScript through the
 *  event loop's interrupt hook, so kernel code may run with interrupts on. */
export const cli = (): void => active.cli();
export const sti = (): void => active.sti();
/** Halts until the next interrupt (forever with interrupts off). The event loop halts by itself. */
export const hlt = (): void => active.hlt();
/** The time-stamp counter (exact below 2^53). */
export const rdtsc = (): number => active.rdtsc();
export const readCr0 = (): number => active.readCr0();
export const writeCr0 = (value: number): void => active.writeCr0(value);
/** CR2: the address of the last page fault. */
export const readCr2 = (): number => active.readCr2();
export const readCr4 = (): number => active.readCr4();
export const writeCr4 = (value: number): void => active.writeCr4(value);

// ---- interrupts and traps ---------------------------------------------------------------------
/** The IRQ lines that fired since the last call (bit n: IRQ n); clears them. */
export const irqTake = (): number => active.irqTake();
/** How many times IRQ `line` fired since boot (wraps at 2^32). */
export const irqCount = (line: number): number => active.irqCount(line);
/** The lines TypeScript services (the machine leaves their devices alone and wakes the event loop for them); returns the previous mask. */
export const irqClaim = (mask: number): number => active.irqClaim(mask);
/** Word `index` of the saved context of the trap being delivered (kernel/arch/traps.ts CONTEXT). */
export const contextRead = (index: number): number => active.contextRead(index);
export const contextWrite = (index: number, value: number): void => active.contextWrite(index, value);
export const setTrapDispatcher = (f: (vector: number, errorCode: number, cr2: number, cpl: number) => void): void => active.setTrapDispatcher(f);
export const setInterruptHook = (f: () => void): void => active.setInterruptHook(f);

// ---- virtual memory (through the current page tables; faults reach the trap dispatcher) -----
export const virtRead8 = (va: number): number => active.virtRead8(va);
export const virtRead16 = (va: number): number => active.virtRead16(va);
export const virtRead32 = (va: number): number => active.virtRead32(va);
export const virtWrite8 = (va: number, value: number): void => active.virtWrite8(va, value);
export const virtWrite16 = (va: number, value: number): void => active.virtWrite16(va, value);
export const virtWrite32 = (va: number, value: number): void => active.virtWrite32(va, value);

// ---- boot -------------------------------------------------------------------------------------
/** The multiboot command line. */
export const commandLine = (): string => active.commandLine();
/** The native boot report (memory, paging, command line) and the native test options. */
export const bootReport = (): void => active.bootReport();
