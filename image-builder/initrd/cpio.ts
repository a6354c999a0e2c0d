// The initial file system's container: a cpio archive in the "newc" format (the one
// Linux's initramfs uses), written here and read by the kernel (kernel/fs/initramfs.ts).
//
// Each member: a 110-byte ASCII header ("070701", then 13 eight-digit hex fields), the
// NUL-terminated name, padding to 4 bytes, the data, padding to 4 bytes. The archive ends
// with a member named "TRAILER!!!".

export interface CpioEntry {
  /** Path inside the archive, without a leading slash ("bin/sh"). */
  path: string;
  /** File type and permission bits, as st_mode (0o100755 for an executable file). */
  mode: number;
  /** Contents of a regular file, or the target of a symbolic link. */
  data?: Uint8Array;
  mtime?: number;
}

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;

const MAGIC = '070701';
const HEADER_SIZE = 110;

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** The archive holding `entries` in order (parents are not added implicitly). */
export function writeCpio(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let ino = 1;
  const member = (path: string, mode: number, data: Uint8Array, mtime: number, nlink: number) => {
    const name = new TextEncoder().encode(path + '\0');
    const fields = [ino++, mode, 0, 0, nlink, mtime, data.length, 0, 0, 0, 0, name.length, 0];
    const header = MAGIC + fields.map(hex8).join('');
    parts.push(new TextEncoder().encode(header), name, new Uint8Array(pad4(HEADER_SIZE + name.length)));
    parts.push(data, new Uint8Array(pad4(data.length)));
  };
  for (const e of entries) {
    const isDir = (e.mode & 0o170000) === S_IFDIR;
    member(e.path.replace(/^\/+/, ''), e.mode, e.data ?? new Uint8Array(0), e.mtime ?? 0, isDir ? 2 : 1);
  }
  member('TRAILER!!!', 0, new Uint8Array(0), 0, 1);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads an archive back (tests, and `tskern` tools that inspect an initrd). */
export function readCpio(bytes: Uint8Array): CpioEntry[] {
  const text = new TextDecoder('latin1');
  const out: CpioEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + HEADER_SIZE > bytes.length) throw new Error('cpio: truncated header at ' + at);
    const header = text.decode(bytes.subarray(at, at + HEADER_SIZE));
    if (!header.startsWith(MAGIC)) throw new Error('cpio: bad magic at ' + at);
    const field = (i: number) => parseInt(header.slice(6 + 8 * i, 14 + 8 * i), 16);
    const mode = field(1), mtime = field(5), size = field(6), nameSize = field(11);
    const nameStart = at + HEADER_SIZE;
    const path = text.decode(bytes.subarray(nameStart, nameStart + nameSize - 1));
    const dataStart = nameStart + nameSize + pad4(HEADER_SIZE + nameSize);
    if (path === 'TRAILER!!!') return out;
    out.push({ path, mode, mtime, data: bytes.slice(dataStart, dataStart + size) });
    at = dataStart + size + pad4(size);
  }
}
