// The kernel's one door to the hardware. In the guest each function is a native
// primitive of the interpreter; under Node, tests install a fake (tests/kernel/fake-hardware.ts,
// tests/mm/fake-machine.ts) so the same kernel TypeScript runs against simulated devices.

import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';
import { pteCopyWith, pteUpdateWith, pteZapWith, type Phys32 } from './pte-ranges.ts';

/** The natives the kernel uses, typed by their one declaration (runtime/prelude/native.d.ts). */
export type Intrinsics = Pick<
  typeof __native,
  | 'outb' | 'inb' | 'outw' | 'inw' | 'outl' | 'inl'
  | 'physRead8' | 'physRead16' | 'physRead32' | 'physWrite8' | 'physWrite16' | 'physWrite32'
  | 'physFill' | 'physCopy' | 'insw' | 'outsw' | 'readCr3' | 'writeCr3' | 'invlpg'
  | 'bootCommandLine' | 'bootInfoAddress' | 'physReservedEnd'
  | 'cli' | 'sti' | 'hlt' | 'rdtsc' | 'readCr0' | 'writeCr0' | 'readCr2' | 'readCr4' | 'writeCr4'
  | 'irqTake' | 'irqCount' | 'irqClaim' | 'contextRead' | 'contextWrite'
  | 'virtRead8' | 'virtRead16' | 'virtRead32' | 'virtWrite8' | 'virtWrite16' | 'virtWrite32'
  | 'commandLine' | 'bootReport' | 'enterUser' | 'gdtSetTls'
> & {
  /** Registers the trap dispatcher the machine calls for faults of kernel memory accesses (Intrinsic.TrapDispatch). */
  setTrapDispatcher(f: (vector: number, errorCode: number, cr2: number, cpl: number) => void): void;
  /** Registers the event loop's interrupt hook (Intrinsic.InterruptHook). */
  setInterruptHook(f: () => void): void;
  /** Registers the scheduler's run hook (Intrinsic.RunUser): the event loop calls it instead of halting. */
  setRunUserHook(f: () => boolean): void;
  /**
   * An ArrayBuffer whose bytes are the physical range [phys, phys + length) (natives.ts
   * bufferNew). Optional so that fakes without memory need not provide it.
   */
  physBuffer?(phys: number, length: number): ArrayBuffer;
  /** The page-table range natives; a fake without them gets pte-ranges.ts over its physRead32/physWrite32. */
  pteCopy?: typeof __native.pteCopy;
  pteZap?: typeof __native.pteZap;
  pteUpdate?: typeof __native.pteUpdate;
};

/**
 * Replace the hardware (Node tests only); returns the previous one. Each intrinsic is a
 * module binding holding the function itself (in the guest, one call straight into its
 * native), so swapping the hardware reassigns every binding.
 */
