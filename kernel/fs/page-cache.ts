// The page cache: file pages in physical frames (never heap objects), keyed by (mapping,
// page index). A mapping is one file's pages (or a block device's, for file-system
// metadata); its PageIo moves a page between its frame and the disk.
//
// Invariants:
//  - The cache holds one frame reference for each page in a mapping's `pages`; whoever
//    maps the frame into a page table takes its own (kernel/mm's rule), so a frame whose
//    count is 1 is the cache's alone and may be evicted when clean.
//  - At most one read of a page is in flight: a second request for an absent page waits
//    on the first one's Promise (`inflight`), and counts as a coalesced wait.
//  - `dirty` is a mask of the page's 512-byte sectors modified since they were last
//    written; writeback clears it before the write starts, so a store during the write
//    dirties the page again and is written by the next writeback.
//  - Dropping pages (truncate, unlink) bumps the mapping's generation: a read that was in
//    flight across a drop retries rather than reinstating stale data.

import { physFill } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import type { FrameAllocator } from '../mm/frames.ts';
import { Page } from '../mm/page.ts';
import { ioCounters } from '../mm/vmstat.ts';

export const SECTORS_PER_PAGE = 8;
const ALL_SECTORS = 0xff;

/** How a mapping reaches its backing store. */
export interface PageIo {
  /** Fills `frame` with page `index` (zeros where nothing is stored); 0 or -errno. */
  readPage(index: number, frame: number): Promise<number>;
  /** Writes the sectors of page `index` that `dirty` marks (bit i: bytes 512i..512i+511); 0 or -errno. */
  writePage(index: number, frame: number, dirty: number): Promise<number>;
}

export class CachePage {
  /** Sectors modified since the last write (bit i: sector i of the page). */
  dirty = 0;
  constructor(readonly index: number, readonly frame: number) {}
}

export interface PageCacheStats {
  /** getPage calls, and those answered from the cache. */
  lookups: number;
  hits: number;
  /** Pages read from the backing store (major faults and cold reads). */
  pagesRead: number;
  /** Requests that waited on a read another request had started. */
  coalesced: number;
  /** Pages written back. */
  pagesWritten: number;
  /** Clean pages dropped to free memory. */
  evictions: number;
  /** Reads started ahead of a sequential reader. */
  readAhead: number;
}

/** Read-ahead never takes the last free frames: below this many, it does not start. */
const READAHEAD_RESERVE = 64;

/** Every cache made (one per mounted volume): /proc/vmstat adds their figures. */
export const allCaches: PageCache[] = [];

export class PageCache {
  readonly stats: PageCacheStats = { lookups: 0, hits: 0, pagesRead: 0, coalesced: 0, pagesWritten: 0, evictions: 0, readAhead: 0 };
  /** Pages read ahead of a sequential reader (0: no read-ahead). */
  readAheadPages = 8;
  private readonly mappings = new Set<CachedMapping>();

  constructor(readonly frames: FrameAllocator) {
    allCaches.push(this);
  }

  /** A new mapping over `io`. Metadata mappings are written back after file mappings (sync). */
  mapping(io: PageIo, metadata = false): CachedMapping {
    const m = new CachedMapping(this, io, metadata);
    this.mappings.add(m);
    return m;
  }

  /** Forgets a mapping whose pages were dropped (an inode freed, a volume unmounted). */
  forget(m: CachedMapping): void {
    m.dropFrom(0);
    this.mappings.delete(m);
  }

  /** Pages held by the cache. */
  get pageCount(): number {
    let n = 0;
    for (const m of this.mappings) n += m.pageCount;
    return n;
  }

  /** Pages modified and not yet written back. */
  get dirtyCount(): number {
    let n = 0;
    for (const m of this.mappings) n += m.dirtyCount;
    return n;
  }

  /** Writes every dirty page: file data first, then metadata. The first error, or 0. */
  async writebackAll(): Promise<number> {
    let result = 0;
    for (const pass of [false, true]) {
      for (const m of this.mappings) {
        if (m.metadata !== pass) continue;
        const r = await m.writeback();
        if (r < 0 && result === 0) result = r;
      }
    }
    return result;
  }

  /** Drops up to `want` clean pages no one else references; the number dropped. */
  evictClean(want: number): number {
    let n = 0;
    // file data first: metadata (bitmaps, inode tables, indirect blocks) is needed again
    // by nearly every operation, and evicting it first makes the cache thrash
    for (const pass of [false, true]) {
      for (const m of this.mappings) {
        if (n >= want) return n;
        if (m.metadata === pass) n += m.evictClean(want - n);
      }
    }
    return n;
  }

  /** A frame for a new page: the allocator's, or one freed by evicting a clean page; -ENOMEM. */
  allocFrame(): number {
    let f = this.frames.alloc();
    if (f === -Errno.ENOMEM && this.evictClean(1) > 0) f = this.frames.alloc();
    return f;
  }
}

export class CachedMapping {
  private readonly pages = new Map<number, CachePage>();
  private readonly inflight = new Map<number, Promise<number>>();
  private generation = 0;

  constructor(readonly cache: PageCache, private readonly io: PageIo, readonly metadata: boolean) {}

  get pageCount(): number {
    return this.pages.size;
  }

  /** The cached page `index`, if present (no I/O). */
  peek(index: number): CachePage | undefined {
    return this.pages.get(index);
  }

