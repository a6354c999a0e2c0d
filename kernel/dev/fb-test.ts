// `test=fb`: sets a 320x200x32 VBE mode, maps /dev/fb0 into a user address space (kernel/mm
// on the real page tables) as MAP_SHARED, faults its pages in, and with that address space
// loaded draws a pattern through the user addresses, as a user program would; then prints
// the area's /proc/PID/maps line and powers off. tests/boot/fb.test.ts reads v86's VGA
// memory and compares every pixel with the pattern.

import { readCr3, virtWrite32, writeCr3 } from '../arch/intrinsics.ts';
import { AddressSpace, Fault, FaultAccess, createMmShared } from '../mm/address-space.ts';
import { errnoName } from '../mm/errno.ts';
import { FrameAllocator } from '../mm/frames.ts';
import { formatMaps } from '../mm/maps.ts';
import { MapFlag, Prot } from '../mm/mman.ts';
import { usableRam } from '../mm/boot-memory.ts';
import { Framebuffer } from './fb.ts';

export const FB_TEST_WIDTH = 320, FB_TEST_HEIGHT = 200;

/** The test pattern's pixel (x, y): 0x00RRGGBB; tests/boot/fb.test.ts computes the same. */
export function fbPattern(x: number, y: number): number {
  return (((x * 4) & 0xff) << 16) | (((y * 5) & 0xff) << 8) | ((x ^ y) & 0xff);
}

/** 0 when the pattern was drawn, or -errno. */
export function runFbTest(out: (line: string) => void): number {
  const ram = usableRam();
  let limit = 0;
  for (const r of ram) if (r.end > limit) limit = r.end;
  const shared = createMmShared(new FrameAllocator({ available: ram, reserved: [], limit }));
  if (typeof shared === 'number') return shared;
  const fb = new Framebuffer();
  const r = fb.setMode(FB_TEST_WIDTH, FB_TEST_HEIGHT, 32);
  if (r < 0) {
    out('fb: mode set failed: ' + errnoName(r));
    return r;
  }
  out('fb: ' + fb.width + 'x' + fb.height + 'x' + fb.bpp + ', ' + fb.memoryBytes / 1024 + ' KiB of display memory');
  const space = AddressSpace.create(shared);
  if (typeof space === 'number') return space;
  const len = fb.frameBytes;
  const base = space.mmap(0, len, Prot.READ | Prot.WRITE, MapFlag.SHARED, { object: fb }, 0);
  if (base < 0) {
    out('fb: mmap failed: ' + errnoName(base));
    return base;
  }
  // A private writable mapping of raw frames cannot copy on write: refused.
  const priv = space.mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE, { object: fb }, 0);
  out('fb: MAP_PRIVATE|PROT_WRITE: ' + (priv < 0 ? errnoName(priv) : 'mapped'));
  for (let va = base; va < base + len; va += 4096) {
    const f = space.fault(va, FaultAccess.WRITE);
    if (f !== Fault.OK) {
      out('fb: fault at 0x' + va.toString(16) + ': ' + String(f));
      return -1;
    }
  }
  out(formatMaps(space).split('\n')[0]);
  const previous = readCr3();
  space.activate();
  for (let y = 0; y < fb.height; y++) {
    const row = base + y * fb.pitch;
    for (let x = 0; x < fb.width; x++) virtWrite32(row + x * 4, fbPattern(x, y));
  }
  writeCr3(previous);
  out('fb: pattern drawn through the user mapping at 0x' + base.toString(16) + ', mappings ' + fb.mappings);
  space.free();
  out('fb: unmapped, mappings ' + fb.mappings);
  return 0;
}
