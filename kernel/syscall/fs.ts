// File system calls on the VFS: open/openat/close, read/write and their vector and
// positioned forms, lseek/_llseek, pipe/pipe2, dup/dup2/dup3, fcntl, ioctl, the stat
// family (stat64, lstat64, fstat64, fstatat64, statx), getdents64, access/faccessat,
// getcwd/chdir/fchdir, readlink(at), mkdir(at), unlink(at), rmdir, rename(at),
// truncate/ftruncate, fsync, sync, mount, poll/ppoll.

import { Errno } from '../mm/errno.ts';
import { Pipe } from '../fs/pipe.ts';
import { RamDir, RamFile } from '../fs/ramfs.ts';
import { ProcRoot } from '../fs/procfs.ts';
import { Mode, OpenFile, OpenFlag, dirTypeOf, type Inode, type Stat } from '../fs/types.ts';
import type { Resolved } from '../fs/vfs.ts';
import { release } from '../proc/fd-table.ts';
import { kernel, syncAll } from '../proc/kernel-state.ts';
import { sendSignal, sleepInterruptible } from '../proc/lifecycle.ts';
import type { Process } from '../proc/process.ts';
import { SiCode, Sig } from '../proc/signal.ts';
import { int, register } from './dispatch.ts';
import {
  UserBuffer, readBytes, readString, userMemory, writeBytes, writeBytesSoon, writeWords, wordsToBytes,
} from './user-memory.ts';
import { utf8Encode } from '../lib/utf8.ts';

const AT_FDCWD = -100;
const AT_SYMLINK_NOFOLLOW = 0x100;
const AT_REMOVEDIR = 0x200;
const AT_EMPTY_PATH = 0x1000;

