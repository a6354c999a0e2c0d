// test=fb: the kernel sets a VBE mode, maps /dev/fb0 (kernel/dev/fb.ts, a VM_PFNMAP memory
// object) into a user address space and draws through the user mapping; the host reads
// v86's display memory and checks every pixel.
import { describe, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { FB_TEST_HEIGHT, FB_TEST_WIDTH } from '../../kernel/dev/fb-test.ts';

/** The pattern, written out here independently of the kernel's fbPattern. */
function expected(x: number, y: number): number {
  const r = (x * 4) % 256, g = (y * 5) % 256, b = (x ^ y) % 256;
  return r * 65536 + g * 256 + b;
}

describe('test=fb', () => {
  test('a pattern drawn through a user mapping of /dev/fb0 is in the display memory', async () => {
    const m = await bootImage({ image: assembleKernel().elf, cmdline: 'test=fb' });
    const status = await m.exited;
    const out = m.output;
    expect(out).toMatch(/fb: 320x200x32, \d+ KiB of display memory/);
    expect(out).toContain('fb: MAP_PRIVATE|PROT_WRITE: EACCES');
    // The /proc/PID/maps line names the object: a shared mapping of /dev/fb0.
    expect(out).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8} rw-s 00000000 1d:00 0 +\/dev\/fb0\r?$/m);
    expect(out).toMatch(/fb: pattern drawn through the user mapping at 0x[0-9a-f]+, mappings 1/);
    expect(out).toContain('fb: unmapped, mappings 0');
    expect(status).toBe(0);
    const vram = m.readVideoMemory(0, FB_TEST_WIDTH * FB_TEST_HEIGHT * 4);
    await m.stop();
    const view = new DataView(vram.buffer, vram.byteOffset, vram.byteLength);
    let bad = 0, first = '';
    for (let y = 0; y < FB_TEST_HEIGHT; y++) {
      for (let x = 0; x < FB_TEST_WIDTH; x++) {
        const got = view.getUint32((y * FB_TEST_WIDTH + x) * 4, true);
        if (got !== expected(x, y)) {
          if (bad === 0) first = `(${x}, ${y}): 0x${got.toString(16)}, expected 0x${expected(x, y).toString(16)}`;
          bad++;
        }
      }
    }
    expect(bad, first).toBe(0);
  }, 120_000);
});
