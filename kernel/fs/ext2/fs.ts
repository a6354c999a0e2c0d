// ext2 (revision 0 or 1) in the kernel: mount, the superblock and group descriptors,
// block and inode allocation, inode loading, sync. Inodes and directories are in
// inode.ts and dir.ts.
//
// Every metadata block (superblock, group descriptors, bitmaps, inode tables, indirect
// blocks) is read and written through the page cache of the block device (`meta`, page i
// = device bytes [4096i, 4096i + 4096)); file and directory contents through each inode's
// own mapping. A block is in one of the two roles at a time, and the code keeps them from
// overwriting each other:
//  - a freed block's dirty sectors in `meta` are forgotten (clearDirty), so a stale
//    indirect block is never written over the data of the block's next owner;
//  - a block that becomes metadata is zero-filled in `meta` when allocated;
//  - a file's pages past its new end are dropped before its blocks are freed, and its
//    mapping is forgotten before its inode is freed.
//
// Locking: one read-write lock per volume. Operations that change anything (create,
// write, truncate, unlink, rename, sync...) hold the write side; lookups and reads the
// read side. Internal helpers (underscore-free, in this folder) assume the caller holds it.

import { physFill, physRead16, physRead32, physWrite16, physWrite32 } from '../../arch/intrinsics.ts';
import type { BlockDevice } from '../../dev/block.ts';
import { Errno } from '../../mm/errno.ts';
import { Page } from '../../mm/page.ts';
import { RwLock } from '../../mm/rwlock.ts';
import { CachedMapping, PageCache, type PageIo } from '../page-cache.ts';
import type { FileSystem, StatFs } from '../block-fs.ts';
import { Ext2, Gd, Sb } from './format.ts';
import { Ext2Inode } from './inode.ts';

/** Seconds since 1970, for timestamps. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

interface Group {
  blockBitmap: number;
  inodeBitmap: number;
  inodeTable: number;
  freeBlocks: number;
  freeInodes: number;
  usedDirs: number;
}

/** The block device's pages: whole sectors in and out, dirty sectors only. */
class DevicePageIo implements PageIo {
  constructor(private readonly device: BlockDevice) {}

  async readPage(index: number, frame: number): Promise<number> {
    const first = index * 8;
    let count = this.device.sectors - first;
    if (count > 8) count = 8;
    if (count <= 0) return -Errno.EIO;
    if (count < 8) physFill(frame + count * 512, 0, (8 - count) * 512);
    return this.device.read(first, count, frame);
  }

  async writePage(index: number, frame: number, dirty: number): Promise<number> {
    for (let s = 0; s < 8; s++) {
      if ((dirty & (1 << s)) === 0) continue;
      let e = s;
      while (e + 1 < 8 && (dirty & (1 << (e + 1))) !== 0) e++;
      const first = index * 8 + s;
      let count = e - s + 1;
      if (first + count > this.device.sectors) count = this.device.sectors - first;
      if (count > 0) {
        const r = await this.device.write(first, count, frame + s * 512);
        if (r < 0) return r;
      }
      s = e;
    }
    return 0;
  }
}

export class Ext2Fs implements FileSystem {
  readonly type = 'ext2';
  readonly dev: number;
  readonly lock = new RwLock();
  readonly meta: CachedMapping;
  readonly inodes = new Map<number, Ext2Inode>();
  root!: Ext2Inode;

  blockSize = 0;
  /** 512-byte sectors per block. */
  sectorsPerBlock = 0;
  /** Block numbers per indirect block. */
  perBlock = 0;
  blocksCount = 0;
  inodesCount = 0;
  freeBlocks = 0;
  freeInodes = 0;
  firstDataBlock = 0;
  blocksPerGroup = 0;
  inodesPerGroup = 0;
  inodeSize = Ext2.INODE_SIZE;
  firstIno = Ext2.FIRST_INO;
  revLevel = 0;
  readonly groups: Group[] = [];

  private constructor(readonly device: BlockDevice, readonly cache: PageCache) {
    this.dev = device.dev;
    this.meta = cache.mapping(new DevicePageIo(device), true);
  }

  /** Mounts the ext2 volume on `device`: the file system, or -EINVAL (not ext2, unsupported features), -EIO. */
  static async mount(device: BlockDevice, cache: PageCache): Promise<Ext2Fs | number> {
    const fs = new Ext2Fs(device, cache);
    const r = await fs.readSuper();
    if (r < 0) {
      cache.forget(fs.meta);
      return r;
    }
    const root = await fs.iget(Ext2.ROOT_INO);
    if (typeof root === 'number') {
      cache.forget(fs.meta);
      return root;
    }
    fs.root = root;
    return fs;
  }

