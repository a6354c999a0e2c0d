// A PAE page walker over (guest or simulated) physical memory, read the way the MMU reads
// it: tests use translate/walkUser so that a wrongly formatted entry fails them (on v86's
// guest memory in tests/boot, on the simulated memory of tests/mm); the VM inspector
// (host/inspect/inspect.ts) walks whole tables with walkTables.

export type ReadPhys = (addr: number, len: number) => Uint8Array;

export interface Translation {
  phys: number;
  /** 2 MiB page (PDE with PS) or 4 KiB page. */
  large: boolean;
  writable: boolean;
  user: boolean;
  global: boolean;
  accessed: boolean;
  dirty: boolean;
  /** Physical address of the last-level entry (PTE, or PDE for a large page). */
  entryAddr: number;
}

export interface Entry64 {
  lo: number;
  hi: number;
}

function entry64(read: ReadPhys, addr: number): Entry64 {
  const b = read(addr, 8);
  const v = new DataView(b.buffer, b.byteOffset, 8);
  return { lo: v.getUint32(0, true), hi: v.getUint32(4, true) };
}

/** Reads the four PDPT entries at cr3 (null where not present). */
export function readPdpt(read: ReadPhys, cr3: number): (Entry64 | null)[] {
  const base = (cr3 & ~0x1f) >>> 0;
  return [0, 1, 2, 3].map((i) => {
    const e = entry64(read, base + i * 8);
    return e.lo & 1 ? e : null;
  });
}

/**
 * Translates a virtual address, or returns null where the walk finds a non-present entry.
 * `pdpteRegs`: the PDPTE registers as loaded at the last `mov cr3` (PAE caches them there, so
 * a PDPT changed in memory since then is not seen); by default the PDPT is read from memory.
 */
export function translate(read: ReadPhys, cr3: number, va: number, pdpteRegs?: (Entry64 | null)[]): Translation | null {
  va >>>= 0;
  const pdpte = (pdpteRegs ?? readPdpt(read, cr3))[va >>> 30];
  if (!pdpte) return null;
  if (pdpte.hi !== 0) throw new Error('PDPTE with a high dword: more than 32-bit physical addresses');
  if (pdpte.lo & 0x1e6) throw new Error(`PDPTE ${pdpte.lo.toString(16)} has reserved bits set (RW/US/A/D/PS are reserved in PAE PDPTEs)`);
  const pdeAddr = ((pdpte.lo & ~0xfff) >>> 0) + ((va >>> 21) & 0x1ff) * 8;
  const pde = entry64(read, pdeAddr);
  if (!(pde.lo & 1)) return null;
  if (pde.hi !== 0) throw new Error('PDE with a high dword set (NX or >4 GiB): v86 cannot walk it');
  const rw = !!(pde.lo & 2), us = !!(pde.lo & 4);
  if (pde.lo & 0x80) {
    return {
      phys: ((pde.lo & 0xffe00000) | (va & 0x1fffff)) >>> 0, large: true, writable: rw, user: us,
      global: !!(pde.lo & 0x100), accessed: !!(pde.lo & 0x20), dirty: !!(pde.lo & 0x40), entryAddr: pdeAddr,
    };
  }
  const pteAddr = ((pde.lo & ~0xfff) >>> 0) + ((va >>> 12) & 0x1ff) * 8;
  const pte = entry64(read, pteAddr);
  if (!(pte.lo & 1)) return null;
  if (pte.hi !== 0) throw new Error('PTE with a high dword set');
  return {
    phys: ((pte.lo & 0xfffff000) | (va & 0xfff)) >>> 0,
    large: false,
    writable: rw && !!(pte.lo & 2),
    user: us && !!(pte.lo & 4),
    global: !!(pte.lo & 0x100),
    accessed: !!(pte.lo & 0x20),
    dirty: !!(pte.lo & 0x40),
    entryAddr: pteAddr,
  };
}

/** One non-empty 4 KiB-level entry found by walkUser. */
export interface UserEntry {
  va: number;
  /** Low dword of the PTE (present or not: software states keep their bits). */
  pte: number;
  pteAddr: number;
}

