// A block-device file system (ext2, kernel/fs/block-fs.ts) under the VFS: each of its
// inodes seen through the VFS's Inode shape (types.ts). Reads and writes go through the
// page cache's frames straight to the caller's pages: the user buffer is faulted in first
// (which may wait), then the file system's synchronous copy callbacks move each chunk.

import { Errno } from '../mm/errno.ts';
import type { MappedFile } from '../mm/vma.ts';
import { FileMode, isDir, type FileSystem, type Inode as BlockInode } from './block-fs.ts';
import { Mode, OpenFlag, type DirEntry, type FileOps, type Inode, type IoTarget, type OpenFile, type Stat } from './types.ts';

/** One wrapper per block inode, so the VFS sees one identity (mount points, comparisons). */
const wrappers = new Map<BlockInode, MountedInode>();

export function mounted(b: BlockInode, path: string): MountedInode {
  let w = wrappers.get(b);
  if (w === undefined) {
    w = new MountedInode(b, path);
    wrappers.set(b, w);
  }
  return w;
}

export class MountedInode implements Inode {
  constructor(readonly b: BlockInode, public path: string) {}

  get ino(): number {
    return this.b.ino;
  }

  get dev(): number {
    return this.b.fs.dev;
  }

  get mode(): number {
    return this.b.mode;
  }

  size(): number {
    return this.b.size;
  }

  stat(): Stat {
    const s = this.b.stat();
    return { dev: s.dev, ino: s.ino, mode: s.mode, nlink: s.nlink, uid: s.uid, gid: s.gid, rdev: 0, size: s.size,
      blksize: s.blksize, blocks: s.blocks, atime: s.atime, mtime: s.mtime, ctime: s.ctime };
  }

  private child(name: string): string {
    return (this.path === '/' ? '' : this.path) + '/' + name;
  }

  async lookup(name: string): Promise<Inode | number> {
    const r = await this.b.lookup(name);
    return typeof r === 'number' ? r : mounted(r, this.child(name));
  }

  async readdir(): Promise<DirEntry[] | number> {
    const r = await this.b.readdir(0);
    if (typeof r === 'number') return r;
    return r.map((e) => ({ name: e.name, ino: e.ino, type: e.type }));
  }

  readlink(): Promise<string | number> {
    return this.b.readlink();
  }

  async create(name: string, mode: number): Promise<Inode | number> {
    const r = (mode & Mode.TYPE) === Mode.DIR ? await this.b.mkdir(name, mode & FileMode.PERMS) : await this.b.create(name, mode & FileMode.PERMS);
    return typeof r === 'number' ? r : mounted(r, this.child(name));
  }

  unlink(name: string): Promise<number> {
    return this.b.unlink(name);
  }

  rmdir(name: string): Promise<number> {
    return this.b.rmdir(name);
  }

  rename(name: string, to: Inode, newName: string): Promise<number> | number {
    if (!(to instanceof MountedInode) || to.b.fs !== this.b.fs) return -Errno.EXDEV;
    return this.b.rename(name, to.b, newName);
  }

  truncate(length: number): Promise<number> {
    return this.b.truncate(length);
  }

  open(flags: number): FileOps | number {
    if (isDir(this.b.mode)) return (flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY ? -Errno.EISDIR : { seekable: true };
    this.b.hold();
    return fileOps(this.b);
  }

  mappable(flags: number): MappedFile | null {
    const acc = flags & OpenFlag.ACCMODE;
    const m = this.b.mappedFile(this.path, acc !== OpenFlag.WRONLY, acc !== OpenFlag.RDONLY);
    return typeof m === 'number' ? null : m;
  }
}

function fileOps(b: BlockInode): FileOps {
  return {
    seekable: true,
    read: async (_f: OpenFile, to: IoTarget, offset: number): Promise<number> => {
      const ready = await to.prepare(true);
      if (ready < 0) return ready;
      return b.read(offset, to.length, (phys, length, done) => to.copyFromPhys(done, phys, length));
    },
    write: async (_f: OpenFile, from: IoTarget, offset: number): Promise<number> => {
      const ready = await from.prepare(false);
      if (ready < 0) return ready;
      return b.write(offset, from.length, (phys, length, done) => from.copyToPhys(done, phys, length));
    },
    release: () => {
      void b.release();
    },
  };
}

/** Mounts `fs`'s root (the wrapper the VFS mounts at /mnt). */
export function mountRoot(fs: FileSystem, at: string): MountedInode {
  return mounted(fs.root, at);
}
