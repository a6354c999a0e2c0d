// Program text from the page cache (tests/proc/programs/text-share.c): a program on the
// ext2 disk at /mnt run by two processes at once; its text area names the file in
// /proc/PID/maps and /proc/PID/pagemap shows both processes on one frame for the page
// holding main, while a data page each wrote is two frames.

import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec } from '../../host/exec.ts';
import { mkfs, readTree } from '../../image-builder/ext2/mkfs.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';

const why = missingOracle();

describe.skipIf(why !== null)('program text from the page cache', () => {
  test('two processes running a program from /mnt share its text frames', async () => {
    const bin = buildProgram(join('tests', 'proc', 'programs', 'text-share.c'));
    const dir = mkdtempSync(join(tmpdir(), 'tskern-text-'));
    mkdirSync(join(dir, 'tree'));
    copyFileSync(bin, join(dir, 'tree', 'textshare'));
    const img = join(dir, 'disk.img');
    writeFileSync(img, mkfs(readTree(join(dir, 'tree')), { size: 8 * 1024 * 1024 }));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 64, disk: img,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    await m.stop();
    expect(m.output).toMatch(/^child text: [0-9a-f]{8} r-xp [0-9a-f]{8} 03:40 \d+ +\/mnt\/textshare$/m);
    expect(m.output).toContain('text: present 1 1, file 1, same frame 1\n');
    expect(m.output).toContain('data: present 1 1, same frame 0\n');
    expect(status).toBe(0);
  }, 300_000);
});

test.runIf(why !== null)('program text from the page cache: skipped', () => {
  console.log(`skipped: ${why}`);
});
