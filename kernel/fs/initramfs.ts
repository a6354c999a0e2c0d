// The initial file system: the multiboot module, a cpio "newc" archive (written by
// image-builder/initrd/cpio.ts), unpacked into a ramfs at boot. File contents stay in the
// module and are copied page by page when first used (ramfs.ts).

import { physRead8, physRead32 } from '../arch/intrinsics.ts';
import { Mode } from './types.ts';
import { RamDir, RamFile, RamLink, type RamFsContext } from './ramfs.ts';

const HEADER = 110;
/** The longest name a member may have, with its NUL (Linux's PATH_MAX). */
const PATH_MAX = 4096;
const MULTIBOOT_FLAG_MODS = 1 << 3;

export interface Module {
  start: number;
  end: number;
}

/** The first multiboot module (physical range), or null. */
export function firstModule(info: number): Module | null {
  if ((physRead32(info) & MULTIBOOT_FLAG_MODS) === 0) return null;
  const count = physRead32(info + 20);
  if (count === 0) return null;
  const list = physRead32(info + 24);
  return { start: physRead32(list), end: physRead32(list + 4) };
}

function ascii(phys: number, n: number): string {
  // one fromCharCode for the whole name: a call and a concatenation per character cost
  // thousands of instructions each, for every member's name at boot
  const units: number[] = [];
  for (let i = 0; i < n; i++) units[i] = physRead8(phys + i);
  return String.fromCharCode(...units);
}

/**
 * Header field i: 8 hex digits, NaN when one is not a hex digit (a damaged header). Read digit by digit without making a
 * string: this runs 13 times per archive member at boot.
 */
function hexField(phys: number, i: number): number {
  let v = 0;
  for (let at = phys + 6 + 8 * i, end = at + 8; at < end; at++) {
    const c = physRead8(at);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (d < 0) return NaN;
    v = v * 16 + d;
  }
  return v;
}

/** "070701" at phys, compared byte by byte (no string made: once per member at boot). */
function isNewcMagic(phys: number): boolean {
  return physRead32(phys) === 0x37303730 && physRead8(phys + 4) === 0x30 && physRead8(phys + 5) === 0x31;
}

const pad4 = (n: number): number => (4 - (n % 4)) % 4;

/**
 * Unpacks the archive in [m.start, m.end) into `root`. Returns the number of members, or -1
 * when the archive is malformed (what was read so far stays).
 */
export function unpackInitramfs(m: Module, root: RamDir, fs: RamFsContext): number {
  let at = m.start, count = 0;
  while (at + HEADER <= m.end) {
    if (!isNewcMagic(at)) return -1;
    const mode = hexField(at, 1), mtime = hexField(at, 5), size = hexField(at, 6), nameSize = hexField(at, 11);
    if (Number.isNaN(mode + mtime + size + nameSize)) return -1; // not hex: a damaged header
    if (nameSize < 1 || nameSize > PATH_MAX || at + HEADER + nameSize > m.end) return -1;
    const name = ascii(at + HEADER, nameSize - 1);
    const data = at + HEADER + nameSize + pad4(HEADER + nameSize);
    if (name === 'TRAILER!!!') return count;
    if (data + size > m.end) return -1;
    place(root, fs, name, mode, mtime, data, size);
    count++;
    at = data + size + pad4(size);
  }
  return -1;
}

function place(root: RamDir, fs: RamFsContext, path: string, mode: number, mtime: number, data: number, size: number): void {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return;
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = dir.entries.get(parts[i]);
    if (next instanceof RamDir) dir = next;
    else {
      const made = new RamDir(fs, 0o755, mtime, dir);
      dir.link(parts[i], made);
      dir = made;
    }
  }
  const name = parts[parts.length - 1];
  const type = mode & Mode.TYPE;
  if (type === Mode.DIR) {
    const existing = dir.entries.get(name);
    if (existing instanceof RamDir) existing.mode = Mode.DIR | (mode & 0o7777);
    else dir.link(name, new RamDir(fs, mode, mtime, dir));
  } else if (type === Mode.LNK) {
    if (size >= PATH_MAX) return; // symlink(2) would fail with ENAMETOOLONG: skipped, as Linux's unpacker does
    dir.link(name, new RamLink(fs, ascii(data, size), mtime));
  } else if (type === Mode.REG) {
    dir.link(name, new RamFile(fs, mode, mtime, { phys: data, length: size }));
  }
}
