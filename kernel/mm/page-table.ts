// PAE page tables of one address space: map, unmap, protect and query 4 KiB pages.
//
// Format (Intel SDM vol. 3, 4.4): CR3 -> a 32-byte PDPT of 4 entries (1 GiB each) -> page
// directories of 512 entries (2 MiB each) -> page tables of 512 entries (4 KiB each). Every
// entry is 64 bits; v86 has no NX and RAM is below 4 GiB, so the high dword is always 0 and
// only the low dword is ever written (tables are zeroed when allocated). PDPTEs carry only P
// (RW and US are reserved there). A PDE pointing to a page table has P|RW|US: permissions are
// decided by the PTE alone.
//
// Layout: PDPT[0..2] (the user half, below 0xC0000000) belong to this space; PDPT[3] is a
// copy of the boot PDPT's entry for the kernel page directory, shared by every space, so a
// kernel mapping made once is seen everywhere.
//
// PTE states:
//  - empty: 0.
//  - present: frame | P | US (| RW) (| A | D set by the MMU).
//  - PROT_NONE: frame | Pte.PROTNONE, P clear. The MMU ignores the entry (any access
//    faults) but the frame stays mapped, so mprotect can make it accessible again.
//
// Invariants:
//  - the allocator's `tableUses` holds, for every page table, the number of its non-empty
//    entries and, for every page directory, the number of its present entries; both are
//    >= 1 (a table whose count reaches 0 is freed at once and its entry in the level above
//    cleared); `tables` is how many of this space's tables and directories exist.
//  - Page tables and directories are frames from the allocator, referenced once, by this
//    structure only.
// TLB invalidation is recorded in the caller's TlbFlush (tlb.ts), never done here directly.

import { physRead32, physWrite32, pteCopy, pteUpdate, pteZap, readCr3, writeCr3 } from '../arch/intrinsics.ts';
import { Errno } from './errno.ts';
import type { FrameAllocator } from './frames.ts';
import { Layout } from './page.ts';
import { cr3Root, type TlbFlush } from './tlb.ts';

export enum Pte {
  P = 0x1,
  RW = 0x2,
  US = 0x4,
  PWT = 0x8,
  PCD = 0x10,
  A = 0x20,
  D = 0x40,
  PS = 0x80,
  G = 0x100,
  /** Software bit (one of the three the MMU leaves to the OS): a PROT_NONE page, P clear. */
  PROTNONE = 0x200,
  /** The frame address bits of an entry's low dword. */
  FRAME = 0xffff_f000,
}

enum Span {
  PDPTE = 0x4000_0000,
  PDE = 0x20_0000,
  PTE = 0x1000,
}

/**
 * Where in the PDPT's frame (only its first 32 bytes are the PDPT) the range natives
 * report: freed frames (pteZap) and the bitmap of pages to invalidate.
 */
const RANGE_OUT = 64;

/** The frame an entry points to. */
export function pteFrame(entry: number): number {
  return (entry & Pte.FRAME) >>> 0;
}

export function ptePresent(entry: number): boolean {
  return (entry & Pte.P) !== 0;
}

/** Whether replacing `old` by `next` needs a TLB flush of the page (see tlb.ts). */
export function needsFlush(old: number, next: number): boolean {
  if ((old & Pte.P) === 0) return false;
  if ((next & Pte.P) === 0) return true;
  if (pteFrame(old) !== pteFrame(next)) return true;
  const lost = old & ~next & (Pte.RW | Pte.US | Pte.A | Pte.D);
  return lost !== 0;
}

export class PageTables {
  /** Physical address of the PDPT: the CR3 value of this space. */
  readonly root: number;
  private readonly frames: FrameAllocator;
  /** The allocator's page-table use counts, by frame number (frames.ts tableUses). */
  private readonly uses: Uint16Array;
  private tables = 0;

  private constructor(frames: FrameAllocator, root: number) {
    this.frames = frames;
    this.root = root;
    this.uses = frames.tableUses;
  }

  /**
   * New, empty user half; PDPT[3] = `kernelPdpte` (the kernel page directory entry taken from
   * the boot PDPT). -Errno.ENOMEM if no frame is left for the PDPT.
   */
  static create(frames: FrameAllocator, kernelPdpte: number): PageTables | number {
    const root = frames.allocZeroed();
    if (root < 0) return root;
    physWrite32(root + 3 * 8, kernelPdpte);
    return new PageTables(frames, root);
  }