  private async readSuper(): Promise<number> {
    if (this.device.sectors < 4) return -Errno.EINVAL;
    const frame = await this.meta.getPage(0);
    if (frame < 0) return frame;
    const sb = frame + Ext2.SUPERBLOCK_OFFSET;
    if (physRead16(sb + Sb.MAGIC) !== Ext2.MAGIC) return -Errno.EINVAL;
    const log = physRead32(sb + Sb.LOG_BLOCK_SIZE);
    if (log > 2) return -Errno.EINVAL; // blocks larger than a page are not supported
    this.blockSize = 1024 << log;
    this.sectorsPerBlock = this.blockSize / 512;
    this.perBlock = this.blockSize / 4;
    this.blocksCount = physRead32(sb + Sb.BLOCKS_COUNT);
    this.inodesCount = physRead32(sb + Sb.INODES_COUNT);
    this.freeBlocks = physRead32(sb + Sb.FREE_BLOCKS_COUNT);
    this.freeInodes = physRead32(sb + Sb.FREE_INODES_COUNT);
    this.firstDataBlock = physRead32(sb + Sb.FIRST_DATA_BLOCK);
    this.blocksPerGroup = physRead32(sb + Sb.BLOCKS_PER_GROUP);
    this.inodesPerGroup = physRead32(sb + Sb.INODES_PER_GROUP);
    this.revLevel = physRead32(sb + Sb.REV_LEVEL);
    if (this.revLevel >= Ext2.DYNAMIC_REV) {
      this.inodeSize = physRead16(sb + Sb.INODE_SIZE);
      this.firstIno = physRead32(sb + Sb.FIRST_INO);
      const incompat = physRead32(sb + Sb.FEATURE_INCOMPAT);
      const roCompat = physRead32(sb + Sb.FEATURE_RO_COMPAT);
      if ((incompat & ~Ext2.FEATURE_INCOMPAT_FILETYPE) !== 0) return -Errno.EINVAL;
      if ((roCompat & ~(Ext2.FEATURE_RO_COMPAT_SPARSE_SUPER | Ext2.FEATURE_RO_COMPAT_LARGE_FILE)) !== 0) return -Errno.EINVAL;
    }
    if (this.blocksPerGroup === 0 || this.inodesPerGroup === 0 || this.inodeSize < 128 || this.inodeSize > this.blockSize) return -Errno.EINVAL;
    if (this.blocksCount * this.sectorsPerBlock > this.device.sectors) return -Errno.EINVAL;
    const groupCount = Math.ceil((this.blocksCount - this.firstDataBlock) / this.blocksPerGroup);
    for (let g = 0; g < groupCount; g++) {
      const at = await this.groupDescAddr(g);
      if (at < 0) return at;
      this.groups.push({
        blockBitmap: physRead32(at + Gd.BLOCK_BITMAP),
        inodeBitmap: physRead32(at + Gd.INODE_BITMAP),
        inodeTable: physRead32(at + Gd.INODE_TABLE),
        freeBlocks: physRead16(at + Gd.FREE_BLOCKS_COUNT),
        freeInodes: physRead16(at + Gd.FREE_INODES_COUNT),
        usedDirs: physRead16(at + Gd.USED_DIRS_COUNT),
      });
    }
    return 0;
  }

  // ---- blocks through the metadata cache ----------------------------------------------------

  /** Physical address of metadata block `block`'s bytes in the cache, or -errno. Valid until the next await. */
  async blockAddr(block: number): Promise<number> {
    if (block <= 0 || block >= this.blocksCount) return -Errno.EIO;
    const byte = block * this.blockSize;
    const frame = await this.meta.getPage(Math.floor(byte / Page.SIZE));
    if (frame < 0) return frame;
    return frame + (byte % Page.SIZE);
  }

  /** blockAddr without waiting: the address when the block's page is cached, else -1. */
  cachedBlockAddr(block: number): number {
    if (block <= 0 || block >= this.blocksCount) return -1;
    const byte = block * this.blockSize;
    const page = this.meta.peek(Math.floor(byte / Page.SIZE));
    return page === undefined ? -1 : page.frame + (byte % Page.SIZE);
  }

