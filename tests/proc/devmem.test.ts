// Device and shared-memory mappings made by a static i386 program in the guest
// (tests/proc/programs/devmem.c): /dev/fb0 (ioctls with Linux's struct layouts, a
// MAP_SHARED mapping drawn into; the host reads v86's display memory back), /dev/zero
// shared and private across fork, memfd_create and shm_open in /dev/shm shared by two
// processes, and the /proc/self/maps names of each.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec, scriptFiles } from '../../host/exec.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';

const why = missingOracle();

/** The program's pattern, written out here on its own. */
function expected(x: number, y: number): number {
  return ((x * 3) % 256) * 65536 + ((y * 2) % 256) * 256 + ((x + y) % 256);
}

describe.skipIf(why !== null)('device and shared memory mappings', () => {
  test('fb0, /dev/zero, memfd and shm_open from a process', async () => {
    const bin = buildProgram(join('tests', 'proc', 'programs', 'devmem.c'));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 64,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    const vram = m.readVideoMemory(0, 320 * 200 * 4);
    await m.stop();
    const out = m.output;
    expect(status).toBe(0);
    // the default mode, then the one asked for; the layouts are glibc's <linux/fb.h>
    expect(out).toContain('fb0: 640x480 32bpp line 2560 id BOCHS VBE red 16/8\n');
    expect(out).toContain('fb0: 320x200 32bpp line 1280\n');
    expect(out).toContain('fb0 MAP_PRIVATE writable: refused\n');
    expect(out).toMatch(/^maps: [0-9a-f]{8}-[0-9a-f]{8} rw-s 00000000 1d:00 0 +\/dev\/fb0$/m);
    expect(out).toContain('zero: shared 1234 private 5\n');
    expect(out).toMatch(/^maps: [0-9a-f]{8}-[0-9a-f]{8} rw-s 00000000 00:00 \d+ +\/dev\/zero \(deleted\)$/m);
    expect(out).toContain('memfd: map "memfd page written by the child" read "memfd page written by the child"\n');
    expect(out).toMatch(/^maps: [0-9a-f]{8}-[0-9a-f]{8} rw-s 00000000 00:01 \d+ +\/memfd:tskern \(deleted\)$/m);
    expect(out).toContain('shm: "shm page written by another process"\n');
    expect(out).toMatch(/^maps: [0-9a-f]{8}-[0-9a-f]{8} rw-s 00000000 00:01 \d+ +\/dev\/shm\/tskern-test$/m);
    expect(out).toContain('shm_unlink: 0\nshm_open after unlink: -1\n');
    const view = new DataView(vram.buffer, vram.byteOffset, vram.byteLength);
    let bad = 0, first = '';
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 320; x++) {
        const got = view.getUint32((y * 320 + x) * 4, true);
        if (got !== expected(x, y)) {
          if (bad === 0) first = `(${x}, ${y}): 0x${got.toString(16)}, expected 0x${expected(x, y).toString(16)}`;
          bad++;
        }
      }
    }
    expect(bad, first).toBe(0);
  }, 300_000);
});

describe('fbdemo', () => {
  test('draws its gradient and rings through /dev/fb0', async () => {
    const m = await bootExec({
      image: kernelImage().elf, program: 'user/bin/fbdemo.ts', ...scriptFiles('user/bin/fbdemo.ts'), argv: ['/bin/fbdemo', '160', '100'], memoryMiB: 64,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    const vram = m.readVideoMemory(0, 160 * 100 * 4);
    await m.stop();
    expect(m.output).toBe('fbdemo: drew 160x100 at 32 bits per pixel through /dev/fb0 (line 640 bytes)\n');
    expect(status).toBe(0);
    let bad = 0;
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 160; x++) {
        const ring = Math.floor(Math.hypot(x - 80, y - 50) / 8) % 2 === 0;
        const want = [ring ? 255 : 64, Math.floor((y * 255) / 100), Math.floor((x * 255) / 160), 0];
        const at = (y * 160 + x) * 4;
        if (want.some((v, i) => vram[at + i] !== v)) bad++;
      }
    }
    expect(bad).toBe(0);
  }, 300_000);
});

test.runIf(why !== null)('device and shared memory mappings: skipped', () => {
  console.log(`skipped: ${why}`);
});
