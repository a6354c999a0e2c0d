// An ext2 inode in memory: its fields (written back into the inode table in the metadata
// cache whenever they change), the block map (12 direct blocks, then single, double and
// triple indirect), file data through its page-cache mapping, and the directory
// operations of the Inode face (kernel/fs/block-fs.ts).
//
// Invariant: bytes of a cached page past the end of the file are zero (readPage zeroes
// them, truncate zeroes a shrunk tail, writes never go past the new end), so a file grown
// by write or truncate reads zeros in the gap.

import { physFill, physRead16, physRead32, physRead8, physWrite16, physWrite32, physWrite8 } from '../../arch/intrinsics.ts';
import { Errno } from '../../mm/errno.ts';
import { Page } from '../../mm/page.ts';
import type { MappedFile } from '../../mm/vma.ts';
import type { CachedMapping, PageIo } from '../page-cache.ts';
import { DirentType, FileMode, isDir, isReg, type CopyChunk, type DirEntry, type Inode, type Stat } from '../block-fs.ts';
import { addEntry, entryName, find, isEmpty, removeEntry, retarget, walk, type Slot } from './dir.ts';
import { De, Ext2, FileType, In, fileTypeOfMode } from './format.ts';
import { nowSeconds, type Ext2Fs } from './fs.ts';

/** bmapNow's answer when it would have to wait. */
const NOT_CACHED = -0x7fff_ffff;

/** Largest file: i_size is 32 bits here (no LARGE_FILE writes). */
const MAX_FILE_SIZE = 0xffff_ffff;

function direntType(fileType: number): number {
  switch (fileType) {
    case FileType.REG_FILE: return DirentType.REG;
    case FileType.DIR: return DirentType.DIR;
    case FileType.SYMLINK: return DirentType.LNK;
    case FileType.CHRDEV: return DirentType.CHR;
    case FileType.BLKDEV: return DirentType.BLK;
    case FileType.FIFO: return DirentType.FIFO;
    case FileType.SOCK: return DirentType.SOCK;
    default: return DirentType.UNKNOWN;
  }
}

function badName(name: string): number {
  if (name.length === 0) return -Errno.ENOENT;
  if (name.length > Ext2.NAME_MAX) return -Errno.ENAMETOOLONG;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2f || c === 0 || c > 0xff) return -Errno.EINVAL;
  }
  return 0;
}

/** The file's pages: blocks found (or allocated, for writeback into holes) through the block map. */
class InodePageIo implements PageIo {
  constructor(private readonly inode: Ext2Inode) {}

  async readPage(index: number, frame: number): Promise<number> {
    const inode = this.inode, fs = inode.fs, B = fs.blockSize, per = Page.SIZE / B;
    const pageStart = index * Page.SIZE;
    for (let j = 0; j < per; j++) {
      const start = pageStart + j * B;
      if (start >= inode.size) {
        physFill(frame + j * B, 0, Page.SIZE - j * B);
        break;
      }
      let b = inode.bmapNowOrWait(start / B);
      if (typeof b !== 'number') b = await b;
      if (b < 0) return b;
      if (b === 0) {
        physFill(frame + j * B, 0, B);
        continue;
      }
      // A run of blocks contiguous on the disk is one transfer.
      let run = 1;
      while (j + run < per && pageStart + (j + run) * B < inode.size) {
        let next = inode.bmapNowOrWait(start / B + run);
        if (typeof next !== 'number') next = await next;
        if (next !== b + run) break;
        run++;
      }
      const r = await fs.device.read(b * fs.sectorsPerBlock, run * fs.sectorsPerBlock, frame + j * B);
      if (r < 0) return r;
      j += run - 1;
    }
    const end = inode.size - pageStart;
    if (end > 0 && end < Page.SIZE) physFill(frame + end, 0, Page.SIZE - end);
    return 0;
  }

  async writePage(index: number, frame: number, dirty: number): Promise<number> {
    const inode = this.inode, fs = inode.fs, B = fs.blockSize, per = Page.SIZE / B, sectors = B / 512;
    for (let j = 0; j < per; j++) {
      const start = index * Page.SIZE + j * B;
      if (start >= inode.size) break;
      const mask = ((1 << sectors) - 1) << (j * sectors);
      if ((dirty & mask) === 0) continue;
      const b = await inode.bmap(start / B, true); // a hole dirtied through a shared mapping gets its block now
      if (b < 0) return b;
      const r = await fs.device.write(b * fs.sectorsPerBlock, fs.sectorsPerBlock, frame + j * B);
      if (r < 0) return r;
    }
    return 0;
  }
}