/** The directory a *at call's path is relative to. */
function baseDir(p: Process, dirfd: number, path: string): Resolved | number {
  if (path.charAt(0) === '/' || dirfd === AT_FDCWD) return p.cwd;
  const f = p.fds.get(dirfd);
  if (f === null) return -Errno.EBADF;
  if (f.inode === null || (f.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
  return { inode: f.inode, path: f.path };
}

async function resolveAt(p: Process, dirfd: number, pathAddr: number, follow: boolean, emptyOk = false): Promise<Resolved | number> {
  const path = await readString(p.mm.space, pathAddr);
  if (typeof path === 'number') return path;
  if (path === '' && emptyOk) {
    const f = p.fds.get(dirfd);
    if (f === null) return dirfd === AT_FDCWD ? p.cwd : -Errno.EBADF;
    if (f.inode === null) return -Errno.EBADF;
    return { inode: f.inode, path: f.path };
  }
  const base = baseDir(p, dirfd, path);
  if (typeof base === 'number') return base;
  return kernel().vfs.resolve(path, base, follow);
}

/** Opens a path: the new descriptor or -errno. */
async function openAt(p: Process, dirfd: number, pathAddr: number, flags: number, mode: number): Promise<number> {
  const path = await readString(p.mm.space, pathAddr);
  if (typeof path === 'number') return path;
  const base = baseDir(p, dirfd, path);
  if (typeof base === 'number') return base;
  const vfs = kernel().vfs;
  let r = await vfs.resolve(path, base, (flags & OpenFlag.NOFOLLOW) === 0);
  if (typeof r === 'number') {
    if (r !== -Errno.ENOENT || (flags & OpenFlag.CREAT) === 0) return r;
    const parent = await vfs.resolveParent(path, base);
    if (typeof parent === 'number') return parent;
    if (parent.dir.create === undefined) return -Errno.EACCES;
    const made = await parent.dir.create(parent.name, Mode.REG | (mode & 0o7777 & ~p.umask));
    if (typeof made === 'number') return made;
    r = { inode: made, path: (parent.dirPath === '/' ? '' : parent.dirPath) + '/' + parent.name };
  } else if ((flags & OpenFlag.CREAT) !== 0 && (flags & OpenFlag.EXCL) !== 0) {
    return -Errno.EEXIST;
  }
  const inode = r.inode;
  const type = inode.mode & Mode.TYPE;
  if (type === Mode.LNK) return -Errno.ELOOP;
  if ((flags & OpenFlag.DIRECTORY) !== 0 && type !== Mode.DIR) return -Errno.ENOTDIR;
  if (type === Mode.DIR && (flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY) return -Errno.EISDIR;
  const ops = inode.open(flags);
  if (typeof ops === 'number') return ops;
  if ((flags & OpenFlag.TRUNC) !== 0 && type === Mode.REG && (flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY && inode.truncate !== undefined) {
    const t = await inode.truncate(0);
    if (t < 0) return t;
  }
  const file = new OpenFile(inode, flags & ~(OpenFlag.CREAT | OpenFlag.EXCL | OpenFlag.TRUNC | OpenFlag.NOCTTY), ops, r.path);
  const fd = p.fds.install(file, 0, (flags & OpenFlag.CLOEXEC) !== 0);
  if (fd < 0) release(file);
  return fd;
}

/** Raises SIGPIPE for a write that failed with EPIPE. */
function epipe(p: Process, r: number): number {
  if (r === -Errno.EPIPE) sendSignal(p, { signo: Sig.PIPE, code: SiCode.USER, pid: p.pid, addr: 0, status: 0 });
  return r;
}

async function doRead(p: Process, fd: number, buf: number, count: number, at: number): Promise<number> {
  const f = p.fds.get(fd);
  if (f === null || !f.readable) return -Errno.EBADF;
  if (f.inode !== null && (f.inode.mode & Mode.TYPE) === Mode.DIR) return -Errno.EISDIR;
  if (f.ops.read === undefined) return -Errno.EINVAL;
  if (int(count) < 0) return -Errno.EINVAL;
  if (count === 0) return 0;
  const positioned = at >= 0;
  if (positioned && !f.ops.seekable) return -Errno.ESPIPE;
  const offset = positioned ? at : f.offset;
  const target = new UserBuffer(p.mm.space, buf, count);
  const r = await readInterruptible(p, f.ops.read(f, target, offset), target);
  if (r > 0 && !positioned && f.ops.seekable) f.offset = offset + r;
  return r;
}

/** A blocking read or write ends early with -EINTR when a signal that acts arrives. */
async function readInterruptible(p: Process, op: number | Promise<number>, target?: UserBuffer): Promise<number> {
  if (typeof op === 'number') return op;
  let interrupted = false;
  const stop = sleepInterruptible(p, () => {}).then((woke) => {
    interrupted = !woke;
    // the abandoned read must not take input meant for the next reader (the shell after ^C)
    if (interrupted && target !== undefined) target.cancelled = true;
    return -Errno.EINTR;
  });
  const r = await Promise.race([op, stop]);
  if (p.interrupt !== null) p.interrupt = null;
  return interrupted && r === -Errno.EINTR ? -Errno.EINTR : r;
}

async function doWrite(p: Process, fd: number, buf: number, count: number, at: number): Promise<number> {
  const f = p.fds.get(fd);
  if (f === null || !f.writable) return -Errno.EBADF;
  if (f.ops.write === undefined) return -Errno.EINVAL;
  if (int(count) < 0) return -Errno.EINVAL;
  if (count === 0) return 0;
  const positioned = at >= 0;
  if (positioned && !f.ops.seekable) return -Errno.ESPIPE;
  let offset = positioned ? at : f.offset;
  if (!positioned && (f.flags & OpenFlag.APPEND) !== 0 && f.inode !== null) offset = f.inode.size();
  const r = await readInterruptible(p, f.ops.write(f, new UserBuffer(p.mm.space, buf, count), offset));
  if (r > 0 && !positioned && f.ops.seekable) f.offset = offset + r;
  return epipe(p, r);
}

async function iov(p: Process, fd: number, iovAddr: number, count: number, write: boolean): Promise<number> {
  if (int(count) < 0 || count > 1024) return -Errno.EINVAL;
  const b = await readBytes(p.mm.space, iovAddr, count * 8);
  if (typeof b === 'number') return b;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const base = (b[8 * i] | (b[8 * i + 1] << 8) | (b[8 * i + 2] << 16) | (b[8 * i + 3] << 24)) >>> 0;
    const len = (b[8 * i + 4] | (b[8 * i + 5] << 8) | (b[8 * i + 6] << 16) | (b[8 * i + 7] << 24)) >>> 0;
    if (len === 0) continue;
    const r = write ? await doWrite(p, fd, base, len, -1) : await doRead(p, fd, base, len, -1);
    if (r < 0) return total > 0 ? total : r;
    total += r;
    if (r < len) break;
  }
  return total;
}

function lseek(p: Process, fd: number, offset: number, whence: number): number {
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  if (!f.ops.seekable) return -Errno.ESPIPE;
  let base: number;
  if (whence === 0) base = 0;
  else if (whence === 1) base = f.offset;
  else if (whence === 2) base = f.inode === null ? 0 : f.inode.size();
  else return -Errno.EINVAL;
  const pos = base + offset;
  if (pos < 0) return -Errno.EINVAL;
  f.offset = pos;
  return pos;
}

function dup3(p: Process, oldfd: number, newfd: number, flags: number): number {
  const f = p.fds.get(oldfd);
  if (f === null) return -Errno.EBADF;
  if (newfd < 0 || newfd >= 1024) return -Errno.EBADF;
  if (oldfd === newfd) return flags === -1 ? newfd : -Errno.EINVAL;
  f.refs++;
  p.fds.placeAt(newfd, f, (flags & OpenFlag.CLOEXEC) !== 0);
  return newfd;
}

async function pipe(p: Process, addr: number, flags: number): Promise<number> {
  if ((flags & ~(OpenFlag.CLOEXEC | OpenFlag.NONBLOCK | 0o40000 /* O_DIRECT */)) !== 0) return -Errno.EINVAL;
  const pp = new Pipe();
  const cloexec = (flags & OpenFlag.CLOEXEC) !== 0;
  const rf = new OpenFile(pp, OpenFlag.RDONLY | (flags & OpenFlag.NONBLOCK), pp.readOps(), 'pipe:[' + pp.ino + ']');
  const wf = new OpenFile(pp, OpenFlag.WRONLY | (flags & OpenFlag.NONBLOCK), pp.writeOps(), 'pipe:[' + pp.ino + ']');
  pp.readers = 1;
  pp.writers = 1;
  const r = p.fds.install(rf, 0, cloexec);
  if (r < 0) {
    release(rf);
    release(wf);
    return r;
  }
  const w = p.fds.install(wf, 0, cloexec);
  if (w < 0) {
    p.fds.close(r);
    release(wf);
    return w;
  }
  const ok = await writeWords(p.mm.space, addr, [r, w]);
  if (ok < 0) {
    p.fds.close(r);
    p.fds.close(w);
    return ok;
  }
  return 0;
}

function fcntl(p: Process, fd: number, cmd: number, arg: number): number {
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  switch (cmd) {
    case 0: return p.fds.install((f.refs++, f), arg); // F_DUPFD
    case 1030: return p.fds.install((f.refs++, f), arg, true); // F_DUPFD_CLOEXEC
    case 1: return p.fds.isCloexec(fd) ? 1 : 0; // F_GETFD
    case 2: p.fds.setCloexec(fd, (arg & 1) !== 0); return 0; // F_SETFD
    case 3: return f.flags; // F_GETFL
    case 4: { // F_SETFL: only O_APPEND and O_NONBLOCK change
      const mask = OpenFlag.APPEND | OpenFlag.NONBLOCK;
      f.flags = (f.flags & ~mask) | (arg & mask);
      return 0;
    }
    case 5: case 6: case 7: case 12: case 13: case 14: return 0; // record locks: a lone process always gets them
    default: return -Errno.EINVAL;
  }
}

/** struct stat64 (i386, 96 bytes). */
function stat64Bytes(s: Stat): number[] {
  const w = [s.dev, 0, 0, s.ino, s.mode, s.nlink, s.uid, s.gid, s.rdev, 0, 0, s.size % 0x1_0000_0000, Math.floor(s.size / 0x1_0000_0000),
    s.blksize, s.blocks, 0, s.atime, 0, s.mtime, 0, s.ctime, 0, s.ino, 0];
  return wordsToBytes(w);
}

/** struct statx (256 bytes). */
function statxBytes(s: Stat): number[] {
  const w: number[] = [];
  for (let i = 0; i < 64; i++) w.push(0);
  w[0] = 0x7ff; // STATX_BASIC_STATS
  w[1] = s.blksize;
  w[4] = s.nlink;
  w[5] = s.uid;
  w[6] = s.gid;
  w[7] = s.mode & 0xffff;
  w[8] = s.ino;
  w[10] = s.size % 0x1_0000_0000;
  w[11] = Math.floor(s.size / 0x1_0000_0000);
  w[12] = s.blocks;
  w[16] = s.atime; // stx_atime.tv_sec
  w[20] = s.ctime; // stx_btime
  w[24] = s.ctime; // stx_ctime
  w[28] = s.mtime; // stx_mtime
  w[32] = s.rdev >>> 8; // stx_rdev_major
  w[33] = s.rdev & 0xff;
  w[34] = s.dev >>> 8; // stx_dev_major
  w[35] = s.dev & 0xff;
  return wordsToBytes(w);
}

async function statPath(p: Process, dirfd: number, pathAddr: number, flags: number, out: number, x: boolean): Promise<number> {
  const r = await resolveAt(p, dirfd, pathAddr, (flags & AT_SYMLINK_NOFOLLOW) === 0, (flags & AT_EMPTY_PATH) !== 0);
  if (typeof r === 'number') return r;
  return writeBytes(p.mm.space, out, x ? statxBytes(r.inode.stat()) : stat64Bytes(r.inode.stat()));
}

function fstatFd(p: Process, fd: number, out: number): number | Promise<number> {
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  const s = f.inode === null ? null : f.inode.stat();
  if (s === null) return -Errno.EBADF;
  if (f.ops.isTty === true) { s.mode = Mode.CHR | 0o620; s.rdev = 0x8800; }
  return writeBytesSoon(p.mm.space, out, stat64Bytes(s));
}

/** Directory positions are indices into the listing. */
async function getdents64(p: Process, fd: number, buf: number, count: number): Promise<number> {
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  if (f.inode === null || (f.inode.mode & Mode.TYPE) !== Mode.DIR || f.inode.readdir === undefined) return -Errno.ENOTDIR;
  const list = await f.inode.readdir();
  if (typeof list === 'number') return list;
  const out: number[] = [];
  let i = f.offset;
  for (; i < list.length; i++) {
    const e = list[i];
    const name = utf8Encode(e.name);
    const reclen = (19 + name.length + 1 + 7) & ~7;
    if (out.length + reclen > count) break;
    const rec = wordsToBytes([e.ino, 0, i + 1, 0]);
    rec.push(reclen & 0xff, reclen >> 8, e.type === 0 ? dirTypeOf(0) : e.type);
    for (let k = 0; k < name.length; k++) rec.push(name[k]);
    while (rec.length < reclen) rec.push(0);
    for (let k = 0; k < rec.length; k++) out.push(rec[k]);
  }
  if (out.length === 0 && i < list.length) return -Errno.EINVAL; // buffer too small for one entry
  const w = await writeBytes(p.mm.space, buf, out);
  if (w < 0) return w;
  f.offset = i;
  return out.length;
}

async function readlinkAt(p: Process, dirfd: number, pathAddr: number, buf: number, size: number): Promise<number> {
  if (int(size) <= 0) return -Errno.EINVAL;
  const r = await resolveAt(p, dirfd, pathAddr, false);
  if (typeof r === 'number') return r;
  if ((r.inode.mode & Mode.TYPE) !== Mode.LNK || r.inode.readlink === undefined) return -Errno.EINVAL;
  const target = await r.inode.readlink();
  if (typeof target === 'number') return target;
  const bytes = utf8Encode(target).slice(0, size);
  const w = await writeBytes(p.mm.space, buf, bytes);
  return w < 0 ? w : bytes.length;
}

async function parentAt(p: Process, dirfd: number, pathAddr: number): Promise<{ dir: Inode; name: string; path: string } | number> {
  const path = await readString(p.mm.space, pathAddr);
  if (typeof path === 'number') return path;
  const base = baseDir(p, dirfd, path);
  if (typeof base === 'number') return base;
  const r = await kernel().vfs.resolveParent(path, base);
  if (typeof r === 'number') return r;
  if (r.name === '' || r.name === '.' || r.name === '..') return -Errno.EINVAL;
  return { dir: r.dir, name: r.name, path: (r.dirPath === '/' ? '' : r.dirPath) + '/' + r.name };
}

async function mkdirAt(p: Process, dirfd: number, pathAddr: number, mode: number): Promise<number> {
  const r = await parentAt(p, dirfd, pathAddr);
  if (typeof r === 'number') return r === -Errno.EINVAL ? -Errno.EEXIST : r;
  if (r.dir.create === undefined) return -Errno.EROFS;
  const made = await r.dir.create(r.name, Mode.DIR | (mode & 0o7777 & ~p.umask));
  return typeof made === 'number' ? made : 0;
}

async function unlinkAt(p: Process, dirfd: number, pathAddr: number, flags: number): Promise<number> {
  const r = await parentAt(p, dirfd, pathAddr);
  if (typeof r === 'number') return r;
  if (!(r.dir instanceof RamDir)) {
    // another file system (ext2 at /mnt) removes its own entries
    const op = (flags & AT_REMOVEDIR) !== 0 ? r.dir.rmdir : r.dir.unlink;
    return op === undefined ? -Errno.EROFS : op.call(r.dir, r.name);
  }
  const target = r.dir.entries.get(r.name);
  if (target === undefined) return -Errno.ENOENT;
  const isDir = (target.mode & Mode.TYPE) === Mode.DIR;
  if ((flags & AT_REMOVEDIR) !== 0) {
    if (!isDir) return -Errno.ENOTDIR;
    if (target instanceof RamDir && target.entries.size > 0) return -Errno.ENOTEMPTY;
  } else if (isDir) {
    return -Errno.EISDIR;
  }
  r.dir.entries.delete(r.name);
  if (target instanceof RamFile) {
    target.links--;
    target.dropIfUnused();
  }
  return 0;
}

async function renameAt(p: Process, olddirfd: number, oldAddr: number, newdirfd: number, newAddr: number): Promise<number> {
  const from = await parentAt(p, olddirfd, oldAddr);
  if (typeof from === 'number') return from;
  const to = await parentAt(p, newdirfd, newAddr);
  if (typeof to === 'number') return to;
  if (!(from.dir instanceof RamDir) || !(to.dir instanceof RamDir)) {
    if (from.dir instanceof RamDir || to.dir instanceof RamDir || from.dir.rename === undefined) return -Errno.EXDEV;
    return from.dir.rename(from.name, to.dir, to.name);
  }
  const node = from.dir.entries.get(from.name);
  if (node === undefined) return -Errno.ENOENT;
  const existing = to.dir.entries.get(to.name);
  if (existing === node) return 0;
  if (existing !== undefined) {
    const srcDir = (node.mode & Mode.TYPE) === Mode.DIR, dstDir = (existing.mode & Mode.TYPE) === Mode.DIR;
    if (srcDir && !dstDir) return -Errno.ENOTDIR;
    if (!srcDir && dstDir) return -Errno.EISDIR;
    if (existing instanceof RamDir && existing.entries.size > 0) return -Errno.ENOTEMPTY;
  }
  if (node instanceof RamDir) {
    for (let d: RamDir = to.dir; ; d = d.parent) {
      if (d === node) return -Errno.EINVAL; // into itself
      if (d.parent === d) break;
    }
    node.parent = to.dir;
  }
  from.dir.entries.delete(from.name);
  to.dir.link(to.name, node);
  if (existing instanceof RamFile) {
    existing.links--;
    existing.dropIfUnused();
  }
  return 0;
}

async function accessAt(p: Process, dirfd: number, pathAddr: number, mode: number): Promise<number> {
  if ((mode & ~7) !== 0) return -Errno.EINVAL;
  const r = await resolveAt(p, dirfd, pathAddr, true);
  if (typeof r === 'number') return r;
  // root may read and write anything; executing needs some x bit (or a directory)
  if ((mode & 1) !== 0 && (r.inode.mode & Mode.TYPE) !== Mode.DIR && (r.inode.mode & 0o111) === 0) return -Errno.EACCES;
  return 0;
}

function getcwd(p: Process, buf: number, size: number): number | Promise<number> {
  const bytes = utf8Encode(p.cwd.path);
  bytes.push(0);
  if (size < bytes.length) return -Errno.ERANGE;
  const w = writeBytesSoon(p.mm.space, buf, bytes);
  if (typeof w === 'number') return w < 0 ? w : bytes.length;
  return w.then((r) => (r < 0 ? r : bytes.length));
}

async function chdir(p: Process, pathAddr: number): Promise<number> {
  const r = await resolveAt(p, AT_FDCWD, pathAddr, true);
  if (typeof r === 'number') return r;
  if ((r.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
  p.cwd = r;
  return 0;
}

async function truncatePath(p: Process, pathAddr: number, length: number): Promise<number> {
  const r = await resolveAt(p, AT_FDCWD, pathAddr, true);
  if (typeof r === 'number') return r;
  if ((r.inode.mode & Mode.TYPE) === Mode.DIR) return -Errno.EISDIR;
  if (r.inode.truncate === undefined) return -Errno.EINVAL;
  return r.inode.truncate(length);
}

function ftruncate(p: Process, fd: number, length: number): number | Promise<number> {
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  if (!f.writable) return -Errno.EINVAL;
  if (length < 0) return -Errno.EINVAL;
  if (f.inode === null || f.inode.truncate === undefined || (f.inode.mode & Mode.TYPE) !== Mode.REG) return -Errno.EINVAL;
  return f.inode.truncate(length);
}

async function mount(p: Process, _src: number, targetAddr: number, typeAddr: number): Promise<number> {
  const type = await readString(p.mm.space, typeAddr);
  if (typeof type === 'number') return type;
  const r = await resolveAt(p, AT_FDCWD, targetAddr, true);
  if (typeof r === 'number') return r;
  if ((r.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
  if (type === 'proc') {
    if (r.inode instanceof ProcRoot) return -Errno.EBUSY;
    kernel().vfs.mount(r.inode, new ProcRoot());
    return 0;
  }
  return -Errno.ENODEV;
}

/** poll(2) readiness of one descriptor: POLLIN 1, POLLOUT 4, POLLHUP 0x10, POLLNVAL 0x20. */
function readiness(p: Process, fd: number, events: number): number {
  const f = p.fds.get(fd);
  if (f === null) return 0x20;
  let ready = 0;
  const inode = f.inode;
  if (inode instanceof Pipe) {
    if (f.readable && inode.readable) ready |= 1;
    if (f.writable) ready |= inode.readers === 0 ? 8 : 4;
    if (f.readable && inode.writers === 0) ready |= 0x10;
  } else if (f.ops.isTty === true) {
    if (kernel().console.hasInput) ready |= 1;
    ready |= 4;
  } else {
    ready |= 1 | 4;
  }
  return ready & (events | 0x18);
}

async function poll(p: Process, fdsAddr: number, nfds: number, timeoutMs: number): Promise<number> {
  if (nfds > 1024) return -Errno.EINVAL;
  const deadline = timeoutMs < 0 ? Infinity : performance.now() + timeoutMs;
  for (;;) {
    const b = await readBytes(p.mm.space, fdsAddr, nfds * 8);
    if (typeof b === 'number') return b;
    let count = 0;
    for (let i = 0; i < nfds; i++) {
      const fd = (b[8 * i] | (b[8 * i + 1] << 8) | (b[8 * i + 2] << 16) | (b[8 * i + 3] << 24)) | 0;
      const events = b[8 * i + 4] | (b[8 * i + 5] << 8);
      const rev = fd < 0 ? 0 : readiness(p, fd, events);
      b[8 * i + 6] = rev & 0xff;
      b[8 * i + 7] = rev >> 8;
      if (rev !== 0) count++;
    }
    if (count > 0 || performance.now() >= deadline) {
      const w = await writeBytes(p.mm.space, fdsAddr, b);
      return w < 0 ? w : count;
    }
    const wait = deadline - performance.now() < 10 ? deadline - performance.now() : 10;
    const woke = await sleepInterruptible(p, (wake) => setTimeout(wake, wait));
    if (!woke) return -Errno.EINTR;
  }
}

/** ppoll's timeout: a timespec (8 or 16 bytes) or NULL (forever); milliseconds. */
async function timeoutOf(p: Process, addr: number, wide: boolean): Promise<number> {
  if (addr === 0) return -1;
  const b = await readBytes(p.mm.space, addr, wide ? 16 : 8);
  if (typeof b === 'number') return -2;
  const sec = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  const o = wide ? 8 : 4;
  const nsec = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  return sec * 1000 + Math.ceil(nsec / 1e6);
}

export function registerFsSyscalls(): void {
  register(3, 'read', (p, fd, buf, count) => doRead(p, int(fd), buf, count, -1));
  register(4, 'write', (p, fd, buf, count) => doWrite(p, int(fd), buf, count, -1));
  register(180, 'pread64', (p, fd, buf, count, lo, hi) => (int(hi) < 0 ? -Errno.EINVAL : doRead(p, int(fd), buf, count, lo + hi * 0x1_0000_0000)));
  register(181, 'pwrite64', (p, fd, buf, count, lo, hi) => (int(hi) < 0 ? -Errno.EINVAL : doWrite(p, int(fd), buf, count, lo + hi * 0x1_0000_0000)));
  register(145, 'readv', (p, fd, v, n) => iov(p, int(fd), v, n, false));
  register(146, 'writev', (p, fd, v, n) => iov(p, int(fd), v, n, true));
  register(5, 'open', (p, path, flags, mode) => openAt(p, AT_FDCWD, path, flags, mode));
  register(295, 'openat', (p, dirfd, path, flags, mode) => openAt(p, int(dirfd), path, flags, mode));
  register(6, 'close', (p, fd) => p.fds.close(int(fd)));
  register(19, 'lseek', (p, fd, off, whence) => lseek(p, int(fd), int(off), whence));
  register(140, '_llseek', async (p, fd, hi, lo, result, whence) => {
    const r = lseek(p, int(fd), int(hi) * 0x1_0000_0000 + lo, whence);
    if (r < 0) return r;
    const w = await writeWords(p.mm.space, result, [r % 0x1_0000_0000, Math.floor(r / 0x1_0000_0000)]);
    return w < 0 ? w : 0;
  });
  register(42, 'pipe', (p, addr) => pipe(p, addr, 0));
  register(331, 'pipe2', (p, addr, flags) => pipe(p, addr, flags));
  register(41, 'dup', (p, fd) => {
    const f = p.fds.get(int(fd));
    if (f === null) return -Errno.EBADF;
    f.refs++;
    const r = p.fds.install(f);
    if (r < 0) f.refs--;
    return r;
  });
  register(63, 'dup2', (p, oldfd, newfd) => (p.fds.get(int(oldfd)) === null ? -Errno.EBADF : oldfd === newfd ? newfd : dup3(p, int(oldfd), int(newfd), 0)));
  register(330, 'dup3', (p, oldfd, newfd, flags) => ((flags & ~OpenFlag.CLOEXEC) !== 0 ? -Errno.EINVAL : dup3(p, int(oldfd), int(newfd), flags)));
  register(221, 'fcntl64', (p, fd, cmd, arg) => fcntl(p, int(fd), cmd, arg));
  register(55, 'fcntl', (p, fd, cmd, arg) => fcntl(p, int(fd), cmd, arg));
  register(54, 'ioctl', (p, fd, cmd, arg) => {
    const f = p.fds.get(int(fd));
    if (f === null) return -Errno.EBADF;
    if (f.ops.ioctl === undefined) return -Errno.ENOTTY;
    return f.ops.ioctl(f, cmd, arg, userMemory(p.mm.space));
  });
  register(197, 'fstat64', (p, fd, out) => fstatFd(p, int(fd), out));
  register(195, 'stat64', (p, path, out) => statPath(p, AT_FDCWD, path, 0, out, false));
  register(196, 'lstat64', (p, path, out) => statPath(p, AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, out, false));
  register(300, 'fstatat64', (p, dirfd, path, out, flags) => statPath(p, int(dirfd), path, flags, out, false));
  register(383, 'statx', (p, dirfd, path, flags, _mask, out) => {
    if (path === 0) return -Errno.EFAULT;
    return statPath(p, int(dirfd), path, flags, out, true);
  });
  register(220, 'getdents64', (p, fd, buf, count) => getdents64(p, int(fd), buf, count));
  register(33, 'access', (p, path, mode) => accessAt(p, AT_FDCWD, path, mode));
  register(307, 'faccessat', (p, dirfd, path, mode) => accessAt(p, int(dirfd), path, mode));
  register(439, 'faccessat2', (p, dirfd, path, mode) => accessAt(p, int(dirfd), path, mode));
  register(183, 'getcwd', (p, buf, size) => getcwd(p, buf, size));
  register(12, 'chdir', (p, path) => chdir(p, path));
  register(133, 'fchdir', (p, fd) => {
    const f = p.fds.get(int(fd));
    if (f === null || f.inode === null) return -Errno.EBADF;
    if ((f.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
    p.cwd = { inode: f.inode, path: f.path };
    return 0;
  });
  register(85, 'readlink', (p, path, buf, size) => readlinkAt(p, AT_FDCWD, path, buf, size));
  register(305, 'readlinkat', (p, dirfd, path, buf, size) => readlinkAt(p, int(dirfd), path, buf, size));
  register(39, 'mkdir', (p, path, mode) => mkdirAt(p, AT_FDCWD, path, mode));
  register(296, 'mkdirat', (p, dirfd, path, mode) => mkdirAt(p, int(dirfd), path, mode));
  register(10, 'unlink', (p, path) => unlinkAt(p, AT_FDCWD, path, 0));
  register(40, 'rmdir', (p, path) => unlinkAt(p, AT_FDCWD, path, AT_REMOVEDIR));
  register(301, 'unlinkat', (p, dirfd, path, flags) => unlinkAt(p, int(dirfd), path, flags));
  register(38, 'rename', (p, o, n) => renameAt(p, AT_FDCWD, o, AT_FDCWD, n));
  register(302, 'renameat', (p, od, o, nd, n) => renameAt(p, int(od), o, int(nd), n));
  register(353, 'renameat2', (p, od, o, nd, n, flags) => (flags !== 0 ? -Errno.EINVAL : renameAt(p, int(od), o, int(nd), n)));
  register(193, 'truncate64', (p, path, lo, hi) => truncatePath(p, path, lo + int(hi) * 0x1_0000_0000));
  register(194, 'ftruncate64', (p, fd, lo, hi) => ftruncate(p, int(fd), lo + int(hi) * 0x1_0000_0000));
  register(93, 'ftruncate', (p, fd, len) => ftruncate(p, int(fd), int(len)));
  register(92, 'truncate', (p, path, len) => truncatePath(p, path, int(len)));
  // ramfs needs no writeback; a disk file system writes everything back (fsync included: simple and safe)
  register(118, 'fsync', (p, fd) => (p.fds.get(int(fd)) === null ? -Errno.EBADF : syncAll()));
  register(148, 'fdatasync', (p, fd) => (p.fds.get(int(fd)) === null ? -Errno.EBADF : syncAll()));
  register(36, 'sync', () => syncAll().then(() => 0));
  register(21, 'mount', (p, src, target, type) => mount(p, src, target, type));
  register(168, 'poll', (p, fds, n, timeout) => poll(p, fds, n, int(timeout)));
  register(309, 'ppoll', async (p, fds, n, ts) => {
    const t = await timeoutOf(p, ts, false);
    return t === -2 ? -Errno.EFAULT : poll(p, fds, n, t);
  });
  register(414, 'ppoll_time64', async (p, fds, n, ts) => {
    const t = await timeoutOf(p, ts, true);
    return t === -2 ? -Errno.EFAULT : poll(p, fds, n, t);
  });
}