  /** Whether this space is the one in CR3. */
  isActive(): boolean {
    return cr3Root(readCr3()) === this.root;
  }

  /** Makes this the current address space (flushes the TLB's user entries). */
  activate(): void {
    writeCr3(this.root);
  }

  /**
   * The entries translating `va` (any 32-bit address, the kernel half too), each as its two
   * dwords [low, high]: the PDPTE, then the PDE when the PDPTE is present, then the PTE when
   * the PDE is present and maps a page table (not a 2 MiB page); an entry not reached is
   * [0, 0]. Read-only: for /proc/PID/pagewalk (the `pt` tool).
   */
  walk(va: number): { pdpte: [number, number]; pde: [number, number]; pte: [number, number] } {
    const pair = (slot: number): [number, number] => [physRead32(slot), physRead32(slot + 4)];
    const pdpte = pair(this.root + (va >>> 30) * 8);
    let pde: [number, number] = [0, 0], pte: [number, number] = [0, 0];
    if ((pdpte[0] & Pte.P) !== 0) {
      pde = pair(pteFrame(pdpte[0]) + ((va >>> 21) & 0x1ff) * 8);
      if ((pde[0] & Pte.P) !== 0 && (pde[0] & Pte.PS) === 0) pte = pair(pteFrame(pde[0]) + ((va >>> 12) & 0x1ff) * 8);
    }
    return { pdpte, pde, pte };
  }

  /** The PTE (low dword) for a user address, 0 when it or a table above it is absent. */
  entry(va: number): number {
    const slot = this.pteSlot(va);
    return slot === 0 ? 0 : physRead32(slot);
  }

  /**
   * Sets the PTE of a user page, allocating the page directory and page table on the way.
   * Returns 0 or -Errno.ENOMEM (nothing changed then).
   */
  set(va: number, entry: number, flush: TlbFlush): number {
    checkUser(va);
    if (entry === 0) {
      this.clear(va, flush);
      return 0;
    }
    const pd = this.ensurePd(va, flush);
    if (pd < 0) return pd;
    const pt = this.ensurePt(pd, va);
    if (pt < 0) {
      this.releasePdIfEmpty(pd, va, flush);
      return pt;
    }
    const slot = pt + ((va >>> 12) & 0x1ff) * 8;
    const old = physRead32(slot);
    if (old === 0) this.count(pt, 1);
    physWrite32(slot, entry);
    if (needsFlush(old, entry)) flush.page(va);
    return 0;
  }

  /** Clears the PTE of a user page; returns the old entry (0 if there was none). */
  clear(va: number, flush: TlbFlush): number {
    checkUser(va);
    const slot = this.pteSlot(va);
    if (slot === 0) return 0;
    const old = physRead32(slot);
    if (old === 0) return 0;
    physWrite32(slot, 0);
    if (needsFlush(old, 0)) flush.page(va);
    const pd = pteFrame(physRead32(this.root + (va >>> 30) * 8));
    const pt = pteFrame(physRead32(pd + ((va >>> 21) & 0x1ff) * 8));
    this.releaseTables(pd, pt, va, flush);
    return old;
  }

  /**
   * Sets and clears bits of an existing PTE (nothing happens for an empty one); returns the
   * new entry (0 if empty).
   */
  update(va: number, setBits: number, clearBits: number, flush: TlbFlush): number {
    const slot = this.pteSlot(va);
    if (slot === 0) return 0;
    const old = physRead32(slot);
    if (old === 0) return 0;
    const next = ((old & ~clearBits) | setBits) >>> 0;
    if (next !== old) {
      physWrite32(slot, next);
      if (needsFlush(old, next)) flush.page(va);
    }
    return next;
  }

  /** Reads and clears the accessed bit (page aging); true if it was set. */
  testAndClearAccessed(va: number, flush: TlbFlush): boolean {
    return this.testAndClear(va, Pte.A, flush);
  }

  /** Reads and clears the dirty bit (write-back); true if it was set. */
  testAndClearDirty(va: number, flush: TlbFlush): boolean {
    return this.testAndClear(va, Pte.D, flush);
  }

