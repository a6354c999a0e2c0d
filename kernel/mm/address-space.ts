// A user address space: its areas (VmaSet), its page tables, and the memory system calls
// and page faults that change them.
//
// This is the synchronous core. Every method runs to completion without waiting, so under
// the interpreter (one task at a time, switching only at `await`) each call is atomic. The
// only thing that can need waiting is a fault on a page a file or memory object must first
// produce: `fault` then returns a FaultWait instead of a result, and the caller (mm.ts,
// which also takes the address space's lock) awaits it and calls `completeFault`, which
// re-validates the area and the PTE before installing anything.
//
// Errors: Linux errno values, returned negated (errno.ts). Fault results are FAULT_*
// codes (a signal for the process, never a kernel panic).
//
// Invariants between areas and page tables (tests/mm checks them after every step):
//  - every non-empty user PTE lies inside an area;
//  - a present PTE is in an accessible area; a PROT_NONE entry (PTE_PROTNONE) in an
//    inaccessible one; RW only where the area has VM_WRITE;
//  - in a private area a writable PTE maps a frame nobody else references (count 1), so a
//    store never reaches another process's page (copy-on-write);
//  - each PTE mapping a managed frame outside VM_PFNMAP areas holds one reference to it.

import { physCopy, physFill, physRead32, readCr3 } from '../arch/intrinsics.ts';
import { Errno } from './errno.ts';
import type { FrameAllocator } from './frames.ts';
import { Madv, MapFlag, Mremap, Prot } from './mman.ts';
import { Layout, Page, isPageAligned, pageDown, pageUp } from './page.ts';
import { PageTables, Pte, pteFrame } from './page-table.ts';
import { RwLock } from './rwlock.ts';
import { ShmemObject } from './shmem.ts';
import { TlbFlush, cr3Root } from './tlb.ts';
import { Vm, Vma, canMerge, protToVm, type MappedFile, type MemoryObject } from './vma.ts';
import { VmaSet } from './vma-set.ts';

/** The window a read fault on a private file page maps at once (Linux's fault_around_bytes). */
const FAULT_AROUND_BYTES = 0x10000;

/** Fault access bits: the x86 page-fault error code. */
export enum FaultAccess {
  PRESENT = 0x1,
  WRITE = 0x2,
  USER = 0x4,
}

/** Fault results. */
export enum Fault {
  OK = 0,
  /** SIGSEGV, SEGV_MAPERR: no area at the address. */
  SIGSEGV_MAPERR = 1,
  /** SIGSEGV, SEGV_ACCERR: the area does not allow the access. */
  SIGSEGV_ACCERR = 2,
  /** SIGBUS: the backing could not produce the page (beyond the end of a file, I/O error). */
  SIGBUS = 3,
  /** Out of memory: no frame for the page or its page table. */
  OOM = 4,
  /** completeFault only: the world changed during the wait; run the fault again. */
  RETRY = 5,
}

/** What every address space shares: the frame allocator, the kernel half, the zero page. */
export interface MmShared {
  frames: FrameAllocator;
  /** PDPT[3] of the boot PDPT: the kernel page directory | P. */
  kernelPdpte: number;
  /** A zero-filled frame mapped read-only for reads of untouched anonymous memory; pinned (count >= 1 forever). */
  zeroPage: number;
}

/** Reads the kernel half from the current PDPT and allocates the zero page; or -ENOMEM. */
export function createMmShared(frames: FrameAllocator): MmShared | number {
  const zeroPage = frames.allocZeroed();
  if (zeroPage < 0) return zeroPage;
  const kernelPdpte = physRead32(cr3Root(readCr3()) + 3 * 8);
  return { frames, kernelPdpte, zeroPage };
}

export interface AddressSpaceOptions {
  /** Top of the top-down mmap search (Linux's mmap_base). */
  mmapBase?: number;
  /** Lowest mappable address (vm.mmap_min_addr). */
  mmapMin?: number;
  /** Gap kept free below a growsdown area (stack_guard_gap). */
  stackGuardGap?: number;
  /** Largest size a growsdown area may reach (RLIMIT_STACK). */
  stackLimit?: number;
  /** Most areas one address space may have (vm.max_map_count). */
  maxMapCount?: number;
}

/** What mmap maps when it is not anonymous. */
export interface MapTarget {
  file?: MappedFile;
  object?: MemoryObject;
}

/** A fault that must wait for its backing: await `promise`, then call completeFault. */
export class FaultWait {
  constructor(
    readonly vma: Vma,
    readonly va: number,
    readonly write: boolean,
    readonly pageIndex: number,
    readonly promise: Promise<number>,
  ) {}
}

export class AddressSpace {
  readonly vmas = new VmaSet();
  /** Faults take the read side; mmap, munmap, mprotect, brk, madvise, mremap, fork the write side (mm.ts). */
  readonly lock = new RwLock();
  readonly pt: PageTables;
  readonly shared: MmShared;
  readonly mmapBase: number;
  readonly mmapMin: number;
  readonly stackGuardGap: number;
  readonly stackLimit: number;
  readonly maxMapCount: number;
  /** The heap: brk areas cover [pageUp(brkStart), pageUp(brkEnd)). */
  brkStart = 0;
  brkEnd = 0;
  /** An address inside the main stack (Linux's start_stack), for the [stack] label. */
  stackStart = 0;
  private freed = false;
  /**
   * The invalidation batch of this space's operations: each one commits it before it
   * returns (commit empties it), so one object serves them all without an allocation each.
   */
  private readonly tlb: TlbFlush;