export class Ext2Inode implements Inode {
  mode = 0;
  uid = 0;
  gid = 0;
  size = 0;
  atime = 0;
  ctime = 0;
  mtime = 0;
  dtime = 0;
  links = 0;
  /** i_blocks: 512-byte sectors allocated, indirect blocks included. */
  sectors = 0;
  flags = 0;
  readonly block: number[] = [];
  /** Holders (open files, mappings) that keep an unlinked inode alive. */
  private holders = 0;
  /** The page a sequential reader asks for next (read-ahead starts when it does). */
  private nextPage = -1;
  readonly mapping: CachedMapping;

  constructor(readonly fs: Ext2Fs, readonly ino: number) {
    for (let i = 0; i < Ext2.N_BLOCKS; i++) this.block.push(0);
    this.mapping = fs.cache.mapping(new InodePageIo(this));
  }

  /** Reads the on-disk inode; 0 or -errno. */
  async load(): Promise<number> {
    const loc = this.fs.inodeLocation(this.ino);
    const at = await this.fs.blockAddr(loc.block);
    if (at < 0) return at;
    const p = at + loc.offset;
    this.mode = physRead16(p + In.MODE);
    this.uid = physRead16(p + In.UID);
    this.size = physRead32(p + In.SIZE);
    this.atime = physRead32(p + In.ATIME);
    this.ctime = physRead32(p + In.CTIME);
    this.mtime = physRead32(p + In.MTIME);
    this.dtime = physRead32(p + In.DTIME);
    this.gid = physRead16(p + In.GID);
    this.links = physRead16(p + In.LINKS_COUNT);
    this.sectors = physRead32(p + In.BLOCKS);
    this.flags = physRead32(p + In.FLAGS);
    for (let i = 0; i < Ext2.N_BLOCKS; i++) this.block[i] = physRead32(p + In.BLOCK + 4 * i);
    if (isReg(this.mode) && physRead32(p + In.SIZE_HIGH) !== 0) return -Errno.EFBIG;
    return 0;
  }

  /** Writes the fields into the inode table (in the cache; sync writes it to the disk). */
  async store(): Promise<number> {
    const loc = this.fs.inodeLocation(this.ino);
    const at = await this.fs.blockAddr(loc.block);
    if (at < 0) return at;
    const p = at + loc.offset;
    physWrite16(p + In.MODE, this.mode);
    physWrite16(p + In.UID, this.uid);
    physWrite32(p + In.SIZE, this.size);
    physWrite32(p + In.ATIME, this.atime);
    physWrite32(p + In.CTIME, this.ctime);
    physWrite32(p + In.MTIME, this.mtime);
    physWrite32(p + In.DTIME, this.dtime);
    physWrite16(p + In.GID, this.gid);
    physWrite16(p + In.LINKS_COUNT, this.links);
    physWrite32(p + In.BLOCKS, this.sectors);
    physWrite32(p + In.FLAGS, this.flags);
    for (let i = 0; i < Ext2.N_BLOCKS; i++) physWrite32(p + In.BLOCK + 4 * i, this.block[i]);
    this.fs.dirtyBlock(loc.block, loc.offset, Ext2.INODE_SIZE);
    return 0;
  }

  /** A fresh inode's fields: every byte of its slot rewritten (the slot may have held a deleted inode). */
  async init(mode: number, links: number): Promise<number> {
    const loc = this.fs.inodeLocation(this.ino);
    const at = await this.fs.blockAddr(loc.block);
    if (at < 0) return at;
    physFill(at + loc.offset, 0, this.fs.inodeSize);
    const now = nowSeconds();
    this.mode = mode;
    this.uid = 0;
    this.gid = 0;
    this.size = 0;
    this.atime = now;
    this.ctime = now;
    this.mtime = now;
    this.dtime = 0;
    this.links = links;
    this.sectors = 0;
    this.flags = 0;
    for (let i = 0; i < Ext2.N_BLOCKS; i++) this.block[i] = 0;
    return this.store();
  }