export function installIntrinsics(fake: Intrinsics): Intrinsics {
  const previous: Intrinsics = {
    outb,
    inb,
    outw,
    inw,
    outl,
    inl,
    insw,
    outsw,
    physRead8,
    physRead16,
    physRead32,
    physWrite8,
    physWrite16,
    physWrite32,
    physFill,
    physCopy,
    readCr3,
    writeCr3,
    invlpg,
    bootCommandLine,
    bootInfoAddress,
    physReservedEnd,
    cli,
    sti,
    hlt,
    rdtsc,
    readCr0,
    writeCr0,
    readCr2,
    readCr4,
    writeCr4,
    irqTake,
    irqCount,
    irqClaim,
    contextRead,
    contextWrite,
    setTrapDispatcher,
    setInterruptHook,
    setRunUserHook,
    virtRead8,
    virtRead16,
    virtRead32,
    virtWrite8,
    virtWrite16,
    virtWrite32,
    commandLine,
    bootReport,
    enterUser,
    gdtSetTls,
  };
  outb = fake.outb.bind(fake);
  inb = fake.inb.bind(fake);
  outw = fake.outw.bind(fake);
  inw = fake.inw.bind(fake);
  outl = fake.outl.bind(fake);
  inl = fake.inl.bind(fake);
  insw = fake.insw.bind(fake);
  outsw = fake.outsw.bind(fake);
  physRead8 = fake.physRead8.bind(fake);
  physRead16 = fake.physRead16.bind(fake);
  physRead32 = fake.physRead32.bind(fake);
  physWrite8 = fake.physWrite8.bind(fake);
  physWrite16 = fake.physWrite16.bind(fake);
  physWrite32 = fake.physWrite32.bind(fake);
  physFill = fake.physFill.bind(fake);
  physCopy = fake.physCopy.bind(fake);
  readCr3 = fake.readCr3.bind(fake);
  writeCr3 = fake.writeCr3.bind(fake);
  invlpg = fake.invlpg.bind(fake);
  bootCommandLine = fake.bootCommandLine.bind(fake);
  bootInfoAddress = fake.bootInfoAddress.bind(fake);
  physReservedEnd = fake.physReservedEnd.bind(fake);
  cli = fake.cli.bind(fake);
  sti = fake.sti.bind(fake);
  hlt = fake.hlt.bind(fake);
  rdtsc = fake.rdtsc.bind(fake);
  readCr0 = fake.readCr0.bind(fake);
  writeCr0 = fake.writeCr0.bind(fake);
  readCr2 = fake.readCr2.bind(fake);
  readCr4 = fake.readCr4.bind(fake);
  writeCr4 = fake.writeCr4.bind(fake);
  irqTake = fake.irqTake.bind(fake);
  irqCount = fake.irqCount.bind(fake);
  irqClaim = fake.irqClaim.bind(fake);
  contextRead = fake.contextRead.bind(fake);
  contextWrite = fake.contextWrite.bind(fake);
  setTrapDispatcher = fake.setTrapDispatcher.bind(fake);
  setInterruptHook = fake.setInterruptHook.bind(fake);
  setRunUserHook = fake.setRunUserHook.bind(fake);
  virtRead8 = fake.virtRead8.bind(fake);
  virtRead16 = fake.virtRead16.bind(fake);
  virtRead32 = fake.virtRead32.bind(fake);
  virtWrite8 = fake.virtWrite8.bind(fake);
  virtWrite16 = fake.virtWrite16.bind(fake);
  virtWrite32 = fake.virtWrite32.bind(fake);
  commandLine = fake.commandLine.bind(fake);
  bootReport = fake.bootReport.bind(fake);
  enterUser = fake.enterUser.bind(fake);
  gdtSetTls = fake.gdtSetTls.bind(fake);
  previous.physBuffer = physBuffer;
  previous.pteCopy = pteCopy;
  previous.pteZap = pteZap;
  previous.pteUpdate = pteUpdate;
  const mem: Phys32 = { read32: (p) => physRead32(p), write32: (p, v) => physWrite32(p, v) };
  pteCopy = fake.pteCopy !== undefined ? fake.pteCopy.bind(fake) : (s, d, n, c, t, l, o) => pteCopyWith(mem, s, d, n, c, t, l, o);
  pteZap = fake.pteZap !== undefined ? fake.pteZap.bind(fake) : (s, n, t, l, o) => pteZapWith(mem, s, n, t, l, o);
  pteUpdate = fake.pteUpdate !== undefined ? fake.pteUpdate.bind(fake) : (s, n, st, c, m, x, o) => pteUpdateWith(mem, s, n, st, c, m, x, o);
  physBuffer = fake.physBuffer === undefined ? undefined : fake.physBuffer.bind(fake);
  charCode = (s, i) => s.charCodeAt(i); // not hardware: Node's own, whatever the fake
  return previous;
}

// ---- port I/O ------------------------------------------------------------------------------
export let outb = (port: number, value: number): void => __native.outb(port, value);
export let inb = (port: number): number => __native.inb(port);
export let outw = (port: number, value: number): void => __native.outw(port, value);
export let inw = (port: number): number => __native.inw(port);
export let outl = (port: number, value: number): void => __native.outl(port, value);
export let inl = (port: number): number => __native.inl(port);
/** rep insw: `count` 16-bit words from `port` into physical memory at `phys` (one call per block, not a loop of inw). */
export let insw = (port: number, phys: number, count: number): void => __native.insw(port, phys, count);
/** rep outsw: `count` 16-bit words from physical memory at `phys` to `port`. */
export let outsw = (port: number, phys: number, count: number): void => __native.outsw(port, phys, count);

