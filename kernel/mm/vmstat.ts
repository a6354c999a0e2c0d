// Kernel-wide memory event counters for /proc/vmstat (the page cache keeps its own, per
// cache, in PageCache.stats; procfs adds them up). Plain numbers in one object, so any
// part of the kernel can count an event without knowing who reads it.

export interface VmCounters {
  /** User page faults handled (minor + major). */
  faults: number;
  /** Faults resolved without starting a disk read (a present page, a zero page, a cache hit, a wait on a read another fault started). */
  minor: number;
  /** Faults that started a disk read and slept on it. */
  major: number;
  /** Processes killed because no memory could be freed. */
  oomKills: number;
  /** Periodic writeback passes run. */
  writebackRuns: number;
}

export const vmCounters: VmCounters = { faults: 0, minor: 0, major: 0, oomKills: 0, writebackRuns: 0 };

/**
 * Disk reads started by every page cache, ever. A fault compares it before and after its
 * synchronous part: a change means the fault itself issued the read (a major fault).
 */
export const ioCounters = { readsStarted: 0 };
