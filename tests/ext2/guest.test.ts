// The storage stack in the guest: an image made by our mkfs is attached to v86 as hdb,
// the kernel boots with selftest=ext2 (kernel/fs/selftest.ts): its ATA driver and ext2
// read the host's files, create, write, rename, truncate and remove, sync and power off
// (by bus-master DMA, and by PIO with `nodma`).
// The host then holds the image the guest wrote: e2fsck -fn must find it clean and
// debugfs must read back what the guest wrote. QEMU runs the same image when installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { mkfs, type Entry } from '../../image-builder/ext2/mkfs.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { debugfs, debugfsList, e2fsck, e2fsprogsNote, skipE2fsprogs } from './e2fsprogs.ts';
import { pattern } from './pattern.ts';
import { CI } from '../oracle.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tskern-guest-ext2-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const enc = (s: string) => new TextEncoder().encode(s);
const file = (data: Uint8Array | string): Entry => ({ kind: 'file', data: typeof data === 'string' ? enc(data) : data });
const dirOf = (entries: Record<string, Entry>): Entry => ({ kind: 'dir', entries: new Map(Object.entries(entries)) });

const PATTERN = pattern(30000, 5);
const TRUNCATE_ME = pattern(5000, 6);

function tree(): Entry {
  return dirOf({
    'hello.txt': file('hello from the host\n'),
    'link': { kind: 'symlink', target: 'hello.txt' },
    'data': dirOf({
      'pattern.bin': file(PATTERN),
      'cold.bin': file(pattern(3 * 4096, 8)),
      'remove-me': file('bye\n'),
      'truncate-me': file(TRUNCATE_ME),
      'sub': dirOf({ 'inner.txt': file('inner\n') }),
    }),
  });
}

/** h = h * 31 + byte mod 2^32, as the guest computes it. */
function checksum(bytes: Uint8Array): number {
  let h = 0;
  for (const b of bytes) h = (h * 31 + b) >>> 0;
  return h;
}

/** What the guest must have left on the disk, checked with e2fsprogs. */
function checkGuestImage(path: string): void {
  const fsck = e2fsck(path);
  expect(fsck.output, fsck.output).not.toMatch(/Fix\?|Clear\?|Salvage\?|Create\?|Connect to/);
  expect(fsck.status, fsck.output).toBe(0);
  expect(debugfs(path, 'cat /guest/written.txt').toString()).toBe('written in the guest\nsecond line\n');
  expect(Buffer.compare(debugfs(path, 'cat /guest/pattern.bin'), Buffer.from(pattern(40000, 77)))).toBe(0);
  expect(debugfs(path, 'cat /guest/hello-moved.txt').toString()).toBe('hello from the host\n');
  expect(debugfs(path, 'cat /guest/sub-moved/inner.txt').toString()).toBe('inner\n');
  expect(Buffer.compare(debugfs(path, 'cat /data/truncate-me'), Buffer.from(TRUNCATE_ME.subarray(0, 1000)))).toBe(0);
  expect(debugfs(path, 'stat /guest/link').toString()).toMatch(/Fast link dest: "written.txt"/);
  expect(debugfsList(path, '/')).toEqual(['data', 'guest', 'link', 'lost+found']);
  expect(debugfsList(path, '/data')).toEqual(['cold.bin', 'pattern.bin', 'truncate-me']);
  expect(debugfsList(path, '/guest')).toEqual(['hello-moved.txt', 'link', 'pattern.bin', 'sub-moved', 'written.txt']);
}

describe('selftest=ext2 with a disk as hdb', () => {
  const kernel = assembleKernel().elf;

  for (const blockSize of [1024, 4096] as const) {
    test.skipIf(skipE2fsprogs)(`v86, ${blockSize}-byte blocks: the guest reads the host's files and e2fsprogs reads the guest's${e2fsprogsNote}`, async () => {
      // 1 KiB blocks: a host file, written back at power-off; 4 KiB: bytes in memory, read back with disk().
      const path = join(tmp, `v86-${blockSize}.img`);
      const bytes = mkfs(tree(), { size: 8 << 20, blockSize });
      writeFileSync(path, bytes);
      // 1 KiB: bus-master DMA; 4 KiB: PIO (`nodma`).
      const cmdline = blockSize === 1024 ? 'selftest=ext2' : 'selftest=ext2 nodma';
      const m = await bootImage({ image: kernel, cmdline, hdb: blockSize === 1024 ? { path } : { bytes } });
      const status = await m.exited;
      await m.stop();
      if (blockSize === 4096) {
        expect(Buffer.compare(readFileSync(path), Buffer.from(bytes))).toBe(0); // the file was not involved
        writeFileSync(path, m.disk('hdb')!);
      }
      expect(m.disk('hda')?.length).toBe(1 << 20); // the blank master v86 needs next to a slave
      const out = m.output;
      expect(out).not.toContain('FAIL');
      expect(out).toMatch(/hdb: 16384 sectors, \d+ per interrupt/);
      expect(out).toContain(blockSize === 1024 ? 'ata: bus-master DMA at port 0xb400' : 'ata: PIO');
      expect(out).toContain('read /hello.txt: "hello from the host\\n"');
      expect(out).toContain(`checksum /data/pattern.bin: 30000 bytes, ${checksum(PATTERN)}`);
      expect(out).toContain('readlink /link: hello.txt');
      expect(/ls \/: (.*)/.exec(out)?.[1].split(' ').sort()).toEqual(['.', '..', 'data', 'hello.txt', 'link', 'lost+found']);
      expect(out).toMatch(/ata: \d+ errors, 0 timeouts/);
      expect(out, out).toMatch(/(\d+) passed, 0 failed/);
      expect(status).toBe(0);
      checkGuestImage(path);
    }, 180_000);
  }

  const qemu = spawnSync('qemu-system-i386', ['--version']).status === 0;
  test.skipIf((!qemu && !CI) || skipE2fsprogs)(`QEMU -hdb: the same self-test on a second ATA implementation${qemu ? '' : ' (skipped: qemu-system-i386 not installed)'}${e2fsprogsNote}`, () => {
    const dir = mkdtempSync(join(tmp, 'qemu-'));
    const elf = join(dir, 'tskern.elf'), hda = join(dir, 'hda.img'), hdb = join(dir, 'hdb.img');
    writeFileSync(elf, kernel);
    writeFileSync(hda, new Uint8Array(1 << 20));
    writeFileSync(hdb, mkfs(tree(), { size: 8 << 20, blockSize: 1024 }));
    const r = spawnSync('qemu-system-i386', [
      '-kernel', elf, '-append', 'selftest=ext2', '-serial', 'stdio', '-display', 'none', '-m', '128',
      '-drive', `file=${hda},format=raw,if=ide,index=0`, '-drive', `file=${hdb},format=raw,if=ide,index=1`,
      '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-no-reboot',
    ], { encoding: 'utf8', timeout: 120_000 });
    const out = r.stdout;
    expect(out, out + r.stderr).toMatch(/(\d+) passed, 0 failed/);
    expect(out).toContain(`checksum /data/pattern.bin: 30000 bytes, ${checksum(PATTERN)}`);
    expect(out).toMatch(/ata: bus-master DMA at port 0x[0-9a-f]+/);
    expect(r.status).toBe(1); // (0 << 1) | 1: powered off with status 0
    checkGuestImage(hdb);
    expect(readFileSync(hdb).length).toBe(8 << 20);
  }, 180_000);
});
