// The multiboot (v1) memory map, read out of physical memory: the RAM the frame allocator
// may manage. The loader passes the physical address of its information structure in EBX.

import { physRead32 } from '../arch/intrinsics.ts';
import type { PhysRange } from './frames.ts';

enum Info {
  FLAGS = 0,
  MEM_LOWER = 4,
  MEM_UPPER = 8,
  MMAP_LENGTH = 44,
  MMAP_ADDR = 48,
  /** flags: mem_lower/mem_upper valid */
  FLAG_MEM = 1 << 0,
  /** flags: mmap_length/mmap_addr valid */
  FLAG_MMAP = 1 << 6,
  /** memory-map entry type of usable RAM */
  AVAILABLE = 1,
  FOUR_GIB = 0x1_0000_0000,
}

/**
 * Available RAM below 4 GiB as byte ranges, from the memory map when the loader gave one
 * (entries: size, base (64-bit), length (64-bit), type; `size` excludes itself), else from
 * mem_lower/mem_upper (KiB below 640 KiB and above 1 MiB).
 */
export function readMemoryMap(info: number): PhysRange[] {
  const flags = physRead32(info + Info.FLAGS);
  const out: PhysRange[] = [];
  if ((flags & Info.FLAG_MMAP) !== 0) {
    const length = physRead32(info + Info.MMAP_LENGTH);
    const base = physRead32(info + Info.MMAP_ADDR);
    let p = base;
    while (p + 24 <= base + length) {
      const size = physRead32(p);
      const lo = physRead32(p + 4), hi = physRead32(p + 8);
      const lenLo = physRead32(p + 12), lenHi = physRead32(p + 16);
      const type = physRead32(p + 20);
      if (type === Info.AVAILABLE && hi === 0) {
        let end = lo + lenLo + lenHi * Info.FOUR_GIB;
        if (end > Info.FOUR_GIB) end = Info.FOUR_GIB;
        if (end > lo) out.push({ start: lo, end });
      }
      p += size + 4;
    }
    return out;
  }
  if ((flags & Info.FLAG_MEM) !== 0) {
    out.push({ start: 0, end: physRead32(info + Info.MEM_LOWER) * 1024 });
    out.push({ start: 0x10_0000, end: 0x10_0000 + physRead32(info + Info.MEM_UPPER) * 1024 });
  }
  return out;
}
