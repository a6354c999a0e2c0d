// TLB invalidation, batched per operation.
//
// Rules (Intel SDM vol. 3, 4.10):
//  - A not-present entry is never cached, so making an entry present needs no flush.
//  - Changing or removing a present entry (other frame, fewer permissions, P cleared,
//    A or D cleared) needs `invlpg` of that page; invlpg also empties the paging-structure
//    caches, which covers a page table freed under that address.
//  - Raising permissions (RW 0 -> 1 on the same frame) needs nothing: a stale read-only
//    entry causes at most a spurious fault, which the fault path recognises (the PTE already
//    allows the access) and which itself drops the stale entry.
//  - PAE PDPTEs live in registers loaded by `mov cr3`: after any PDPT change the space
//    must reload CR3, whether the entry appeared or went away.
//  - Only the current address space (CR3) has TLB entries that matter: loading CR3 for
//    another space flushes every non-global entry, and user pages are never global.
//
// An operation records what it changed in a TlbFlush and commits once at its end, before
// anything can run in user mode or `await`: nothing for an inactive space, a CR3 reload
// when a PDPTE changed or when more than FLUSH_ALL_THRESHOLD pages changed (cheaper than
// that many invlpg, as Linux's tlb_single_page_flush_ceiling), else one invlpg per page.

import { invlpg, readCr3, writeCr3 } from '../arch/intrinsics.ts';

export enum Tlb {
  /** More changed pages than this in one operation: reload CR3 instead of invlpg each. */
  FLUSH_ALL_THRESHOLD = 32,
}

/** The PDPT address in a CR3 value (PAE: 32-byte aligned; bits 3 and 4 are PWT/PCD). */
export function cr3Root(cr3: number): number {
  return (cr3 & ~0x1f) >>> 0;
}

export class TlbFlush {
  /**
   * The pages to invalidate: the first `count` slots of a fixed array (no push or new array
   * per operation: this object is reused by every operation of its space).
   */
  private readonly pages: number[] = [];
  private count = 0;
  private reload = false;

  /** `root`: the PDPT of the address space whose entries change. */
  constructor(readonly root: number) {
    for (let i = 0; i < Tlb.FLUSH_ALL_THRESHOLD; i++) this.pages[i] = 0;
  }

  /** A present entry for this virtual page changed. */
  page(va: number): void {
    if (this.reload) return;
    const p = (va & ~0xfff) >>> 0;
    const n = this.count;
    for (let i = 0; i < n; i++) if (this.pages[i] === p) return;
    if (n === Tlb.FLUSH_ALL_THRESHOLD) {
      this.all();
      return;
    }
    this.pages[n] = p;
    this.count = n + 1;
  }

  /** The present entries of pages va + 4096 * i changed, for each bit i set in `bits`. */
  bitmap(va: number, bits: number): void {
    if (this.reload) return;
    // the pages of one bitmap are distinct: into an empty batch they go without the duplicate search
    const fresh = this.count === 0;
    for (let i = 0; bits !== 0; i++, bits >>>= 1) {
      if ((bits & 1) === 0) continue;
      const p = (va + i * 0x1000) >>> 0;
      if (!fresh) this.page(p);
      else if (this.count === Tlb.FLUSH_ALL_THRESHOLD) return this.all();
      else this.pages[this.count++] = p;
    }
  }

  /** Entries of unknown pages changed (a range operation): reload CR3. */
  all(): void {
    this.reload = true;
    this.count = 0;
  }

  /** A PDPT entry changed: the PDPTE registers must be reloaded. */
  pdptChanged(): void {
    this.reload = true;
    this.count = 0;
  }

  /** Whether committing would do anything in the current space. */
  get empty(): boolean {
    return !this.reload && this.count === 0;
  }

  /** Applies the invalidations if this space is the current one; resets the batch. */
  commit(): void {
    if (!this.reload && this.count === 0) return;
    const cr3 = readCr3();
    if (cr3Root(cr3) === this.root) {
      if (this.reload) writeCr3(cr3);
      else for (let i = 0; i < this.count; i++) invlpg(this.pages[i]);
    }
    this.count = 0;
    this.reload = false;
  }
}