  stat(): Stat {
    return {
      dev: this.fs.dev, ino: this.ino, mode: this.mode, nlink: this.links, uid: this.uid, gid: this.gid,
      size: this.size, blocks: this.sectors, blksize: this.fs.blockSize,
      atime: this.atime, mtime: this.mtime, ctime: this.ctime,
    };
  }

  // ---- the block map ----------------------------------------------------------------------

  /**
   * bmap for reading, without waiting when it can: the block, 0 for a hole, or
   * NOT_CACHED when an indirect block on the way is not in the cache (then use bmap).
   * Reads are the hot path, and every await costs a trip through the event loop.
   */
  bmapNow(n: number): number {
    if (n < Ext2.NDIR_BLOCKS) return this.block[n];
    const per = this.fs.perBlock;
    n -= Ext2.NDIR_BLOCKS;
    let depth = 1, slot = Ext2.IND_BLOCK;
    if (n >= per) {
      n -= per;
      depth = 2;
      slot = Ext2.DIND_BLOCK;
      if (n >= per * per) {
        n -= per * per;
        depth = 3;
        slot = Ext2.TIND_BLOCK;
        if (n >= per * per * per) return NOT_CACHED;
      }
    }
    let b = this.block[slot];
    for (let level = depth; level >= 1 && b !== 0; level--) {
      const span = level === 3 ? per * per : level === 2 ? per : 1;
      const at = this.fs.cachedBlockAddr(b);
      if (at < 0) return NOT_CACHED;
      b = physRead32(at + 4 * Math.floor(n / span));
      n = n % span;
    }
    return b;
  }

  /** A block for reading: bmapNow, or bmap when that must wait. */
  bmapNowOrWait(n: number): number | Promise<number> {
    const b = this.bmapNow(n);
    return b === NOT_CACHED ? this.bmap(n, false) : b;
  }

  /**
   * The disk block holding file block `n`: 0 for a hole (when !create), a new zero-free
   * block when `create` (indirect blocks allocated on the way), -ENOSPC, -EFBIG, -EIO.
   * Caller holds the volume's lock when create is true.
   */
  async bmap(n: number, create: boolean): Promise<number> {
    const fs = this.fs, per = fs.perBlock;
    const goal = fs.groupOfInode(this.ino);
    if (n < Ext2.NDIR_BLOCKS) {
      let b = this.block[n];
      if (b === 0 && create) {
        b = await fs.allocBlock(goal);
        if (b < 0) return b;
        this.block[n] = b;
        this.sectors += fs.sectorsPerBlock;
        await this.store();
      }
      return b;
    }
    n -= Ext2.NDIR_BLOCKS;
    let depth = 1, slot = Ext2.IND_BLOCK;
    if (n >= per) {
      n -= per;
      depth = 2;
      slot = Ext2.DIND_BLOCK;
      if (n >= per * per) {
        n -= per * per;
        depth = 3;
        slot = Ext2.TIND_BLOCK;
        if (n >= per * per * per) return -Errno.EFBIG;
      }
    }
    let b = this.block[slot];
    if (b === 0) {
      if (!create) return 0;
      b = await fs.allocMetaBlock(goal);
      if (b < 0) return b;
      this.block[slot] = b;
      this.sectors += fs.sectorsPerBlock;
      await this.store();
    }
    for (let level = depth; level >= 1; level--) {
      const span = level === 3 ? per * per : level === 2 ? per : 1;
      const idx = Math.floor(n / span);
      n = n % span;
      let at = await fs.blockAddr(b);
      if (at < 0) return at;
      let next = physRead32(at + 4 * idx);
      if (next === 0) {
        if (!create) return 0;
        next = level === 1 ? await fs.allocBlock(goal) : await fs.allocMetaBlock(goal);
        if (next < 0) return next;
        at = await fs.blockAddr(b); // the allocation may have awaited: find the block again
        if (at < 0) return at;
        physWrite32(at + 4 * idx, next);
        fs.dirtyBlock(b, 4 * idx, 4);
        this.sectors += fs.sectorsPerBlock;
        await this.store();
      }
      b = next;
    }
    return b;
  }

