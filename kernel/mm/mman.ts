// The user-visible constants of the memory system calls (Linux uapi asm-generic/mman*.h,
// i386 values), so the syscall layer can pass arguments through unchanged.

export enum Prot {
  NONE = 0x0,
  READ = 0x1,
  WRITE = 0x2,
  EXEC = 0x4,
  /** mprotect only: extend the change down to the start of a growsdown area. */
  GROWSDOWN = 0x0100_0000,
  GROWSUP = 0x0200_0000,
}

export enum MapFlag {
  SHARED = 0x01,
  PRIVATE = 0x02,
  SHARED_VALIDATE = 0x03,
  TYPE = 0x0f,
  FIXED = 0x10,
  ANONYMOUS = 0x20,
  GROWSDOWN = 0x0100,
  DENYWRITE = 0x0800,
  EXECUTABLE = 0x1000,
  LOCKED = 0x2000,
  NORESERVE = 0x4000,
  POPULATE = 0x8000,
  NONBLOCK = 0x1_0000,
  STACK = 0x2_0000,
  HUGETLB = 0x4_0000,
  FIXED_NOREPLACE = 0x10_0000,
}

export enum Mremap {
  MAYMOVE = 1,
  FIXED = 2,
}

export enum Madv {
  NORMAL = 0,
  RANDOM = 1,
  SEQUENTIAL = 2,
  WILLNEED = 3,
  DONTNEED = 4,
}