/** Everything a walk of the user half (PDPT[0..2]) finds, read from memory. */
export interface UserWalk {
  /** Page directories and page tables in use (physical addresses). */
  tables: number[];
  /** Non-empty PTEs in address order. */
  entries: UserEntry[];
}

/**
 * Walks every user page directory and page table and lists the non-empty PTEs; checks the
 * entry format on the way (high dwords zero, PDPTEs without reserved bits, PDEs pointing to
 * tables with P|RW|US and no PS).
 */
export function walkUser(read: ReadPhys, cr3: number): UserWalk {
  const out: UserWalk = { tables: [], entries: [] };
  const pdpt = readPdpt(read, cr3);
  for (let i = 0; i < 3; i++) {
    const pdpte = pdpt[i];
    if (!pdpte) continue;
    if (pdpte.hi !== 0 || pdpte.lo & 0x1e6) throw new Error(`bad PDPTE[${i}] ${pdpte.hi.toString(16)}:${pdpte.lo.toString(16)}`);
    const pd = (pdpte.lo & ~0xfff) >>> 0;
    out.tables.push(pd);
    for (let j = 0; j < 512; j++) {
      const pde = entry64(read, pd + j * 8);
      if (pde.hi !== 0) throw new Error('PDE with a high dword');
      if (!(pde.lo & 1)) {
        if (pde.lo !== 0) throw new Error(`non-present PDE with bits ${pde.lo.toString(16)}`);
        continue;
      }
      if ((pde.lo & 0x87) !== 0x07) throw new Error(`user PDE ${pde.lo.toString(16)}: want P|RW|US, no PS`);
      const pt = (pde.lo & ~0xfff) >>> 0;
      out.tables.push(pt);
      for (let k = 0; k < 512; k++) {
        const pteAddr = pt + k * 8;
        const pte = entry64(read, pteAddr);
        if (pte.hi !== 0) throw new Error('PTE with a high dword');
        if (pte.lo === 0) continue;
        out.entries.push({ va: i * 0x4000_0000 + j * 0x20_0000 + k * 0x1000, pte: pte.lo, pteAddr });
      }
    }
  }
  return out;
}

/** One present leaf mapping of the user half found by walkTables. */
export interface LeafMapping {
  va: number;
  /** Low dword of the PTE (or of the PDE of a 2 MiB page). */
  entry: number;
  /** Its physical address. */
  entryAddr: number;
  /** A 2 MiB page (PDE with PS). */
  large: boolean;
}

/**
 * Every present page of the user half (PDPT[0..2]) of the space whose CR3 is `cr3`, in
 * address order, with 2 MiB pages as one mapping each. Unlike walkUser it checks no format
 * (the inspector shows whatever the tables hold) and reads each table in one piece, so a
 * walk costs one read per table rather than one per entry. Non-present entries are left out.
 */
export function walkTables(read: ReadPhys, cr3: number): LeafMapping[] {
  const out: LeafMapping[] = [];
  const pdptAddr = (cr3 & ~0x1f) >>> 0;
  const pdpt = words(read(pdptAddr, 32));
  for (let i = 0; i < 3; i++) {
    const pdpte = pdpt.getUint32(i * 8, true);
    if (!(pdpte & 1)) continue;
    const pdAddr = (pdpte & ~0xfff) >>> 0;
    const pd = words(read(pdAddr, 4096));
    for (let j = 0; j < 512; j++) {
      const pde = pd.getUint32(j * 8, true);
      if (!(pde & 1)) continue;
      const base = i * 0x4000_0000 + j * 0x20_0000;
      if (pde & 0x80) {
        out.push({ va: base, entry: pde, entryAddr: pdAddr + j * 8, large: true });
        continue;
      }
      const ptAddr = (pde & ~0xfff) >>> 0;
      const pt = words(read(ptAddr, 4096));
      for (let k = 0; k < 512; k++) {
        const pte = pt.getUint32(k * 8, true);
        if (pte & 1) out.push({ va: base + k * 0x1000, entry: pte, entryAddr: ptAddr + k * 8, large: false });
      }
    }
  }
  return out;
}

function words(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