  /** Frees the blocks for file blocks `keep` and above (truncate); 0 or -errno. */
  private async freeBlocksFrom(keep: number): Promise<number> {
    const fs = this.fs, per = fs.perBlock;
    for (let i = keep; i < Ext2.NDIR_BLOCKS; i++) {
      if (this.block[i] !== 0) {
        await fs.freeBlock(this.block[i]);
        this.block[i] = 0;
        this.sectors -= fs.sectorsPerBlock;
      }
    }
    let base = Ext2.NDIR_BLOCKS, span = per;
    for (let depth = 1; depth <= 3; depth++) {
      const slot = Ext2.IND_BLOCK + depth - 1;
      const gone = await this.truncTree(this.block[slot], depth, base, keep);
      if (gone < 0) return gone;
      if (gone === 1) this.block[slot] = 0;
      base += span;
      span *= per;
    }
    return this.store();
  }

  /**
   * Frees what the indirect tree at `b` (depth levels above the data) maps at file blocks
   * `keep` and above; 1 when the whole tree went (the caller clears its pointer), 0 when
   * part of it stays, -errno.
   */
  private async truncTree(b: number, depth: number, base: number, keep: number): Promise<number> {
    if (b === 0) return 1;
    const fs = this.fs, per = fs.perBlock;
    let span = 1;
    for (let i = 0; i < depth; i++) span *= per;
    if (base + span <= keep) return 0;
    const childSpan = span / per;
    for (let i = 0; i < per; i++) {
      const childBase = base + i * childSpan;
      if (childBase + childSpan <= keep) continue;
      let at = await fs.blockAddr(b);
      if (at < 0) return at;
      const child = physRead32(at + 4 * i);
      if (child === 0) continue;
      let gone = 1;
      if (depth > 1) {
        gone = await this.truncTree(child, depth - 1, childBase, keep);
        if (gone < 0) return gone;
      } else {
        await fs.freeBlock(child);
        this.sectors -= fs.sectorsPerBlock;
      }
      if (gone === 1) {
        at = await fs.blockAddr(b);
        if (at < 0) return at;
        physWrite32(at + 4 * i, 0);
        fs.dirtyBlock(b, 4 * i, 4);
      }
    }
    if (base >= keep) {
      await fs.freeBlock(b);
      this.sectors -= fs.sectorsPerBlock;
      return 1;
    }
    return 0;
  }

  // ---- size -------------------------------------------------------------------------------

  /** Grows a directory to `size` bytes with allocated blocks (caller holds the lock). */
  async growTo(size: number): Promise<number> {
    const B = this.fs.blockSize;
    for (let n = Math.floor(this.size / B); n * B < size; n++) {
      const b = await this.bmap(n, true);
      if (b < 0) return b;
    }
    this.size = size;
    return this.store();
  }

  /** truncate with the lock held. */
  async truncateLocked(size: number): Promise<number> {
    if (size < 0) return -Errno.EINVAL;
    if (size > MAX_FILE_SIZE) return -Errno.EFBIG;
    const B = this.fs.blockSize;
    if (size < this.size) {
      this.mapping.dropFrom(Math.ceil(size / Page.SIZE));
      // The tail of the last page past the new end reads as zeros from now on.
      const tail = size % Page.SIZE;
      if (tail !== 0) {
        const index = Math.floor(size / Page.SIZE);
        const frame = await this.mapping.getPage(index);
        if (frame < 0) return frame;
        physFill(frame + tail, 0, Page.SIZE - tail);
        this.mapping.markDirty(index, tail, Page.SIZE - tail);
      }
      this.size = size;
      const r = await this.freeBlocksFrom(Math.ceil(size / B));
      if (r < 0) return r;
    } else {
      this.size = size;
    }
    const now = nowSeconds();
    this.mtime = now;
    this.ctime = now;
    return this.store();
  }

  // ---- data -------------------------------------------------------------------------------

  /**
   * Page `index` of the file for a reader (read(2) or a fault): the cache's getPage, and
   * when the reader is sequential (it asks for the page after the last one), reads of the
   * next pages are started ahead (PageCache.readAheadPages), up to the end of the file.
   */
  dataPage(index: number): number | Promise<number> {
    const sequential = index === this.nextPage;
    this.nextPage = index + 1;
    const ahead = this.fs.cache.readAheadPages;
    if (sequential && ahead > 0) {
      let count = Math.ceil(this.size / Page.SIZE) - (index + 1);
      if (count > ahead) count = ahead;
      if (count > 0) this.mapping.readAhead(index + 1, count);
    }
    return this.mapping.getPage(index);
  }

