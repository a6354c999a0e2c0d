// Writeback and memory pressure in the guest:
//  - periodic writeback: a MAP_SHARED store reaches the disk image while its process still
//    runs, with no msync/fsync/sync/exit (and does not with writeback=0, the control);
//  - a file larger than the free memory written through MAP_SHARED (mem= on the kernel
//    command line keeps it small): dirty pages are written back and evicted rather than
//    failing, every word reads back right in the guest and on the host (debugfs), and
//    e2fsck finds the volume clean;
//  - the OOM killer: a child that touches memory until none is left is killed with a kernel
//    log line, and its parent (and the kernel) go on.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec, execCmdline, execInitrd } from '../../host/exec.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { mkfs, readTree } from '../../image-builder/ext2/mkfs.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';
import { CI } from '../oracle.ts';

const haveE2fs = spawnSync('debugfs', ['-V'], { stdio: 'ignore' }).status === 0 && spawnSync('e2fsck', ['-V'], { stdio: 'ignore' }).status === 0;
if (!haveE2fs && CI) throw new Error('CI: needs e2fsprogs (e2fsck, debugfs)');
const why = missingOracle() ?? (haveE2fs ? null : 'needs e2fsprogs (e2fsck, debugfs)');
const noTty = { stdin: false, stdout: false, stderr: false };

function emptyDisk(mib: number, blockSize: 1024 | 4096 = 1024): { dir: string; img: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-wb-'));
  mkdirSync(join(dir, 'tree'));
  const img = join(dir, 'disk.img');
  writeFileSync(img, mkfs(readTree(join(dir, 'tree')), { size: mib * 1024 * 1024, blockSize }));
  return { dir, img };
}

describe.skipIf(why !== null)('writeback', () => {
  for (const period of [1, 0]) {
    test(`writeback=${period}: a MAP_SHARED store is ${period > 0 ? '' : 'not '}on the disk while its process runs`, async () => {
      const { dir, img } = emptyDisk(4);
      const bin = buildProgram(join('tests', 'proc', 'programs', 'periodic.c'));
      const opts = { image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 64, ttys: noTty, stdinBytes: new Uint8Array(0), cmdline: `writeback=${period}` };
      const m = await bootImage({ image: opts.image, memoryMiB: opts.memoryMiB, cmdline: execCmdline(opts), initrd: execInitrd(opts), hdb: { bytes: readFileSync(img) } });
      await m.waitForOutput('ready\n', 60_000);
      const now = join(dir, 'now.img');
      writeFileSync(now, m.disk('hdb')!);
      await m.stop();
      const runs = Number(/writeback runs (\d+)/.exec(m.output)![1]);
      const file = execFileSync('debugfs', ['-R', 'cat /periodic.txt', now], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] });
      if (period > 0) {
        expect(runs).toBeGreaterThanOrEqual(2);
        expect(file.startsWith('stored through MAP_SHARED, never synced\n')).toBe(true);
      } else {
        expect(runs).toBe(0);
        expect(file).not.toContain('stored through');
      }
    }, 120_000);
  }

  test('a file larger than free memory written through MAP_SHARED: written back and evicted, read back right', async () => {
    const { dir, img } = emptyDisk(40, 4096);
    const bin = buildProgram(join('tests', 'proc', 'programs', 'pressure-write.c'));
    const pages = 2048;
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin, String(pages)], memoryMiB: 128, disk: img, cmdline: 'mem=42M',
      ttys: noTty, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    await m.stop();
    console.log(m.output);
    const free = Number(/free pages (\d+)/.exec(m.output)![1]);
    expect(free).toBeLessThan(pages); // the file does not fit
    expect(m.output).toContain('bad pages 0\n');
    const [, written, evicted] = /written back (\d+) evicted (\d+)/.exec(m.output)!.map(Number);
    expect(written).toBeGreaterThanOrEqual(pages - free);
    expect(evicted).toBeGreaterThan(0);
    expect(status).toBe(0);
    expect(spawnSync('e2fsck', ['-fn', img], { encoding: 'utf8' }).status).toBe(0);
    const out = join(dir, 'big.out');
    execFileSync('debugfs', ['-R', `dump /big.bin ${out}`, img], { stdio: 'ignore' });
    const words = new Uint32Array(readFileSync(out).buffer.slice(0));
    expect(words.length).toBe(pages * 1024);
    let bad = 0;
    for (let i = 0; i < words.length; i++) if (words[i] !== i) bad++;
    expect(bad).toBe(0);
  }, 300_000);
});

describe.skipIf(missingOracle() !== null)('out of memory', () => {
  test('the process that takes all memory is killed with a log line; its parent survives', async () => {
    const bin = buildProgram(join('tests', 'proc', 'programs', 'oom.c'));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 64, cmdline: 'mem=48M',
      ttys: noTty, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    await m.stop();
    const child = /child (\d+) started/.exec(m.output)![1];
    expect(m.errorOutput).toMatch(new RegExp(`^Out of memory: killed process ${child} \\(oom\\)`, 'm'));
    expect(m.output).toContain('child killed by signal 9\n');
    expect(m.output).toContain('parent survives: 2\n');
    expect(status).toBe(0);
  }, 120_000);
});

test.runIf(why !== null)('writeback: skipped', () => {
  console.log(`skipped: ${why}`);
});
