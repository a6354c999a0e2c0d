// Our ext2 image writer: a directory tree on the host becomes an ext2 revision 1 file
// system image (1 KiB or 4 KiB blocks) with directories, regular files (direct, single,
// double and triple indirect blocks), and symbolic links (fast ones in the inode, longer
// ones in a block). The on-disk format comes from kernel/fs/ext2/format.ts, the module the
// kernel's ext2 reads it with. e2fsck -fn accepts what this writes (tests/ext2/mkfs.test.ts).
//
// Layout choices (those of a small mke2fs): SPARSE_SUPER backups, the FILETYPE feature,
// 128-byte inodes, one inode per 4 KiB of space, no reserved GDT blocks, no journal,
// lost+found as inode 11, blocks allocated in order from the first free one.

import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { De, Ext2, FileType, Gd, In, Mode, Sb, direntSize, groupHasSuper } from '../../kernel/fs/ext2/format.ts';

export interface MkfsOptions {
  /** Image size in bytes (a multiple of the block size). */
  size: number;
  /** 1024 or 4096 (default 1024). */
  blockSize?: 1024 | 4096;
  /** Seconds since 1970 for every timestamp (default: now). */
  time?: number;
  /** Volume label (at most 16 bytes). */
  label?: string;
}

/** What goes into the image: a tree of entries. */
export type Entry =
  | { kind: 'file'; data: Uint8Array; mode?: number }
  | { kind: 'dir'; entries: Map<string, Entry>; mode?: number }
  | { kind: 'symlink'; target: string };

export class MkfsError extends Error {}

/** Reads a host directory into an Entry tree (regular files, directories, symlinks; other kinds are an error). */
export function readTree(dir: string): Entry {
  const entries = new Map<string, Entry>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (Buffer.byteLength(name) > Ext2.NAME_MAX) throw new MkfsError(`${path}: name longer than 255 bytes`);
    if (st.isSymbolicLink()) entries.set(name, { kind: 'symlink', target: readlinkSync(path) });
    else if (st.isDirectory()) entries.set(name, readTree(path));
    else if (st.isFile()) entries.set(name, { kind: 'file', data: readFileSync(path), mode: st.mode & 0o7777 });
    else throw new MkfsError(`${path}: not a regular file, directory or symbolic link`);
  }
  return { kind: 'dir', entries, mode: lstatSync(dir).mode & 0o7777 };
}

interface Geometry {
  blockSize: number;
  blocks: number;
  firstDataBlock: number;
  blocksPerGroup: number;
  groups: number;
  inodesPerGroup: number;
  inodeTableBlocks: number;
  gdtBlocks: number;
}

function geometry(size: number, blockSize: number): Geometry {
  if (size % blockSize !== 0) throw new MkfsError(`image size ${size} is not a multiple of the block size ${blockSize}`);
  let blocks = size / blockSize;
  const firstDataBlock = blockSize === 1024 ? 1 : 0;
  const blocksPerGroup = 8 * blockSize;
  const inodesPerBlock = blockSize / Ext2.INODE_SIZE;
  for (;;) {
    const groups = Math.ceil((blocks - firstDataBlock) / blocksPerGroup);
    let inodesPerGroup = Math.ceil((blocksPerGroup * blockSize) / 4096 / inodesPerBlock) * inodesPerBlock;
    const perGroupData = Math.min(blocksPerGroup, blocks - firstDataBlock);
    inodesPerGroup = Math.min(inodesPerGroup, Math.ceil((perGroupData * blockSize) / 4096 / inodesPerBlock) * inodesPerBlock, 8 * blockSize);
    if (inodesPerGroup < 16) inodesPerGroup = Math.ceil(16 / inodesPerBlock) * inodesPerBlock;
    const inodeTableBlocks = inodesPerGroup / inodesPerBlock;
    const gdtBlocks = Math.ceil((groups * Ext2.GROUP_DESC_SIZE) / blockSize);
    // The last group must hold its own metadata and some data; otherwise drop it.
    const last = blocks - firstDataBlock - (groups - 1) * blocksPerGroup;
    const overhead = (groupHasSuper(groups - 1) ? 1 + gdtBlocks : 0) + 2 + inodeTableBlocks;
    if (groups > 1 && last < overhead + 16) {
      blocks -= last;
      continue;
    }
    if (blocks - firstDataBlock < overhead + 16) throw new MkfsError(`image of ${size} bytes is too small for an ext2 file system`);
    return { blockSize, blocks, firstDataBlock, blocksPerGroup, groups, inodesPerGroup, inodeTableBlocks, gdtBlocks };
  }
}

