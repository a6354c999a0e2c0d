// The reference model of the property test: an address space as a plain map from page
// number to what that page is (flags, backing, backing page, contents), with the memory
// system calls written the simple way, page by page, straight from the Linux man pages.
// Areas are not stored: they are derived from the pages by Linux's merge rule, which is what
// a kernel that always merges must hold.

import { Errno } from '../../kernel/mm/errno.ts';
import { MapFlag, Mremap, Prot } from '../../kernel/mm/mman.ts';
import { Vm } from '../../kernel/mm/vma.ts';

export const P = 4096;
export const USER_END = 0xc000_0000;

export type Kind = 'anon' | 'shm' | 'file';

/** Shared contents of a backing object (shm object or file): page index -> byte stamp. */
export type Contents = Map<number, number>;

export interface PageRec {
  flags: number;
  kind: Kind;
  /** The backing object (ShmemObject or TestFile) for shm/file, null for anon. */
  obj: object | null;
  /** Backing page index (anonymous: the page number at creation, as the kernel's pgoff). */
  index: number;
  /** Private contents (anon; private file pages once written). */
  data: number;
  /** A private file page with its own copy. */
  own: boolean;
}

export interface ModelArea {
  start: number;
  end: number;
  flags: number;
  obj: object | null;
  pgoff: number;
}

export interface Backing {
  contents: Contents;
  /** Pages in the file (-1: unbounded). */
  size: number;
}

export class SpaceModel {
  pages = new Map<number, PageRec>();
  brkStart = 0;
  brkEnd = 0;

  constructor(readonly mmapMin: number, readonly mmapBase: number) {}

  clone(): SpaceModel {
    const c = new SpaceModel(this.mmapMin, this.mmapBase);
    for (const [k, v] of this.pages) c.pages.set(k, { ...v });
    c.brkStart = this.brkStart;
    c.brkEnd = this.brkEnd;
    return c;
  }

  get(va: number): PageRec | undefined {
    return this.pages.get(Math.floor(va / P));
  }

  free(start: number, len: number): boolean {
    for (let a = start; a < start + len; a += P) if (this.pages.has(a / P)) return false;
    return true;
  }

  unmap(start: number, end: number): void {
    for (let a = start; a < end; a += P) this.pages.delete(a / P);
  }

  /** Where a non-fixed mapping goes (no growsdown areas in the property test, so no gaps). */
  unmappedArea(hint: number, len: number): number {
    if (hint !== 0) {
      const a = Math.ceil(hint / P) * P;
      if (a >= this.mmapMin && a <= USER_END - len && this.free(a, len)) return a;
    }
    for (let a = this.mmapBase - len; a >= this.mmapMin; a -= P) if (this.free(a, len)) return a;
    for (let a = USER_END - len; a >= this.mmapMin; a -= P) if (this.free(a, len)) return a;
    return -Errno.ENOMEM;
  }

  /** Areas derived from the pages by Linux's merge rule. */
  areas(): ModelArea[] {
    const keys = [...this.pages.keys()].sort((x, y) => x - y);
    const out: ModelArea[] = [];
    let cur: ModelArea | null = null;
    for (const k of keys) {
      const r = this.pages.get(k)!;
      if (cur && cur.end === k * P && cur.flags === r.flags && cur.obj === r.obj && (r.flags & Vm.SPECIAL) === 0 &&
        cur.pgoff + (cur.end - cur.start) / P === r.index && kindOf(cur) === r.kind) {
        cur.end += P;
        continue;
      }
      cur = { start: k * P, end: (k + 1) * P, flags: r.flags, obj: r.obj, pgoff: r.index };
      (cur as ModelArea & { kind: Kind }).kind = r.kind;
      out.push(cur);
    }
    return out;
  }

  area(va: number): ModelArea | undefined {
    return this.areas().find((a) => a.start <= va && va < a.end);
  }

  /** mmap: returns the address or -errno; `make(i)` gives the record of page i. */
  mmap(addr: number, len: number, flags: number, make: (i: number, start: number) => PageRec): number {
    let start: number;
    if (flags & (MapFlag.FIXED | MapFlag.FIXED_NOREPLACE)) {
      if (addr % P) return -Errno.EINVAL;
      if (addr > USER_END - len) return -Errno.ENOMEM;
      if (addr < this.mmapMin) return -Errno.EPERM;
      if (flags & MapFlag.FIXED_NOREPLACE && !this.free(addr, len)) return -Errno.EEXIST;
      start = addr;
    } else {
      start = this.unmappedArea(addr, len);
      if (start < 0) return start;
    }
    this.unmap(start, start + len);
    for (let i = 0; i < len / P; i++) this.pages.set(start / P + i, make(i, start));
    return start;
  }

  munmap(addr: number, len: number): number {
    if (addr % P || len === 0 || addr > USER_END || len > USER_END - addr) return -Errno.EINVAL;
    this.unmap(addr, addr + Math.ceil(len / P) * P);
    return 0;
  }

  mprotect(addr: number, len: number, prot: number): number {
    if (addr % P) return -Errno.EINVAL;
    if (len === 0) return 0;
    const end = addr + Math.ceil(len / P) * P;
    if (end > USER_END) return -Errno.ENOMEM;
    for (let a = addr; a < end; a += P) {
      const r = this.get(a);
      if (!r) return -Errno.ENOMEM;
      if (prot & ~(r.flags >> 4) & 7) return -Errno.EACCES;
    }
    for (let a = addr; a < end; a += P) {
      const r = this.get(a)!;
      r.flags = (r.flags & ~7) | prot;
    }
    return 0;
  }