  /**
   * The frame of page `index` (the cache keeps its reference), or -errno (-EIO, -ENOMEM);
   * a Promise when it must be read first. Concurrent requests share one read.
   */
  getPage(index: number): number | Promise<number> {
    const stats = this.cache.stats;
    stats.lookups++;
    const p = this.pages.get(index);
    if (p !== undefined) {
      stats.hits++;
      return p.frame;
    }
    const pending = this.inflight.get(index);
    if (pending !== undefined) {
      stats.coalesced++;
      return pending;
    }
    const frame = this.cache.allocFrame();
    if (frame < 0) return frame;
    ioCounters.readsStarted++;
    const read = this.readInto(index, frame);
    this.inflight.set(index, read);
    return read;
  }

  /**
   * Starts reads of the absent pages among [from, from + count) without waiting for them
   * (they land in the cache; a later getPage finds them or waits on them). Never evicts:
   * it stops when free frames run low. Returns how many reads it started.
   */
  readAhead(from: number, count: number): number {
    let n = 0;
    for (let i = from; i < from + count; i++) {
      if (this.pages.has(i) || this.inflight.has(i)) continue;
      if (this.cache.frames.freeCount < READAHEAD_RESERVE) break;
      const frame = this.cache.frames.alloc();
      if (frame < 0) break;
      ioCounters.readsStarted++;
      this.inflight.set(i, this.readInto(i, frame));
      this.cache.stats.readAhead++;
      n++;
    }
    return n;
  }

  private async readInto(index: number, frame: number): Promise<number> {
    const generation = this.generation;
    const r = await this.io.readPage(index, frame);
    this.inflight.delete(index);
    if (r < 0 || generation !== this.generation) {
      this.cache.frames.unref(frame);
      if (r < 0) return r;
      return this.getPage(index); // dropped while reading: read again
    }
    this.cache.stats.pagesRead++;
    this.pages.set(index, new CachePage(index, frame));
    return frame;
  }

  /** A page known to hold nothing yet (beyond the end of the data): a zeroed frame, no read. */
  getZeroPage(index: number): number | Promise<number> {
    if (this.pages.has(index) || this.inflight.has(index)) return this.getPage(index);
    const frame = this.cache.allocFrame();
    if (frame < 0) return frame;
    physFill(frame, 0, Page.SIZE);
    this.pages.set(index, new CachePage(index, frame));
    return frame;
  }

  /** Marks bytes [offset, offset + length) of cached page `index` modified. */
  markDirty(index: number, offset: number, length: number): void {
    const p = this.pages.get(index);
    if (p === undefined) throw new Error('page-cache: markDirty of an absent page ' + index);
    if (length <= 0) return;
    const first = offset >>> 9, last = (offset + length - 1) >>> 9;
    for (let s = first; s <= last; s++) p.dirty |= 1 << s;
  }

  /** Marks a whole cached page modified (a MAP_SHARED page whose PTE is dirty). */
  markPageDirty(index: number): void {
    const p = this.pages.get(index);
    if (p !== undefined) p.dirty = ALL_SECTORS;
  }

  /** Forgets modifications of bytes [offset, offset + length) of page `index` (a freed block must not be written back over its next owner's data). */
  clearDirty(index: number, offset: number, length: number): void {
    const p = this.pages.get(index);
    if (p === undefined || length <= 0) return;
    const first = offset >>> 9, last = (offset + length - 1) >>> 9;
    for (let s = first; s <= last; s++) p.dirty &= ~(1 << s);
  }

  get dirtyCount(): number {
    let n = 0;
    for (const p of this.pages.values()) if (p.dirty !== 0) n++;
    return n;
  }

  /** Writes the dirty pages, lowest index first; the first error, or 0. */
  async writeback(): Promise<number> {
    const dirty: CachePage[] = [];
    for (const p of this.pages.values()) if (p.dirty !== 0) dirty.push(p);
    dirty.sort((a, b) => a.index - b.index);
    let result = 0;
    for (const p of dirty) {
      const mask = p.dirty;
      p.dirty = 0;
      // the write's own reference: a clean page under writeback is not evicted (its frame
      // reused) before the disk has taken its bytes
      this.cache.frames.ref(p.frame);
      const r = await this.io.writePage(p.index, p.frame, mask);
      this.cache.frames.unref(p.frame);
      if (r < 0) {
        p.dirty |= mask; // still not on the disk
        if (result === 0) result = r;
      } else {
        this.cache.stats.pagesWritten++;
      }
    }
    return result;
  }

  /** Drops pages `from` and above without writing them (truncate, unlink); their frames are unreferenced. */
  dropFrom(from: number): void {
    this.generation++;
    for (const [index, p] of this.pages) {
      if (index < from) continue;
      this.pages.delete(index);
      this.cache.frames.unref(p.frame);
    }
  }

  /** Drops up to `want` clean pages whose frame only the cache references. */
  evictClean(want: number): number {
    let n = 0;
    for (const [index, p] of this.pages) {
      if (n >= want) break;
      if (p.dirty !== 0 || this.cache.frames.refCount(p.frame) !== 1) continue;
      this.pages.delete(index);
      this.cache.frames.unref(p.frame);
      this.cache.stats.evictions++;
      n++;
    }
    return n;
  }
}
