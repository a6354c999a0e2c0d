// The VM inspector's model of one process: its areas from the kernel's maps text and its
// present pages from a walk of its page tables, each page classified from what the host can
// read (the PTE, the area, the frame's reference count, the zero page's address).

import type { ChannelSnapshot, PublishedSpace } from './channel.ts';
import { findArea, parseMaps, type MapsEntry } from './maps.ts';
import { walkTables, type ReadPhys } from './pae-walk.ts';

/**
 * zero: the shared zero page. private: a page of this process alone (anonymous, or a
 * private copy of a file page). cow: a private page mapped read-only in a writable area,
 * copied (or, at count 1, reused) on the next write. shared: MAP_SHARED memory.
 * file: a page-cache page of a file mapping. device: a frame outside managed RAM.
 * kernel: a mapping of the kernel's own tables. orphan: a PTE outside every area (a bug).
 */
export type PageKind = 'zero' | 'private' | 'cow' | 'shared' | 'file' | 'device' | 'kernel' | 'orphan';

export interface PageBits {
  present: boolean;
  writable: boolean;
  user: boolean;
  accessed: boolean;
  dirty: boolean;
  global: boolean;
  large: boolean;
}

export interface InspectedPage {
  va: number;
  kind: PageKind;
  frame: number;
  /** The entry's low dword. */
  pte: number;
  /** Physical address of the entry. */
  pteAddr: number;
  /** The frame's reference count, or null for frames the allocator does not manage. */
  count: number | null;
  bits: PageBits;
  /** Index in `vmas` of the area holding the page, or -1. */
  vma: number;
}

export interface InspectedProcess {
  pid: number;
  name: string;
  cr3: number;
  vmas: MapsEntry[];
  pages: InspectedPage[];
}

const UNMANAGED = 0xffff_ffff;

/** The pages and areas of `space` as the guest's memory holds them now. */
export function inspectSpace(read: ReadPhys, channel: ChannelSnapshot, space: PublishedSpace): InspectedProcess {
  const vmas = parseMaps(space.maps);
  const counts = frameCounts(read, channel);
  const pages: InspectedPage[] = [];
  for (const m of walkTables(read, space.cr3)) {
    const frame = (m.entry & (m.large ? 0xffe0_0000 : 0xffff_f000)) >>> 0;
    const count = counts(frame);
    const area = findArea(vmas, m.va);
    const bits: PageBits = {
      present: true, writable: !!(m.entry & 2), user: !!(m.entry & 4), accessed: !!(m.entry & 0x20),
      dirty: !!(m.entry & 0x40), global: !!(m.entry & 0x100), large: m.large,
    };
    pages.push({
      va: m.va, frame, pte: m.entry, pteAddr: m.entryAddr, count, bits,
      kind: space.kernel ? 'kernel' : classify(frame, count, bits, area, channel.zeroPage),
      vma: area === null ? -1 : vmas.indexOf(area),
    });
  }
  return { pid: space.pid, name: space.name, cr3: space.cr3, vmas, pages };
}

/** A reader of frame reference counts that fetches the table once per walk. */
function frameCounts(read: ReadPhys, channel: ChannelSnapshot): (frame: number) => number | null {
  const frames = Math.floor(channel.frameLimit / 4096);
  const table = read(channel.frameTable, frames * 4);
  const words = new DataView(table.buffer, table.byteOffset, table.byteLength);
  return (frame) => {
    const i = Math.floor(frame / 4096);
    if (i >= frames) return null;
    const c = words.getUint32(i * 4, true);
    return c === UNMANAGED ? null : c;
  };
}

function classify(frame: number, count: number | null, bits: PageBits, area: MapsEntry | null, zeroPage: number): PageKind {
  if (area === null) return 'orphan';
  if (count === null) return 'device';
  if (frame === zeroPage) return 'zero';
  // Shared anonymous memory has an inode too (Linux shows it as "/dev/zero (deleted)", SysV
  // segments as "/SYSV..."): only other names are files.
  const fileBacked = area.inode !== 0 && area.name !== '/dev/zero (deleted)' && !area.name.startsWith('/SYSV');
  if (area.perms[3] === 's') return fileBacked ? 'file' : 'shared';
  if (!bits.writable && area.perms[1] === 'w') return 'cow';
  if (!bits.writable && fileBacked) return 'file';
  return 'private';
}
