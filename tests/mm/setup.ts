// A simulated machine in the state the boot code leaves it: a boot PDPT whose PDPT[3] points
// to the kernel page directory (RAM direct-mapped with 2 MiB pages), CR3 loaded, and the
// frame allocator over the RAM above the "image".

import { installIntrinsics, type Intrinsics } from '../../kernel/arch/intrinsics.ts';
import { AddressSpace, createMmShared, type AddressSpaceOptions, type MmShared } from '../../kernel/mm/address-space.ts';
import { FrameAllocator } from '../../kernel/mm/frames.ts';
import { FakeMachine } from './fake-machine.ts';

export const MiB = 1024 * 1024;
/** Physical layout of the simulated boot state (inside the reserved "image" range). */
export const BOOT = { kernelPd: 0x10_1000, pdpt: 0x10_2000, imageStart: 0x10_0000, imageEnd: 0x20_0000 } as const;

export interface Booted {
  m: FakeMachine;
  frames: FrameAllocator;
  shared: MmShared;
  /** Frames in use right after boot (frame table excluded: it is not managed): the zero page. */
  baseUsed: number;
  restore(): void;
}

/** Boots a FakeMachine with `mib` MiB of RAM and installs it as the intrinsics. */
export function boot(mib = 8, opts: { poison?: boolean } = {}): Booted {
  const m = new FakeMachine(mib * MiB);
  const previous: Intrinsics = installIntrinsics(m);
  // The kernel page directory: the direct map, 2 MiB pages, supervisor only, global.
  for (let i = 0; i * 2 * MiB < m.size; i++) {
    m.physWrite32(BOOT.kernelPd + i * 8, (i * 2 * MiB) | 0x1 | 0x2 | 0x80 | 0x100);
  }
  m.physWrite32(BOOT.pdpt + 3 * 8, BOOT.kernelPd | 1);
  m.writeCr3(BOOT.pdpt);
  m.clearLogs();
  const frames = new FrameAllocator({
    available: [{ start: 0, end: 0x9_f000 }, { start: 0x10_0000, end: m.size }],
    reserved: [{ start: BOOT.imageStart, end: BOOT.imageEnd }],
    limit: m.size,
    poison: opts.poison ?? true,
  });
  const shared = createMmShared(frames);
  if (typeof shared === 'number') throw new Error('no memory for the zero page');
  return { m, frames, shared, baseUsed: frames.usedCount, restore: () => installIntrinsics(previous) };
}

/** A new address space, or a thrown error. */
export function newSpace(shared: MmShared, opts: AddressSpaceOptions = {}): AddressSpace {
  const s = AddressSpace.create(shared, opts);
  if (typeof s === 'number') throw new Error('AddressSpace.create: ' + s);
  return s;
}
