// Clocks and sleeping: clock_gettime (32- and 64-bit timespec), clock_getres, gettimeofday,
// time, nanosleep, clock_nanosleep. CLOCK_REALTIME is the RTC-based wall clock;
// CLOCK_MONOTONIC (and BOOTTIME, the CPU-time clocks) count from boot.

import { Errno } from '../mm/errno.ts';
import type { Process } from '../proc/process.ts';
import { sleepInterruptible } from '../proc/lifecycle.ts';
import { int, register } from './dispatch.ts';
import { readBytes, writeWords, writeWordsSoon } from './user-memory.ts';

const REALTIME = 0, MONOTONIC = 1, PROCESS_CPUTIME = 2, THREAD_CPUTIME = 3, MONOTONIC_RAW = 4,
  REALTIME_COARSE = 5, MONOTONIC_COARSE = 6, BOOTTIME = 7;

/** Nanoseconds of a clock as [seconds, nanoseconds], or null for an unknown clock. */
function clockNow(p: Process, clock: number): number[] | null {
  let ms: number;
  switch (clock) {
    case REALTIME: case REALTIME_COARSE: ms = Date.now() + (performance.now() % 1); break;
    case MONOTONIC: case MONOTONIC_RAW: case MONOTONIC_COARSE: case BOOTTIME: ms = performance.now(); break;
    case PROCESS_CPUTIME: case THREAD_CPUTIME: ms = (p.userTicks + p.systemTicks) * 10; break;
    default: return null;
  }
  const sec = Math.floor(ms / 1000);
  const nsec = Math.floor((ms - sec * 1000) * 1e6);
  return [sec, nsec < 1e9 ? nsec : 999_999_999];
}

function getTime(p: Process, clock: number, addr: number, wide: boolean): number | Promise<number> {
  const t = clockNow(p, int(clock));
  if (t === null) return -Errno.EINVAL;
  return writeWordsSoon(p.mm.space, addr, wide ? [t[0], 0, t[1], 0] : t);
}

/** Milliseconds of a timespec at addr, or -EFAULT / -EINVAL. */
async function readTimespec(p: Process, addr: number, wide: boolean): Promise<number> {
  const b = await readBytes(p.mm.space, addr, wide ? 16 : 8);
  if (typeof b === 'number') return b;
  const sec = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) | 0;
  const o = wide ? 8 : 4;
  const nsec = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  if (sec < 0 || nsec >= 1e9) return -Errno.EINVAL;
  return sec * 1000 + nsec / 1e6;
}

/** Sleeps for `ms` (or until the absolute `deadline` of the monotonic clock); -EINTR when a signal wakes it. */
async function sleep(p: Process, ms: number, remAddr: number, wide: boolean): Promise<number> {
  const end = performance.now() + ms;
  // a timer counts from the event loop's cached time, so it may fire a little early: sleep
  // again for what is left, as a sleep must last at least what was asked
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) return 0;
    const woke = await sleepInterruptible(p, (wake) => setTimeout(wake, Math.ceil(left)));
    if (!woke) break;
  }
  if (remAddr !== 0) {
    const left = end - performance.now() > 0 ? end - performance.now() : 0;
    const sec = Math.floor(left / 1000), nsec = Math.floor((left - sec * 1000) * 1e6);
    await writeWords(p.mm.space, remAddr, wide ? [sec, 0, nsec, 0] : [sec, nsec]);
  }
  return -Errno.EINTR;
}

async function nanosleep(p: Process, reqAddr: number, remAddr: number, wide: boolean): Promise<number> {
  const ms = await readTimespec(p, reqAddr, wide);
  if (ms < 0) return ms;
  return sleep(p, ms, remAddr, wide);
}

async function clockNanosleep(p: Process, clock: number, flags: number, reqAddr: number, remAddr: number, wide: boolean): Promise<number> {
  const c = int(clock);
  if (c !== REALTIME && c !== MONOTONIC && c !== BOOTTIME) return c === PROCESS_CPUTIME ? -Errno.EOPNOTSUPP : -Errno.EINVAL;
  const ms = await readTimespec(p, reqAddr, wide);
  if (ms < 0) return ms;
  const TIMER_ABSTIME = 1;
  if ((flags & TIMER_ABSTIME) !== 0) {
    const now = c === REALTIME ? Date.now() : performance.now();
    return sleep(p, ms - now > 0 ? ms - now : 0, 0, wide);
  }
  return sleep(p, ms, remAddr, wide);
}

export function registerTimeSyscalls(): void {
  register(265, 'clock_gettime', (p, clock, addr) => getTime(p, clock, addr, false));
  register(403, 'clock_gettime64', (p, clock, addr) => getTime(p, clock, addr, true));
  register(266, 'clock_getres', (p, clock, addr) => {
    if (clockNow(p, int(clock)) === null) return -Errno.EINVAL;
    return addr === 0 ? 0 : writeWords(p.mm.space, addr, [0, 1]);
  });
  register(406, 'clock_getres_time64', (p, clock, addr) => {
    if (clockNow(p, int(clock)) === null) return -Errno.EINVAL;
    return addr === 0 ? 0 : writeWords(p.mm.space, addr, [0, 0, 1, 0]);
  });
  register(78, 'gettimeofday', (p, tv, tz) => {
    const ms = Date.now();
    const sec = Math.floor(ms / 1000);
    if (tv === 0 && tz === 0) return 0;
    if (tv === 0) return writeWords(p.mm.space, tz, [0, 0]);
    return writeWords(p.mm.space, tv, [sec, (ms - sec * 1000) * 1000]).then((r) => (r < 0 || tz === 0 ? r : writeWords(p.mm.space, tz, [0, 0])));
  });
  register(13, 'time', async (p, addr) => {
    const sec = Math.floor(Date.now() / 1000);
    if (addr !== 0) {
      const w = await writeWords(p.mm.space, addr, [sec]);
      if (w < 0) return w;
    }
    return sec;
  });
  register(162, 'nanosleep', (p, req, rem) => nanosleep(p, req, rem, false));
  register(267, 'clock_nanosleep', (p, clock, flags, req, rem) => clockNanosleep(p, clock, flags, req, rem, false));
  register(407, 'clock_nanosleep_time64', (p, clock, flags, req, rem) => clockNanosleep(p, clock, flags, req, rem, true));
}
