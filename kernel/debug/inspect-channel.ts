// The inspect channel: a read-only window through which the host's VM inspector (the web
// page, host/inspect/) learns which address spaces exist, without any host code knowing
// the kernel's data structures. The kernel keeps, in frames outside the movable heap, a
// table of (pid, CR3, name, /proc/PID/maps text) and announces its physical address once,
// at boot, on INSPECT_PORT. The host walks each CR3's page tables and reads the frame
// reference counts itself; the kernel never waits for it and the host never writes.
// Layout: inspect-layout.ts; docs/inspect-channel.md.
//
// Protocol: every change makes SEQUENCE odd first and even again (+2) when done, so a
// reader that sees an odd value, or a different value after reading, reads again (the CPU
// may stop between any two instructions of the kernel's update).
//
// Who calls: the process code publishes a process's space when it gets one and after every
// change to its areas (mmap, munmap, mprotect, brk, execve), and unpublishes it on exit.
// Page-table changes need no call: the host reads the tables themselves.

import { charCode, outl, physRead32, physWrite32, physWrite8 } from '../arch/intrinsics.ts';
import type { AddressSpace } from '../mm/address-space.ts';
import { Errno } from '../mm/errno.ts';
import type { FrameAllocator } from '../mm/frames.ts';
import { formatMaps } from '../mm/maps.ts';
import {
  ENTRY_SIZE, Entry, EntryFlag, FREE_SLOT, Header, INSPECT_MAGIC, INSPECT_PORT,
  INSPECT_VERSION, NAME_LENGTH, TextPage,
} from './inspect-layout.ts';

const CAPACITY = Math.floor((TextPage.SIZE - Header.SIZE) / ENTRY_SIZE);
const TEXT_PER_PAGE = TextPage.SIZE - TextPage.DATA;

export class InspectChannel {
  private sequence = 0;

  private constructor(
    /** Physical address of the header page. */
    readonly base: number,
    private readonly frames: FrameAllocator,
  ) {}

  /**
   * A channel with no entries in a frame of `frames`, or -ENOMEM. `zeroPage` is the
   * shared zero page (the host tells zero-page mappings by it). Not announced yet.
   */
  static create(frames: FrameAllocator, zeroPage: number): InspectChannel | number {
    const base = frames.allocZeroed();
    if (base < 0) return base;
    physWrite32(base + Header.MAGIC, INSPECT_MAGIC);
    physWrite32(base + Header.VERSION, INSPECT_VERSION);
    physWrite32(base + Header.SEQUENCE, 0);
    physWrite32(base + Header.CAPACITY, CAPACITY);
    physWrite32(base + Header.FRAME_TABLE, frames.tableBase);
    physWrite32(base + Header.FRAME_LIMIT, frames.limit);
    physWrite32(base + Header.ZERO_PAGE, zeroPage);
    for (let i = 0; i < CAPACITY; i++) physWrite32(slotAddress(base, i) + Entry.PID, FREE_SLOT);
    return new InspectChannel(base, frames);
  }

  /** Tells the host where the channel is (a 32-bit write of `base` to INSPECT_PORT). */
  announce(): void {
    outl(INSPECT_PORT, this.base);
  }

  /**
   * Publishes (or refreshes) `space` as process `pid`: its CR3 and its areas as
   * /proc/PID/maps text. Call again after any change to the areas. 0, or -ENOMEM when every
   * slot is taken or there is no frame for the text (the entry is left as it was then).
   */
  publishAddressSpace(pid: number, space: AddressSpace, name: string): number {
    return this.publish(pid, space.pt.root, formatMaps(space), name, 0);
  }

  /** Publishes the kernel's own tables (CR3 `cr3`, no user areas) as process `pid`; 0 or -errno. */
  publishKernel(pid: number, cr3: number): number {
    return this.publish(pid, cr3, '', 'kernel', EntryFlag.KERNEL);
  }

  /** Removes process `pid` (nothing when it is not published). */
  unpublish(pid: number): void {
    const slot = this.find(pid);
    if (slot < 0) return;
    this.begin();
    const at = slotAddress(this.base, slot);
    const text = physRead32(at + Entry.MAPS);
    physWrite32(at + Entry.PID, FREE_SLOT);
    physWrite32(at + Entry.MAPS, 0);
    physWrite32(at + Entry.MAPS_LENGTH, 0);
    this.end();
    this.freeText(text);
  }

