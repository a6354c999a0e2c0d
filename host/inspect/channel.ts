// The host's reader of the kernel's inspect channel (kernel/debug/inspect-channel.ts,
// docs/inspect-channel.md): which address spaces exist, their CR3s and their maps text,
// read from guest physical memory. Read-only, like everything the host does to the guest.

import {
  ENTRY_SIZE, Entry, EntryFlag, FREE_SLOT, Header, INSPECT_MAGIC, INSPECT_VERSION,
  NAME_LENGTH, TextPage,
} from '../../kernel/debug/inspect-layout.ts';
import type { ReadPhys } from './pae-walk.ts';

export interface PublishedSpace {
  pid: number;
  name: string;
  cr3: number;
  /** The kernel's own tables (no user areas). */
  kernel: boolean;
  /** The areas as /proc/PID/maps text. */
  maps: string;
}

export interface ChannelSnapshot {
  /** Physical address of the frame reference-count table, one 32-bit word per frame. */
  frameTable: number;
  /** Frames at or above this physical address have no count (not RAM the allocator manages). */
  frameLimit: number;
  zeroPage: number;
  spaces: PublishedSpace[];
}

export class ChannelError extends Error {}

/** How often a reader retries when the kernel keeps changing the channel under it. */
const ATTEMPTS = 8;
/** A maps text longer than this is taken as a broken chain. */
const MAX_TEXT = 16 << 20;

/**
 * The channel at physical `base`, read consistently (the kernel's sequence number even and
 * unchanged across the read). Throws ChannelError when there is no channel there or the
 * kernel was writing at every attempt (it runs between the host's reads only while the
 * emulator runs, so the caller can try again on its next refresh).
 */
export function readChannel(read: ReadPhys, base: number): ChannelSnapshot {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const header = view(read(base, Header.SIZE));
    if (header.getUint32(Header.MAGIC, true) !== INSPECT_MAGIC) throw new ChannelError(`no inspect channel at ${hex(base)}`);
    const version = header.getUint32(Header.VERSION, true);
    if (version !== INSPECT_VERSION) throw new ChannelError(`inspect channel version ${version}, this host reads ${INSPECT_VERSION}`);
    const sequence = header.getUint32(Header.SEQUENCE, true);
    if (sequence & 1) continue;
    const capacity = header.getUint32(Header.CAPACITY, true);
    const slots = view(read(base + Header.SIZE, capacity * ENTRY_SIZE));
    const spaces: PublishedSpace[] = [];
    for (let i = 0; i < capacity; i++) {
      const at = i * ENTRY_SIZE;
      const pid = slots.getUint32(at + Entry.PID, true);
      if (pid === FREE_SLOT) continue;
      let name = '';
      for (let k = 0; k < NAME_LENGTH; k++) {
        const c = slots.getUint8(at + Entry.NAME + k);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      spaces.push({
        pid, name, cr3: slots.getUint32(at + Entry.CR3, true),
        kernel: (slots.getUint32(at + Entry.FLAGS, true) & EntryFlag.KERNEL) !== 0,
        maps: readText(read, slots.getUint32(at + Entry.MAPS, true), slots.getUint32(at + Entry.MAPS_LENGTH, true)),
      });
    }
    if (view(read(base, Header.SIZE)).getUint32(Header.SEQUENCE, true) !== sequence) continue;
    spaces.sort((a, b) => a.pid - b.pid);
    return {
      frameTable: header.getUint32(Header.FRAME_TABLE, true),
      frameLimit: header.getUint32(Header.FRAME_LIMIT, true),
      zeroPage: header.getUint32(Header.ZERO_PAGE, true),
      spaces,
    };
  }
  throw new ChannelError('the kernel was changing the inspect channel at every attempt');
}

/**
 * The text of a page chain. A chain the kernel is rewriting can hold anything: such a read
 * is thrown away by the sequence check, so here it only has to stay inside guest RAM.
 */
function readText(read: ReadPhys, first: number, length: number): string {
  if (length > MAX_TEXT) return '';
  try {
    return readChain(read, first, length);
  } catch (err) {
    if (err instanceof RangeError) return '';
    throw err;
  }
}

function readChain(read: ReadPhys, first: number, length: number): string {
  let text = '';
  for (let page = first, pages = 0; page !== 0 && text.length < length && pages < MAX_TEXT / 4096; pages++) {
    const head = view(read(page, TextPage.DATA));
    const used = Math.min(head.getUint32(TextPage.USED, true), TextPage.SIZE - TextPage.DATA);
    const bytes = read(page + TextPage.DATA, used);
    for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    page = head.getUint32(TextPage.NEXT, true);
  }
  return text.slice(0, length);
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0');
}
