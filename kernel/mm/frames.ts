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

  constructor(opts: FrameAllocatorOptions) {
    this.poison = opts.poison === true;
    let top = 0;
    for (let i = 0; i < opts.available.length; i++) if (opts.available[i].end > top) top = opts.available[i].end;
    if (opts.limit < top) top = opts.limit;
    this.limit = Math.floor(top / Page.SIZE) * Page.SIZE;
    const frames = this.limit >>> Page.SHIFT;
    const usable = usableFrames(opts.available, opts.reserved, frames);
    const tablePages = pageUp(frames * 4) >>> Page.SHIFT;
    const first = firstRun(usable, tablePages);
    if (first < 0) throw new Error('frames: no room for the frame table');
    this.tableBase = first * Page.SIZE;
    for (let i = 0; i < tablePages; i++) usable[first + i] = false;
    physFill(this.tableBase, 0xff, frames * 4); // every word UNMANAGED
    // Build the free list from the top down so that allocation starts at the lowest frame.
    let managed = 0;
    for (let f = frames - 1; f > 0; f--) {
      if (!usable[f]) continue;
      physWrite32(this.tableBase + f * 4, 0);
      this.push(f * Page.SIZE);
      managed++;
    }
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
    const frame = this.head;
    if (frame === Slot.END_OF_LIST) return -Errno.ENOMEM;
    this.head = physRead32(frame);
    this.free--;
    this.setCount(frame, 1);
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

  /** The reference count of a managed frame (0 when free). */
  refCount(frame: number): number {
    const c = physRead32(this.slot(frame));
    if (c === Slot.UNMANAGED) throw new Error('frames: refCount of an unmanaged frame ' + frame);
    return c;
  }

  /** Takes one more reference to an allocated frame; returns the new count. */
  ref(frame: number): number {
    const c = this.refCount(frame);
    if (c === 0) throw new Error('frames: ref of a free frame ' + frame);
    this.setCount(frame, c + 1);
    return c + 1;
  }

  /** Drops one reference; the frame is freed when the count reaches 0. Returns the new count. */
  unref(frame: number): number {
    const c = this.refCount(frame);
    if (c === 0) throw new Error('frames: unref of a free frame ' + frame);
    this.setCount(frame, c - 1);
    if (c === 1) {
      if (this.poison) physFill(frame, Slot.POISON, Page.SIZE);
      this.push(frame);
    }
    return c - 1;
  }

  private push(frame: number): void {
    physWrite32(frame, this.head);
    this.head = frame;
    this.free++;
  }

  private slot(frame: number): number {
    if (frame >= this.limit || frame % Page.SIZE !== 0) throw new Error('frames: bad frame address ' + frame);
    return this.tableBase + (frame >>> Page.SHIFT) * 4;
  }

  private setCount(frame: number, count: number): void {
    physWrite32(this.slot(frame), count);
  }
}

/** usable[f]: frame f lies wholly inside an available range and outside every reserved one (frame 0 never). */
function usableFrames(available: PhysRange[], reserved: PhysRange[], frames: number): boolean[] {
  const usable: boolean[] = [];
  for (let f = 0; f < frames; f++) usable.push(false);
  for (let i = 0; i < available.length; i++) {
    const r = available[i];
    const from = Math.ceil(r.start / Page.SIZE);
    let to = Math.floor(r.end / Page.SIZE);
    if (to > frames) to = frames;
    for (let f = from; f < to; f++) usable[f] = true;
  }
  for (let i = 0; i < reserved.length; i++) {
    const r = reserved[i];
    const from = Math.floor(r.start / Page.SIZE);
    let to = Math.ceil(r.end / Page.SIZE);
    if (to > frames) to = frames;
    for (let f = from; f < to; f++) usable[f] = false;
  }
  if (frames > 0) usable[0] = false;
  return usable;
}

/** The first frame of a run of `n` usable frames, or -1. */
function firstRun(usable: boolean[], n: number): number {
  let run = 0;
  for (let f = 0; f < usable.length; f++) {
    run = usable[f] ? run + 1 : 0;
    if (run === n) return f - n + 1;
  }
  return -1;
}
