// The initial archive's unpacker (kernel/fs/initramfs.ts) on simulated memory: a newc
// archive written by image-builder/initrd/cpio.ts becomes the ramfs tree, file contents
// read back page by page; damaged headers (a non-hex digit, a name running past the
// archive, a wrong magic) stop it with -1, and an over-long symlink is skipped.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { unpackInitramfs } from '../../kernel/fs/initramfs.ts';
import { RamDir, RamFile, RamLink, type RamFsContext } from '../../kernel/fs/ramfs.ts';
import { writeCpio, type CpioEntry } from '../../image-builder/initrd/cpio.ts';
import { boot, type Booted } from '../mm/setup.ts';

const AT = 0x30_0000; // where the "module" sits in the fake RAM
const REG = 0o100644, DIR = 0o040755, LNK = 0o120777;
const bytes = (s: string) => new TextEncoder().encode(s);

let b: Booted;
let fs: RamFsContext;
beforeEach(() => {
  b = boot(8);
  fs = { frames: b.frames, now: () => 0 };
});
afterEach(() => b.restore());

function unpack(archive: Uint8Array): { root: RamDir; n: number } {
  b.m.mem.set(archive, AT);
  const root = new RamDir(fs, 0o755, 0, null);
  return { root, n: unpackInitramfs({ start: AT, end: AT + archive.length }, root, fs) };
}

function fileText(f: RamFile): string {
  let s = '';
  for (let page = 0; page * 4096 < f.size(); page++) {
    const frame = f.getPage(page);
    const n = Math.min(4096, f.size() - page * 4096);
    s += new TextDecoder().decode(b.m.mem.subarray(frame, frame + n));
  }
  return s;
}

describe('unpackInitramfs', () => {
  test('makes the tree: directories, files with their bytes and mode, symlinks', () => {
    const big = 'x'.repeat(5000) + 'end';
    const entries: CpioEntry[] = [
      { path: 'bin', mode: DIR }, { path: 'bin/hello', mode: 0o100755, data: bytes('hello\n') },
      { path: 'etc/motd', mode: REG, data: bytes(big) }, { path: 'sh', mode: LNK, data: bytes('/bin/hello') },
    ];
    const { root, n } = unpack(writeCpio(entries));
    expect(n).toBe(4);
    const bin = root.entries.get('bin') as RamDir;
    const hello = bin.entries.get('hello') as RamFile;
    expect(hello.mode & 0o7777).toBe(0o755);
    expect(fileText(hello)).toBe('hello\n');
    const etc = root.entries.get('etc') as RamDir; // made for the file inside it
    expect(etc).toBeInstanceOf(RamDir);
    expect(fileText(etc.entries.get('motd') as RamFile)).toBe(big);
    expect(root.entries.get('sh')).toBeInstanceOf(RamLink);
    expect((root.entries.get('sh') as RamLink).readlink()).toBe('/bin/hello');
  });

  test('stops with -1 at a damaged header, keeping what came before', () => {
    const good = writeCpio([{ path: 'a', mode: REG, data: bytes('A') }, { path: 'b', mode: REG, data: bytes('B') }]);
    const headerAt = new TextDecoder().decode(good).indexOf('070701', 1); // the second member's header
    expect(headerAt).toBeGreaterThan(0);
    for (const [what, offset, byte] of [['a non-hex digit in its file size', 6 + 8 * 6 + 3, 0x67], ['its magic', 5, 0x32]] as const) {
      const bad = good.slice();
      bad[headerAt + offset] = byte;
      const { root, n } = unpack(bad);
      expect(n, what).toBe(-1);
      expect(root.entries.has('a'), what).toBe(true);
      expect(root.entries.has('b'), what).toBe(false);
    }
    // a name size running past the end of the archive
    const long = good.slice();
    long.set(bytes('00001000'), headerAt + 6 + 8 * 11);
    expect(unpack(long.subarray(0, headerAt + 200)).n).toBe(-1);
  });

  test('residentFrame (fault-around): an archive page is copied out, a hole of a new file is not made', () => {
    const { root } = unpack(writeCpio([{ path: 'f', mode: REG, data: bytes('a'.repeat(4096) + 'b') }]));
    const f = root.entries.get('f') as RamFile;
    const frame = f.residentFrame(1);
    expect(frame).toBeGreaterThan(0);
    expect(b.m.mem[frame]).toBe(0x62);
    expect(f.getPage(1)).toBe(frame); // the same page from then on
    expect(f.residentFrame(2)).toBe(-1); // beyond the archive's bytes
    const made = root.create('g', REG) as RamFile;
    expect(made.truncate(3 * 4096)).toBe(0);
    expect(made.residentFrame(1)).toBe(-1); // a hole stays a hole
  });

  test('skips a symlink whose target is longer than PATH_MAX', () => {
    const { root, n } = unpack(writeCpio([{ path: 'long', mode: LNK, data: bytes('t'.repeat(5000)) }, { path: 'ok', mode: LNK, data: bytes('t') }]));
    expect(n).toBe(2);
    expect(root.entries.has('long')).toBe(false);
    expect(root.entries.has('ok')).toBe(true);
  });
});