  brk(addr: number): number {
    if (addr < this.brkStart || addr > USER_END) return this.brkEnd;
    const oldTop = Math.ceil(this.brkEnd / P) * P, newTop = Math.ceil(addr / P) * P;
    if (newTop < oldTop) this.unmap(newTop, oldTop);
    else if (newTop > oldTop) {
      if (!this.free(oldTop, newTop + P - oldTop)) return this.brkEnd;
      for (let a = oldTop; a < newTop; a += P) {
        this.pages.set(a / P, { flags: Vm.READ | Vm.WRITE | Vm.MAY, kind: 'anon', obj: null, index: a / P, data: 0, own: true });
      }
    }
    this.brkEnd = addr;
    return addr;
  }

  /** MADV_DONTNEED: private copies are dropped. */
  dontneed(addr: number, len: number): number {
    if (addr % P) return -Errno.EINVAL;
    const end = addr + Math.ceil(len / P) * P;
    if (end > USER_END) return -Errno.EINVAL;
    let hole = false;
    for (let a = addr; a < end; a += P) {
      const r = this.get(a);
      if (!r) hole = true;
      else if (r.kind === 'anon') r.data = 0;
      else if (r.kind === 'file' && !(r.flags & Vm.SHARED)) r.own = false;
    }
    return hole ? -Errno.ENOMEM : 0;
  }

  mremap(old: number, oldLen: number, newLen: number, flags: number, newAddr: number): number {
    if (old % P || flags & ~3 || (flags & Mremap.FIXED && !(flags & Mremap.MAYMOVE))) return -Errno.EINVAL;
    oldLen = Math.ceil(oldLen / P) * P;
    newLen = Math.ceil(newLen / P) * P;
    if (!newLen || !oldLen) return -Errno.EINVAL;
    if (old > USER_END - oldLen) return -Errno.EFAULT;
    const fixed = !!(flags & Mremap.FIXED);
    if (fixed) {
      if (newAddr % P || newAddr > USER_END - newLen) return -Errno.EINVAL;
      if (newAddr < old + oldLen && old < newAddr + newLen) return -Errno.EINVAL;
      if (newAddr < this.mmapMin) return -Errno.EPERM;
    }
    const area = this.area(old);
    if (!area || old + oldLen > area.end) return -Errno.EFAULT;
    if (newLen > oldLen && area.flags & (Vm.PFNMAP | Vm.DONTEXPAND)) return -Errno.EFAULT;
    if (fixed) {
      this.unmap(newAddr, newAddr + newLen);
      if (newLen < oldLen) {
        this.unmap(old + newLen, old + oldLen);
        oldLen = newLen;
      }
      this.move(old, oldLen, newAddr, newLen);
      return newAddr;
    }
    if (newLen <= oldLen) {
      this.unmap(old + newLen, old + oldLen);
      return old;
    }
    if (old + oldLen === area.end && old + newLen <= USER_END && this.free(old + oldLen, newLen - oldLen)) {
      this.extend(old + oldLen - P, old + oldLen, newLen - oldLen);
      return old;
    }
    if (!(flags & Mremap.MAYMOVE)) return -Errno.ENOMEM;
    const to = this.unmappedArea(0, newLen);
    if (to < 0) return to;
    this.move(old, oldLen, to, newLen);
    return to;
  }

  /** Pages [at, at + len) continue the page before them (`last`): same area, next indices, no private data. */
  private extend(last: number, at: number, len: number): void {
    const r = this.get(last)!;
    for (let i = 0; i < len / P; i++) {
      this.pages.set(at / P + i, { ...r, index: r.index + (at - last) / P + i, data: 0, own: r.kind === 'anon' });
    }
  }

  private move(old: number, oldLen: number, to: number, newLen: number): void {
    const recs: PageRec[] = [];
    for (let a = old; a < old + oldLen; a += P) recs.push(this.get(a)!);
    this.unmap(old, old + oldLen);
    recs.forEach((r, i) => this.pages.set(to / P + i, r));
    if (newLen > oldLen) this.extend(to + oldLen - P, to + oldLen, newLen - oldLen);
  }
}

function kindOf(a: ModelArea): Kind {
  return (a as ModelArea & { kind: Kind }).kind;
}

/** The byte a page holds, as the model sees it. */
export function expectedByte(r: PageRec, backing: (obj: object) => Backing): number {
  if (r.kind === 'anon') return r.data;
  if (r.kind === 'file' && !(r.flags & Vm.SHARED) && r.own) return r.data;
  return backing(r.obj!).contents.get(r.index) ?? 0;
}

/** What a user access to page record r gives: 'ok' or the signal name. */
export function accessOutcome(r: PageRec | undefined, write: boolean, backing: (obj: object) => Backing): 'ok' | 'maperr' | 'accerr' | 'sigbus' {
  if (!r) return 'maperr';
  if (write ? !(r.flags & Vm.WRITE) : !(r.flags & (Vm.READ | Vm.WRITE | Vm.EXEC))) return 'accerr';
  if (r.kind === 'file') {
    const size = backing(r.obj!).size;
    if (size >= 0 && r.index >= size) return 'sigbus';
  }
  return 'ok';
}

export { Prot };
