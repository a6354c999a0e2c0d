// The fault path on a disk file, in the guest (tests/proc/programs/disk-faults.c): two
// processes faulting one cold page of a file on /mnt read the disk once and count one
// major fault between them; a process faulting a cold page sleeps while another keeps
// running, and the other says so between the faulter's two lines.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec } from '../../host/exec.ts';
import { mkfs, readTree } from '../../image-builder/ext2/mkfs.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';

const why = missingOracle();

/** 64 pages; the first word of page i is i. */
function pattern(): Uint8Array {
  const b = new Uint8Array(64 * 4096);
  const v = new DataView(b.buffer);
  for (let i = 0; i < 64; i++) {
    v.setInt32(i * 4096, i, true);
    for (let j = 4; j < 4096; j++) b[i * 4096 + j] = (i * 7 + j) & 0xff;
  }
  return b;
}

describe.skipIf(why !== null)('faults on a disk file', () => {
  test('one read for two faults on a page; a cold fault sleeps only its process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskern-faults-'));
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'big.bin'), pattern());
    const img = join(dir, 'disk.img');
    writeFileSync(img, mkfs(readTree(tree), { size: 4 * 1024 * 1024 }));
    const bin = buildProgram(join('tests', 'proc', 'programs', 'disk-faults.c'));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 64, disk: img,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const status = await m.exited;
    await m.stop();
    console.log(m.output);
    expect(status).toBe(0);
    const lines = m.output.split('\n');
    const p1 = /^phase1 pgread=(\d+) majflt=(\d+) coalesced=(\d+) ok=(\d+)$/.exec(lines[0]);
    expect(p1).not.toBeNull();
    const [read, majflt, , ok] = p1!.slice(1).map(Number);
    expect(ok).toBe(2); // both saw the page's contents
    expect(read).toBe(1); // one disk read for the two faults
    expect(majflt).toBe(1); // the other fault waited on that read or found the page: minor
    // phase 2: the spinner's line comes between the faulter's two
    expect(lines.slice(1, 4)).toEqual([
      'faulter: touching a cold page',
      'spinner: running while the other process waits for the disk',
      'faulter: got the page',
    ]);
    const p2 = /^phase2 majflt=(\d+) during=(\d+) ok=1$/.exec(lines[4]);
    expect(p2).not.toBeNull();
    expect(Number(p2![1])).toBe(1);
    expect(Number(p2![2])).toBeGreaterThan(0);
  }, 300_000);
});

test.runIf(why !== null)('faults on a disk file: skipped', () => {
  console.log(`skipped: ${why}`);
});
