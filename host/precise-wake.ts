// Replaces v86's scheduling of its next slice under Node. v86 ends a slice of emulation
// (its main loop) either because the slice's time is up (it asks for 0 ms) or because the
// guest executed hlt, and then it asks for the time until its next hardware timer (the
// PIT/RTC/APIC interrupt that will wake the guest). Its own Node scheduler takes
// setImmediate for anything under 1 ms and setTimeout otherwise. Our kernel programs the
// PIT at 1 kHz, so a halted guest always asks for < 1 ms: the host spun through
// setImmediate (a whole core while the guest idled), and a spinning process on a loaded
// host is the first to be preempted for a whole scheduler slice (several ms), so guest
// timers a few ms apart fired out of Node's order.
//
// Here the wait is a real sleep that ends on time: Atomics.wait's timeout (a futex with
// a microsecond deadline) for the last stretch, setTimeout (1 ms granularity) only for the
// part of longer waits more than WAIT_SLACK_MS before the deadline. A sleeping process
// that wakes is scheduled promptly by Linux even when other processes keep the cores busy.
// Between two slices the event loop runs once (setImmediate), so serial input, output and
// the host's own timers are never blocked for longer than one wait (≤ MAX_BLOCK_MS). Several
// machines in one process (tests boot them side by side) share the thread: none sleeps while
// another has work, and a sleep ends when the first of them is due.

/** The part of v86's scheduler (its `v86` object, class "G" in the build) that we replace. */
export interface V86Scheduler {
  /** v86 calls this after each slice: run yield_callback(tick) in `ms` milliseconds. */
  yield(ms: number, tick: number): void;
  /** Runs the next slice if `tick` is still the current one (a device interrupt while
   *  idle starts a newer tick at once, which makes older ones stale). */
  yield_callback(tick: number): void;
  tick_counter: number;
}

/** Waits longer than this go through setTimeout first (ms). */
const WAIT_SLACK_MS = 2;
/** The longest the event loop is ever blocked by one precise wait (ms). */
const MAX_BLOCK_MS = 2.5;

/** Lateness of the host's wake-ups: host ms between a slice's due time and its start. */
export interface WakeStats {
  /** Wake-ups measured (waits that ended in a slice). */
  count: number;
  /** Milliseconds late, sorted ascending (a bounded sample: the most recent 100,000). */
  sorted(): number[];
}

const SAMPLE_LIMIT = 100_000;

/** The machines of this process whose last slice asked for no wait (they are running). */
const busy = new Set<PreciseWaker>();
/** The machines waiting for a slice, with its due time (performance.now() ms). */
const waiting = new Map<PreciseWaker, number>();

/** 'precise': this module's sleep; 'v86': v86's own scheduling, measured (for comparison). */
export type WakeMode = 'precise' | 'v86';

export class PreciseWaker implements WakeStats {
  count = 0;
  private readonly samples = new Float64Array(SAMPLE_LIMIT);
  private readonly cell = new Int32Array(new SharedArrayBuffer(4));
  private disposed = false;

  /**
   * Installs the waker on v86's scheduler `s` (call before the first slice runs). `mode`
   * 'v86' keeps v86's own scheduling (setImmediate under 1 ms, else setTimeout) and only
   * measures it: for the benchmark's comparison (bench/timers.ts).
   */
  constructor(private readonly s: V86Scheduler, mode: WakeMode = 'precise') {
    s.yield = mode === 'precise' ? (ms, tick) => this.schedule(ms, tick) : (ms, tick) => this.scheduleLikeV86(ms, tick);
  }

  private scheduleLikeV86(ms: number, tick: number): void {
    if (!(ms > 0)) {
      setImmediate(() => this.s.yield_callback(tick));
      return;
    }
    if (ms < 1) {
      // v86 spins through setImmediate: the next slice is not a wake-up from a wait
      setImmediate(() => this.s.yield_callback(tick));
      return;
    }
    const due = performance.now() + ms;
    setTimeout(() => {
      if (tick !== this.s.tick_counter) return;
      this.samples[this.count++ % SAMPLE_LIMIT] = Math.max(0, performance.now() - due);
      this.s.yield_callback(tick);
    }, ms);
  }

  private schedule(ms: number, tick: number): void {
    if (this.disposed) {
      // the CPU runs on briefly after the machine ended: outside the shared bookkeeping
      setTimeout(() => this.s.yield_callback(tick), Math.max(0, ms));
      return;
    }
    if (!(ms > 0)) {
      waiting.delete(this);
      busy.add(this);
      setImmediate(() => this.s.yield_callback(tick));
      return;
    }
    busy.delete(this);
    const due = performance.now() + ms;
    waiting.set(this, due);
    if (ms > WAIT_SLACK_MS) setTimeout(() => this.finish(due, tick), Math.floor(ms - WAIT_SLACK_MS));
    else setImmediate(() => this.finish(due, tick));
  }

  // Sleeps until `due` (when the tick is still current) and runs the slice. The sleep blocks
  // the whole thread, so it is taken only when no other machine of this process has work:
  // while one runs, this one polls between its slices instead (as v86 did), and a sleep
  // ends at the earliest due time of all the waiting machines.
  private finish(due: number, tick: number): void {
    if (tick !== this.s.tick_counter) return; // an interrupt already started a newer slice
    let left = due - performance.now();
    if (left > 0) {
      if (left > MAX_BLOCK_MS) {
        // still far (a long timer): give the event loop a turn and come back
        setTimeout(() => this.finish(due, tick), Math.max(0, Math.floor(left - WAIT_SLACK_MS)));
        return;
      }
      if (busy.size > 0) {
        setImmediate(() => this.finish(due, tick));
        return;
      }
      let until = due;
      for (const d of waiting.values()) until = Math.min(until, d);
      Atomics.wait(this.cell, 0, 0, Math.max(0, until - performance.now()));
      left = due - performance.now();
      if (left > 0) {
        setImmediate(() => this.finish(due, tick)); // another machine was due first
        return;
      }
    }
    waiting.delete(this);
    this.samples[this.count++ % SAMPLE_LIMIT] = -left;
    this.s.yield_callback(tick);
  }

  /** The machine ended: it no longer holds the others' sleeps back. */
  dispose(): void {
    this.disposed = true;
    busy.delete(this);
    waiting.delete(this);
  }

  sorted(): number[] {
    return Array.from(this.samples.subarray(0, Math.min(this.count, SAMPLE_LIMIT))).sort((a, b) => a - b);
  }
}
