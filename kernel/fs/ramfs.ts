// A file system in memory (Linux's tmpfs/ramfs): the root file system, filled from the
// initial archive (initramfs.ts), and writable. A regular file's pages are frames; a page
// of a file that came from the archive is copied from the archive's bytes the first time
// it is needed, so the archive is never copied whole. The same frames serve read(2),
// write(2) and mmap (the file is its own page cache), so MAP_SHARED writes are seen by
// read(2) and every process mapping the file shares its frames.

import { physCopy, physFill } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import type { FrameAllocator } from '../mm/frames.ts';
import type { MappedFile } from '../mm/vma.ts';
import {
  Mode, OpenFlag, dirTypeOf, makeStat,
  type DirEntry, type FileOps, type Inode, type IoTarget, type OpenFile, type Stat,
} from './types.ts';

const PAGE = 4096;
/** The largest file (MAX_NON_LFS would be 2 GiB - 1; RAM is the real limit). */
const MAX_FILE_SIZE = 0x7fff_ffff;
/** The device number ramfs reports (Linux gives the root tmpfs an anonymous device 0:N). */
export const RAMFS_DEV = 0x0001;

let nextIno = 1;
/** Frames held by ramfs files: the page cache of the root file system (/proc/meminfo Cached). */
export const ramfsStats = { pages: 0 };

export interface RamFsContext {
  frames: FrameAllocator;
  /** Seconds since 1970, for timestamps. */
  now(): number;
}

abstract class RamNode {
  readonly ino = nextIno++;
  readonly dev = RAMFS_DEV;
  mtime: number;
  constructor(readonly fs: RamFsContext, public mode: number, mtime: number) {
    this.mtime = mtime;
  }
  abstract size(): number;
  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, this.size(), this.mtime);
  }
}

export class RamDir extends RamNode implements Inode {
  readonly entries = new Map<string, Inode>();
  parent: RamDir;
  /** The path it was made at (names files for /proc/PID/maps). */
  path = '/';

  constructor(fs: RamFsContext, mode: number, mtime: number, parent: RamDir | null) {
    super(fs, Mode.DIR | (mode & 0o7777), mtime);
    this.parent = parent === null ? this : parent;
  }

  /** The path of a child called `name`. */
  childPath(name: string): string {
    return (this.path === '/' ? '' : this.path) + '/' + name;
  }

  size(): number {
    return PAGE;
  }

  lookup(name: string): Inode | number {
    if (name === '.') return this;
    if (name === '..') return this.parent;
    const child = this.entries.get(name);
    return child === undefined ? -Errno.ENOENT : child;
  }

  readdir(): DirEntry[] {
    const out: DirEntry[] = [
      { name: '.', ino: this.ino, type: dirTypeOf(this.mode) },
      { name: '..', ino: this.parent.ino, type: dirTypeOf(this.parent.mode) },
    ];
    for (const [name, inode] of this.entries) out.push({ name, ino: inode.ino, type: dirTypeOf(inode.mode) });
    return out;
  }

  open(flags: number): FileOps | number {
    if ((flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY) return -Errno.EISDIR;
    return DIR_OPS;
  }

  create(name: string, mode: number): Inode | number {
    if (this.entries.has(name)) return -Errno.EEXIST;
    const now = this.fs.now();
    const node = (mode & Mode.TYPE) === Mode.DIR ? new RamDir(this.fs, mode, now, this) : new RamFile(this.fs, mode, now, null);
    node.path = this.childPath(name);
    this.entries.set(name, node);
    this.mtime = now;
    return node;
  }

  /** Links an existing inode under `name` (building the tree; rename). */
  link(name: string, inode: Inode): void {
    this.entries.set(name, inode);
    if (inode instanceof RamDir || inode instanceof RamFile) inode.path = this.childPath(name);
  }
}

const DIR_OPS: FileOps = { seekable: true };

/** Bytes of the archive a file starts with (physical range). */
interface Source {
  phys: number;
  length: number;
}

export class RamFile extends RamNode implements Inode, MappedFile {
  /** Frame of each materialised page at or beyond `arrayPages` (sparse: a file may have holes). */
  private pages = new Map<number, number>();
  /**
   * Frames of the pages below `arrayPages` (those the archive's bytes covered when the file
   * was made), by index; undefined where not materialised. An array, not the Map: program
   * files are faulted in page by page by every exec, and a Map lookup costs far more. Its
   * size is bounded by the archive, which is in memory anyway.
   */
  private low: (number | undefined)[] = [];
  private readonly arrayPages: number;
  private length: number;
  /** Open file descriptions of the file; directory entries naming it. */
  opens = 0;
  links = 1;
  /** The name it was created or last renamed under (/proc/PID/maps). */
  path = '';
  readonly readable = true;
  readonly writable = true;

  constructor(fs: RamFsContext, mode: number, mtime: number, private source: Source | null) {
    super(fs, Mode.REG | (mode & 0o7777), mtime);
    this.length = source === null ? 0 : source.length;
    this.arrayPages = Math.ceil(this.length / PAGE);
  }

  /** The frame of materialised page `index`, or undefined. */
  private frameOf(index: number): number | undefined {
    return index < this.arrayPages ? this.low[index] : this.pages.get(index);
  }

