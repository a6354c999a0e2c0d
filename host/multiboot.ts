// Host-side check that an image is something v86's multiboot loader will accept.
// v86 silently boots nothing (and executes zeroed memory) when the header is missing,
// so the runner refuses such images up front with a clear message.

export const MULTIBOOT_HEADER_MAGIC = 0x1badb002;
/** The loader only looks at the first 8 KiB, on 4-byte boundaries (Multiboot v1). */
const SEARCH_BYTES = 8192;
/** Flags v86 understands: page-aligned modules, memory map, a.out-kludge addresses. */
const SUPPORTED_FLAGS = 0x0001_0003;

export interface MultibootHeader {
  offset: number;
  flags: number;
}

export function findMultibootHeader(image: Uint8Array): MultibootHeader | undefined {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const end = Math.min(SEARCH_BYTES, image.byteLength) - 12;
  for (let offset = 0; offset <= end; offset += 4) {
    if (view.getUint32(offset, true) !== MULTIBOOT_HEADER_MAGIC) continue;
    const flags = view.getUint32(offset + 4, true);
    const checksum = view.getUint32(offset + 8, true);
    if (((MULTIBOOT_HEADER_MAGIC + flags + checksum) | 0) === 0) return { offset, flags };
  }
  return undefined;
}

/** Throws an Error naming the problem if v86 could not boot `image`. */
export function assertBootable(image: Uint8Array, name: string): void {
  const header = findMultibootHeader(image);
  if (!header) {
    throw new Error(`${name}: no multiboot header (magic 0x1BADB002 with valid checksum) in its first 8 KiB`);
  }
  if ((header.flags & ~SUPPORTED_FLAGS) !== 0) {
    throw new Error(`${name}: multiboot flags 0x${header.flags.toString(16)} request features v86 does not support`);
  }
}
