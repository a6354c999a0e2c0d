// Replaces v86's scheduling of its next slice in the page (host/precise-wake.ts does it under
// Node). v86 runs the guest in slices of about a millisecond; after each it asks for the
// next one either at once (the slice's time was up) or after the time until its next
// hardware timer (the guest executed hlt). Its browser build sends every such request
// through a Worker (a message there and a message back, or the worker's setTimeout for
// waits of 1 ms and more), so each slice waits for two cross-thread messages and the
// worker's timer. Our kernel halts between its 1 kHz PIT ticks, so a booting guest asks
// for a wait thousands of times, each well under a millisecond.
//
// Here the next slice is a message on a MessageChannel of the page itself: a task that
// runs as soon as the main thread is free (no 4 ms clamp as for nested setTimeouts, no
// other thread). A wait polls through such messages until it is due (what v86's worker
// did for waits under 1 ms, without the round trip), and goes through setTimeout first
// for the part of a long wait (an idle guest) more than WAIT_SLACK_MS before it is due.
// Other tasks of the page (input, the terminal, the inspector) run between two messages.

import type { SliceStats } from './api.ts';

export type { SliceStats };

/** The part of v86's scheduler (its `v86` object) that this replaces. */
export interface V86Scheduler {
  /** v86 calls this after each slice: run yield_callback(tick) in `ms` milliseconds. */
  yield(ms: number, tick: number): void;
  /** Runs the next slice if `tick` is still the current one. */
  yield_callback(tick: number): void;
  do_tick(): void;
  tick_counter: number;
  unregister_yield(): void;
}

/** Waits longer than this go through setTimeout first (ms). */
const WAIT_SLACK_MS = 4;

export function newSliceStats(): SliceStats {
  return { slices: 0, halts: 0, runMs: 0, gapMs: 0, askedMs: 0 };
}

/**
 * Counts the slices of `s` into `stats`, and, when `precise`, schedules them through a
 * MessageChannel as above (otherwise v86's own Worker scheduling stays, only measured).
 * Call before the first slice runs.
 */
export function installPageWaker(s: V86Scheduler, stats: SliceStats, precise: boolean): void {
  const tick = s.do_tick;
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
  const yieldV86 = s.yield.bind(s);
  if (!precise) {
    s.yield = (ms, t) => {
      asked = Math.max(0, ms);
      if (ms > 0) stats.halts++;
      yieldV86(ms, t);
    };
    return;
  }
  s.unregister_yield(); // v86's worker: not needed any more
  const channel = new MessageChannel();
  // what each message is for: the tick and its due time (performance.now() ms)
  let pendingTick = -1;
  let due = 0;
  let posted = false;
  const post = () => {
    if (!posted) {
      posted = true;
      channel.port2.postMessage(null);
    }
  };
  channel.port1.onmessage = () => {
    posted = false;
    if (pendingTick !== s.tick_counter) return; // an interrupt already started a newer slice
    if (performance.now() < due) {
      post();
      return;
    }
    pendingTick = -1;
    s.yield_callback(s.tick_counter);
  };
  s.yield = (ms, t) => {
    asked = Math.max(0, ms);
    pendingTick = t;
    if (!(ms > 0)) {
      due = 0;
      post();
      return;
    }
    stats.halts++;
    due = performance.now() + ms;
    if (ms > WAIT_SLACK_MS) {
      setTimeout(() => { if (pendingTick === t) post(); }, Math.floor(ms - WAIT_SLACK_MS));
    } else {
      post();
    }
  };
}
