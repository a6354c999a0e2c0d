// The physical frame allocator: every 4 KiB frame of usable RAM below the direct map's end,
// minus the kernel image, the interpreter heap and other reserved ranges, with a reference
// count per frame.
//
// Data structures, both outside the movable heap:
//  - the frame table (Linux's mem_map): one 32-bit word per frame from physical 0 up to
//    `limit`, kept in frames taken from the usable RAM itself. A word holds the frame's
//    reference count (0 = free) or UNMANAGED for frames the allocator does not own (holes,
//    reserved ranges, the table itself, device memory).
//  - the free list: a singly linked list threaded through the free frames themselves (the
//    first word of a free frame is the physical address of the next one; 0 ends the list,
//    frame 0 is never managed).
//
// Invariants:
//  - count(f) === 0  <=>  f is on the free list.
//  - freeCount + usedCount === managedCount; usedCount counts frames with count >= 1.
//  - Every owner of a frame holds one reference: a page-table entry mapping it (outside
//    VM_PFNMAP areas), the page cache, a memory object, the zero page's pin. So a frame
//    whose count is 1 and that is mapped by a writable private PTE belongs to nobody else.

import { physFill, physRead32, physWrite32 } from '../arch/intrinsics.ts';
import { Errno } from './errno.ts';
import { Page, pageUp } from './page.ts';

/** A physical byte range [start, end). */
export interface PhysRange {
  start: number;
  end: number;
}

export interface FrameAllocatorOptions {
  /** RAM the firmware reports as available (multiboot memory map type 1). */
  available: PhysRange[];
  /** Ranges never handed out: the image, the interpreter heap, boot structures, ... */
  reserved: PhysRange[];
  /** Only frames below this are managed: the end of the direct map (the kernel reaches frames through it). */
  limit: number;
  /** Fill freed frames with 0xCC (tests: a use after free shows up as garbage). */
  poison?: boolean;
}

enum Slot {
  /** Frame-table word of a frame the allocator does not own. */
  UNMANAGED = 0xffff_ffff,
  /** Free-list link of the last free frame. */
  END_OF_LIST = 0,
  /** Byte freed frames are filled with when poisoning. */
  POISON = 0xcc,
}

export class FrameAllocator {
  /** Physical address of the frame table (one 32-bit word per frame below `limit`). */
  readonly tableBase: number;
  /** Frames below this physical address are covered by the table. */
  readonly limit: number;
  readonly managedCount: number;
  private free = 0;
  private head: number = Slot.END_OF_LIST;
  private readonly poison: boolean;
  /** Frames never handed out yet: runs consumed from the front, lowest frame first. */
  private readonly fresh: FrameRun[];
  private freshIndex = 0;
  /**
   * Page-table use counts (page-table.ts), by frame number: for a frame that is a page
   * table or page directory, its number of non-empty (or present) entries; 0 otherwise.
   * A typed array rather than a Map: the fault path reads and writes it on every fault.
   */
  readonly tableUses: Uint16Array;

