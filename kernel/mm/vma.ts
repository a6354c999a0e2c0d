// Virtual memory areas: a page-aligned range of a user address space with one set of
// flags and one backing.
//
// Backing, one of:
//  - anonymous (file and object both null): private zero-filled memory. Shared anonymous
//    memory is not anonymous here: mmap gives it a ShmemObject (shmem.ts), so the pages are
//    the same frames in every process that inherits the mapping.
//  - a file (MappedFile): pages come from the page cache.
//  - a memory-mapping object (MemoryObject): a device or any other kernel object that
//    hands out frames through resolveFault.
//
// pgoff: the page index in the backing that `start` maps. Page `va` of the area maps
// backing page pgoff + (va - start) / Page.SIZE; splitting an area at `a` gives the upper
// part pgoff + (a - start) / Page.SIZE, so every page keeps its backing page. Anonymous
// areas get pgoff = start / Page.SIZE at creation (as Linux does) so that neighbouring
// anonymous areas have contiguous offsets and can merge.

import { Prot } from './mman.ts';
import { Page } from './page.ts';

/** VM_* flags, with Linux's values (include/linux/mm.h). */
export enum Vm {
  READ = 0x1,
  WRITE = 0x2,
  EXEC = 0x4,
  SHARED = 0x8,
  MAYREAD = 0x10,
  MAYWRITE = 0x20,
  MAYEXEC = 0x40,
  MAYSHARE = 0x80,
  GROWSDOWN = 0x100,
  /** Raw page frames, never counted (device memory): no copy-on-write, no madvise(DONTNEED). */
  PFNMAP = 0x400,
  /** Memory-mapped I/O. */
  IO = 0x4000,
  /** mremap may not grow the area. */
  DONTEXPAND = 0x4_0000,
  /** May hold both counted frames and raw physical addresses (counted when the allocator manages them). */
  MIXEDMAP = 0x1000_0000,

  ACCESS = READ | WRITE | EXEC,
  MAY = MAYREAD | MAYWRITE | MAYEXEC,
  /** Special mappings: never merged, never grown by mremap. */
  SPECIAL = IO | DONTEXPAND | PFNMAP | MIXEDMAP,
}

/** VM_READ/WRITE/EXEC for PROT_* bits (the bit values coincide). */
export function protToVm(prot: number): number {
  return prot & (Prot.READ | Prot.WRITE | Prot.EXEC);
}

/** A file that can be mapped: the page cache's side of a file mapping. */
export interface MappedFile {
  readonly path: string;
  /** Device number, (major << 8) | minor. */
  readonly dev: number;
  readonly inode: number;
  /** Opened for reading / writing (mmap checks them as Linux checks the file mode). */
  readonly readable: boolean;
  readonly writable: boolean;
  /** Length of the file in pages; a fault on a page at or beyond it gets SIGBUS. */
  sizePages(): number;
  /**
   * The page-cache frame holding page `index` (the cache keeps its own reference), or
   * -errno; a Promise when the page must first be read from the disk.
   */
  getPage(index: number): number | Promise<number>;
  /**
   * A MAP_SHARED mapping wrote page `index` (its PTE's dirty bit, found when the page is
   * unmapped or synced): the cache must write it back. Absent for files with no backing store.
   */
  pageDirtied?(index: number): void;
  /**
   * The frame the cache holds for page `index`, or -1 when it holds none (no I/O). Reclaim
   * uses it to tell the cache's own page in a PTE from a private copy: only the former may
   * be unmapped, since it can be read again. Absent: the file's pages are never reclaimed.
   */
  cachedFrame?(index: number): number;
  /**
   * The frame of page `index` when it is in memory without I/O, else -1: fault-around maps
   * such pages. ramfs answers for its materialised pages and those of the initial archive
   * (all in Linux's page cache from the start; copied out here), never for a hole. Absent:
   * cachedFrame answers.
   */
  residentFrame?(index: number): number;
}

/** What a memory object says about mapping it. */
export interface MappingInfo {
  /** Flags the area gets: VM_IO, VM_PFNMAP, VM_MIXEDMAP, VM_DONTEXPAND. */
  vmFlags: number;
  /** PROT_* bits the object allows at most (shared writable needs PROT_WRITE here). */
  maxProt: number;
  /** Size in pages (pgoff + length must fit), or -1 when unbounded. */
  sizePages: number;
}

/** A memory-mapping object: a device (framebuffer, ...) or another kernel object. */
export interface MemoryObject {
  /** Name in /proc/PID/maps. */
  readonly ownerName: string;
  readonly dev: number;
  readonly inode: number;
  /** Whether mmap of this object is possible at all (ENODEV otherwise). */
  supportsMmap(): boolean;
  /** How the object is mapped by default. */
  getMappingInfo(): MappingInfo;
  /** How a given mapping would be made, or -errno to refuse it (EINVAL, EACCES, ENXIO ...). */
  getMappingInfoWith(pgoff: number, pages: number, prot: number, shared: boolean): MappingInfo | number;
  /** An area mapping this object came into existence (mmap, split, fork, mremap). */
  onMapped(vma: Vma): void;
  /** An area mapping this object went away (munmap, merge into a neighbour, exit). */
  onUnmapped(vma: Vma): void;
  /**
   * The physical frame for page `pageIndex` of the object (a managed frame the object holds
   * a reference to, or raw device memory in a VM_PFNMAP area), or -errno (SIGBUS for the
   * process). A Promise when the object must wait (disk, device).
   */
  resolveFault(vma: Vma, pageIndex: number, write: boolean): number | Promise<number>;
}

export class Vma {
  constructor(
    public start: number,
    public end: number,
    public flags: number,
    public pgoff: number,
    readonly file: MappedFile | null,
    readonly object: MemoryObject | null,
  ) {}

  get pages(): number {
    return (this.end - this.start) / Page.SIZE;
  }

  /** The backing page index of the page containing va. */
  pageIndex(va: number): number {
    return this.pgoff + ((va - this.start) >>> Page.SHIFT);
  }

  contains(va: number): boolean {
    return va >= this.start && va < this.end;
  }

  get anonymous(): boolean {
    return this.file === null && this.object === null;
  }

  get shared(): boolean {
    return (this.flags & Vm.SHARED) !== 0;
  }

  /** Whether any access is allowed (PROT_NONE areas have none). */
  get accessible(): boolean {
    return (this.flags & Vm.ACCESS) !== 0;
  }

  /** Same flags, backing and offsets, for another range (split, fork, mremap). */
  copy(start: number, end: number, pgoff: number): Vma {
    return new Vma(start, end, this.flags, pgoff, this.file, this.object);
  }
}

/**
 * Linux's merge rule for `a` directly followed by `b`: adjacent, same flags, same backing,
 * contiguous offsets, and neither is a special mapping.
 */
export function canMerge(a: Vma, b: Vma): boolean {
  return (
    a.end === b.start &&
    a.flags === b.flags &&
    (a.flags & Vm.SPECIAL) === 0 &&
    a.file === b.file &&
    a.object === b.object &&
    a.pgoff + a.pages === b.pgoff
  );
}
