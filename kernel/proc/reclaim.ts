// Memory reclaim, periodic writeback and the out-of-memory killer.
//
// There is no swap: the only memory that can be given back is the page cache's. Reclaim
// frees it in rounds, cheapest first, until `want` frames are free:
//  1. clean cache pages no process maps (the cache holds the only reference);
//  2. file pages the processes map, unmapped from their page tables (the cache's own frame
//     only, never a private copy; a dirty shared page goes to the cache as dirty), first
//     those not accessed since the last round, then any; they become case 1 or 3;
//  3. dirty pages: written back to the disk, then evicted as in 1.
// It runs when free frames drop below LOW_WATERMARK after a fault (in the background: the
// faulting process goes on), and when a fault finds no frame at all (the process waits on
// it). When a fault finds no frame and reclaim frees none, the process with the most
// resident pages is killed (`Out of memory: killed process PID (name)` in the kernel log)
// and the faulting process tries again; the kernel itself never fails.
//
// Periodic writeback (`startWriteback`): every few seconds the dirty bits of MAP_SHARED
// pages are collected into the caches and every dirty page is written (syncAll), so data
// reaches the disk without msync, fsync or exit, as Linux's flusher threads do.

import { allCaches } from '../fs/page-cache.ts';
import { vmCounters } from '../mm/vmstat.ts';
import { kernel, syncAll } from './kernel-state.ts';
import { exitProcess } from './lifecycle.ts';
import type { Process } from './process.ts';

/** Below this many free frames, background reclaim starts; it stops at HIGH_WATERMARK. */
export const LOW_WATERMARK = 256;
export const HIGH_WATERMARK = 512;
/** Pages unmapped from the processes per round. */
const UNMAP_BATCH = 256;

let running: Promise<number> | null = null;

function freeFrames(): number {
  return kernel().frames.freeCount;
}

function evictClean(want: number): number {
  let n = 0;
  for (let i = 0; i < allCaches.length && n < want; i++) n += allCaches[i].evictClean(want - n);
  return n;
}

function unmapFromProcesses(want: number, force: boolean): number {
  let n = 0;
  for (const p of kernel().processes.values()) {
    if (n >= want) break;
    if (p.alive) n += p.mm.space.unmapFilePages(want - n, force);
  }
  return n;
}

function dirtyPages(): number {
  let n = 0;
  for (let i = 0; i < allCaches.length; i++) n += allCaches[i].dirtyCount;
  return n;
}

/** Writes every dirty page, through each file system's sync (which holds its lock: block allocation for pages written into holes must not race with other changes). */
async function writeback(): Promise<void> {
  await syncAll();
}

/** Frees page-cache frames until `target` are free or nothing more can go; the number freed. */
async function reclaimTo(target: number): Promise<number> {
  const start = freeFrames();
  for (let round = 0; round < 64 && freeFrames() < target; round++) {
    const need = target - freeFrames();
    if (evictClean(need) >= need) break;
    const unmapped = unmapFromProcesses(UNMAP_BATCH, false) + (round > 0 ? unmapFromProcesses(UNMAP_BATCH, true) : 0);
    if (evictClean(target - freeFrames()) > 0 && freeFrames() >= target) break;
    const dirty = dirtyPages();
    if (dirty > 0) {
      await writeback();
      evictClean(target - freeFrames());
    }
    if (unmapped === 0 && dirty === 0 && round > 0) break; // nothing left to give back
  }
  const freed = freeFrames() - start;
  return freed > 0 ? freed : 0;
}

/** One reclaim at a time: a second caller waits on the first. Resolves to the frames freed. */
export function reclaim(target = HIGH_WATERMARK): Promise<number> {
  if (running !== null) return running;
  const r = reclaimTo(target).finally(() => {
    running = null;
  });
  running = r;
  return r;
}

/** After a fault: memory is getting short, start reclaiming without waiting for it. */
export function checkMemory(): void {
  if (running === null && allCaches.length > 0 && freeFrames() < LOW_WATERMARK) void reclaim();
}

/** The process to kill when nothing can be freed: the most resident pages (PID 1 only if it is the sole one). */
export function oomVictim(): Process | null {
  let best: Process | null = null, bestPages = -1;
  for (const p of kernel().processes.values()) {
    if (!p.alive) continue;
    const pages = p.mm.space.residentPages() + (p.pid === 1 ? -0x4000_0000 : 0);
    if (pages > bestPages) {
      best = p;
      bestPages = pages;
    }
  }
  return best;
}

/**
 * A fault of p found no free frame: reclaim, and when that frees nothing kill the largest
 * process. p then runs its instruction again (unless it was the one killed).
 */
export async function outOfMemory(p: Process): Promise<void> {
  const freed = await reclaim();
  if (!p.alive || freed > 0) return;
  const victim = oomVictim();
  if (victim === null) return;
  const k = kernel();
  k.log('Out of memory: killed process ' + victim.pid + ' (' + victim.comm + '), ' + victim.mm.space.residentPages() * 4 + ' kB resident');
  vmCounters.oomKills++;
  exitProcess(victim, 9);
}

/** Periodic writeback every `seconds` (0: never). */
export function startWriteback(seconds: number): void {
  if (!(seconds > 0)) return;
  const tick = (): void => {
    setTimeout(() => {
      vmCounters.writebackRuns++;
      void syncAll().then(tick, tick);
    }, seconds * 1000);
  };
  tick();
}