/**
 * The UTF-16 unit of `s` at index i, for 0 <= i < s.length (the caller's loop bound; no
 * check): the native itself, a call instead of String.prototype.charCodeAt's ~1,000
 * guest instructions, for loops that copy a string into memory a character at a time.
 */
export let charCode = (s: string, i: number): number => __native.charCodeAt(s, i);

// ---- physical memory -----------------------------------------------------------------------
// Addresses are physical (the guest goes through the direct map at 0xC0000000); values read
// are unsigned; writes store the low bits of ToInt32(value). Frame zeroing and copying are
// one call each (rep stosd / rep movsd in the guest), never a loop of small accesses.
export let physRead8 = (phys: number): number => __native.physRead8(phys);
export let physRead16 = (phys: number): number => __native.physRead16(phys);
export let physRead32 = (phys: number): number => __native.physRead32(phys);
export let physWrite8 = (phys: number, value: number): void => __native.physWrite8(phys, value);
export let physWrite16 = (phys: number, value: number): void => __native.physWrite16(phys, value);
export let physWrite32 = (phys: number, value: number): void => __native.physWrite32(phys, value);
/** Sets `length` bytes from `phys` to `byte`. */
export let physFill = (phys: number, byte: number, length: number): void => __native.physFill(phys, byte, length);
/** Copies `length` bytes from `src` to `dst` (non-overlapping ranges). */
export let physCopy = (dst: number, src: number, length: number): void => __native.physCopy(dst, src, length);
/** An ArrayBuffer whose bytes are the physical range [phys, phys + length) (natives.ts bufferNew); undefined when the installed fake has no memory. */
let physBuffer: ((phys: number, length: number) => ArrayBuffer) | undefined = (phys, length) => __native.bufferNew(ArrayBuffer.prototype, length, phys);
/**
 * A Uint8Array over the physical range [phys, phys + length), for drivers (device buffers,
 * boot modules, page contents): element accesses read and write RAM through the direct map,
 * at typed-array speed, and DataView/other typed arrays over `.buffer` see the same bytes.
 * The range must lie inside the direct map (else the machine stops).
 */
export function physBytes(phys: number, length: number): Uint8Array {
  if (physBuffer === undefined) throw new Error('physBytes: the installed intrinsics have no physical memory');
  return new Uint8Array(physBuffer(phys, length));
}

// ---- page-table ranges (kernel/mm: fork, munmap, mprotect; natives.ts and pte-ranges.ts) ----
/** Copies the n entries at src to dst, clearing `clear` in both; takes a reference per counted frame. copied + 65536 * present entries changed (bitmap in out[3]), or -1. */
export let pteCopy = (src: number, dst: number, n: number, clear: number, table: number, limit: number, out: number): number => __native.pteCopy(src, dst, n, clear, table, limit, out);
/** Clears the n entries at slot, dropping references; freed frames chained in out[0..2]. cleared + 65536 * present cleared (bitmap in out[3]), or -1. */
export let pteZap = (slot: number, n: number, table: number, limit: number, out: number): number => __native.pteZap(slot, n, table, limit, out);
/** Entries matching (e & mask) === match become (e & ~clear) | set; returns how many need an invalidation (bitmap in out[3]). */
export let pteUpdate = (slot: number, n: number, set: number, clear: number, mask: number, match: number, out: number): number => __native.pteUpdate(slot, n, set, clear, mask, match, out);

// ---- the MMU -------------------------------------------------------------------------------
/** CR3: the physical address of the current PDPT (PAE). */
export let readCr3 = (): number => __native.readCr3();
/** Loads CR3: reloads the four PDPTEs and flushes every non-global TLB entry. */
export let writeCr3 = (value: number): void => __native.writeCr3(value);
/** Invalidates the TLB entry of one virtual page (and the paging-structure caches). */
export let invlpg = (va: number): void => __native.invlpg(va);

