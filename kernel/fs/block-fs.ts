// The face of file systems on block devices (ext2), which the VFS mounts: a FileSystem with a root Inode, and Inodes whose
// operations return -errno (Linux's values, kernel/mm/errno.ts) instead of throwing.
// Operations that may touch the disk are async; the data they move goes through
// page-cache frames, handed to the caller one chunk at a time (CopyChunk), so the VFS can
// copy to or from user memory (or a kernel buffer) without an intermediate heap copy.
//
// Names are strings of one-byte characters (the bytes of the on-disk name, as Latin-1),
// never containing '/' or NUL; "." and ".." are resolved by lookup like any name.

import type { MappedFile } from '../mm/vma.ts';

/** S_IF* file types and permission bits of a mode (as Linux's stat). */
export enum FileMode {
  IFMT = 0xf000, IFLNK = 0xa000, IFREG = 0x8000, IFDIR = 0x4000, IFCHR = 0x2000, IFBLK = 0x6000, IFIFO = 0x1000, IFSOCK = 0xc000,
  PERMS = 0o7777,
}

/** d_type values of getdents64 (DT_*). */
export enum DirentType {
  UNKNOWN = 0, FIFO = 1, CHR = 2, DIR = 4, BLK = 6, REG = 8, LNK = 10, SOCK = 12,
}

export interface Stat {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  /** 512-byte units allocated (st_blocks). */
  blocks: number;
  blksize: number;
  /** Seconds since 1970. */
  atime: number;
  mtime: number;
  ctime: number;
}

export interface DirEntry {
  name: string;
  ino: number;
  /** DirentType. */
  type: number;
  /** The directory position just after this entry (getdents64's d_off: pass it back to continue). */
  next: number;
}

export interface StatFs {
  blockSize: number;
  blocks: number;
  freeBlocks: number;
  files: number;
  freeFiles: number;
  nameMax: number;
}

/**
 * Moves `length` bytes between the caller's buffer (at byte `done` of the whole transfer)
 * and physical memory at `phys` (a page-cache frame): a read copies out of phys, a write
 * into it. Returns 0, or -errno (EFAULT for a bad user buffer) to stop the transfer.
 */
export type CopyChunk = (phys: number, length: number, done: number) => number;

export interface FileSystem {
  /** "ext2". */
  readonly type: string;
  /** Device number of the volume (stat's st_dev). */
  readonly dev: number;
  readonly root: Inode;
  /** Writes every dirty page and metadata block and flushes the disk; 0 or -EIO. */
  sync(): Promise<number>;
  statfs(): StatFs;
}

export interface Inode {
  readonly fs: FileSystem;
  readonly ino: number;
  /** i_mode: FileMode type and permission bits. */
  readonly mode: number;
  /** Length in bytes. */
  readonly size: number;
  stat(): Stat;

  /** The entry `name` of this directory: its inode, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EIO. */
  lookup(name: string): Promise<Inode | number>;
  /** A new regular file `name` (mode: permission bits): -EEXIST if the name is taken, -ENOSPC, -ENOTDIR. */
  create(name: string, mode: number): Promise<Inode | number>;
  /** A new directory: as create; the parent's link count grows by one. */
  mkdir(name: string, mode: number): Promise<Inode | number>;
  /** A new symbolic link to `target`. */
  symlink(name: string, target: string): Promise<Inode | number>;
  /** The target of a symbolic link, or -EINVAL for another kind of inode. */
  readlink(): Promise<string | number>;
  /** Removes a non-directory entry: -EISDIR for a directory, -ENOENT. The inode is freed with its last link (and its last holder, see hold). */
  unlink(name: string): Promise<number>;
  /** Removes an empty directory: -ENOTEMPTY, -ENOTDIR, -EINVAL for "." , -EBUSY for the root. */
  rmdir(name: string): Promise<number>;
  /**
   * Moves entry `name` of this directory to `newName` in `newDir` (same file system,
   * else -EXDEV), replacing a file there, or an empty directory when the moved one is a
   * directory (-EISDIR / -ENOTDIR / -ENOTEMPTY otherwise); -EINVAL when a directory would
   * move into itself.
   */
  rename(name: string, newDir: Inode, newName: string): Promise<number>;
  /** Entries from position `from` (0: the start) to the end of the directory. */
  readdir(from: number): Promise<DirEntry[] | number>;

  /** Reads up to `length` bytes from `offset` (fewer at the end of the file): the count, or -errno (-EISDIR). */
  read(offset: number, length: number, copy: CopyChunk): Promise<number>;
  /** Writes `length` bytes at `offset`, growing the file (and allocating blocks): the count, or -errno (-ENOSPC, -EFBIG). */
  write(offset: number, length: number, copy: CopyChunk): Promise<number>;
  /** Sets the length: drops the blocks past it, zero-fills a grown tail; 0 or -errno. */
  truncate(size: number): Promise<number>;
  /** Sets access and modification times (seconds); ctime becomes now. */
  setTimes(atime: number, mtime: number): void;
  /** Writes this file's dirty pages and its inode; 0 or -EIO. */
  fsync(): Promise<number>;

  /** The page-cache face of a regular file for mmap (readable/writable: the open file's mode). */
  mappedFile(path: string, readable: boolean, writable: boolean): MappedFile | number;
  /** An open file (or mapping) keeps an unlinked inode alive until release. */
  hold(): void;
  release(): Promise<void>;
}

export function isDir(mode: number): boolean {
  return (mode & FileMode.IFMT) === FileMode.IFDIR;
}

export function isReg(mode: number): boolean {
  return (mode & FileMode.IFMT) === FileMode.IFREG;
}
