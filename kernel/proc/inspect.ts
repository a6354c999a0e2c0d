// Keeps the inspect channel (kernel/debug/inspect-channel.ts) in step with the processes:
// a process's areas are republished shortly after they change, not inside the system call
// that changed them, so mmap and munmap cost no /proc/PID/maps text each; the page tables
// themselves need no call (the host walks them).

import { publishAddressSpace, unpublish } from '../debug/inspect-channel.ts';
import type { Process } from './process.ts';

/** How long a change waits before it is published (the inspector refreshes every 250 ms). */
const PUBLISH_DELAY_MS = 50;

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
  scheduled = false;
  lastDirty = null;
  for (const p of dirty) {
    if (!p.alive) continue;
    publishAddressSpace(p.pid, p.mm.space, p.comm);
    published.add(p);
  }
  dirty.clear();
}

/** p's areas changed (exec, fork, mmap, munmap, mprotect, brk, mremap). */
export function areasChanged(p: Process): void {
  if (p === lastDirty) return;
  lastDirty = p;
  dirty.add(p);
  if (!scheduled) {
    scheduled = true;
    setTimeout(flush, PUBLISH_DELAY_MS);
  }
}

/** p exited: its space is gone from the channel at once. */
export function processGone(p: Process): void {
  if (lastDirty === p) lastDirty = null;
  dirty.delete(p);
  if (published.delete(p)) unpublish(p.pid);
}