  async read(offset: number, length: number, copy: CopyChunk): Promise<number> {
    if (isDir(this.mode)) return -Errno.EISDIR;
    if (offset < 0 || length < 0) return -Errno.EINVAL;
    if (!this.fs.lock.tryRead()) await this.fs.lock.read();
    try {
      return await this.readLocked(offset, length, copy);
    } finally {
      this.fs.lock.releaseRead();
    }
  }

  private async readLocked(offset: number, length: number, copy: CopyChunk): Promise<number> {
    if (offset >= this.size) return 0;
    if (length > this.size - offset) length = this.size - offset;
    let done = 0;
    while (done < length) {
      const pos = offset + done;
      const index = Math.floor(pos / Page.SIZE), off = pos % Page.SIZE;
      let n = Page.SIZE - off;
      if (n > length - done) n = length - done;
      let frame = this.dataPage(index);
      if (typeof frame !== 'number') frame = await frame; // only an absent page waits
      if (frame < 0) return done > 0 ? done : frame;
      const r = copy(frame + off, n, done);
      if (r < 0) return done > 0 ? done : r;
      done += n;
    }
    return done;
  }

  async write(offset: number, length: number, copy: CopyChunk): Promise<number> {
    if (isDir(this.mode)) return -Errno.EISDIR;
    if (offset < 0 || length < 0) return -Errno.EINVAL;
    if (offset + length > MAX_FILE_SIZE) return -Errno.EFBIG;
    await this.fs.lock.write();
    try {
      return await this.writeLocked(offset, length, copy);
    } finally {
      this.fs.lock.releaseWrite();
    }
  }

  async writeLocked(offset: number, length: number, copy: CopyChunk): Promise<number> {
    const B = this.fs.blockSize;
    let done = 0;
    while (done < length) {
      const pos = offset + done;
      const index = Math.floor(pos / Page.SIZE), off = pos % Page.SIZE;
      let n = Page.SIZE - off;
      if (n > length - done) n = length - done;
      for (let fb = Math.floor(pos / B); fb * B < pos + n; fb++) {
        const b = await this.bmap(fb, true);
        if (b < 0) return this.finishWrite(done, b);
      }
      const frame = index * Page.SIZE >= this.size ? await this.mapping.getZeroPage(index) : await this.mapping.getPage(index);
      if (frame < 0) return this.finishWrite(done, frame);
      const r = copy(frame + off, n, done);
      if (r < 0) return this.finishWrite(done, r);
      this.mapping.markDirty(index, off, n);
      done += n;
      if (pos + n > this.size) this.size = pos + n;
    }
    return this.finishWrite(done, 0);
  }

  private async finishWrite(done: number, error: number): Promise<number> {
    if (done > 0) {
      const now = nowSeconds();
      this.mtime = now;
      this.ctime = now;
    }
    await this.store();
    return done > 0 || error === 0 ? done : error;
  }

  async truncate(size: number): Promise<number> {
    if (isDir(this.mode)) return -Errno.EISDIR;
    if (!isReg(this.mode)) return -Errno.EINVAL;
    await this.fs.lock.write();
    try {
      return await this.truncateLocked(size);
    } finally {
      this.fs.lock.releaseWrite();
    }
  }

  setTimes(atime: number, mtime: number): void {
    this.atime = atime >>> 0;
    this.mtime = mtime >>> 0;
    this.ctime = nowSeconds();
    void this.store();
  }

  async fsync(): Promise<number> {
    await this.fs.lock.write();
    try {
      const r = await this.mapping.writeback();
      if (r < 0) return r;
      const m = await this.fs.meta.writeback();
      if (m < 0) return m;
      return await this.fs.device.flush();
    } finally {
      this.fs.lock.releaseWrite();
    }
  }