  /** Marks bytes [offset, offset + length) of metadata block `block` modified (it must be cached). */
  dirtyBlock(block: number, offset = 0, length = this.blockSize): void {
    const byte = block * this.blockSize + offset;
    this.meta.markDirty(Math.floor(byte / Page.SIZE), byte % Page.SIZE, length);
  }

  private async groupDescAddr(g: number): Promise<number> {
    const byte = g * Ext2.GROUP_DESC_SIZE;
    const block = this.firstDataBlock + 1 + Math.floor(byte / this.blockSize);
    const at = await this.blockAddr(block);
    return at < 0 ? at : at + (byte % this.blockSize);
  }

  private async writeGroup(g: number): Promise<void> {
    const at = await this.groupDescAddr(g);
    if (at < 0) return;
    const d = this.groups[g];
    physWrite16(at + Gd.FREE_BLOCKS_COUNT, d.freeBlocks);
    physWrite16(at + Gd.FREE_INODES_COUNT, d.freeInodes);
    physWrite16(at + Gd.USED_DIRS_COUNT, d.usedDirs);
    const byte = g * Ext2.GROUP_DESC_SIZE;
    this.dirtyBlock(this.firstDataBlock + 1 + Math.floor(byte / this.blockSize), byte % this.blockSize, Ext2.GROUP_DESC_SIZE);
  }

  /** Writes the free counts and the write time into the cached superblock. */
  async writeSuper(): Promise<number> {
    const frame = await this.meta.getPage(0);
    if (frame < 0) return frame;
    const sb = frame + Ext2.SUPERBLOCK_OFFSET;
    physWrite32(sb + Sb.FREE_BLOCKS_COUNT, this.freeBlocks);
    physWrite32(sb + Sb.FREE_INODES_COUNT, this.freeInodes);
    physWrite32(sb + Sb.WTIME, nowSeconds());
    this.meta.markDirty(0, Ext2.SUPERBLOCK_OFFSET, Ext2.SUPERBLOCK_SIZE);
    return 0;
  }

  // ---- allocation ---------------------------------------------------------------------------

  /**
   * Finds a clear bit in the bitmap block of group g (at most `limit` bits), sets it, and
   * returns its index, or -1 when all are set.
   */
  private async takeBit(bitmapBlock: number, limit: number): Promise<number> {
    const at = await this.blockAddr(bitmapBlock);
    if (at < 0) return at;
    for (let w = 0; w * 32 < limit; w++) {
      const word = physRead32(at + w * 4);
      if (word === 0xffff_ffff) continue;
      for (let bit = 0; bit < 32; bit++) {
        const i = w * 32 + bit;
        if (i >= limit) return -1;
        if ((word & (1 << bit)) === 0) {
          physWrite32(at + w * 4, word | (1 << bit));
          this.dirtyBlock(bitmapBlock, w * 4, 4);
          return i;
        }
      }
    }
    return -1;
  }

  /** Clears bit i of a bitmap block; false if it was already clear (a double free). */
  private async clearBit(bitmapBlock: number, i: number): Promise<boolean> {
    const at = await this.blockAddr(bitmapBlock);
    if (at < 0) return false;
    const w = at + (i >>> 5) * 4;
    const word = physRead32(w);
    if ((word & (1 << (i & 31))) === 0) return false;
    physWrite32(w, word & ~(1 << (i & 31)));
    this.dirtyBlock(bitmapBlock, (i >>> 5) * 4, 4);
    return true;
  }

  /** Allocates a block, preferring group `goal`: its number, or -ENOSPC / -EIO. */
  async allocBlock(goal: number): Promise<number> {
    const n = this.groups.length;
    for (let k = 0; k < n; k++) {
      const g = (goal + k) % n;
      const d = this.groups[g];
      if (d.freeBlocks === 0) continue;
      let limit = this.blocksCount - this.firstDataBlock - g * this.blocksPerGroup;
      if (limit > this.blocksPerGroup) limit = this.blocksPerGroup;
      const i = await this.takeBit(d.blockBitmap, limit);
      if (i === -1) continue;
      if (i < 0) return i;
      d.freeBlocks--;
      this.freeBlocks--;
      await this.writeGroup(g);
      return this.firstDataBlock + g * this.blocksPerGroup + i;
    }
    return -Errno.ENOSPC;
  }

