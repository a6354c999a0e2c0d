// Linux errno values (asm-generic/errno-base.h), the kernel's error convention.
//
// Convention: a function that can fail returns a number: a non-negative result (0, an
// address, a count) or -errno, exactly like a Linux system call returns to user space
// (`return -Errno.EINVAL`). User addresses are below 0xC0000000, so a valid result is never
// negative; callers test `r < 0`. Invariant violations (kernel bugs) throw instead: they are
// not errors a caller could handle.
//
// Flag and constant groups in kernel/mm are enums: esbuild replaces every use by its value
// when it bundles, so they cost neither a variable of the bundle's top-level environment
// nor a load at run time.

export enum Errno {
  EPERM = 1,
  ENOENT = 2,
  EIO = 5,
  ENXIO = 6,
  EBADF = 9,
  EAGAIN = 11,
  ENOMEM = 12,
  EACCES = 13,
  EFAULT = 14,
  EBUSY = 16,
  EEXIST = 17,
  ENODEV = 19,
  EINVAL = 22,
  EOPNOTSUPP = 95,
  // file systems (kernel/fs)
  EXDEV = 18,
  ENOTDIR = 20,
  EISDIR = 21,
  EFBIG = 27,
  ENOSPC = 28,
  EROFS = 30,
  EMLINK = 31,
  ENAMETOOLONG = 36,
  ENOTEMPTY = 39,
  ELOOP = 40,
}

/** The name of an errno value, positive or negated ("EINVAL"), or "E?" and the number. */
export function errnoName(e: number): string {
  switch (e < 0 ? -e : e) {
    case Errno.EPERM: return 'EPERM';
    case Errno.ENOENT: return 'ENOENT';
    case Errno.EIO: return 'EIO';
    case Errno.ENXIO: return 'ENXIO';
    case Errno.EBADF: return 'EBADF';
    case Errno.EAGAIN: return 'EAGAIN';
    case Errno.ENOMEM: return 'ENOMEM';
    case Errno.EACCES: return 'EACCES';
    case Errno.EFAULT: return 'EFAULT';
    case Errno.EBUSY: return 'EBUSY';
    case Errno.EEXIST: return 'EEXIST';
    case Errno.ENODEV: return 'ENODEV';
    case Errno.EINVAL: return 'EINVAL';
    case Errno.EOPNOTSUPP: return 'EOPNOTSUPP';
    case Errno.EXDEV: return 'EXDEV';
    case Errno.ENOTDIR: return 'ENOTDIR';
    case Errno.EISDIR: return 'EISDIR';
    case Errno.EFBIG: return 'EFBIG';
    case Errno.ENOSPC: return 'ENOSPC';
    case Errno.EROFS: return 'EROFS';
    case Errno.EMLINK: return 'EMLINK';
    case Errno.ENAMETOOLONG: return 'ENAMETOOLONG';
    case Errno.ENOTEMPTY: return 'ENOTEMPTY';
    case Errno.ELOOP: return 'ELOOP';
    default: return 'E?' + (e < 0 ? -e : e);
  }
}
