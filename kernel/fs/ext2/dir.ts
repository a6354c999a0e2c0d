// ext2 directory blocks: a directory's contents are blocks of variable-length entries
// (inode u32, rec_len u16, name_len u8, file_type u8, name), never crossing a block, the
// last entry of a block stretched to its end; an entry with inode 0 is free space. The
// directory's pages are in the page cache like a file's; these helpers walk them.

import { physFill, physRead16, physRead32, physRead8, physWrite16, physWrite32, physWrite8 } from '../../arch/intrinsics.ts';
import { Errno } from '../../mm/errno.ts';
import { Page } from '../../mm/page.ts';
import { De, direntSize } from './format.ts';
import type { Ext2Inode } from './inode.ts';

/** Where an entry lies: its directory position and its address in the cache (valid until the next await). */
export interface Slot {
  pos: number;
  addr: number;
  /** The previous entry of the same block (-1: this one starts the block). */
  prevPos: number;
  ino: number;
  recLen: number;
}

/** The name of the entry at `addr` (its bytes as Latin-1 characters). */
export function entryName(addr: number): string {
  const n = physRead8(addr + De.NAME_LEN);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(physRead8(addr + De.NAME + i));
  return s;
}

function nameIs(addr: number, name: string): boolean {
  if (physRead8(addr + De.NAME_LEN) !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (physRead8(addr + De.NAME + i) !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Calls `visit` for every entry from position `from` (in use or not), in order; stops when
 * it returns true. 0 when done or stopped, or -errno (-EIO for a corrupt block).
 */
export async function walk(dir: Ext2Inode, from: number, visit: (s: Slot, addr: number) => boolean): Promise<number> {
  const B = dir.fs.blockSize;
  let pos = from - (from % B);
  while (pos < dir.size) {
    const frame = await dir.mapping.getPage(Math.floor(pos / Page.SIZE));
    if (frame < 0) return frame;
    const blockStart = pos;
    let prev = -1;
    // Entries of this block; the frame stays valid: nothing below awaits.
    while (pos < blockStart + B) {
      const addr = frame + (pos % Page.SIZE);
      const recLen = physRead16(addr + De.REC_LEN);
      if (recLen < 8 || recLen % 4 !== 0 || pos + recLen > blockStart + B) return -Errno.EIO;
      if (pos >= from && visit({ pos, addr, prevPos: prev, ino: physRead32(addr + De.INODE), recLen }, addr)) return 0;
      prev = pos;
      pos += recLen;
    }
  }
  return 0;
}

/** The entry called `name`, or null; -errno on a read error. */
export async function find(dir: Ext2Inode, name: string): Promise<Slot | null | number> {
  let found: Slot | null = null;
  const r = await walk(dir, 0, (s, addr) => {
    if (s.ino !== 0 && nameIs(addr, name)) {
      found = s;
      return true;
    }
    return false;
  });
  return r < 0 ? r : found;
}

/** Writes an entry at `addr` (rec_len `recLen`) and marks it dirty. */
export function putEntry(dir: Ext2Inode, pos: number, addr: number, ino: number, recLen: number, name: string, type: number): void {
  physWrite32(addr + De.INODE, ino);
  physWrite16(addr + De.REC_LEN, recLen);
  physWrite8(addr + De.NAME_LEN, name.length);
  physWrite8(addr + De.FILE_TYPE, type);
  for (let i = 0; i < name.length; i++) physWrite8(addr + De.NAME + i, name.charCodeAt(i));
  dir.mapping.markDirty(Math.floor(pos / Page.SIZE), pos % Page.SIZE, direntSize(name.length));
}

/** Adds entry name -> ino (the name must be absent): in free space of a block, or in a new block. 0 or -errno. */
export async function addEntry(dir: Ext2Inode, name: string, ino: number, type: number): Promise<number> {
  const need = direntSize(name.length);
  let target: Slot | null = null;
  const r = await walk(dir, 0, (s, addr) => {
    const used = s.ino === 0 ? 0 : direntSize(physRead8(addr + De.NAME_LEN));
    if (s.recLen - used >= need) {
      target = s;
      return true;
    }
    return false;
  });
  if (r < 0) return r;
  if (target !== null) {
    const s = target as Slot;
    // Re-fetch: walk's addresses are only good until an await.
    const frame = await dir.mapping.getPage(Math.floor(s.pos / Page.SIZE));
    if (frame < 0) return frame;
    const addr = frame + (s.pos % Page.SIZE);
    if (s.ino === 0) {
      putEntry(dir, s.pos, addr, ino, s.recLen, name, type);
    } else {
      const used = direntSize(physRead8(addr + De.NAME_LEN));
      physWrite16(addr + De.REC_LEN, used);
      dir.mapping.markDirty(Math.floor(s.pos / Page.SIZE), s.pos % Page.SIZE, 8);
      putEntry(dir, s.pos + used, addr + used, ino, s.recLen - used, name, type);
    }
    return 0;
  }
  // No room: a new block at the end of the directory.
  const B = dir.fs.blockSize;
  const pos = dir.size;
  const g = await dir.growTo(pos + B);
  if (g < 0) return g;
  const frame = await dir.mapping.getPage(Math.floor(pos / Page.SIZE));
  if (frame < 0) return frame;
  physFill(frame + (pos % Page.SIZE), 0, B); // whatever the new block held on the disk
  putEntry(dir, pos, frame + (pos % Page.SIZE), ino, B, name, type);
  dir.mapping.markDirty(Math.floor(pos / Page.SIZE), pos % Page.SIZE, B);
  return 0;
}

/** Removes the entry at slot `s` (found by find, re-fetched here): merged into its predecessor, or freed in place. */
export async function removeEntry(dir: Ext2Inode, s: Slot): Promise<number> {
  const frame = await dir.mapping.getPage(Math.floor(s.pos / Page.SIZE));
  if (frame < 0) return frame;
  const addr = frame + (s.pos % Page.SIZE);
  if (s.prevPos >= 0) {
    const prev = frame + (s.prevPos % Page.SIZE);
    physWrite16(prev + De.REC_LEN, physRead16(prev + De.REC_LEN) + physRead16(addr + De.REC_LEN));
    dir.mapping.markDirty(Math.floor(s.prevPos / Page.SIZE), s.prevPos % Page.SIZE, 8);
  } else {
    physWrite32(addr + De.INODE, 0);
    dir.mapping.markDirty(Math.floor(s.pos / Page.SIZE), s.pos % Page.SIZE, 8);
  }
  return 0;
}

/** Points an existing entry at another inode (rename over an existing name, "..” of a moved directory). */
export async function retarget(dir: Ext2Inode, s: Slot, ino: number, type: number): Promise<number> {
  const frame = await dir.mapping.getPage(Math.floor(s.pos / Page.SIZE));
  if (frame < 0) return frame;
  const addr = frame + (s.pos % Page.SIZE);
  physWrite32(addr + De.INODE, ino);
  physWrite8(addr + De.FILE_TYPE, type);
  dir.mapping.markDirty(Math.floor(s.pos / Page.SIZE), s.pos % Page.SIZE, 8);
  return 0;
}

/** Whether the directory holds nothing but "." and ".."; -errno on a read error. */
export async function isEmpty(dir: Ext2Inode): Promise<boolean | number> {
  let empty = true;
  const r = await walk(dir, 0, (s, addr) => {
    if (s.ino === 0) return false;
    const name = entryName(addr);
    if (name === '.' || name === '..') return false;
    empty = false;
    return true;
  });
  return r < 0 ? r : empty;
}