  mappedFile(path: string, readable: boolean, writable: boolean): MappedFile | number {
    if (!isReg(this.mode)) return -Errno.ENODEV;
    const inode = this;
    return {
      path,
      dev: this.fs.dev,
      inode: this.ino,
      readable,
      writable,
      sizePages: () => Math.ceil(inode.size / Page.SIZE),
      getPage: (index: number) => inode.dataPage(index),
      pageDirtied: (index: number) => inode.mapping.markPageDirty(index),
      cachedFrame: (index: number) => {
        const p = inode.mapping.peek(index);
        return p === undefined ? -1 : p.frame;
      },
    };
  }

  hold(): void {
    this.holders++;
  }

  async release(): Promise<void> {
    if (this.holders > 0) this.holders--;
    if (this.holders === 0 && this.links === 0) {
      await this.fs.lock.write();
      try {
        await this.destroy();
      } finally {
        this.fs.lock.releaseWrite();
      }
    }
  }

  /** Frees the blocks and the inode of a file with no links and no holders (lock held). */
  private async destroy(): Promise<void> {
    if (!this.fs.inodes.has(this.ino)) return;
    this.fs.inodes.delete(this.ino);
    this.fs.cache.forget(this.mapping);
    const dir = isDir(this.mode);
    const fastLink = (this.mode & FileMode.IFMT) === FileMode.IFLNK && this.sectors === 0;
    if (!fastLink) await this.freeBlocksFrom(0);
    this.size = 0;
    this.dtime = nowSeconds();
    await this.store();
    await this.fs.freeInode(this.ino, dir);
  }

  /** Drops one link; frees the inode when none is left and no one holds it. */
  private async unlinkInode(): Promise<void> {
    if (this.links > 0) this.links--;
    this.ctime = nowSeconds();
    await this.store();
    if (this.links === 0 && this.holders === 0) await this.destroy();
  }

  // ---- directories ------------------------------------------------------------------------

  async lookup(name: string): Promise<Inode | number> {
    await this.fs.lock.read();
    try {
      return await this.lookupLocked(name);
    } finally {
      this.fs.lock.releaseRead();
    }
  }

  async lookupLocked(name: string): Promise<Ext2Inode | number> {
    if (!isDir(this.mode)) return -Errno.ENOTDIR;
    if (name.length > Ext2.NAME_MAX) return -Errno.ENAMETOOLONG;
    const s = await find(this, name);
    if (typeof s === 'number') return s;
    if (s === null) return -Errno.ENOENT;
    return this.fs.iget(s.ino);
  }

  /** Common part of create, mkdir and symlink (lock held): a new inode linked as `name`. */
  private async makeChild(name: string, mode: number): Promise<Ext2Inode | number> {
    if (!isDir(this.mode)) return -Errno.ENOTDIR;
    if (this.links === 0) return -Errno.ENOENT; // a removed directory takes no new entries
    const bad = badName(name);
    if (bad < 0) return bad;
    const existing = await find(this, name);
    if (typeof existing === 'number') return existing;
    if (existing !== null) return -Errno.EEXIST;
    const dir = isDir(mode);
    if (dir && this.links >= 32000) return -Errno.EMLINK;
    const ino = await this.fs.allocInode(this.fs.groupOfInode(this.ino), dir);
    if (ino < 0) return ino;
    const child = new Ext2Inode(this.fs, ino);
    let r = await child.init(mode, dir ? 2 : 1);
    if (r >= 0 && dir) {
      r = await child.growTo(this.fs.blockSize);
      if (r >= 0) {
        const frame = await child.mapping.getPage(0);
        if (frame < 0) r = frame;
        else {
          const B = this.fs.blockSize;
          physFill(frame, 0, B);
          writeDotEntries(frame, ino, this.ino, B);
          child.mapping.markDirty(0, 0, B);
        }
      }
    }
    if (r >= 0) r = await addEntry(this, name, ino, fileTypeOfMode(mode));
    if (r < 0) {
      this.fs.cache.forget(child.mapping);
      await child.freeBlocksFrom(0);
      await this.fs.freeInode(ino, dir);
      return r;
    }
    this.fs.inodes.set(ino, child);
    const now = nowSeconds();
    this.mtime = now;
    this.ctime = now;
    if (dir) this.links++;
    await this.store();
    return child;
  }

  private async locked<T>(f: () => Promise<T>): Promise<T> {
    await this.fs.lock.write();
    try {
      return await f();
    } finally {
      this.fs.lock.releaseWrite();
    }
  }