  /** Allocates a block for metadata (an indirect block), zero-filled in the cache. */
  async allocMetaBlock(goal: number): Promise<number> {
    const b = await this.allocBlock(goal);
    if (b < 0) return b;
    const at = await this.blockAddr(b);
    if (at < 0) return at;
    physFill(at, 0, this.blockSize);
    this.dirtyBlock(b);
    return b;
  }

  /** Frees a block (data or metadata); its pending metadata writes are forgotten. */
  async freeBlock(block: number): Promise<void> {
    if (block < this.firstDataBlock || block >= this.blocksCount) return;
    const rel = block - this.firstDataBlock;
    const g = Math.floor(rel / this.blocksPerGroup);
    if (!(await this.clearBit(this.groups[g].blockBitmap, rel % this.blocksPerGroup))) return;
    this.groups[g].freeBlocks++;
    this.freeBlocks++;
    const byte = block * this.blockSize;
    this.meta.clearDirty(Math.floor(byte / Page.SIZE), byte % Page.SIZE, this.blockSize);
    await this.writeGroup(g);
  }

  /** Allocates an inode number, preferring group `goal`: the number, or -ENOSPC. */
  async allocInode(goal: number, dir: boolean): Promise<number> {
    const n = this.groups.length;
    for (let k = 0; k < n; k++) {
      const g = (goal + k) % n;
      const d = this.groups[g];
      if (d.freeInodes === 0) continue;
      const i = await this.takeBit(d.inodeBitmap, this.inodesPerGroup);
      if (i === -1) continue;
      if (i < 0) return i;
      const ino = g * this.inodesPerGroup + i + 1;
      if (ino < this.firstIno) continue; // a reserved inode marked free: leave it
      d.freeInodes--;
      this.freeInodes--;
      if (dir) d.usedDirs++;
      await this.writeGroup(g);
      return ino;
    }
    return -Errno.ENOSPC;
  }

  async freeInode(ino: number, dir: boolean): Promise<void> {
    const g = Math.floor((ino - 1) / this.inodesPerGroup);
    if (!(await this.clearBit(this.groups[g].inodeBitmap, (ino - 1) % this.inodesPerGroup))) return;
    this.groups[g].freeInodes++;
    this.freeInodes++;
    if (dir) this.groups[g].usedDirs--;
    await this.writeGroup(g);
  }

  groupOfInode(ino: number): number {
    return Math.floor((ino - 1) / this.inodesPerGroup);
  }

  // ---- inodes -------------------------------------------------------------------------------

  /** Block number and byte offset of inode `ino` in its group's inode table. */
  inodeLocation(ino: number): { block: number; offset: number } {
    const g = Math.floor((ino - 1) / this.inodesPerGroup), index = (ino - 1) % this.inodesPerGroup;
    const byte = index * this.inodeSize;
    return { block: this.groups[g].inodeTable + Math.floor(byte / this.blockSize), offset: byte % this.blockSize };
  }

  /** The in-memory inode `ino` (loaded once, then shared), or -errno. */
  async iget(ino: number): Promise<Ext2Inode | number> {
    const cached = this.inodes.get(ino);
    if (cached !== undefined) return cached;
    if (ino < 1 || ino > this.inodesCount) return -Errno.EIO;
    const inode = new Ext2Inode(this, ino);
    const r = await inode.load();
    if (r < 0) return r;
    const again = this.inodes.get(ino); // loaded meanwhile by another task
    if (again !== undefined) return again;
    this.inodes.set(ino, inode);
    return inode;
  }

  // ---- the FileSystem face ------------------------------------------------------------------

  async sync(): Promise<number> {
    await this.lock.write();
    try {
      return await this.syncLocked();
    } finally {
      this.lock.releaseWrite();
    }
  }

  /** sync with the write lock held. */
  async syncLocked(): Promise<number> {
    let result = 0;
    for (const inode of this.inodes.values()) {
      const r = await inode.mapping.writeback();
      if (r < 0 && result === 0) result = r;
    }
    const s = await this.writeSuper();
    if (s < 0 && result === 0) result = s;
    const m = await this.meta.writeback();
    if (m < 0 && result === 0) result = m;
    const f = await this.device.flush();
    if (f < 0 && result === 0) result = f;
    return result;
  }

  statfs(): StatFs {
    return {
      blockSize: this.blockSize,
      blocks: this.blocksCount,
      freeBlocks: this.freeBlocks,
      files: this.inodesCount,
      freeFiles: this.freeInodes,
      nameMax: Ext2.NAME_MAX,
    };
  }
}
