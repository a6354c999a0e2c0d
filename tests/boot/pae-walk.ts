// A test-side PAE page walker: reads the tables out of (guest or simulated) physical memory
// the way the MMU does, so a wrongly formatted entry fails the test that relies on it.

export type ReadPhys = (addr: number, len: number) => Uint8Array;

export interface Translation {
  phys: number;
  /** 2 MiB page (PDE with PS) or 4 KiB page. */
  large: boolean;
  writable: boolean;
  user: boolean;
  global: boolean;
}

function entry64(read: ReadPhys, addr: number): { lo: number; hi: number } {
  const b = read(addr, 8);
  const v = new DataView(b.buffer, b.byteOffset, 8);
  return { lo: v.getUint32(0, true), hi: v.getUint32(4, true) };
}

/** Reads the four PDPT entries at cr3 (the low dword of each; null if not present). */
export function readPdpt(read: ReadPhys, cr3: number): ({ lo: number; hi: number } | null)[] {
  const base = cr3 & ~0x1f;
  return [0, 1, 2, 3].map((i) => {
    const e = entry64(read, base + i * 8);
    return e.lo & 1 ? e : null;
  });
}

/** Translates a virtual address, or returns null where the walk finds a non-present entry. */
export function translate(read: ReadPhys, cr3: number, va: number): Translation | null {
  va >>>= 0;
  const pdpte = readPdpt(read, cr3)[va >>> 30];
  if (!pdpte) return null;
  if (pdpte.hi !== 0) throw new Error('PDPTE with a high dword: more than 32-bit physical addresses');
  const pde = entry64(read, ((pdpte.lo & ~0xfff) >>> 0) + ((va >>> 21) & 0x1ff) * 8);
  if (!(pde.lo & 1)) return null;
  if (pde.hi !== 0) throw new Error('PDE with a high dword set (NX or >4 GiB): v86 cannot walk it');
  const rw = !!(pde.lo & 2), us = !!(pde.lo & 4);
  if (pde.lo & 0x80) {
    return { phys: ((pde.lo & 0xffe00000) | (va & 0x1fffff)) >>> 0, large: true, writable: rw, user: us, global: !!(pde.lo & 0x100) };
  }
  const pte = entry64(read, ((pde.lo & ~0xfff) >>> 0) + ((va >>> 12) & 0x1ff) * 8);
  if (!(pte.lo & 1)) return null;
  if (pte.hi !== 0) throw new Error('PTE with a high dword set');
  return {
    phys: ((pte.lo & 0xfffff000) | (va & 0xfff)) >>> 0,
    large: false,
    writable: rw && !!(pte.lo & 2),
    user: us && !!(pte.lo & 4),
    global: !!(pte.lo & 0x100),
  };
}