/** Builds the image of `root` (a directory Entry). Throws MkfsError when it does not fit. */
export function mkfs(root: Entry, opts: MkfsOptions): Uint8Array {
  if (root.kind !== 'dir') throw new MkfsError('the root of an image must be a directory');
  const g = geometry(opts.size, opts.blockSize ?? 1024);
  const B = g.blockSize;
  const now = opts.time ?? Math.floor(Date.now() / 1000);
  const img = new Uint8Array(opts.size);
  const view = new DataView(img.buffer);
  const at = (block: number, off = 0) => block * B + off;

  // ---- group metadata placement and the used-block map -------------------------------
  const used = new Uint8Array(g.blocks);
  for (let b = 0; b < g.firstDataBlock; b++) used[b] = 1;
  const groupMeta: { blockBitmap: number; inodeBitmap: number; inodeTable: number; start: number; end: number }[] = [];
  for (let i = 0; i < g.groups; i++) {
    const start = g.firstDataBlock + i * g.blocksPerGroup;
    const end = Math.min(start + g.blocksPerGroup, g.blocks);
    let b = start;
    if (groupHasSuper(i)) b += 1 + g.gdtBlocks;
    const meta = { blockBitmap: b, inodeBitmap: b + 1, inodeTable: b + 2, start, end };
    for (let x = start; x < meta.inodeTable + g.inodeTableBlocks; x++) used[x] = 1;
    groupMeta.push(meta);
  }
  let nextFree = 0;
  const allocBlock = (): number => {
    while (nextFree < g.blocks && used[nextFree]) nextFree++;
    if (nextFree >= g.blocks) throw new MkfsError(`the files do not fit in ${opts.size} bytes`);
    used[nextFree] = 1;
    return nextFree;
  };

  // ---- inodes --------------------------------------------------------------------------
  const inodesCount = g.inodesPerGroup * g.groups;
  const usedInodes = new Uint8Array(inodesCount + 1);
  for (let i = 1; i < Ext2.FIRST_INO; i++) usedInodes[i] = 1;
  let nextIno = Ext2.FIRST_INO;
  const allocIno = (): number => {
    if (nextIno > inodesCount) throw new MkfsError(`more files than the ${inodesCount} inodes of the image`);
    usedInodes[nextIno] = 1;
    return nextIno++;
  };
  const dirsPerGroup = new Array<number>(g.groups).fill(0);
  const inodeAt = (ino: number) => {
    const grp = Math.floor((ino - 1) / g.inodesPerGroup), idx = (ino - 1) % g.inodesPerGroup;
    return at(groupMeta[grp].inodeTable) + idx * Ext2.INODE_SIZE;
  };

  /** Writes data into newly allocated blocks mapped by the inode at `ip`; sets i_block and i_blocks. */
  const writeData = (ip: number, data: Uint8Array) => {
    const n = Math.ceil(data.length / B);
    const perBlock = B / 4;
    let sectors = 0;
    const alloc = () => { sectors += B / 512; return allocBlock(); };
    const dataBlock = (i: number) => {
      const b = alloc();
      img.set(data.subarray(i * B, Math.min((i + 1) * B, data.length)), at(b));
      return b;
    };
    // An indirect block of `depth` levels covering data blocks from `first`, at most `count`; returns its number.
    const indirect = (depth: number, first: number, count: number): number => {
      const blk = alloc();
      const span = perBlock ** (depth - 1);
      for (let k = 0; k < perBlock && k * span < count; k++) {
        const child = depth === 1 ? dataBlock(first + k) : indirect(depth - 1, first + k * span, Math.min(span, count - k * span));
        view.setUint32(at(blk, 4 * k), child, true);
      }
      return blk;
    };
    let i = 0;
    for (; i < n && i < Ext2.NDIR_BLOCKS; i++) view.setUint32(ip + In.BLOCK + 4 * i, dataBlock(i), true);
    for (let depth = 1; depth <= 3 && i < n; depth++) {
      const cover = Math.min(perBlock ** depth, n - i);
      view.setUint32(ip + In.BLOCK + 4 * (Ext2.NDIR_BLOCKS + depth - 1), indirect(depth, i, cover), true);
      i += cover;
    }
    if (i < n) throw new MkfsError('file too large for ext2 with this block size');
    view.setUint32(ip + In.BLOCKS, sectors, true);
  };

  const initInode = (ino: number, mode: number, size: number, links: number) => {
    const ip = inodeAt(ino);
    view.setUint16(ip + In.MODE, mode, true);
    view.setUint32(ip + In.SIZE, size, true);
    view.setUint32(ip + In.ATIME, now, true);
    view.setUint32(ip + In.CTIME, now, true);
    view.setUint32(ip + In.MTIME, now, true);
    view.setUint16(ip + In.LINKS_COUNT, links, true);
    return ip;
  };

  /** Directory contents: entries packed into blocks, none crossing a block, the last of each block stretched to its end. */
  const dirBytes = (list: { ino: number; name: string; type: number }[]): Uint8Array => {
    const blocks: Uint8Array[] = [];
    let cur = new Uint8Array(B), used = 0, lastAt = -1;
    const enc = new TextEncoder();
    for (const e of list) {
      const name = enc.encode(e.name);
      const need = direntSize(name.length);
      if (used + need > B) {
        new DataView(cur.buffer).setUint16(lastAt + De.REC_LEN, B - lastAt, true);
        blocks.push(cur);
        cur = new Uint8Array(B);
        used = 0;
      }
      const v = new DataView(cur.buffer);
      v.setUint32(used + De.INODE, e.ino, true);
      v.setUint16(used + De.REC_LEN, need, true);
      v.setUint8(used + De.NAME_LEN, name.length);
      v.setUint8(used + De.FILE_TYPE, e.type);
      cur.set(name, used + De.NAME);
      lastAt = used;
      used += need;
    }
    new DataView(cur.buffer).setUint16(lastAt + De.REC_LEN, B - lastAt, true);
    blocks.push(cur);
    const out = new Uint8Array(blocks.length * B);
    blocks.forEach((b, i) => out.set(b, i * B));
    return out;
  };

  const groupOf = (ino: number) => Math.floor((ino - 1) / g.inodesPerGroup);

  /** Writes directory `dir` as inode `ino` whose parent is `parent`. */
  const writeDir = (dir: Extract<Entry, { kind: 'dir' }>, ino: number, parent: number, extra: { ino: number; name: string; type: number }[]) => {
    const list = [{ ino, name: '.', type: FileType.DIR }, { ino: parent, name: '..', type: FileType.DIR }, ...extra];
    const children: [Entry, number][] = [];
    let subdirs = extra.filter((e) => e.type === FileType.DIR).length;
    for (const [name, e] of dir.entries) {
      const child = allocIno();
      children.push([e, child]);
      const type = e.kind === 'dir' ? FileType.DIR : e.kind === 'symlink' ? FileType.SYMLINK : FileType.REG_FILE;
      if (e.kind === 'dir') subdirs++;
      list.push({ ino: child, name, type });
    }
    const bytes = dirBytes(list);
    const ip = initInode(ino, Mode.IFDIR | (dir.mode ?? 0o755), bytes.length, 2 + subdirs);
    writeData(ip, bytes);
    dirsPerGroup[groupOf(ino)]++;
    for (const [e, child] of children) writeEntry(e, child, ino);
  };

  const writeEntry = (e: Entry, ino: number, parent: number) => {
    if (e.kind === 'dir') return writeDir(e, ino, parent, []);
    if (e.kind === 'symlink') {
      const target = new TextEncoder().encode(e.target);
      if (target.length >= B) throw new MkfsError(`symbolic link target longer than a block: ${e.target}`);
      const ip = initInode(ino, Mode.IFLNK | 0o777, target.length, 1);
      if (target.length < Ext2.FAST_SYMLINK_MAX) img.set(target, ip + In.BLOCK);
      else writeData(ip, target);
      return;
    }
    if (e.data.length >= 2 ** 32) throw new MkfsError('files of 4 GiB and more are not supported');
    const ip = initInode(ino, Mode.IFREG | (e.mode ?? 0o644), e.data.length, 1);
    writeData(ip, e.data);
  };

  // Root first (inode 2), lost+found (inode 11) as its first entry, then the tree.
  const lostFound = allocIno();
  writeDir(root, Ext2.ROOT_INO, Ext2.ROOT_INO, [{ ino: lostFound, name: 'lost+found', type: FileType.DIR }]);
  {
    const bytes = dirBytes([{ ino: lostFound, name: '.', type: FileType.DIR }, { ino: Ext2.ROOT_INO, name: '..', type: FileType.DIR }]);
    const padded = new Uint8Array(Math.max(bytes.length, 4 * B > 16384 ? B : 4 * B));
    padded.set(bytes);
    // The extra blocks are empty directory blocks: one entry of inode 0 spanning each.
    for (let off = B; off < padded.length; off += B) new DataView(padded.buffer).setUint16(off + De.REC_LEN, B, true);
    const ip = initInode(lostFound, Mode.IFDIR | 0o700, padded.length, 2);
    writeData(ip, padded);
    dirsPerGroup[groupOf(lostFound)]++;
  }

  // ---- bitmaps, group descriptors, superblocks --------------------------------------------
  let freeBlocks = 0, freeInodes = 0;
  const gdt = new Uint8Array(g.gdtBlocks * B);
  const gdv = new DataView(gdt.buffer);
  for (let i = 0; i < g.groups; i++) {
    const m = groupMeta[i];
    let groupFreeBlocks = 0, groupFreeInodes = 0;
    const bb = at(m.blockBitmap), ib = at(m.inodeBitmap);
    for (let k = 0; k < 8 * B; k++) {
      const blk = m.start + k;
      const isUsed = blk >= m.end || used[blk] === 1; // padding past the group's end reads as used
      if (isUsed) img[bb + (k >> 3)] |= 1 << (k & 7);
      else groupFreeBlocks++;
    }
    for (let k = 0; k < 8 * B; k++) {
      const ino = i * g.inodesPerGroup + k + 1;
      const isUsed = k >= g.inodesPerGroup || usedInodes[ino] === 1;
      if (isUsed) img[ib + (k >> 3)] |= 1 << (k & 7);
      else groupFreeInodes++;
    }
    freeBlocks += groupFreeBlocks;
    freeInodes += groupFreeInodes;
    const d = i * Ext2.GROUP_DESC_SIZE;
    gdv.setUint32(d + Gd.BLOCK_BITMAP, m.blockBitmap, true);
    gdv.setUint32(d + Gd.INODE_BITMAP, m.inodeBitmap, true);
    gdv.setUint32(d + Gd.INODE_TABLE, m.inodeTable, true);
    gdv.setUint16(d + Gd.FREE_BLOCKS_COUNT, groupFreeBlocks, true);
    gdv.setUint16(d + Gd.FREE_INODES_COUNT, groupFreeInodes, true);
    gdv.setUint16(d + Gd.USED_DIRS_COUNT, dirsPerGroup[i], true);
  }

  const sb = new Uint8Array(Ext2.SUPERBLOCK_SIZE);
  const sv = new DataView(sb.buffer);
  sv.setUint32(Sb.INODES_COUNT, inodesCount, true);
  sv.setUint32(Sb.BLOCKS_COUNT, g.blocks, true);
  sv.setUint32(Sb.R_BLOCKS_COUNT, 0, true);
  sv.setUint32(Sb.FREE_BLOCKS_COUNT, freeBlocks, true);
  sv.setUint32(Sb.FREE_INODES_COUNT, freeInodes, true);
  sv.setUint32(Sb.FIRST_DATA_BLOCK, g.firstDataBlock, true);
  sv.setUint32(Sb.LOG_BLOCK_SIZE, Math.log2(B) - 10, true);
  sv.setUint32(Sb.LOG_FRAG_SIZE, Math.log2(B) - 10, true);
  sv.setUint32(Sb.BLOCKS_PER_GROUP, g.blocksPerGroup, true);
  sv.setUint32(Sb.FRAGS_PER_GROUP, g.blocksPerGroup, true);
  sv.setUint32(Sb.INODES_PER_GROUP, g.inodesPerGroup, true);
  sv.setUint32(Sb.WTIME, now, true);
  sv.setInt16(Sb.MAX_MNT_COUNT, -1, true);
  sv.setUint16(Sb.MAGIC, Ext2.MAGIC, true);
  sv.setUint16(Sb.STATE, Ext2.VALID_FS, true);
  sv.setUint16(Sb.ERRORS, Ext2.ERRORS_CONTINUE, true);
  sv.setUint32(Sb.LASTCHECK, now, true);
  sv.setUint32(Sb.REV_LEVEL, Ext2.DYNAMIC_REV, true);
  sv.setUint32(Sb.FIRST_INO, Ext2.FIRST_INO, true);
  sv.setUint16(Sb.INODE_SIZE, Ext2.INODE_SIZE, true);
  sv.setUint32(Sb.FEATURE_INCOMPAT, Ext2.FEATURE_INCOMPAT_FILETYPE, true);
  sv.setUint32(Sb.FEATURE_RO_COMPAT, Ext2.FEATURE_RO_COMPAT_SPARSE_SUPER, true);
  // A UUID derived from the time and geometry: images built from the same inputs are identical.
  for (let i = 0; i < 16; i++) sb[Sb.UUID + i] = ((now >>> ((i % 4) * 8)) ^ (g.blocks * (i + 1)) ^ (i * 37)) & 0xff;
  sb[Sb.UUID + 6] = (sb[Sb.UUID + 6] & 0x0f) | 0x40;
  sb[Sb.UUID + 8] = (sb[Sb.UUID + 8] & 0x3f) | 0x80;
  sb.set(new TextEncoder().encode((opts.label ?? '').slice(0, 16)), Sb.VOLUME_NAME);

  for (let i = 0; i < g.groups; i++) {
    if (!groupHasSuper(i)) continue;
    const start = groupMeta[i].start;
    sv.setUint16(Sb.BLOCK_GROUP_NR, i, true);
    img.set(sb, i === 0 ? Ext2.SUPERBLOCK_OFFSET : at(start));
    img.set(gdt, at(i === 0 ? g.firstDataBlock + 1 : start + 1));
  }
  return img;
}
