// Counts v86's slices of emulation in the page: how many ran, how many ended because the
// guest halted, and the host time inside them and between them. v86 runs the guest in
// slices of about a millisecond and schedules the next one through a Worker (a message
// there and back, or the worker's setTimeout for a wait of 1 ms or more, so no 4 ms clamp
// of nested timers). These counts showed that the boot to the first prompt never halts
// (the guest is busy throughout) and that the time between slices (other tasks of the page,
// frames, the Worker's round trip) is a small part of the boot: the page's boot is slower
// than Node's inside v86's slices (bench:web, docs/architecture.md "The browser page").

import type { SliceStats } from './api.ts';

/** The part of v86's scheduler (its `v86` object) that this wraps. */
export interface V86Scheduler {
  /** v86 calls this after each slice: run the next one in `ms` milliseconds (0: at once). */
  yield(ms: number, tick: number): void;
  /** What `yield` arranges to call: runs the next slice unless another was asked for since. */
  yield_callback(tick: number): void;
  /** Stops v86's scheduling Worker. */
  unregister_yield(): void;
  /** Runs one slice. */
  do_tick(): void;
}

interface TaskScheduler {
  postTask(task: () => void, options: { delay: number; priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

/**
 * Schedules v86's slices with the browser's task scheduler (`scheduler.postTask`, where
 * there is one) instead of v86's Worker round trip: the next slice is a task of the page's
 * own thread, with no message to copy and no other thread to wake (on a machine whose
 * cores are busy, that thread may not run at once). v86 has this path itself, but only
 * for a URL containing "use-scheduling-api". Returns whether it did.
 */
export function scheduleWithPostTask(s: V86Scheduler): boolean {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler === undefined || typeof scheduler.postTask !== 'function') return false;
  s.unregister_yield();
  s.yield = (ms, tick) => {
    void scheduler.postTask(() => s.yield_callback(tick), { delay: Math.max(0, ms), priority: 'user-visible' });
  };
  return true;
}

export function newSliceStats(): SliceStats {
  return { slices: 0, halts: 0, runMs: 0, gapMs: 0, askedMs: 0 };
}

/** Counts the slices of `s` into `stats` from now on (call before the first slice runs). */
export function countSlices(s: V86Scheduler, stats: SliceStats): void {
  const tick = s.do_tick;
  const ask = s.yield;
  let sliceEnd = -1;
  let asked = 0;
  s.do_tick = () => {
    const t0 = performance.now();
    if (sliceEnd >= 0) {
      const gap = t0 - sliceEnd;
      stats.gapMs += gap;
      stats.askedMs += Math.min(gap, asked);
    }
    tick.call(s);
    sliceEnd = performance.now();
    stats.runMs += sliceEnd - t0;
    stats.slices++;
  };
  s.yield = (ms, t) => {
    asked = Math.max(0, ms);
    if (ms > 0) stats.halts++;
    ask.call(s, ms, t);
  };
}
