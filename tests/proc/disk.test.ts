// Processes on a disk: an ext2 image made by `tskern mkfs`, attached with --disk and mounted
// at /mnt, read and written by a static i386 program; afterwards the host's e2fsck finds the
// image clean and debugfs reads what the guest wrote: write(2) data, a MAP_SHARED store, not
// the MAP_PRIVATE one, a new directory and a renamed file.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec } from '../../host/exec.ts';
import { mkfs, readTree } from '../../image-builder/ext2/mkfs.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';
import { CI } from '../oracle.ts';

const haveE2fs = spawnSync('debugfs', ['-V'], { stdio: 'ignore' }).status === 0 && spawnSync('e2fsck', ['-V'], { stdio: 'ignore' }).status === 0;
if (!haveE2fs && CI) throw new Error('CI: needs e2fsprogs (e2fsck, debugfs)');
const why = missingOracle() ?? (haveE2fs ? null : 'needs e2fsprogs (e2fsck, debugfs)');

const debugfs = (img: string, cmd: string) => execFileSync('debugfs', ['-R', cmd, img], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] });

describe.skipIf(why !== null)('files on an ext2 disk', () => {
  test('a program reads and writes /mnt; e2fsprogs reads the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskern-disk-'));
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'hello.txt'), 'hello from the host disk\n');
    const img = join(dir, 'disk.img');
    writeFileSync(img, mkfs(readTree(tree), { size: 8 * 1024 * 1024 }));
    const bin = buildProgram(join('tests', 'proc', 'programs', 'disk-files.c'));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 128, disk: img,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    await m.stop();
    expect(m.output).toBe('read: hello from the host disk\ndone\n');
    expect(status).toBe(0);
    expect(spawnSync('e2fsck', ['-fn', img], { encoding: 'utf8' }).status).toBe(0);
    const file = debugfs(img, 'cat /new.txt');
    expect(file.length).toBe(8192);
    expect(file.startsWith('written by the guest\n')).toBe(true);
    expect(file.slice(4096, 4096 + 21)).toBe('shared mapping store\n');
    expect(file).not.toContain('PRIVATE STORE');
    expect(debugfs(img, 'cat /dir/moved.txt')).toBe('hello from the host disk\n');
    expect(debugfs(img, 'ls /')).not.toContain('hello.txt');
  }, 300_000);
});

test.runIf(why !== null)('files on an ext2 disk: skipped', () => {
  console.log(`skipped: ${why}`);
});
