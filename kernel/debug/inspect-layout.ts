// The layout of the inspect channel (docs/inspect-channel.md): the one definition both the
// kernel (inspect-channel.ts, which writes it) and the host's inspector (host/inspect/,
// which reads it) import. Only constants here: the host bundles this file.

/** The I/O port the kernel writes the channel's physical address to, once, at boot. */
export const INSPECT_PORT = 0x0f40;

/** "TSKI" as a little-endian word: the first word of the header page. */
export const INSPECT_MAGIC = 0x494b_5354;
export const INSPECT_VERSION = 1;

/** Byte offsets in the header page. */
export enum Header {
  MAGIC = 0,
  VERSION = 4,
  /** Odd while the kernel is changing the channel; bumped by 2 per change (a seqlock). */
  SEQUENCE = 8,
  /** Number of entry slots after the header. */
  CAPACITY = 12,
  /** Physical address of the frame allocator's reference-count table (one word per frame). */
  FRAME_TABLE = 16,
  /** Frames below this physical address have a word in the table. */
  FRAME_LIMIT = 20,
  /** The shared zero page's frame. */
  ZERO_PAGE = 24,
  /** Size of the header; entries follow. */
  SIZE = 32,
}

/** Byte offsets in one entry (ENTRY_SIZE bytes each). */
export enum Entry {
  /** The process id, or FREE_SLOT. */
  PID = 0,
  /** The address space's CR3 value: the physical address of its PDPT. */
  CR3 = 4,
  /** First page of the /proc/PID/maps text chain (0: no text). */
  MAPS = 8,
  /** Length of the maps text in bytes. */
  MAPS_LENGTH = 12,
  /** EntryFlag bits. */
  FLAGS = 16,
  /** The name (like Linux's comm), ASCII, NUL-padded to NAME_LENGTH bytes. */
  NAME = 20,
}

export const ENTRY_SIZE = 48;
export const NAME_LENGTH = 16;
export const FREE_SLOT = 0xffff_ffff;

export enum EntryFlag {
  /** The kernel's own tables (the boot PDPT): no user areas. */
  KERNEL = 1,
}

/** A page of the maps text chain: the next page (0 ends it), the bytes used here, the text. */
export enum TextPage {
  NEXT = 0,
  USED = 4,
  DATA = 8,
  SIZE = 4096,
}