  create(name: string, mode: number): Promise<Inode | number> {
    return this.locked(() => this.makeChild(name, FileMode.IFREG | (mode & FileMode.PERMS)));
  }

  mkdir(name: string, mode: number): Promise<Inode | number> {
    return this.locked(() => this.makeChild(name, FileMode.IFDIR | (mode & FileMode.PERMS)));
  }

  symlink(name: string, target: string): Promise<Inode | number> {
    return this.locked(async () => {
      if (target.length === 0) return -Errno.ENOENT;
      if (target.length >= this.fs.blockSize) return -Errno.ENAMETOOLONG;
      const child = await this.makeChild(name, FileMode.IFLNK | 0o777);
      if (typeof child === 'number') return child;
      if (target.length < Ext2.FAST_SYMLINK_MAX) {
        // A fast symlink: the target in i_block itself.
        for (let i = 0; i < Ext2.N_BLOCKS; i++) {
          let w = 0;
          for (let k = 3; k >= 0; k--) {
            const c = 4 * i + k < target.length ? target.charCodeAt(4 * i + k) & 0xff : 0;
            w = w * 256 + c;
          }
          child.block[i] = w;
        }
        child.size = target.length;
        await child.store();
      } else {
        const r = await child.writeLocked(0, target.length, (phys, length, done) => {
          for (let i = 0; i < length; i++) physWrite8(phys + i, target.charCodeAt(done + i));
          return 0;
        });
        if (r < 0) return r;
      }
      return child;
    });
  }

  async readlink(): Promise<string | number> {
    if ((this.mode & FileMode.IFMT) !== FileMode.IFLNK) return -Errno.EINVAL;
    if (this.sectors === 0) {
      let s = '';
      for (let i = 0; i < this.size; i++) s += String.fromCharCode((this.block[i >>> 2] >>> (8 * (i & 3))) & 0xff);
      return s;
    }
    let s = '';
    const r = await this.read(0, this.size, (phys, length) => {
      for (let i = 0; i < length; i++) s += String.fromCharCode(physRead8(phys + i));
      return 0;
    });
    return r < 0 ? r : s;
  }

  unlink(name: string): Promise<number> {
    return this.locked(async () => {
      if (!isDir(this.mode)) return -Errno.ENOTDIR;
      const s = await find(this, name);
      if (typeof s === 'number') return s;
      if (s === null) return -Errno.ENOENT;
      const victim = await this.fs.iget(s.ino);
      if (typeof victim === 'number') return victim;
      if (isDir(victim.mode)) return -Errno.EISDIR;
      const r = await removeEntry(this, s);
      if (r < 0) return r;
      this.touch();
      await this.store();
      await victim.unlinkInode();
      return 0;
    });
  }

  rmdir(name: string): Promise<number> {
    return this.locked(async () => {
      if (!isDir(this.mode)) return -Errno.ENOTDIR;
      if (name === '.') return -Errno.EINVAL;
      if (name === '..') return -Errno.ENOTEMPTY;
      const s = await find(this, name);
      if (typeof s === 'number') return s;
      if (s === null) return -Errno.ENOENT;
      const victim = await this.fs.iget(s.ino);
      if (typeof victim === 'number') return victim;
      if (!isDir(victim.mode)) return -Errno.ENOTDIR;
      if (victim.ino === Ext2.ROOT_INO) return -Errno.EBUSY;
      const empty = await isEmpty(victim);
      if (typeof empty === 'number') return empty;
      if (!empty) return -Errno.ENOTEMPTY;
      const r = await removeEntry(this, s);
      if (r < 0) return r;
      this.links--;
      this.touch();
      await this.store();
      victim.links = 1; // "." goes with it
      await victim.unlinkInode();
      return 0;
    });
  }

  private touch(): void {
    const now = nowSeconds();
    this.mtime = now;
    this.ctime = now;
  }