  private publish(pid: number, cr3: number, maps: string, name: string, flags: number): number {
    if (pid < 0 || pid >= FREE_SLOT) return -Errno.EINVAL;
    let slot = this.find(pid);
    if (slot < 0) slot = this.find(FREE_SLOT);
    if (slot < 0) return -Errno.ENOMEM;
    const text = this.writeText(maps);
    if (text < 0) return text;
    const at = slotAddress(this.base, slot);
    const old = physRead32(at + Entry.PID) === pid ? physRead32(at + Entry.MAPS) : 0;
    this.begin();
    physWrite32(at + Entry.PID, pid);
    physWrite32(at + Entry.CR3, cr3);
    physWrite32(at + Entry.MAPS, text);
    physWrite32(at + Entry.MAPS_LENGTH, maps.length);
    physWrite32(at + Entry.FLAGS, flags);
    for (let i = 0; i < NAME_LENGTH; i++) physWrite8(at + Entry.NAME + i, i < name.length ? name.charCodeAt(i) & 0x7f : 0);
    this.end();
    this.freeText(old);
    return 0;
  }

  /** The slot holding `pid`, or -1. */
  private find(pid: number): number {
    for (let i = 0; i < CAPACITY; i++) {
      if (physRead32(slotAddress(this.base, i) + Entry.PID) === pid) return i;
    }
    return -1;
  }

  /**
   * `text` (ASCII; other characters are written as '?') in a new chain of pages; the first
   * page's address, 0 for the empty text, or -ENOMEM (nothing allocated then).
   */
  private writeText(text: string): number {
    if (text.length === 0) return 0;
    const pages: number[] = [];
    for (let done = 0; done < text.length; done += TEXT_PER_PAGE) {
      const page = this.frames.alloc();
      if (page < 0) {
        for (let i = 0; i < pages.length; i++) this.frames.unref(pages[i]);
        return -Errno.ENOMEM;
      }
      pages.push(page);
    }
    for (let p = 0; p < pages.length; p++) {
      const from = p * TEXT_PER_PAGE;
      const used = text.length - from < TEXT_PER_PAGE ? text.length - from : TEXT_PER_PAGE;
      physWrite32(pages[p] + TextPage.NEXT, p + 1 < pages.length ? pages[p + 1] : 0);
      physWrite32(pages[p] + TextPage.USED, used);
      // four characters per store (DATA and the page size are multiples of 4, so the last
      // word stays in the page; the bytes after `used` are not part of the text)
      for (let i = 0; i < used; i += 4) {
        let w = 0;
        for (let k = 0; k < 4 && i + k < used; k++) {
          const c = charCode(text, from + i + k);
          w |= (c < 0x80 ? c : 0x3f) << (8 * k);
        }
        physWrite32(pages[p] + TextPage.DATA + i, w);
      }
    }
    return pages[0];
  }

  private freeText(first: number): void {
    for (let page = first; page !== 0;) {
      const next = physRead32(page + TextPage.NEXT);
      this.frames.unref(page);
      page = next;
    }
  }

  private begin(): void {
    this.sequence = (this.sequence + 1) >>> 0;
    physWrite32(this.base + Header.SEQUENCE, this.sequence);
  }

  private end(): void {
    this.sequence = (this.sequence + 1) >>> 0;
    physWrite32(this.base + Header.SEQUENCE, this.sequence);
  }
}

function slotAddress(base: number, slot: number): number {
  return base + Header.SIZE + slot * ENTRY_SIZE;
}

// ---- the kernel's one channel ----------------------------------------------------------------
// Process code calls these; they do nothing before startInspectChannel (or when it failed),
// so publishing is never a reason for a system call to fail.

let channel: InspectChannel | null = null;

/** Creates and announces the kernel's channel; 0 or -ENOMEM. */
export function startInspectChannel(frames: FrameAllocator, zeroPage: number): number {
  const c = InspectChannel.create(frames, zeroPage);
  if (typeof c === 'number') return c;
  channel = c;
  c.announce();
  return 0;
}

/** See InspectChannel.publishAddressSpace; 0 when there is no channel. */
export function publishAddressSpace(pid: number, space: AddressSpace, name = ''): number {
  return channel === null ? 0 : channel.publishAddressSpace(pid, space, name);
}

/** See InspectChannel.publishKernel; 0 when there is no channel. */
export function publishKernel(pid: number, cr3: number): number {
  return channel === null ? 0 : channel.publishKernel(pid, cr3);
}

export function unpublish(pid: number): void {
  if (channel !== null) channel.unpublish(pid);
}