  get inode(): number {
    return this.ino;
  }

  size(): number {
    return this.length;
  }

  sizePages(): number {
    return Math.ceil(this.length / PAGE);
  }

  /** The frame of page `index` (materialised on first use), or -ENOMEM. The file keeps its reference. */
  getPage(index: number): number {
    const have = this.frameOf(index);
    if (have !== undefined) return have;
    const frame = this.fs.frames.alloc();
    if (frame < 0) return frame;
    const from = index * PAGE;
    let copied = 0;
    if (this.source !== null && from < this.source.length) {
      copied = this.source.length - from < PAGE ? this.source.length - from : PAGE;
      physCopy(frame, this.source.phys + from, copied);
    }
    if (copied < PAGE) physFill(frame + copied, 0, PAGE - copied);
    if (index < this.arrayPages) this.low[index] = frame;
    else this.pages.set(index, frame);
    ramfsStats.pages++;
    return frame;
  }

  /** Page `index`'s frame if it is materialised or the archive holds its bytes (copied now), else -1. */
  residentFrame(index: number): number {
    const have = this.frameOf(index);
    if (have !== undefined) return have;
    if (this.source === null || index * PAGE >= this.source.length) return -1;
    const frame = this.getPage(index);
    return frame < 0 ? -1 : frame;
  }

  open(): FileOps {
    this.opens++;
    return FILE_OPS;
  }

  /** The last descriptor closed or the last name removed: an unnamed, unopened file gives its pages back. */
  dropIfUnused(): void {
    if (this.links === 0 && this.opens === 0) this.truncate(0);
  }

  mappable(): MappedFile {
    return this;
  }

  /** read(2) at `offset`: up to to.length bytes; the count, or -errno. */
  async read(to: IoTarget, offset: number): Promise<number> {
    if (offset >= this.length) return 0;
    const n = to.length < this.length - offset ? to.length : this.length - offset;
    let done = 0;
    while (done < n) {
      const at = offset + done;
      const page = Math.floor(at / PAGE), inPage = at % PAGE;
      const chunk = PAGE - inPage < n - done ? PAGE - inPage : n - done;
      const frame = this.getPage(page);
      if (frame < 0) return done > 0 ? done : frame;
      const r = await to.fromPhys(done, frame + inPage, chunk);
      if (r < 0) return done > 0 ? done : r;
      done += chunk;
    }
    return done;
  }

  /** write(2) at `offset`, growing the file; the count, or -errno. */
  async write(from: IoTarget, offset: number): Promise<number> {
    if (offset + from.length > MAX_FILE_SIZE) return -Errno.EFBIG;
    const n = from.length;
    let done = 0;
    while (done < n) {
      const at = offset + done;
      const page = Math.floor(at / PAGE), inPage = at % PAGE;
      const chunk = PAGE - inPage < n - done ? PAGE - inPage : n - done;
      const frame = this.getPage(page);
      if (frame < 0) return done > 0 ? done : -Errno.ENOSPC;
      const r = await from.toPhys(done, frame + inPage, chunk);
      if (r < 0) return done > 0 ? done : r;
      done += chunk;
      if (at + chunk > this.length) this.length = at + chunk;
    }
    this.mtime = this.fs.now();
    return done;
  }

  /** Truncates or extends (with zeros) to `length` bytes, freeing whole pages beyond it. */
  truncate(length: number): number {
    if (length > MAX_FILE_SIZE) return -Errno.EFBIG;
    const keep = Math.ceil(length / PAGE);
    const drop: number[] = [];
    for (const [index, frame] of this.pages) {
      if (index < keep) continue;
      this.fs.frames.unref(frame); // a page still mapped somewhere lives on in that mapping
      ramfsStats.pages--;
      drop.push(index);
    }
    for (let i = 0; i < drop.length; i++) this.pages.delete(drop[i]);
    for (let index = keep; index < this.low.length; index++) {
      const frame = this.low[index];
      if (frame === undefined) continue;
      this.fs.frames.unref(frame);
      ramfsStats.pages--;
      this.low[index] = undefined;
    }
    const last = this.frameOf(keep - 1);
    if (length % PAGE !== 0 && last !== undefined) physFill(last + (length % PAGE), 0, PAGE - (length % PAGE));
    if (this.source !== null && length < this.source.length) this.source = { phys: this.source.phys, length };
    this.length = length;
    this.mtime = this.fs.now();
    return 0;
  }
}

const FILE_OPS: FileOps = {
  seekable: true,
  read: (f: OpenFile, to: IoTarget, offset: number) => (f.inode as RamFile).read(to, offset),
  write: (f: OpenFile, from: IoTarget, offset: number) => (f.inode as RamFile).write(from, offset),
  release: (f: OpenFile) => {
    const file = f.inode as RamFile;
    file.opens--;
    file.dropIfUnused();
  },
};

export class RamLink extends RamNode implements Inode {
  constructor(fs: RamFsContext, readonly target: string, mtime: number) {
    super(fs, Mode.LNK | 0o777, mtime);
  }
  size(): number {
    return this.target.length;
  }
  readlink(): string {
    return this.target;
  }
  open(): number {
    return -Errno.ELOOP;
  }
}