  constructor(opts: FrameAllocatorOptions) {
    this.poison = opts.poison === true;
    let top = 0;
    for (let i = 0; i < opts.available.length; i++) if (opts.available[i].end > top) top = opts.available[i].end;
    if (opts.limit < top) top = opts.limit;
    this.limit = Math.floor(top / Page.SIZE) * Page.SIZE;
    const frames = this.limit >>> Page.SHIFT;
    // Runs of usable frames [from, to), ascending: available minus reserved, frame 0 never.
    // Working on runs rather than a per-frame array keeps boot cost to the free list itself.
    const runs = usableRuns(opts.available, opts.reserved, frames);
    const tablePages = pageUp(frames * 4) >>> Page.SHIFT;
    let first = -1;
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].to - runs[i].from >= tablePages) {
        first = runs[i].from;
        runs[i].from += tablePages;
        break;
      }
    }
    if (first < 0) throw new Error('frames: no room for the frame table');
    this.tableBase = first * Page.SIZE;
    physFill(this.tableBase, 0xff, frames * 4); // every word UNMANAGED
    // Usable frames start free (count 0), one table fill per run. They are handed out from
    // the runs in ascending order (`fresh`); only frames freed later go on the free list,
    // so boot costs a few native calls rather than a loop over every frame.
    let managed = 0;
    for (let i = 0; i < runs.length; i++) {
      physFill(this.tableBase + runs[i].from * 4, 0, (runs[i].to - runs[i].from) * 4);
      managed += runs[i].to - runs[i].from;
    }
    this.fresh = runs;
    this.tableUses = new Uint16Array(frames);
    this.free = managed;
    this.managedCount = managed;
  }

  get freeCount(): number {
    return this.free;
  }

  get usedCount(): number {
    return this.managedCount - this.free;
  }

  /** A frame with reference count 1 (contents undefined), or -ENOMEM. */
  alloc(): number {
    let frame = this.head;
    if (frame !== Slot.END_OF_LIST) {
      this.head = physRead32(frame);
    } else {
      while (this.freshIndex < this.fresh.length && this.fresh[this.freshIndex].from === this.fresh[this.freshIndex].to) this.freshIndex++;
      if (this.freshIndex === this.fresh.length) return -Errno.ENOMEM;
      frame = this.fresh[this.freshIndex].from++ * Page.SIZE;
    }
    this.free--;
    physWrite32(this.tableBase + (frame >>> Page.SHIFT) * 4, 1); // a frame of ours: no slot() check
    return frame;
  }

  /** A zero-filled frame with reference count 1, or -ENOMEM. */
  allocZeroed(): number {
    const frame = this.alloc();
    if (frame >= 0) physFill(frame, 0, Page.SIZE);
    return frame;
  }

  /** Whether the allocator owns this frame (unmanaged frames are never counted). */
  isManaged(frame: number): boolean {
    return frame < this.limit && physRead32(this.slot(frame)) !== Slot.UNMANAGED;
  }

  /** The reference count of a managed frame (0 when free), or -1 for a frame the allocator does not own. */
  countOf(frame: number): number {
    if (frame >= this.limit) return -1;
    const c = physRead32(this.slot(frame));
    return c === Slot.UNMANAGED ? -1 : c;
  }

  /** The reference count of a managed frame (0 when free). */
  refCount(frame: number): number {
    const c = physRead32(this.slot(frame));
    if (c === Slot.UNMANAGED) throw new Error('frames: refCount of an unmanaged frame ' + frame);
    return c;
  }

  // ref and unref compute the table word once (slot() checks the frame) and read and write
  // it directly: they are on every fault's path.

  /** Takes one more reference to an allocated frame; returns the new count. */
  ref(frame: number): number {
    const w = this.slot(frame);
    const c = physRead32(w);
    if (c === Slot.UNMANAGED) throw new Error('frames: refCount of an unmanaged frame ' + frame);
    if (c === 0) throw new Error('frames: ref of a free frame ' + frame);
    physWrite32(w, c + 1);
    return c + 1;
  }

  /** Drops one reference; the frame is freed when the count reaches 0. Returns the new count. */
  unref(frame: number): number {
    const w = this.slot(frame);
    const c = physRead32(w);
    if (c === Slot.UNMANAGED) throw new Error('frames: refCount of an unmanaged frame ' + frame);
    if (c === 0) throw new Error('frames: unref of a free frame ' + frame);
    physWrite32(w, c - 1);
    if (c === 1) {
      if (this.poison) physFill(frame, Slot.POISON, Page.SIZE);
      this.push(frame);
    }
    return c - 1;
  }

  /**
   * Frees the frames a range operation brought to count 0 (pteZap): `count` frames chained
   * through their first words from `head` to `tail`, their counts already 0.
   */
  freeChain(head: number, tail: number, count: number): void {
    if (count === 0) return;
    if (this.poison) {
      for (let f = head, k = 0; k < count; k++) {
        const next = physRead32(f);
        physFill(f, Slot.POISON, Page.SIZE);
        this.push(f);
        f = next;
      }
      return;
    }
    physWrite32(tail, this.head);
    this.head = head;
    this.free += count;
  }

  private push(frame: number): void {
    physWrite32(frame, this.head);
    this.head = frame;
    this.free++;
  }


  private slot(frame: number): number {
    if (frame >= this.limit || (frame & (Page.SIZE - 1)) !== 0) throw new Error('frames: bad frame address ' + frame);
    return this.tableBase + (frame >>> Page.SHIFT) * 4;
  }

  private setCount(frame: number, count: number): void {
    physWrite32(this.slot(frame), count);
  }
}

interface FrameRun {
  from: number;
  to: number;
}

/** Frames lying wholly inside an available range and outside every reserved one, as ascending runs (frame 0 never). */
function usableRuns(available: PhysRange[], reserved: PhysRange[], frames: number): FrameRun[] {
  let runs: FrameRun[] = [];
  for (let i = 0; i < available.length; i++) {
    const r = available[i];
    const from = Math.max(1, Math.ceil(r.start / Page.SIZE));
    const to = Math.min(frames, Math.floor(r.end / Page.SIZE));
    if (to > from) runs.push({ from, to });
  }
  for (let i = 0; i < reserved.length; i++) {
    const cutFrom = Math.floor(reserved[i].start / Page.SIZE);
    const cutTo = Math.ceil(reserved[i].end / Page.SIZE);
    const next: FrameRun[] = [];
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k];
      if (cutTo <= run.from || cutFrom >= run.to) {
        next.push(run);
        continue;
      }
      if (cutFrom > run.from) next.push({ from: run.from, to: cutFrom });
      if (cutTo < run.to) next.push({ from: cutTo, to: run.to });
    }
    runs = next;
  }
  runs.sort((a, b) => a.from - b.from);
  // merge overlapping runs (available ranges may overlap)
  const merged: FrameRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const last = merged.length > 0 ? merged[merged.length - 1] : null;
    if (last !== null && runs[i].from <= last.to) {
      if (runs[i].to > last.to) last.to = runs[i].to;
    } else {
      merged.push({ from: runs[i].from, to: runs[i].to });
    }
  }
  return merged;
}
