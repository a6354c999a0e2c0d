// Memory layout and hardware constants shared by the boot code, the image builder and
// the host (which reads them to know where to look, never to write).

/** Where the kernel half starts: physical RAM is direct-mapped from here. */
export const KERNEL_BASE = 0xc000_0000;
/** Physical load address of the image (the first MiB is left to the firmware areas). */
export const LOAD_PHYS = 0x0010_0000;
/** The pre-paging boot section is linked and loaded here and may not exceed BOOT_MAX. */
export const BOOT_MAX = 0x1000;
/** Virtual address of the kernel proper (.text, then .data, then .bss). */
export const KERNEL_TEXT_VADDR = KERNEL_BASE + LOAD_PHYS + BOOT_MAX;
/**
 * The direct map stops here (896 MiB, as in Linux), leaving the top 128 MiB of the kernel
 * half for mappings the kernel makes itself.
 */
export const DIRECT_MAP_MAX = 0x3800_0000;
/** The direct map uses 2 MiB pages. */
export const LARGE_PAGE = 0x20_0000;

export const KERNEL_STACK_SIZE = 16 * 1024;

/** GDT selectors. User selectors carry RPL 3. */
export const SEL = {
  kernelCode: 0x08,
  kernelData: 0x10,
  userCode: 0x18 | 3,
  userData: 0x20 | 3,
  tss: 0x28,
} as const;

/**
 * The power-off status of a native panic (an exception nobody handles): after the report
 * the machine powers off with it, so no test or script waits on a halted machine. The
 * TypeScript side's endings have their own: an uncaught exception 1, an interpreter fatal 70.
 */
export const PANIC_STATUS = 99;

/** Interrupt vectors: CPU exceptions 0-31, PIC IRQs 32-47. */
export const IRQ_BASE = 0x20;
export const IRQ = { timer: 0, com1: 4, spuriousMaster: 7, spuriousSlave: 15 } as const;

export const PORT = {
  com1: 0x3f8,
  picMasterCmd: 0x20,
  picMasterData: 0x21,
  picSlaveCmd: 0xa0,
  picSlaveData: 0xa1,
  /** Power-off: QEMU's isa-debug-exit and the v86 runner's handler. */
  exit: 0xf4,
  /**
   * The POST-code port, harmless to write anywhere: clock_init writes 1 there once its
   * real-time work (TSC calibration, RTC wait) is done, and the v86 runner notes the
   * instruction count then, so counts (--stats, benchmarks) leave that work out.
   */
  mark: 0x80,
} as const;

export const MULTIBOOT = {
  headerMagic: 0x1badb002,
  loaderMagic: 0x2badb002,
  /** Header flags: page-align modules (bit 0), ask for a memory map (bit 1). */
  flags: 0x3,
  info: { flags: 0, memUpper: 8, cmdline: 16, modsCount: 20, modsAddr: 24, mmapLength: 44, mmapAddr: 48 },
  infoFlag: { mem: 1 << 0, cmdline: 1 << 2, mods: 1 << 3, mmap: 1 << 6 },
} as const;

/** x86 control-register and page-table bits used by the boot code. */
export const CR0_PG = 1 << 31;
export const CR0_WP = 1 << 16;
export const CR4_PSE = 1 << 4;
export const CR4_PAE = 1 << 5;
export const CR4_PGE = 1 << 7;
export const PTE = { P: 1 << 0, RW: 1 << 1, US: 1 << 2, A: 1 << 5, D: 1 << 6, PS: 1 << 7, G: 1 << 8 } as const;