  /**
   * The first user page at or after `va` and below `end` whose PTE is not empty, or -1.
   * Skips absent directories and tables, and reads the tables afresh on every call, so a
   * caller may change entries (and so free tables) between calls.
   */
  nextUsed(va: number, end: number): number {
    if (end > Layout.USER_END) end = Layout.USER_END;
    while (va < end) {
      const pdpte = physRead32(this.root + (va >>> 30) * 8);
      if ((pdpte & Pte.P) === 0) {
        va = (Math.floor(va / Span.PDPTE) + 1) * Span.PDPTE;
        continue;
      }
      const pde = physRead32(pteFrame(pdpte) + ((va >>> 21) & 0x1ff) * 8);
      if ((pde & Pte.P) === 0) {
        va = (Math.floor(va / Span.PDE) + 1) * Span.PDE;
        continue;
      }
      const pt = pteFrame(pde);
      let stop = (Math.floor(va / Span.PDE) + 1) * Span.PDE;
      if (stop > end) stop = end;
      for (; va < stop; va += Span.PTE) {
        if (physRead32(pt + ((va >>> 12) & 0x1ff) * 8) !== 0) return va;
      }
    }
    return -1;
  }

  // ---- ranges: one native call per page table (fork, munmap, mprotect) --------------------
  //
  // The range [start, end) is page-aligned, inside the user half, and is walked one page
  // table (2 MiB) at a time; absent tables are skipped. The per-entry loops are natives
  // (natives.ts pteCopy/pteZap/pteUpdate, kernel/arch/pte-ranges.ts); the use counts,
  // table life and TLB bookkeeping stay here. A range native reports the pages whose
  // present entries changed as a bitmap of its first 32 entries: in a range of up to 32
  // pages those pages are invalidated one by one; a change in a longer range reloads CR3.

  /** The page table covering va, or 0 when it (or its directory) is absent. */
  private tableAt(va: number): number {
    const pdpte = physRead32(this.root + (va >>> 30) * 8);
    if ((pdpte & Pte.P) === 0) return 0;
    const pde = physRead32(pteFrame(pdpte) + ((va >>> 21) & 0x1ff) * 8);
    if ((pde & Pte.P) === 0 || (pde & Pte.PS) !== 0) return 0;
    return pteFrame(pde);
  }

  /**
   * Clears every entry of [start, end). With `counted`, each entry's managed frame loses
   * the reference it held (frames reaching 0 are freed); without (VM_PFNMAP), no counts
   * change. Tables left empty are freed.
   */
  zapRange(start: number, end: number, counted: boolean, flush: TlbFlush): void {
    checkRange(start, end);
    const table = counted ? this.frames.tableBase : 0;
    const out = this.root + RANGE_OUT;
    for (let va = start; va < end;) {
      let stop = (Math.floor(va / Span.PDE) + 1) * Span.PDE;
      if (stop > end) stop = end;
      const pt = this.tableAt(va);
      if (pt !== 0) {
        const r = pteZap(pt + ((va >>> 12) & 0x1ff) * 8, (stop - va) >>> 12, table, this.frames.limit, out);
        if (r < 0) throw new Error('frames: unref of a free frame (zap at ' + va + ')');
        if (counted) {
          const freed = physRead32(out + 8);
          if (freed !== 0) this.frames.freeChain(physRead32(out), physRead32(out + 4), freed);
        }
        if (r >= 0x1_0000) flushRange(flush, va, stop, out);
        const cleared = r & 0xffff;
        if (cleared !== 0) {
          const pd = pteFrame(physRead32(this.root + (va >>> 30) * 8));
          this.releaseTables(pd, pt, va, flush, cleared);
        }
      }
      va = stop;
    }
  }

