// The kernel's physical memory once the native boot code is done: the RAM the loader
// reports above the native code's own memory (image, stacks and the interpreter heap end at
// physReservedEnd), below the end of the direct map, handed to one frame allocator, and the
// state every address space shares (the kernel half, the zero page).

import { bootInfoAddress, physReservedEnd } from '../arch/intrinsics.ts';
import { createMmShared, type MmShared } from './address-space.ts';
import { FrameAllocator, type PhysRange } from './frames.ts';
import { readMemoryMap } from './multiboot.ts';

/** The kernel's direct map covers RAM up to here (boot/layout.ts DIRECT_MAP_MAX). */
export const DIRECT_MAP_END = 0x3800_0000;
const LARGE_PAGE = 0x20_0000;

/** The RAM the frame allocator may use: the loader's map above the native code's memory (and below `limit` when not 0: mem=). */
export function usableRam(limit = 0): PhysRange[] {
  const floor = physReservedEnd();
  const out: PhysRange[] = [];
  for (const r of readMemoryMap(bootInfoAddress())) {
    const start = r.start > floor ? r.start : floor;
    // The boot code direct-maps RAM up to the highest available end rounded down to a 2 MiB
    // page (boot/entry.ts boot_ram_top): frames above that are out of the kernel's reach
    // (QEMU's -m 128 map ends at 0x7fe0000).
    let end = r.end < DIRECT_MAP_END ? r.end : DIRECT_MAP_END;
    if (limit > 0 && end > limit) end = limit;
    end = Math.floor(end / LARGE_PAGE) * LARGE_PAGE;
    if (end > start) out.push({ start, end });
  }
  return out;
}

export interface KernelMemory {
  frames: FrameAllocator;
  shared: MmShared;
}

/**
 * The frame allocator over usableRam() and the shared address-space state; -ENOMEM when
 * there is no RAM for the zero page. Call once: a second allocator over the same RAM would
 * hand out the same frames.
 */
export function createKernelMemory(below = 0): KernelMemory | number {
  const ram = usableRam(below);
  let limit = 0;
  for (const r of ram) if (r.end > limit) limit = r.end;
  const frames = new FrameAllocator({ available: ram, reserved: [], limit });
  const shared = createMmShared(frames);
  if (typeof shared === 'number') return shared;
  return { frames, shared };
}