  private constructor(shared: MmShared, pt: PageTables, opts: AddressSpaceOptions) {
    this.shared = shared;
    this.pt = pt;
    this.tlb = new TlbFlush(pt.root);
    this.mmapBase = opts.mmapBase ?? 0xb800_0000;
    this.mmapMin = opts.mmapMin ?? 0x1_0000;
    this.stackGuardGap = opts.stackGuardGap ?? 256 * Page.SIZE;
    this.stackLimit = opts.stackLimit ?? 8 * 1024 * 1024;
    this.maxMapCount = opts.maxMapCount ?? 65530;
  }

  /** An empty address space, or -ENOMEM. */
  static create(shared: MmShared, opts: AddressSpaceOptions = {}): AddressSpace | number {
    const pt = PageTables.create(shared.frames, shared.kernelPdpte);
    if (typeof pt === 'number') return pt;
    return new AddressSpace(shared, pt, opts);
  }

  private options(): AddressSpaceOptions {
    return {
      mmapBase: this.mmapBase, mmapMin: this.mmapMin, stackGuardGap: this.stackGuardGap,
      stackLimit: this.stackLimit, maxMapCount: this.maxMapCount,
    };
  }

  private get frames(): FrameAllocator {
    return this.shared.frames;
  }

  /** Loads this space's PDPT into CR3. */
  activate(): void {
    this.pt.activate();
  }

  // ---- mmap ------------------------------------------------------------------------------

