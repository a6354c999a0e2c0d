// The frame allocator: which frames it manages, reference counts, the free list, and the
// multiboot memory map it is built from.
import { afterEach, describe, expect, test } from 'vitest';
import { installIntrinsics, type Intrinsics } from '../../kernel/arch/intrinsics.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { FrameAllocator } from '../../kernel/mm/frames.ts';
import { readMemoryMap } from '../../kernel/mm/multiboot.ts';
import { FakeMachine } from './fake-machine.ts';
import { MiB } from './setup.ts';

let previous: Intrinsics | undefined;
afterEach(() => {
  if (previous) installIntrinsics(previous);
  previous = undefined;
});

function machine(size = 4 * MiB): FakeMachine {
  const m = new FakeMachine(size);
  previous = installIntrinsics(m);
  return m;
}

function drain(frames: FrameAllocator): number[] {
  const out: number[] = [];
  for (let f = frames.alloc(); f >= 0; f = frames.alloc()) out.push(f);
  return out;
}

describe('FrameAllocator', () => {
  test('manages the available frames minus frame 0, reserved ranges and its own table', () => {
    const m = machine(4 * MiB);
    const frames = new FrameAllocator({
      available: [{ start: 0, end: 0x9_fc00 }, { start: 0x10_0000, end: 4 * MiB }],
      reserved: [{ start: 0x10_0000, end: 0x18_0800 }], // ends mid-frame: that frame is reserved too
      limit: 4 * MiB,
    });
    // Table: 1024 frames * 4 bytes = 1 frame, at the lowest usable frame (0x1000).
    expect(frames.tableBase).toBe(0x1000);
    const expected = (0x9f - 2) + (0x400 - 0x181); // [0x2000, 0x9f000) and [0x181000, 4 MiB)
    expect(frames.managedCount).toBe(expected);
    expect(frames.freeCount).toBe(expected);
    expect(frames.usedCount).toBe(0);
    const all = drain(frames);
    expect(all.length).toBe(expected);
    expect(all[0]).toBe(0x2000); // lowest first
    expect(new Set(all).size).toBe(all.length);
    for (const f of all) {
      expect(f % 4096).toBe(0);
      expect(f).not.toBe(0);
      expect(f >= 0x9_f000 && f < 0x18_1000).toBe(false); // hole, reserved (rounded out)
      expect(f).not.toBe(frames.tableBase);
    }
    expect(frames.alloc()).toBe(-Errno.ENOMEM);
    expect(frames.freeCount).toBe(0);
    expect(frames.usedCount).toBe(expected);
    expect(frames.isManaged(0)).toBe(false);
    expect(frames.isManaged(0x10_0000)).toBe(false);
    expect(frames.isManaged(frames.tableBase)).toBe(false);
    expect(frames.isManaged(0x18_1000)).toBe(true);
    expect(m.physRead32(frames.tableBase + 0x181 * 4)).toBe(1); // the table lives in physical memory
  });

  test('frames beyond the limit (the direct map end) are not managed', () => {
    machine(4 * MiB);
    const frames = new FrameAllocator({ available: [{ start: 0x10_0000, end: 4 * MiB }], reserved: [], limit: 2 * MiB });
    expect(frames.limit).toBe(2 * MiB);
    expect(frames.managedCount).toBe(256 - 1); // [1 MiB, 2 MiB) less the one-frame table
    expect(frames.isManaged(3 * MiB)).toBe(false);
    expect(Math.max(...drain(frames))).toBeLessThan(2 * MiB);
  });

  test('a region ending at 4 GiB does not wrap around', () => {
    machine(2 * MiB);
    const frames = new FrameAllocator({ available: [{ start: 0x10_0000, end: 0x1_0000_0000 }], reserved: [], limit: 2 * MiB });
    expect(frames.managedCount).toBe(255);
  });

  test('reference counts: shared frames are freed by the last unref, then reused', () => {
    const m = machine();
    const frames = new FrameAllocator({ available: [{ start: 0x10_0000, end: 2 * MiB }], reserved: [], limit: 2 * MiB, poison: true });
    const free0 = frames.freeCount;
    const f = frames.alloc();
    expect(frames.refCount(f)).toBe(1);
    expect(frames.ref(f)).toBe(2);
    expect(frames.ref(f)).toBe(3);
    expect(frames.freeCount).toBe(free0 - 1);
    m.physWrite32(f + 8, 0x1234_5678);
    expect(frames.unref(f)).toBe(2);
    expect(frames.unref(f)).toBe(1);
    expect(frames.freeCount).toBe(free0 - 1);
    expect(m.physRead32(f + 8)).toBe(0x1234_5678);
    expect(frames.unref(f)).toBe(0);
    expect(frames.freeCount).toBe(free0);
    expect(frames.refCount(f)).toBe(0);
    expect(m.physRead32(f + 8)).toBe(0xcccc_cccc); // poisoned on free
    expect(() => frames.unref(f)).toThrow(/free frame/);
    expect(() => frames.ref(f)).toThrow(/free frame/);
    expect(frames.alloc()).toBe(f); // LIFO: the frame just freed comes back first
  });

  test('unmanaged frames cannot be counted', () => {
    machine();
    const frames = new FrameAllocator({ available: [{ start: 0x10_0000, end: 2 * MiB }], reserved: [], limit: 2 * MiB });
    expect(() => frames.ref(0x5000)).toThrow(/unmanaged/);
    expect(() => frames.refCount(3 * MiB)).toThrow(/bad frame/);
    expect(() => frames.refCount(0x10_0010)).toThrow(/bad frame/);
  });

  test('allocZeroed clears the frame with one fill', () => {
    const m = machine();
    const frames = new FrameAllocator({ available: [{ start: 0x10_0000, end: 2 * MiB }], reserved: [], limit: 2 * MiB });
    const f = frames.alloc();
    m.mem.fill(0xab, f, f + 4096);
    frames.unref(f);
    const fills = m.fills;
    const g = frames.allocZeroed();
    expect(g).toBe(f);
    expect(m.fills).toBe(fills + 1);
    expect(m.mem.subarray(g, g + 4096).every((b) => b === 0)).toBe(true);
  });
});