  rename(name: string, newDirInode: Inode, newName: string): Promise<number> {
    return this.locked(async () => {
      if (!(newDirInode instanceof Ext2Inode) || newDirInode.fs !== this.fs) return -Errno.EXDEV;
      const newDir = newDirInode;
      if (!isDir(this.mode) || !isDir(newDir.mode)) return -Errno.ENOTDIR;
      if (name === '.' || name === '..' || newName === '.' || newName === '..') return -Errno.EINVAL;
      const bad = badName(newName);
      if (bad < 0) return bad;
      const s = await find(this, name);
      if (typeof s === 'number') return s;
      if (s === null) return -Errno.ENOENT;
      const src = await this.fs.iget(s.ino);
      if (typeof src === 'number') return src;
      const srcDir = isDir(src.mode);
      if (srcDir) {
        // Not into itself or below itself: walk up from the target directory.
        let d: Ext2Inode = newDir;
        while (d.ino !== Ext2.ROOT_INO) {
          if (d.ino === src.ino) return -Errno.EINVAL;
          const up = await d.lookupLocked('..');
          if (typeof up === 'number') return up;
          if (up.ino === d.ino) break;
          d = up;
        }
      }
      const t = await find(newDir, newName);
      if (typeof t === 'number') return t;
      let replaced: Ext2Inode | null = null;
      if (t !== null) {
        if (t.ino === src.ino) return 0; // the same file under both names
        const dst = await this.fs.iget(t.ino);
        if (typeof dst === 'number') return dst;
        if (srcDir && !isDir(dst.mode)) return -Errno.ENOTDIR;
        if (!srcDir && isDir(dst.mode)) return -Errno.EISDIR;
        if (isDir(dst.mode)) {
          const empty = await isEmpty(dst);
          if (typeof empty === 'number') return empty;
          if (!empty) return -Errno.ENOTEMPTY;
        }
        const r = await retarget(newDir, t, src.ino, fileTypeOfMode(src.mode));
        if (r < 0) return r;
        replaced = dst;
      } else {
        const r = await addEntry(newDir, newName, src.ino, fileTypeOfMode(src.mode));
        if (r < 0) return r;
      }
      // The old entry may have moved if newDir is this directory and the add reorganised the block: find it again.
      const again = await find(this, name);
      if (typeof again === 'number') return again;
      if (again !== null && again.ino === src.ino) {
        const r = await removeEntry(this, again);
        if (r < 0) return r;
      }
      // Link counts: a moved directory's ".." leaves this directory for newDir; a replaced
      // directory takes its ".." (a link of newDir) and its "." with it.
      if (srcDir && newDir !== this) {
        const dotdot = await find(src, '..');
        if (typeof dotdot === 'number') return dotdot;
        if (dotdot !== null) await retarget(src, dotdot, newDir.ino, FileType.DIR);
        this.links--;
        newDir.links++;
      }
      if (replaced !== null && isDir(replaced.mode)) {
        replaced.links = 1;
        newDir.links--;
      }
      src.ctime = nowSeconds();
      await src.store();
      this.touch();
      await this.store();
      if (newDir !== this) {
        newDir.touch();
        await newDir.store();
      }
      if (replaced !== null) await replaced.unlinkInode();
      return 0;
    });
  }

  async readdir(from: number): Promise<DirEntry[] | number> {
    if (!isDir(this.mode)) return -Errno.ENOTDIR;
    await this.fs.lock.read();
    try {
      const out: DirEntry[] = [];
      const r = await walk(this, from, (s: Slot, addr: number) => {
        if (s.ino !== 0) out.push({ name: entryName(addr), ino: s.ino, type: direntType(physRead8(addr + De.FILE_TYPE)), next: s.pos + s.recLen });
        return false;
      });
      return r < 0 ? r : out;
    } finally {
      this.fs.lock.releaseRead();
    }
  }
}

/** "." and ".." in a new directory's first block (at `frame`, block size B). */
function writeDotEntries(frame: number, self: number, parent: number, B: number): void {
  physWrite32(frame + De.INODE, self);
  physWrite16(frame + De.REC_LEN, 12);
  physWrite8(frame + De.NAME_LEN, 1);
  physWrite8(frame + De.FILE_TYPE, FileType.DIR);
  physWrite8(frame + De.NAME, 0x2e);
  physWrite32(frame + 12 + De.INODE, parent);
  physWrite16(frame + 12 + De.REC_LEN, B - 12);
  physWrite8(frame + 12 + De.NAME_LEN, 2);
  physWrite8(frame + 12 + De.FILE_TYPE, FileType.DIR);
  physWrite8(frame + 12 + De.NAME, 0x2e);
  physWrite8(frame + 12 + De.NAME + 1, 0x2e);
}
