// Keeps the inspect channel (kernel/debug/inspect-channel.ts) in step with the processes:
// a process's areas are republished shortly after they change, not inside the system call
// that changed them, so mmap and munmap cost no /proc/PID/maps text each; the page tables
// themselves need no call (the host walks them).

import { publishAddressSpace, unpublish } from '../debug/inspect-channel.ts';
import type { Process } from './process.ts';

/** How long a change waits before it is published (the inspector refreshes every 250 ms). */
const PUBLISH_DELAY_MS = 50;
/**
 * A publish formats and copies the maps text of every changed process: hundreds of
 * thousands of instructions each, tens of milliseconds where the emulator runs slowly (a
 * browser). The next one then waits at least this many times as long as the last took, so
 * publishing keeps to a fifth of the CPU while processes start one after another.
 */
const PUBLISH_COST_FACTOR = 4;
let lastFlushMs = 0;

const dirty = new Set<Process>();
let scheduled = false;
/** The process areasChanged last added (so already in `dirty`): a run of one process's calls skips the Set. */
let lastDirty: Process | null = null;

/**
 * Processes flush has published: only they need unpublishing at exit (unpublish searches
 * the channel's slots, a cost a short-lived child that was never published need not pay).
 */
const published = new Set<Process>();

function flush(): void {
  const start = performance.now();
  scheduled = false;
  lastDirty = null;
  for (const p of dirty) {
    if (!p.alive) continue;
    publishAddressSpace(p.pid, p.mm.space, p.comm);
    published.add(p);
  }
  dirty.clear();
  lastFlushMs = performance.now() - start;
}

/** p's areas changed (exec, fork, mmap, munmap, mprotect, brk, mremap). */
export function areasChanged(p: Process): void {
  if (p === lastDirty) return;
  lastDirty = p;
  dirty.add(p);
  if (!scheduled) {
    scheduled = true;
    const wait = PUBLISH_COST_FACTOR * lastFlushMs;
    setTimeout(flush, wait > PUBLISH_DELAY_MS ? wait : PUBLISH_DELAY_MS);
  }
}

/** p exited: its space is gone from the channel at once. */
export function processGone(p: Process): void {
  if (lastDirty === p) lastDirty = null;
  dirty.delete(p);
  if (published.delete(p)) unpublish(p.pid);
}
