// The VFS's shapes: inodes (what a path names), open files (what a descriptor refers to)
// and the I/O target a read or write moves bytes through. Every file system (the initial
// ramfs, /proc, /dev, pipes; ext2 and the page cache later) implements these.
//
// Errors are -errno numbers (kernel/mm/errno.ts). A result may be a Promise where the
// operation can block (console input, a pipe, a disk): the calling process waits, others run.

import type { MappedFile, MemoryObject } from '../mm/vma.ts';

/** st_mode file types. */
export enum Mode {
  TYPE = 0o170000,
  FIFO = 0o010000,
  CHR = 0o020000,
  DIR = 0o040000,
  BLK = 0o060000,
  REG = 0o100000,
  LNK = 0o120000,
  SOCK = 0o140000,
}

/** d_type values of getdents64. */
export enum DirType {
  UNKNOWN = 0,
  FIFO = 1,
  CHR = 2,
  DIR = 4,
  REG = 8,
  LNK = 10,
}

export function dirTypeOf(mode: number): number {
  switch (mode & Mode.TYPE) {
    case Mode.FIFO: return DirType.FIFO;
    case Mode.CHR: return DirType.CHR;
    case Mode.DIR: return DirType.DIR;
    case Mode.REG: return DirType.REG;
    case Mode.LNK: return DirType.LNK;
    default: return DirType.UNKNOWN;
  }
}

/** open(2) flags (Linux i386 values). */
export enum OpenFlag {
  ACCMODE = 0o3,
  RDONLY = 0o0,
  WRONLY = 0o1,
  RDWR = 0o2,
  CREAT = 0o100,
  EXCL = 0o200,
  NOCTTY = 0o400,
  TRUNC = 0o1000,
  APPEND = 0o2000,
  NONBLOCK = 0o4000,
  DIRECTORY = 0o200000,
  NOFOLLOW = 0o400000,
  CLOEXEC = 0o2000000,
  LARGEFILE = 0o100000,
}

export interface DirEntry {
  name: string;
  ino: number;
  type: number;
}

/** Moves bytes between a file and the memory of a read(2)/write(2) caller. */
export interface IoTarget {
  /** Bytes available (write) or wanted (read) in all. */
  readonly length: number;
  /**
   * Set when the system call that owns the target ended early (EINTR, or its process was
   * killed): a read still waiting for input must then not consume any.
   */
  cancelled?: boolean;
  /** Copies `n` bytes from physical memory to position `pos` of the target; 0 or -EFAULT. */
  fromPhys(pos: number, phys: number, n: number): number | Promise<number>;
  /** Copies bytes[0..n) to position `pos`; 0 or -EFAULT. */
  fromBytes(pos: number, bytes: number[], n: number): number | Promise<number>;
  /** Copies `n` bytes from position `pos` of the target to physical memory; 0 or -EFAULT. */
  toPhys(pos: number, phys: number, n: number): number | Promise<number>;
  /** The `n` bytes at position `pos`, or -EFAULT. */
  toBytes(pos: number, n: number): number[] | number | Promise<number[] | number>;
  /**
   * Makes every page of the target present (a read's target writable), so the synchronous
   * copies below cannot need a wait; 0 or -EFAULT.
   */
  prepare(forWrite: boolean): Promise<number>;
  /** fromPhys without waiting (after prepare); 0 or -EFAULT. */
  copyFromPhys(pos: number, phys: number, n: number): number;
  /** toPhys without waiting (after prepare); 0 or -EFAULT. */
  copyToPhys(pos: number, phys: number, n: number): number;
}

/** What an open file can do. Missing operations answer as Linux does for such files. */
export interface FileOps {
  read?(f: OpenFile, to: IoTarget, offset: number): number | Promise<number>;
  write?(f: OpenFile, from: IoTarget, offset: number): number | Promise<number>;
  /** ioctl(2): a result or -errno (-ENOTTY when absent). */
  ioctl?(f: OpenFile, cmd: number, arg: number, io: UserMemory): number | Promise<number>;
  /** Called when the last descriptor referring to the file closes. */
  release?(f: OpenFile): void;
  /** Whether lseek makes sense (false: -ESPIPE). */
  readonly seekable: boolean;
  /** Whether the file is a terminal (isatty). */
  readonly isTty?: boolean;
}

/** The kernel's access to the calling process's memory (syscall/user-memory.ts). */
export interface UserMemory {
  read(addr: number, n: number): number[] | number | Promise<number[] | number>;
  write(addr: number, bytes: number[]): number | Promise<number>;
}

export interface Stat {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  /** Seconds since 1970. */
  atime: number;
  mtime: number;
  ctime: number;
}

/** A file system object. Directory operations exist on directories only. */
export interface Inode {
  readonly ino: number;
  readonly dev: number;
  /** st_mode: type and permission bits. */
  readonly mode: number;
  size(): number;
  stat(): Stat;
  /** The child called `name`, or -ENOENT. */
  lookup?(name: string): Inode | number | Promise<Inode | number>;
  readdir?(): DirEntry[] | number | Promise<DirEntry[] | number>;
  readlink?(): string | number | Promise<string | number>;
  /** The operations of a new open file description, or -errno (EACCES, EISDIR ...). */
  open(flags: number): FileOps | number;
  /** The page cache's face of a regular file, for mmap and the ELF loader; null if it cannot be mapped. */
  mappable?(flags: number): MappedFile | null;
  /** A device's memory object, which mmap of it maps (/dev/fb0); null if it has none. */
  memoryObject?(): MemoryObject | null;
  /** Creates a regular file (O_CREAT) or directory (mode's type) in a writable directory. */
  create?(name: string, mode: number): Inode | number | Promise<Inode | number>;
  /** Removes a non-directory entry of this directory. */
  unlink?(name: string): number | Promise<number>;
  /** Removes an empty directory entry of this directory. */
  rmdir?(name: string): number | Promise<number>;
  /** Moves entry `name` to `newName` in `to` (the same file system, else -EXDEV). */
  rename?(name: string, to: Inode, newName: string): number | Promise<number>;
  /** Sets a regular file's length. */
  truncate?(length: number): number | Promise<number>;
}

/** An open file description, shared by dup'ed and inherited descriptors. */
export class OpenFile {
  /** How many descriptors refer to it. */
  refs = 1;
  constructor(
    readonly inode: Inode | null,
    public flags: number,
    readonly ops: FileOps,
    /** The path it was opened by (/proc/PID/fd, messages). */
    readonly path: string,
    public offset = 0,
  ) {}

  get readable(): boolean {
    return (this.flags & OpenFlag.ACCMODE) !== OpenFlag.WRONLY;
  }

  get writable(): boolean {
    return (this.flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY;
  }
}

/** A Stat with the common defaults filled in. */
export function makeStat(dev: number, ino: number, mode: number, size: number, mtime = 0, rdev = 0): Stat {
  return {
    dev, ino, mode, nlink: (mode & Mode.TYPE) === Mode.DIR ? 2 : 1, uid: 0, gid: 0, rdev, size,
    blksize: 4096, blocks: Math.ceil(size / 512), atime: mtime, mtime, ctime: mtime,
  };
}
