// Memory system calls: brk, mmap2/old_mmap, munmap, mprotect, madvise, mremap, msync.
// They run kernel/mm's synchronous core on the caller's address space directly (one
// system call of a process at a time), so the common cases cost no wait.

import { Errno } from '../mm/errno.ts';
import { MapFlag } from '../mm/mman.ts';
import type { Process } from '../proc/process.ts';
import { readBytes, readString } from './user-memory.ts';
import { int, register } from './dispatch.ts';
import { OpenFile, OpenFlag } from '../fs/types.ts';
import { DeviceNode, shmDir } from '../fs/devfs.ts';
import { RamFile } from '../fs/ramfs.ts';
import { release } from '../proc/fd-table.ts';
import { areasChanged } from '../proc/inspect.ts';
import { syncAll } from '../proc/kernel-state.ts';

const PAGE = 4096;

function mmapCommon(p: Process, addr: number, len: number, prot: number, flags: number, fd: number, pgoff: number): number {
  if ((flags & MapFlag.ANONYMOUS) !== 0) return p.mm.space.mmap(addr, len, prot, flags, null, 0);
  const f = p.fds.get(fd);
  if (f === null) return -Errno.EBADF;
  if (f.inode instanceof DeviceNode) {
    if (!f.readable) return -Errno.EACCES;
    const shared = (flags & MapFlag.TYPE) === MapFlag.SHARED;
    // /dev/zero: private is anonymous memory, shared is shared memory (a ShmemObject)
    if (f.inode.mapsAnonymous) return p.mm.space.mmap(addr, len, prot, flags | MapFlag.ANONYMOUS, null, 0);
    const object = f.inode.memoryObject();
    if (object === null) return -Errno.ENODEV;
    if (shared && (prot & 2) !== 0 && !f.writable) return -Errno.EACCES;
    return p.mm.space.mmap(addr, len, prot, flags, { object }, pgoff);
  }
  if (f.inode === null || f.inode.mappable === undefined) return -Errno.ENODEV;
  const file = f.inode.mappable(f.flags);
  if (file === null) return -Errno.ENODEV;
  if (!f.readable) return -Errno.EACCES;
  if ((flags & MapFlag.TYPE) === MapFlag.SHARED && (prot & 2) !== 0 && !f.writable) return -Errno.EACCES;
  if ((f.flags & OpenFlag.APPEND) !== 0 && (flags & MapFlag.TYPE) === MapFlag.SHARED && (prot & 2) !== 0) return -Errno.EACCES;
  return p.mm.space.mmap(addr, len, prot, flags, { file }, pgoff);
}

/** A result that changed p's areas (when it succeeded) is noted for the VM inspector. */
function changed(p: Process, r: number): number {
  if (r >= 0) areasChanged(p);
  return r;
}

export function registerMmSyscalls(): void {
  registerMemfdSyscall();
  register(45, 'brk', (p, addr) => changed(p, p.mm.space.brk(addr)));
  register(192, 'mmap2', (p, addr, len, prot, flags, fd, pgoff) => changed(p, mmapCommon(p, addr, len, prot, flags, int(fd), pgoff)));
  register(90, 'old_mmap', async (p, args) => {
    const b = await readBytes(p.mm.space, args, 24);
    if (typeof b === 'number') return b;
    const w: number[] = [];
    for (let i = 0; i < 6; i++) w.push((b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (b[4 * i + 3] << 24)) >>> 0);
    if (w[5] % PAGE !== 0) return -Errno.EINVAL;
    return changed(p, mmapCommon(p, w[0], w[1], w[2], w[3], w[4] | 0, w[5] / PAGE));
  });
  register(91, 'munmap', (p, addr, len) => changed(p, p.mm.space.munmap(addr, len)));
  register(125, 'mprotect', (p, addr, len, prot) => changed(p, p.mm.space.mprotect(addr, len, prot)));
  register(219, 'madvise', (p, addr, len, advice) => p.mm.space.madvise(addr, len, advice));
  register(163, 'mremap', (p, old, oldLen, newLen, flags, newAddr) => changed(p, p.mm.space.mremap(old, oldLen, newLen, flags, newAddr)));
  register(144, 'msync', (p, addr, len, flags) => {
    if (addr % PAGE !== 0 || (flags & ~7) !== 0 || (flags & 5) === 5) return -Errno.EINVAL;
    const end = addr + len;
    for (let va = addr; va < end; va += PAGE) if (p.mm.space.vmas.find(va) === null) return -Errno.ENOMEM;
    // the dirty shared pages go to their files' caches; MS_SYNC (4) also writes them to the disk
    p.mm.space.syncShared(addr, end);
    return (flags & 4) !== 0 ? syncAll() : 0;
  });
}

/** memfd_create flags (Linux's values); MFD_HUGETLB and the seals are not supported. */
enum Mfd {
  CLOEXEC = 0x1,
  ALLOW_SEALING = 0x2,
}

/**
 * memfd_create(2): an anonymous tmpfs file (a ramfs file with no name, in /dev/shm's file
 * system), open for reading and writing; its pages are shared by every mapping of it,
 * through fork too. /proc/PID/maps names it `/memfd:NAME (deleted)`, as Linux does.
 */
async function memfdCreate(p: Process, nameAddr: number, flags: number): Promise<number> {
  if ((flags & ~(Mfd.CLOEXEC | Mfd.ALLOW_SEALING)) !== 0) return -Errno.EINVAL;
  const name = await readString(p.mm.space, nameAddr, 250);
  if (typeof name === 'number') return name === -Errno.ENAMETOOLONG ? -Errno.EINVAL : name;
  if (shmDir === null) return -Errno.ENOSYS;
  const file = new RamFile(shmDir.fs, 0o777, shmDir.fs.now(), null);
  file.links = 0;
  file.path = '/memfd:' + name + ' (deleted)';
  const ops = file.open();
  const f = new OpenFile(file, OpenFlag.RDWR | OpenFlag.LARGEFILE, ops, file.path);
  const fd = p.fds.install(f, 0, (flags & Mfd.CLOEXEC) !== 0);
  if (fd < 0) release(f);
  return fd;
}

export function registerMemfdSyscall(): void {
  register(356, 'memfd_create', (p, name, flags) => memfdCreate(p, name, flags));
}
