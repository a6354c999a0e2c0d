// Pages and the user half of the address space.
//
// Addresses are numbers in 0..2^32-1. JavaScript's bitwise operators produce signed int32
// values, so every mask is followed by `>>> 0` to bring an address >= 2^31 back to an
// unsigned number; these helpers do it once.

export enum Page {
  SHIFT = 12,
  SIZE = 4096,
  OFFSET_MASK = 0xfff,
}

export enum Layout {
  /** End of the user half (TASK_SIZE): PDPT[0..2] are per address space, PDPT[3] is the kernel's. */
  USER_END = 0xc000_0000,
  /** Start of the kernel half, where RAM is direct-mapped (virtual = physical + KERNEL_BASE). */
  KERNEL_BASE = 0xc000_0000,
}

/** `a` rounded down to a page boundary. */
export function pageDown(a: number): number {
  return (a & ~Page.OFFSET_MASK) >>> 0;
}

/** `a` rounded up to a page boundary; `a` must be below 2^32 - 4096. */
export function pageUp(a: number): number {
  return ((a + Page.OFFSET_MASK) & ~Page.OFFSET_MASK) >>> 0;
}

export function isPageAligned(a: number): boolean {
  return (a & Page.OFFSET_MASK) === 0;
}