// ---- what the boot code knows ---------------------------------------------------------------
/** The kernel command line from the boot loader ("" if none). */
export let bootCommandLine = (): string => __native.bootCommandLine();
/** Physical address of the multiboot information structure (memory map). */
export let bootInfoAddress = (): number => __native.bootInfoAddress();
/** Physical end of the memory the native code owns (image, stacks, interpreter heap). */
export let physReservedEnd = (): number => __native.physReservedEnd();

// ---- the CPU ----------------------------------------------------------------------------------
/** Interrupts off / on. IRQs are recorded by the machine and reach TypeScript through the
 *  event loop's interrupt hook, so kernel code may run with interrupts on. */
export let cli = (): void => __native.cli();
export let sti = (): void => __native.sti();
/** Halts until the next interrupt (forever with interrupts off). The event loop halts by itself. */
export let hlt = (): void => __native.hlt();
/** The time-stamp counter (exact below 2^53). */
export let rdtsc = (): number => __native.rdtsc();
export let readCr0 = (): number => __native.readCr0();
export let writeCr0 = (value: number): void => __native.writeCr0(value);
/** CR2: the address of the last page fault. */
export let readCr2 = (): number => __native.readCr2();
export let readCr4 = (): number => __native.readCr4();
export let writeCr4 = (value: number): void => __native.writeCr4(value);

// ---- interrupts and traps ---------------------------------------------------------------------
/** The IRQ lines that fired since the last call (bit n: IRQ n); clears them. */
export let irqTake = (): number => __native.irqTake();
/** How many times IRQ `line` fired since boot (wraps at 2^32). */
export let irqCount = (line: number): number => __native.irqCount(line);
/** The lines TypeScript services (the machine leaves their devices alone and wakes the event loop for them); returns the previous mask. */
export let irqClaim = (mask: number): number => __native.irqClaim(mask);
/** Word `index` of the saved context of the trap being delivered (kernel/arch/traps.ts CONTEXT). */
export let contextRead = (index: number): number => __native.contextRead(index);
export let contextWrite = (index: number, value: number): void => __native.contextWrite(index, value);
export let setTrapDispatcher = (f: (vector: number, errorCode: number, cr2: number, cpl: number) => void): void => __native.registerIntrinsic(Intrinsic.TrapDispatch, f);
export let setInterruptHook = (f: () => void): void => __native.registerIntrinsic(Intrinsic.InterruptHook, f);
export let setRunUserHook = (f: () => boolean): void => __native.registerIntrinsic(Intrinsic.RunUser, f);

// ---- virtual memory (through the current page tables; faults reach the trap dispatcher) -----
export let virtRead8 = (va: number): number => __native.virtRead8(va);
export let virtRead16 = (va: number): number => __native.virtRead16(va);
export let virtRead32 = (va: number): number => __native.virtRead32(va);
export let virtWrite8 = (va: number, value: number): void => __native.virtWrite8(va, value);
export let virtWrite16 = (va: number, value: number): void => __native.virtWrite16(va, value);
export let virtWrite32 = (va: number, value: number): void => __native.virtWrite32(va, value);

// ---- boot -------------------------------------------------------------------------------------
/** The multiboot command line. */
export let commandLine = (): string => __native.commandLine();
/** The native boot report (memory, paging, command line) and the native test options. */
export let bootReport = (): void => __native.bootReport();

// ---- user mode -------------------------------------------------------------------------------
/** Runs the user context block at physical `ctx` in ring 3 until a trap; returns its vector (kernel/proc/user-context.ts). */
export let enterUser = (ctx: number): number => __native.enterUser(ctx);
/** Writes GDT TLS entry `index` (6-8) with the descriptor halves lo, hi (set_thread_area). */
export let gdtSetTls = (index: number, lo: number, hi: number): number => __native.gdtSetTls(index, lo, hi);