  /**
   * fork: copies the entries of [start, end) into `child` (same addresses), clearing the
   * bits `clear` in both (Pte.RW for copy-on-write); with `counted` each copied entry's
   * managed frame gets one more reference. 0, or -ENOMEM when a child table could not be
   * allocated (what was copied stays, consistently counted: the caller frees the child).
   */
  copyRange(child: PageTables, start: number, end: number, clear: number, counted: boolean, flush: TlbFlush, childFlush: TlbFlush): number {
    checkRange(start, end);
    const table = counted ? this.frames.tableBase : 0;
    const out = this.root + RANGE_OUT;
    for (let va = start; va < end;) {
      let stop = (Math.floor(va / Span.PDE) + 1) * Span.PDE;
      if (stop > end) stop = end;
      const pt = this.tableAt(va);
      if (pt !== 0) {
        const pd = child.ensurePd(va, childFlush);
        if (pd < 0) return pd;
        const cpt = child.ensurePt(pd, va);
        if (cpt < 0) {
          child.releasePdIfEmpty(pd, va, childFlush);
          return cpt;
        }
        const index = ((va >>> 12) & 0x1ff) * 8;
        const r = pteCopy(pt + index, cpt + index, (stop - va) >>> 12, clear, table, this.frames.limit, out);
        if (r < 0) throw new Error('frames: ref of a free frame (fork at ' + va + ')');
        if (r >= 0x1_0000) flushRange(flush, va, stop, out);
        // a table this copy allocated and left empty goes again (count 0 after + 0)
        child.count(cpt, r & 0xffff);
        child.releaseTables(pd, cpt, va, childFlush, 0);
      }
      va = stop;
    }
    return 0;
  }

  /**
   * Each non-empty entry e of [start, end) with (e & mask) === match becomes
   * (e & ~clear) | set (mprotect); entries that lose a permission, P or A/D are invalidated.
   */
  updateRange(start: number, end: number, set: number, clear: number, mask: number, match: number, flush: TlbFlush): void {
    checkRange(start, end);
    const out = this.root + RANGE_OUT;
    for (let va = start; va < end;) {
      let stop = (Math.floor(va / Span.PDE) + 1) * Span.PDE;
      if (stop > end) stop = end;
      const pt = this.tableAt(va);
      if (pt !== 0 && pteUpdate(pt + ((va >>> 12) & 0x1ff) * 8, (stop - va) >>> 12, set, clear, mask, match, out) !== 0) {
        flushRange(flush, va, stop, out);
      }
      va = stop;
    }
  }

  /** Number of page tables plus page directories in use (for tests and accounting). */
  get tableCount(): number {
    return this.tables;
  }

  /**
   * Frees the PDPT. Every user page must have been unmapped before (which freed every table
   * on the way); a remaining table is a leak and throws.
   */
  destroy(): void {
    if (this.tables !== 0) throw new Error('page tables: destroy with ' + this.tables + ' tables still in use');
    if (this.isActive()) throw new Error('page tables: destroy of the current address space');
    this.frames.unref(this.root);
  }

  // ---- internals -------------------------------------------------------------------------

  /** Physical address of the PTE for va, or 0 if its directory or table is absent. */
  private pteSlot(va: number): number {
    const pdpte = physRead32(this.root + (va >>> 30) * 8);
    if ((pdpte & Pte.P) === 0) return 0;
    // pteFrame written out: this is on every fault's path
    const pde = physRead32(((pdpte & Pte.FRAME) >>> 0) + ((va >>> 21) & 0x1ff) * 8);
    if ((pde & Pte.P) === 0 || (pde & Pte.PS) !== 0) return 0;
    return ((pde & Pte.FRAME) >>> 0) + ((va >>> 12) & 0x1ff) * 8;
  }

  private testAndClear(va: number, bit: number, flush: TlbFlush): boolean {
    const slot = this.pteSlot(va);
    if (slot === 0) return false;
    const old = physRead32(slot);
    if ((old & bit) === 0) return false;
    physWrite32(slot, (old & ~bit) >>> 0);
    if ((old & Pte.P) !== 0) flush.page(va);
    return true;
  }

  /** The page directory for va, allocated (and the PDPT changed) if absent; or -Errno.ENOMEM. */
  private ensurePd(va: number, flush: TlbFlush): number {
    const slot = this.root + (va >>> 30) * 8;
    const pdpte = physRead32(slot);
    if ((pdpte & Pte.P) !== 0) return pteFrame(pdpte);
    const pd = this.frames.allocZeroed();
    if (pd < 0) return -Errno.ENOMEM;
    this.uses[pd >>> 12] = 0;
    this.tables++;
    physWrite32(slot, pd | Pte.P);
    flush.pdptChanged();
    return pd;
  }