describe('multiboot memory map', () => {
  function writeInfo(m: FakeMachine, at: number, entries: [number, number, number, number, number][]): void {
    // [baseLo, baseHi, lenLo, lenHi, type], each entry 24 bytes with size = 20
    const map = at + 0x100;
    m.physWrite32(at, 1 << 6);
    m.physWrite32(at + 44, entries.length * 24);
    m.physWrite32(at + 48, map);
    entries.forEach((e, i) => {
      const p = map + i * 24;
      m.physWrite32(p, 20);
      e.forEach((v, k) => m.physWrite32(p + 4 + k * 4, v));
    });
  }

  test('available entries below 4 GiB, clipped there', () => {
    const m = machine();
    writeInfo(m, 0x7c00, [
      [0, 0, 0x9_fc00, 0, 1],
      [0x9_fc00, 0, 0x400, 0, 2],
      [0x10_0000, 0, 0x7ee_0000, 0, 1],
      [0xfffc_0000, 0, 0x4_0000, 0, 2],
      [0xffff_0000, 0, 0x2_0000, 0, 1], // crosses 4 GiB
      [0, 1, 0x1000_0000, 0, 1], // above 4 GiB
    ]);
    expect(readMemoryMap(0x7c00)).toEqual([
      { start: 0, end: 0x9_fc00 },
      { start: 0x10_0000, end: 0x7fe_0000 },
      { start: 0xffff_0000, end: 0x1_0000_0000 },
    ]);
  });

  test('mem_lower/mem_upper without a map', () => {
    const m = machine();
    m.physWrite32(0x7c00, 1);
    m.physWrite32(0x7c04, 639);
    m.physWrite32(0x7c08, 7 * 1024);
    expect(readMemoryMap(0x7c00)).toEqual([{ start: 0, end: 639 * 1024 }, { start: 0x10_0000, end: 8 * MiB }]);
  });
});