  /**
   * mmap(2): maps `length` bytes (rounded up to pages) with `prot` and `flags` (MAP_SHARED or
   * MAP_PRIVATE, MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_GROWSDOWN; other flags are
   * accepted and ignored, as Linux's mmap does), backed by `target` unless anonymous, from
   * page `pgoff` of it. `addr` is a hint, or the exact place with MAP_FIXED*.
   * Returns the address or -EINVAL, -ENOMEM, -EEXIST, -EACCES, -EPERM, -ENODEV, -EBADF.
   */
  mmap(addr: number, length: number, prot: number, flags: number, target: MapTarget | null = null, pgoff = 0): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.ENOMEM;
    if (length === 0) return -Errno.EINVAL;
    const type = flags & MapFlag.TYPE;
    if (type !== MapFlag.SHARED && type !== MapFlag.PRIVATE) return -Errno.EINVAL;
    if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) !== 0) return -Errno.EINVAL;
    if (length > Layout.USER_END) return -Errno.ENOMEM;
    const len = pageUp(length);
    const shared = type === MapFlag.SHARED;
    const fixed = (flags & (MapFlag.FIXED | MapFlag.FIXED_NOREPLACE)) !== 0;
    if (fixed) {
      if (!isPageAligned(addr)) return -Errno.EINVAL;
      if (addr > Layout.USER_END - len) return -Errno.ENOMEM;
      if (addr < this.mmapMin) return -Errno.EPERM;
    }
    let vmFlags = protToVm(prot) | Vm.MAY;
    if (shared) vmFlags |= Vm.SHARED | Vm.MAYSHARE;
    if ((flags & MapFlag.GROWSDOWN) !== 0) vmFlags |= Vm.GROWSDOWN;

    let file: MappedFile | null = null;
    let object: MemoryObject | null = null;
    if ((flags & MapFlag.ANONYMOUS) !== 0) {
      pgoff = 0;
    } else if (target !== null && target.file !== undefined) {
      file = target.file;
      if (!file.readable) return -Errno.EACCES;
      if (shared && !file.writable) {
        if ((prot & Prot.WRITE) !== 0) return -Errno.EACCES;
        vmFlags &= ~Vm.MAYWRITE;
      }
    } else if (target !== null && target.object !== undefined) {
      object = target.object;
      if (!object.supportsMmap()) return -Errno.ENODEV;
      const info = object.getMappingInfoWith(pgoff, len >>> Page.SHIFT, prot, shared);
      if (typeof info === 'number') return info < 0 ? info : -Errno.EINVAL;
      if (info.sizePages >= 0 && pgoff + (len >>> Page.SHIFT) > info.sizePages) return -Errno.EINVAL;
      const special = info.vmFlags & Vm.SPECIAL;
      const allowed = info.maxProt;
      if ((prot & (Prot.READ | Prot.EXEC) & ~allowed) !== 0) return -Errno.EACCES;
      const writeAllowed = (allowed & Prot.WRITE) !== 0 && (shared || (special & Vm.PFNMAP) === 0);
      if ((prot & Prot.WRITE) !== 0 && !writeAllowed) return -Errno.EACCES;
      if ((allowed & Prot.READ) === 0) vmFlags &= ~Vm.MAYREAD;
      if ((allowed & Prot.EXEC) === 0) vmFlags &= ~Vm.MAYEXEC;
      if (!writeAllowed) vmFlags &= ~Vm.MAYWRITE;
      vmFlags |= special;
    } else {
      return -Errno.EBADF;
    }

    if (this.vmas.size >= this.maxMapCount) return -Errno.ENOMEM;
    let start: number;
    if (fixed) {
      if ((flags & MapFlag.FIXED_NOREPLACE) !== 0 && this.vmas.checkOverlap(addr, addr + len) !== null) return -Errno.EEXIST;
      start = addr;
    } else {
      start = this.unmappedArea(addr, len);
      if (start < 0) return start;
    }
    if (object === null && file === null && shared) {
      object = new ShmemObject(this.frames);
    }
    const flush = this.tlb;
    if (fixed) this.unmapRange(start, start + len, flush);
    if (object === null && file === null) pgoff = start >>> Page.SHIFT;
    const vma = new Vma(start, start + len, vmFlags, pgoff, file, object);
    this.vmas.insert(vma);
    this.mapped(vma);
    this.mergeAround(vma);
    flush.commit();
    return start;
  }

  /**
   * Where a non-fixed mapping goes: the hint when [hint, hint + len) is free (guard gaps
   * included), else the highest free range below mmapBase, else the highest anywhere.
   */
  private unmappedArea(hint: number, len: number): number {
    if (hint !== 0) {
      const a = pageUp(hint);
      if (a >= this.mmapMin && a <= Layout.USER_END - len && this.rangeFreeWithGaps(a, a + len)) return a;
    }
    const r = this.vmas.findFreeTopDown(len, this.mmapMin, this.mmapBase, this.stackGuardGap);
    if (r >= 0) return r;
    return this.vmas.findFreeTopDown(len, this.mmapMin, Layout.USER_END, this.stackGuardGap);
  }

  private rangeFreeWithGaps(start: number, end: number): boolean {
    const next = this.vmas.findFrom(start);
    if (next === null) return true;
    return end <= this.startGap(next);
  }

  /** An area's start less the guard gap below growsdown areas (Linux's vm_start_gap). */
  private startGap(vma: Vma): number {
    if ((vma.flags & Vm.GROWSDOWN) === 0) return vma.start;
    const g = vma.start - this.stackGuardGap;
    return g > 0 ? g : 0;
  }

  // ---- munmap ----------------------------------------------------------------------------

  /** munmap(2): unmaps every page of [addr, addr + length); 0 or -EINVAL. */
  munmap(addr: number, length: number): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.EINVAL;
    if (!isPageAligned(addr) || length === 0 || addr > Layout.USER_END || length > Layout.USER_END - addr) return -Errno.EINVAL;
    const flush = this.tlb;
    this.unmapRange(addr, addr + pageUp(length), flush);
    flush.commit();
    return 0;
  }

  /** Removes [start, end) (page-aligned): splits areas at the ends, zaps, notifies objects. */
  private unmapRange(start: number, end: number, flush: TlbFlush): void {
    const list = this.vmas.inRange(start, end);
    for (let i = 0; i < list.length; i++) {
      const piece = this.isolate(list[i], start, end);
      this.zap(piece, piece.start, piece.end, flush);
      this.vmas.remove(piece);
      this.unmapped(piece);
    }
  }

  /** Splits vma so that one area covers exactly its intersection with [start, end); returns it. */
  private isolate(vma: Vma, start: number, end: number): Vma {
    let piece = vma;
    if (piece.start < start) {
      piece = this.vmas.split(piece, start);
      this.mapped(piece);
    }
    if (piece.end > end) this.mapped(this.vmas.split(piece, end));
    return piece;
  }

  /** Removes the PTEs of [start, end) in vma, dropping the frame references they held. */
  private zap(vma: Vma, start: number, end: number, flush: TlbFlush): void {
    const writeBack = vma.shared && vma.file !== null && vma.file.pageDirtied !== undefined;
    if (!writeBack) {
      // no dirty bits to hand over: one native call per page table
      this.pt.zapRange(start, end, (vma.flags & Vm.PFNMAP) === 0, flush);
      return;
    }
    for (let va = this.pt.nextUsed(start, end); va >= 0; va = this.pt.nextUsed(va + Page.SIZE, end)) {
      const old = this.pt.clear(va, flush);
      // a shared file page the process wrote goes back to the file's cache as dirty
      if (writeBack && (old & Pte.D) !== 0) (vma.file as MappedFile).pageDirtied!(vma.pageIndex(va));
      this.dropRef(vma, pteFrame(old));
    }
  }

  /**
   * msync's (and sync's) half in the address space: every MAP_SHARED file page in
   * [start, end) whose PTE is dirty is handed to its file's cache as dirty, and the PTE's D
   * bit cleared, so the next store marks it again. Returns the number of pages.
   */
  syncShared(start: number, end: number): number {
    let n = 0;
    const flush = this.tlb;
    for (let vma = this.vmas.findFrom(start); vma !== null && vma.start < end; vma = this.vmas.next(vma)) {
      if (!vma.shared || vma.file === null || vma.file.pageDirtied === undefined) continue;
      const to = vma.end < end ? vma.end : end;
      const from = vma.start > start ? vma.start : start;
      for (let va = this.pt.nextUsed(from, to); va >= 0; va = this.pt.nextUsed(va + Page.SIZE, to)) {
        if (this.pt.testAndClearDirty(va, flush)) {
          vma.file.pageDirtied(vma.pageIndex(va));
          n++;
        }
      }
    }
    flush.commit();
    return n;
  }

  /**
   * Reclaim's half in the address space: unmaps up to `want` pages of file areas whose PTE
   * maps the file's cached frame itself (never a private copy, which exists nowhere else),
   * handing a dirty shared page to the cache first. Such a page faults back in from the
   * cache, or the disk, when touched again. Pages whose accessed bit is set are skipped
   * (and the bit cleared) unless `force`: recently used pages go last. Returns the count.
   */
  unmapFilePages(want: number, force: boolean): number {
    if (this.freed) return 0;
    let n = 0;
    const flush = new TlbFlush(this.pt.root);
    for (let vma = this.vmas.findFrom(0); vma !== null && n < want; vma = this.vmas.next(vma)) {
      const file = vma.file;
      if (file === null || file.cachedFrame === undefined) continue;
      for (let va = this.pt.nextUsed(vma.start, vma.end); va >= 0 && n < want; va = this.pt.nextUsed(va + Page.SIZE, vma.end)) {
        const e = this.pt.entry(va);
        if ((e & Pte.P) === 0 || pteFrame(e) !== file.cachedFrame(vma.pageIndex(va))) continue;
        if (!force && (e & Pte.A) !== 0) {
          this.pt.update(va, 0, Pte.A, flush);
          continue;
        }
        const old = this.pt.clear(va, flush);
        if (vma.shared && (old & Pte.D) !== 0 && file.pageDirtied !== undefined) file.pageDirtied(vma.pageIndex(va));
        this.dropRef(vma, pteFrame(old));
        n++;
      }
    }
    flush.commit();
    return n;
  }

  /** Pages present in the space's areas (the OOM killer's measure of a process). */
  residentPages(): number {
    if (this.freed) return 0;
    let n = 0;
    for (let vma = this.vmas.findFrom(0); vma !== null; vma = this.vmas.next(vma)) {
      for (let va = this.pt.nextUsed(vma.start, vma.end); va >= 0; va = this.pt.nextUsed(va + Page.SIZE, vma.end)) {
        if ((this.pt.entry(va) & Pte.P) !== 0) n++;
      }
    }
    return n;
  }

  /** Whether a PTE of vma mapping `frame` holds a reference to it. */
  private counted(vma: Vma, frame: number): boolean {
    return (vma.flags & Vm.PFNMAP) === 0 && this.frames.isManaged(frame);
  }

  private takeRef(vma: Vma, frame: number): void {
    if (this.counted(vma, frame)) this.frames.ref(frame);
  }

  private dropRef(vma: Vma, frame: number): void {
    if (this.counted(vma, frame)) this.frames.unref(frame);
  }

  private mapped(vma: Vma): void {
    if (vma.object !== null) vma.object.onMapped(vma);
  }

  private unmapped(vma: Vma): void {
    if (vma.object !== null) vma.object.onUnmapped(vma);
  }

  /** Merges vma with its neighbours where the rules allow; returns the surviving area. */
  private mergeAround(vma: Vma): Vma {
    const prev = this.vmas.prev(vma);
    if (prev !== null && canMerge(prev, vma)) {
      this.vmas.mergeNext(prev);
      this.unmapped(vma);
      vma = prev;
    }
    const absorbed = this.vmas.mergeNext(vma);
    if (absorbed !== null) this.unmapped(absorbed);
    return vma;
  }

  // ---- mprotect --------------------------------------------------------------------------

  /**
   * mprotect(2). The whole range must be mapped (-ENOMEM otherwise) and every area must
   * allow the new protection (-EACCES, e.g. PROT_WRITE on a shared read-only file); both
   * are checked before anything changes (Linux may leave a prefix changed).
   */
  mprotect(addr: number, length: number, prot: number): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.ENOMEM;
    if (!isPageAligned(addr)) return -Errno.EINVAL;
    if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC | Prot.GROWSDOWN | Prot.GROWSUP)) !== 0) return -Errno.EINVAL;
    if ((prot & Prot.GROWSDOWN) !== 0 && (prot & Prot.GROWSUP) !== 0) return -Errno.EINVAL;
    if ((prot & Prot.GROWSUP) !== 0) return -Errno.EINVAL; // no growsup areas on x86
    if (length === 0) return 0;
    if (length > Layout.USER_END) return -Errno.ENOMEM;
    let start = addr;
    const end = addr + pageUp(length);
    if (end > Layout.USER_END) return -Errno.ENOMEM;
    if ((prot & Prot.GROWSDOWN) !== 0) {
      const v = this.vmas.find(start);
      if (v === null || (v.flags & Vm.GROWSDOWN) === 0) return -Errno.EINVAL;
      start = v.start;
    }
    const want = protToVm(prot);
    const list = this.vmas.inRange(start, end);
    let covered = start;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v.start > covered) return -Errno.ENOMEM;
      if ((want & ~(v.flags >>> 4) & Vm.ACCESS) !== 0) return -Errno.EACCES; // VM_MAYx = VM_x << 4
      covered = v.end;
    }
    if (covered < end) return -Errno.ENOMEM;
    const flush = this.tlb;
    for (let i = 0; i < list.length; i++) {
      const piece = this.isolate(list[i], start, end);
      const old = piece.flags;
      piece.flags = (old & ~Vm.ACCESS) | want;
      if (piece.flags !== old) this.changePtes(piece, (old & Vm.ACCESS) !== 0, flush);
      this.mergeAround(piece);
    }
    flush.commit();
    return 0;
  }

  /** Brings the PTEs of vma in line with its (new) flags; `wasAccessible`: whether its old flags allowed any access. */
  private changePtes(vma: Vma, wasAccessible: boolean, flush: TlbFlush): void {
    const sharedWrite = vma.shared && (vma.flags & Vm.WRITE) !== 0;
    if (!vma.accessible) {
      this.pt.updateRange(vma.start, vma.end, Pte.PROTNONE, Pte.P | Pte.RW, 0, 0, flush);
      return;
    }
    // present entries first (so the PROT_NONE ones made present below are not seen twice)
    if ((vma.flags & Vm.WRITE) === 0) {
      this.pt.updateRange(vma.start, vma.end, 0, Pte.RW, Pte.PROTNONE, 0, flush);
    } else if (sharedWrite) {
      this.pt.updateRange(vma.start, vma.end, Pte.RW, 0, Pte.PROTNONE, 0, flush);
    }
    // A private area made writable keeps its read-only PTEs: the first store faults and
    // reuses the frame when nobody else holds it, or copies it.
    // PROT_NONE entries exist only in an area that was inaccessible (the invariants above).
    if (wasAccessible) return;
    this.pt.updateRange(vma.start, vma.end, Pte.P | Pte.US | (sharedWrite ? Pte.RW : 0), Pte.PROTNONE, Pte.PROTNONE, Pte.PROTNONE, flush);
  }

  // ---- brk -------------------------------------------------------------------------------

  /** Sets where the heap starts (exec: the end of the program's data); the heap is empty. */
  setBrkBase(addr: number): void {
    this.brkStart = addr;
    this.brkEnd = addr;
  }

  /**
   * brk(2): moves the end of the heap to `addr`; returns the resulting end, which is the old
   * one when the request is refused (below the start, into another mapping, out of memory),
   * as Linux does.
   */
  brk(addr: number): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return this.brkEnd;
    if (addr < this.brkStart || addr > Layout.USER_END) return this.brkEnd;
    const oldTop = pageUp(this.brkEnd), newTop = pageUp(addr);
    if (newTop < oldTop) {
      const flush = this.tlb;
      this.unmapRange(newTop, oldTop, flush);
      flush.commit();
    } else if (newTop > oldTop) {
      const next = this.vmas.findFrom(oldTop);
      if (next !== null && newTop + Page.SIZE > this.startGap(next)) return this.brkEnd;
      if (this.vmas.size >= this.maxMapCount) return this.brkEnd;
      const vma = new Vma(oldTop, newTop, Vm.READ | Vm.WRITE | Vm.MAY, oldTop >>> Page.SHIFT, null, null);
      this.vmas.insert(vma);
      this.mergeAround(vma);
    }
    this.brkEnd = addr;
    return addr;
  }

  // ---- madvise ---------------------------------------------------------------------------

  /**
   * madvise(2): MADV_DONTNEED drops the pages of the range (private anonymous memory reads
   * as zeros again, object-backed pages are fetched again); NORMAL, RANDOM, SEQUENTIAL and
   * WILLNEED are accepted hints. -EINVAL for bad arguments or DONTNEED on special areas,
   * -ENOMEM when part of the range is unmapped (after acting on the mapped part, as Linux).
   */
  madvise(addr: number, length: number, advice: number): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.ENOMEM;
    if (!isPageAligned(addr) || advice < 0 || advice > Madv.DONTNEED) return -Errno.EINVAL;
    if (length > Layout.USER_END) return -Errno.EINVAL;
    const end = addr + pageUp(length);
    if (end > Layout.USER_END) return -Errno.EINVAL;
    if (end === addr) return 0;
    const list = this.vmas.inRange(addr, end);
    if (advice === Madv.DONTNEED) {
      for (let i = 0; i < list.length; i++) if ((list[i].flags & Vm.PFNMAP) !== 0) return -Errno.EINVAL;
      const flush = this.tlb;
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        this.zap(v, v.start > addr ? v.start : addr, v.end < end ? v.end : end, flush);
      }
      flush.commit();
    } else if (advice > Madv.WILLNEED) {
      return -Errno.EINVAL;
    }
    let covered = addr;
    for (let i = 0; i < list.length; i++) {
      if (list[i].start > covered) return -Errno.ENOMEM;
      covered = list[i].end;
    }
    return covered < end ? -Errno.ENOMEM : 0;
  }

  // ---- mremap ----------------------------------------------------------------------------

  /**
   * mremap(2): resizes the mapping [oldAddr, oldAddr + oldLen), which must lie in one area
   * (-EFAULT otherwise): shrinking unmaps the tail; growing extends in place when the space
   * after it is free, else moves it (MREMAP_MAYMOVE; -ENOMEM without); MREMAP_FIXED moves it
   * to newAddr, replacing what was there. Page-table entries move with their frames, nothing
   * is copied. Returns the new address. oldLen 0 (duplicating a shared mapping) is not
   * supported (-EINVAL).
   */
  mremap(oldAddr: number, oldLength: number, newLength: number, flags: number, newAddr = 0): number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.EFAULT;
    if (!isPageAligned(oldAddr)) return -Errno.EINVAL;
    if ((flags & ~(Mremap.MAYMOVE | Mremap.FIXED)) !== 0) return -Errno.EINVAL;
    if ((flags & Mremap.FIXED) !== 0 && (flags & Mremap.MAYMOVE) === 0) return -Errno.EINVAL;
    if (oldLength > Layout.USER_END || newLength > Layout.USER_END) return -Errno.EINVAL;
    let oldLen = pageUp(oldLength);
    const newLen = pageUp(newLength);
    if (newLen === 0 || oldLen === 0) return -Errno.EINVAL;
    if (oldAddr > Layout.USER_END - oldLen) return -Errno.EFAULT;
    const fixed = (flags & Mremap.FIXED) !== 0;
    if (fixed) {
      if (!isPageAligned(newAddr) || newAddr > Layout.USER_END - newLen) return -Errno.EINVAL;
      if (newAddr < oldAddr + oldLen && oldAddr < newAddr + newLen) return -Errno.EINVAL;
      if (newAddr < this.mmapMin) return -Errno.EPERM;
    }
    const vma = this.vmas.find(oldAddr);
    if (vma === null || oldAddr + oldLen > vma.end) return -Errno.EFAULT;
    if (newLen > oldLen && (vma.flags & (Vm.DONTEXPAND | Vm.PFNMAP)) !== 0) return -Errno.EFAULT;
    const flush = this.tlb;

    if (fixed) {
      this.unmapRange(newAddr, newAddr + newLen, flush);
      if (newLen < oldLen) {
        this.unmapRange(oldAddr + newLen, oldAddr + oldLen, flush);
        oldLen = newLen;
      }
      const r = this.moveRange(oldAddr, oldLen, newAddr, newLen, flush);
      flush.commit();
      return r;
    }
    if (newLen <= oldLen) {
      if (newLen < oldLen) this.unmapRange(oldAddr + newLen, oldAddr + oldLen, flush);
      flush.commit();
      return oldAddr;
    }
    // Grow in place when the area ends where the range ends and the space after is free.
    if (oldAddr + oldLen === vma.end) {
      const next = this.vmas.next(vma);
      const limit = next === null ? Layout.USER_END : this.startGap(next);
      if (vma.end + (newLen - oldLen) <= limit) {
        vma.end += newLen - oldLen;
        this.mergeAround(vma);
        return oldAddr;
      }
    }
    if ((flags & Mremap.MAYMOVE) === 0) return -Errno.ENOMEM;
    if (this.vmas.size >= this.maxMapCount) return -Errno.ENOMEM;
    const to = this.unmappedArea(0, newLen);
    if (to < 0) return to;
    const r = this.moveRange(oldAddr, oldLen, to, newLen, flush);
    flush.commit();
    return r;
  }

  /**
   * Moves [oldAddr, oldAddr + oldLen) (inside one area) to a free [newAddr, newAddr + newLen)
   * with newLen >= oldLen: a new area with the same flags, backing and offsets, the PTEs
   * moved entry by entry (references move with them). Two phases so that running out of
   * memory for page tables leaves everything as it was: set every new entry, then clear
   * the old ones.
   */
  private moveRange(oldAddr: number, oldLen: number, newAddr: number, newLen: number, flush: TlbFlush): number {
    const vma = this.vmas.find(oldAddr) as Vma;
    const piece = this.isolate(vma, oldAddr, oldAddr + oldLen);
    const delta = newAddr - oldAddr;
    const end = piece.end;
    for (let va = this.pt.nextUsed(piece.start, end); va >= 0; va = this.pt.nextUsed(va + Page.SIZE, end)) {
      if (this.pt.set(va + delta, this.pt.entry(va), flush) < 0) {
        for (let v = this.pt.nextUsed(piece.start, va); v >= 0; v = this.pt.nextUsed(v + Page.SIZE, va)) {
          this.pt.clear(v + delta, flush);
        }
        this.mergeAround(piece);
        return -Errno.ENOMEM;
      }
    }
    for (let va = this.pt.nextUsed(piece.start, end); va >= 0; va = this.pt.nextUsed(va + Page.SIZE, end)) {
      this.pt.clear(va, flush);
    }
    const moved = piece.copy(newAddr, newAddr + newLen, piece.pgoff);
    this.vmas.remove(piece);
    this.unmapped(piece);
    this.vmas.insert(moved);
    this.mapped(moved);
    this.mergeAround(moved);
    return newAddr;
  }

  // ---- fork ------------------------------------------------------------------------------

  /**
   * fork(2)'s memory half: a new space with a copy of every area. Shared areas share their
   * frames; in private areas both sides keep the frames read-only, so the first store on
   * either side copies (or, once the other side is gone, reuses) the page. -ENOMEM leaves
   * the parent intact.
   */
  fork(): AddressSpace | number {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.ENOMEM;
    const child = AddressSpace.create(this.shared, this.options());
    if (typeof child === 'number') return child;
    child.brkStart = this.brkStart;
    child.brkEnd = this.brkEnd;
    child.stackStart = this.stackStart;
    const parentFlush = this.tlb;
    const childFlush = child.tlb;
    const all = this.vmas.toArray();
    for (let i = 0; i < all.length; i++) {
      const vma = all[i];
      const copy = vma.copy(vma.start, vma.end, vma.pgoff);
      child.vmas.insert(copy);
      child.mapped(copy);
      // private areas: both sides lose RW (copy-on-write); each copied entry holds a reference
      const clear = vma.shared ? 0 : Pte.RW;
      if (this.pt.copyRange(child.pt, vma.start, vma.end, clear, (vma.flags & Vm.PFNMAP) === 0, parentFlush, childFlush) < 0) {
        parentFlush.commit();
        child.free();
        return -Errno.ENOMEM;
      }
    }
    parentFlush.commit();
    childFlush.commit();
    return child;
  }

  // ---- faults ----------------------------------------------------------------------------

  /**
   * A page fault at `addr` with the x86 error-code bits `access` (FAULT_WRITE, FAULT_USER).
   * Returns a FAULT_* code, or a FaultWait when the backing must be waited for.
   */
  fault(addr: number, access: number): number | FaultWait {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return Fault.SIGSEGV_MAPERR;
    if (addr >= Layout.USER_END) return Fault.SIGSEGV_MAPERR;
    const write = (access & FaultAccess.WRITE) !== 0;
    const va = (addr & ~0xfff) >>> 0; // pageDown, inline: the fault path
    let vma = this.vmas.findFrom(addr);
    if (vma === null) return Fault.SIGSEGV_MAPERR;
    if (vma.start > addr) {
      if ((vma.flags & Vm.GROWSDOWN) === 0 || !this.expandStack(vma, va)) return Fault.SIGSEGV_MAPERR;
    }
    // allows(vma, write), written out: this is every fault's path
    if ((vma.flags & (write ? Vm.WRITE : Vm.ACCESS)) === 0) return Fault.SIGSEGV_ACCERR;
    const slot = this.pt.slot(va);
    const e = slot === 0 ? 0 : physRead32(slot);
    if ((e & Pte.P) !== 0) {
      if (!write || (e & Pte.RW) !== 0) return Fault.OK; // spurious: a stale TLB entry
      return this.writeProtectFault(vma, va, e, slot);
    }
    if (e !== 0) throw new Error('mm: PROT_NONE entry in an accessible area at ' + va);
    if (vma.file === null && vma.object === null) return this.anonymousFault(va, write, slot);
    const index = vma.pageIndex(va);
    let got: number | Promise<number>;
    if (vma.file !== null) {
      if (index >= vma.file.sizePages()) return Fault.SIGBUS;
      got = vma.file.getPage(index);
    } else {
      got = (vma.object as MemoryObject).resolveFault(vma, index, write);
    }
    if (typeof got !== 'number') return new FaultWait(vma, va, write, index, got);
    const r = this.installBacked(vma, va, write, got);
    if (r === Fault.OK && !write && vma.file !== null && !vma.shared) this.faultAround(vma, vma.file, va, slot);
    return r;
  }

  /**
   * Linux's fault-around (fault_around_bytes, 64 KiB), for read faults on private file
   * areas: the file's other pages in the faulting page's aligned 16-page window (and area)
   * that are in memory (no I/O; residentFrame or cachedFrame) are mapped too, read-only as a read fault maps them (a store still
   * copies), into PTEs that are empty. A program reading its file (tsvm's bytecode, an
   * ELF's text) then faults once per window instead of once per page. `slot` is va's PTE
   * address when its table existed before the fault (0: look the window's slots up).
   */
  private faultAround(vma: Vma, file: MappedFile, va: number, slot: number): void {
    const window = (va & ~(FAULT_AROUND_BYTES - 1)) >>> 0;
    const from = window > vma.start ? window : vma.start;
    const to = window + FAULT_AROUND_BYTES < vma.end ? window + FAULT_AROUND_BYTES : vma.end;
    const size = file.sizePages();
    const base = slot !== 0 ? slot - ((va - window) >>> Page.SHIFT) * 8 : this.pt.slot(window);
    if (base === 0) return; // (the table was just made for va, so this does not happen)
    for (let at = from; at < to; at += Page.SIZE) {
      if (at === va) continue;
      const index = vma.pageIndex(at);
      if (index >= size) break;
      const pte = base + ((at - window) >>> Page.SHIFT) * 8;
      if (physRead32(pte) !== 0) continue;
      // a page in memory (never a read, never a hole made a page)
      const got = file.residentFrame !== undefined ? file.residentFrame(index) : file.cachedFrame !== undefined ? file.cachedFrame(index) : -1;
      if (got < 0) continue;
      this.pt.fill(pte, got | Pte.P | Pte.US);
      this.takeRef(vma, got);
    }
  }

  /**
   * The second half of a fault that waited: `frame` is what the backing produced. The area
   * and the PTE are checked again, since anything may have happened during the wait.
   * Returns a FAULT_* code; FAULT_RETRY means "run fault again".
   */
  completeFault(wait: FaultWait, frame: number): number {
    const vma = this.vmas.find(wait.va);
    if (vma !== wait.vma || vma.pageIndex(wait.va) !== wait.pageIndex || !allows(vma, wait.write)) return Fault.RETRY;
    const e = this.pt.entry(wait.va);
    if ((e & Pte.P) !== 0) return !wait.write || (e & Pte.RW) !== 0 ? Fault.OK : Fault.RETRY;
    if (e !== 0) return Fault.RETRY;
    return this.installBacked(vma, wait.va, wait.write, frame);
  }

  /** Grows a growsdown area down to va; false when the limit or the gap forbids it. */
  private expandStack(vma: Vma, va: number): boolean {
    if (va < this.mmapMin) return false;
    if (vma.end - va > this.stackLimit) return false;
    const grow = (vma.start - va) >>> Page.SHIFT;
    if (vma.pgoff < grow) return false;
    const prev = this.vmas.prev(vma);
    if (prev !== null && prev.end > va) return false;
    if (prev !== null && (prev.flags & Vm.GROWSDOWN) === 0 && prev.accessible && va - prev.end < this.stackGuardGap) return false;
    vma.start = va; // no area lies in between, so the set's order holds
    vma.pgoff -= grow;
    return true;
  }

  /** An absent anonymous page; `slot` is its empty PTE's address, or 0 when its table is absent. */
  private anonymousFault(va: number, write: boolean, slot: number): number {
    if (slot !== 0) {
      // the common case: the table exists, and an entry that was empty needs no invalidation
      if (!write) {
        const zero = this.shared.zeroPage;
        this.frames.ref(zero);
        this.pt.fill(slot, zero | Pte.P | Pte.US);
        return Fault.OK;
      }
      const frame = this.frames.allocZeroed();
      if (frame < 0) return Fault.OOM;
      this.pt.fill(slot, frame | Pte.P | Pte.US | Pte.RW | Pte.D);
      return Fault.OK;
    }
    const flush = this.tlb;
    try {
      if (!write) {
        const zero = this.shared.zeroPage;
        if (this.pt.set(va, zero | Pte.P | Pte.US, flush) < 0) return Fault.OOM;
        this.frames.ref(zero);
        return Fault.OK;
      }
      const frame = this.frames.allocZeroed();
      if (frame < 0) return Fault.OOM;
      if (this.pt.set(va, frame | Pte.P | Pte.US | Pte.RW | Pte.D, flush) < 0) {
        this.frames.unref(frame);
        return Fault.OOM;
      }
      return Fault.OK;
    } finally {
      flush.commit();
    }
  }

  /**
   * A store to a present read-only page `e` (its PTE at `slot`) in a writable area. Gaining
   * RW and D on the same frame needs no invalidation (tlb.ts); a new frame does.
   */
  private writeProtectFault(vma: Vma, va: number, e: number, slot: number): number {
    if (vma.shared) {
      this.pt.replace(slot, (e | Pte.RW | Pte.D) >>> 0);
      return Fault.OK;
    }
    const old = (e & Pte.FRAME) >>> 0;
    const zero = this.shared.zeroPage;
    // the PTE's reference to old: counted (count >= 1) unless VM_PFNMAP or unmanaged (-1)
    const count = (vma.flags & Vm.PFNMAP) === 0 ? this.frames.countOf(old) : -1;
    if (old !== zero && count === 1) {
      this.pt.replace(slot, (e | Pte.RW | Pte.D) >>> 0); // nobody else has it: reuse
      return Fault.OK;
    }
    const frame = this.frames.alloc();
    if (frame < 0) return Fault.OOM;
    if (old === zero) physFill(frame, 0, Page.SIZE);
    else physCopy(frame, old, Page.SIZE);
    this.pt.replace(slot, frame | Pte.P | Pte.US | Pte.RW | Pte.D | Pte.A);
    if (count >= 0) this.frames.unref(old); // dropRef
    const flush = this.tlb;
    flush.page(va); // the old frame may be cached for va
    flush.commit();
    return Fault.OK;
  }

  /** Maps a page a file or object produced (a frame, or -errno). */
  private installBacked(vma: Vma, va: number, write: boolean, frame: number): number {
    if (frame < 0) return frame === -Errno.ENOMEM ? Fault.OOM : Fault.SIGBUS;
    const flush = this.tlb;
    try {
      if (vma.shared || !write) {
        const rw = vma.shared && (vma.flags & Vm.WRITE) !== 0 ? Pte.RW : 0;
        const dirty = write ? Pte.D : 0;
        if (this.pt.set(va, frame | Pte.P | Pte.US | rw | dirty, flush) < 0) return Fault.OOM;
        this.takeRef(vma, frame);
        return Fault.OK;
      }
      // A store to a private file/object page: the process gets its own copy at once.
      const copy = this.frames.alloc();
      if (copy < 0) return Fault.OOM;
      physCopy(copy, frame, Page.SIZE);
      if (this.pt.set(va, copy | Pte.P | Pte.US | Pte.RW | Pte.D, flush) < 0) {
        this.frames.unref(copy);
        return Fault.OOM;
      }
      return Fault.OK;
    } finally {
      flush.commit();
    }
  }

  // ---- kernel access to user memory ------------------------------------------------------

  /**
   * The frame behind user page `va` for a kernel read or write, faulted in exactly as a
   * user access would be (so a write breaks copy-on-write); -EFAULT where the process would
   * get a signal, -ENOMEM when out of memory; a FaultWait when the backing must be waited for.
   * Marks the PTE accessed (and dirty for a write), as the MMU would.
   */
  userFrame(va: number, write: boolean): number | FaultWait {
    // a system call of a process killed while it waited may finish after the space is gone
    if (this.freed) return -Errno.EFAULT;
    for (let attempt = 0; attempt < 3; attempt++) {
      const e = va < Layout.USER_END ? this.pt.entry(va) : 0;
      if ((e & Pte.P) !== 0 && (!write || (e & Pte.RW) !== 0)) {
        const bits = write ? Pte.A | Pte.D : Pte.A;
        if ((e & bits) !== bits) this.pt.update(va, bits, 0, this.tlb);
        return pteFrame(e);
      }
      const r = this.fault(va, (write ? FaultAccess.WRITE : 0) | FaultAccess.USER);
      if (typeof r !== 'number') return r;
      if (r === Fault.OOM) return -Errno.ENOMEM;
      if (r !== Fault.OK) return -Errno.EFAULT;
    }
    throw new Error('mm: fault did not make page ' + va + ' accessible');
  }

  // ---- teardown --------------------------------------------------------------------------

  /**
   * Unmaps everything and frees the page tables. The space must not be in CR3 (switch to
   * another space first). Idempotent.
   */
  free(): void {
    if (this.freed) return;
    if (this.pt.isActive()) throw new Error('mm: free of the current address space');
    this.freed = true;
    const flush = this.tlb;
    this.unmapRange(0, Layout.USER_END, flush);
    this.pt.destroy();
  }

  get isFreed(): boolean {
    return this.freed;
  }
}

/** Whether vma allows a read (any access: x86 cannot refuse reads of a present page) or a write. */
function allows(vma: Vma, write: boolean): boolean {
  return write ? (vma.flags & Vm.WRITE) !== 0 : (vma.flags & Vm.ACCESS) !== 0;
}