  /** The page table for va in directory pd, allocated if absent; or -Errno.ENOMEM. */
  private ensurePt(pd: number, va: number): number {
    const slot = pd + ((va >>> 21) & 0x1ff) * 8;
    const pde = physRead32(slot);
    if ((pde & Pte.P) !== 0) return pteFrame(pde);
    const pt = this.frames.allocZeroed();
    if (pt < 0) return -Errno.ENOMEM;
    this.uses[pt >>> 12] = 0;
    this.tables++;
    physWrite32(slot, pt | Pte.P | Pte.RW | Pte.US);
    this.count(pd, 1);
    return pt;
  }

  private count(table: number, delta: number): number {
    const n = this.uses[table >>> 12] + delta;
    if (n < 0 || n > 512) throw new Error('page tables: use count ' + n + ' of table ' + table);
    this.uses[table >>> 12] = n;
    return n;
  }

  /**
   * The physical address of va's PTE when its page table exists, else 0 (the fault path:
   * with it, an absent entry is installed by `fill` without walking again).
   */
  slot(va: number): number {
    // pteSlot's body, not a call to it: this is every fault's path
    const pdpte = physRead32(this.root + (va >>> 30) * 8);
    if ((pdpte & Pte.P) === 0) return 0;
    const pde = physRead32(((pdpte & Pte.FRAME) >>> 0) + ((va >>> 21) & 0x1ff) * 8);
    if ((pde & Pte.P) === 0 || (pde & Pte.PS) !== 0) return 0;
    return ((pde & Pte.FRAME) >>> 0) + ((va >>> 12) & 0x1ff) * 8;
  }

  /**
   * Replaces the non-empty PTE at `slot` (from `slot(va)`, nothing changed since) by another
   * non-empty one, so no use count changes; the caller records the invalidation it needs.
   */
  replace(slot: number, entry: number): void {
    if (physRead32(slot) === 0 || entry === 0) throw new Error('page tables: replace of an empty entry at ' + slot);
    physWrite32(slot, entry);
  }

  /**
   * Installs `entry` in the PTE at `slot`, which the caller found empty (from `slot(va)`,
   * read as 0, nothing changed since): no invalidation is needed for an entry that was
   * empty; the table gains one use (count checks the bound).
   */
  fill(slot: number, entry: number): void {
    if (entry === 0) throw new Error('page tables: fill with an empty entry at ' + slot);
    physWrite32(slot, entry);
    this.count((slot & ~0xfff) >>> 0, 1);
  }

  /** `emptied` entries of `pt` became empty: free the table, and its directory, when they empty. */
  private releaseTables(pd: number, pt: number, va: number, flush: TlbFlush, emptied = 1): void {
    if (this.count(pt, -emptied) !== 0) return;
    this.tables--;
    physWrite32(pd + ((va >>> 21) & 0x1ff) * 8, 0);
    this.frames.unref(pt);
    flush.page(va); // the paging-structure caches may hold the PDE
    this.count(pd, -1);
    this.releasePdIfEmpty(pd, va, flush);
  }

  private releasePdIfEmpty(pd: number, va: number, flush: TlbFlush): void {
    if (this.uses[pd >>> 12] !== 0) return;
    this.tables--;
    physWrite32(this.root + (va >>> 30) * 8, 0);
    this.frames.unref(pd);
    flush.pdptChanged();
  }
}

/**
 * Records the invalidations a range native reported for [start, end): the pages of its
 * bitmap (out[3]) when the range has at most 32 pages, else a CR3 reload.
 */
function flushRange(flush: TlbFlush, start: number, end: number, out: number): void {
  if (end - start <= 32 * Span.PTE) flush.bitmap(start, physRead32(out + 12));
  else flush.all();
}

function checkRange(start: number, end: number): void {
  if (start < 0 || end > Layout.USER_END || start > end || (start & 0xfff) !== 0 || (end & 0xfff) !== 0) {
    throw new Error('page tables: bad user range ' + start + '-' + end);
  }
}

function checkUser(va: number): void {
  if (va >= Layout.USER_END || va < 0) throw new Error('page tables: not a user address ' + va);
}
