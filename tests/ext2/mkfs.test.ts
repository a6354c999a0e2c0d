// The host's ext2 image writer (image-builder/ext2/mkfs.ts), checked by e2fsprogs: every
// image must pass `e2fsck -fn`, and debugfs must read back each file, link and directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mkfs, MkfsError, type Entry } from '../../image-builder/ext2/mkfs.ts';
import { debugfs, debugfsList, e2fsck, e2fsprogsNote, skipE2fsprogs } from './e2fsprogs.ts';
import { pattern } from './pattern.ts';

const dir = mkdtempSync(join(tmpdir(), 'tskern-mkfs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (data: Uint8Array | string): Entry => ({ kind: 'file', data: typeof data === 'string' ? new TextEncoder().encode(data) : data });
const dirOf = (entries: Record<string, Entry>): Entry => ({ kind: 'dir', entries: new Map(Object.entries(entries)) });

function tree(): Entry {
  return dirOf({
    'hello.txt': file('hello, ext2\n'),
    'empty': file(''),
    'direct.bin': file(pattern(11 * 1024 + 7, 1)),
    'single.bin': file(pattern(200 * 1024, 2)), // past 12 blocks of 1 KiB: single indirect
    'double.bin': file(pattern(300 * 1024 + 5, 3)), // past 12 + 256 blocks of 1 KiB: double indirect
    'link': { kind: 'symlink', target: 'hello.txt' },
    'longlink': { kind: 'symlink', target: 'd/'.repeat(40) + 'x' },
    'etc': dirOf({ 'motd': file('welcome\n'), 'nested': dirOf({ 'deep.txt': file('deep\n') }) }),
    'many': dirOf(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`entry-with-a-long-name-${i}`, file(`#${i}\n`)]))),
  });
}

describe('mkfs', () => {
  for (const blockSize of [1024, 4096] as const) {
    test.skipIf(skipE2fsprogs)(`${blockSize}-byte blocks: e2fsck -fn is clean and debugfs reads every file back${e2fsprogsNote}`, () => {
      const image = join(dir, `t${blockSize}.img`);
      const t = tree();
      writeFileSync(image, mkfs(t, { size: 8 << 20, blockSize }));
      const fsck = e2fsck(image);
      expect(fsck.output).not.toMatch(/Fix\?|Clear\?|Salvage\?|Create\?/);
      expect(fsck.status).toBe(0);
      const root = (t as Extract<Entry, { kind: 'dir' }>).entries;
      for (const name of ['hello.txt', 'empty', 'direct.bin', 'single.bin', 'double.bin']) {
        expect(Buffer.compare(debugfs(image, `cat /${name}`), Buffer.from((root.get(name) as { data: Uint8Array }).data)), name).toBe(0);
      }
      expect(debugfs(image, 'cat /etc/nested/deep.txt').toString()).toBe('deep\n');
      expect(debugfs(image, 'stat /link').toString()).toMatch(/Fast link dest: "hello.txt"/);
      expect(debugfs(image, 'cat /longlink').toString()).toBe('d/'.repeat(40) + 'x');
      expect(debugfsList(image, '/')).toEqual(['direct.bin', 'double.bin', 'empty', 'etc', 'hello.txt', 'link', 'longlink', 'lost+found', 'many', 'single.bin']);
      expect(debugfsList(image, '/many')).toHaveLength(150);
      expect(debugfs(image, 'cat /many/entry-with-a-long-name-149').toString()).toBe('#149\n');
    });
  }

  test.skipIf(skipE2fsprogs)(`a file through triple indirect blocks and several block groups${e2fsprogsNote}`, () => {
    const image = join(dir, 'triple.img');
    const big = pattern((12 + 256 + 65536 + 10) * 1024, 9);
    writeFileSync(image, mkfs(dirOf({ 'big': file(big) }), { size: 80 << 20, blockSize: 1024 }));
    expect(e2fsck(image).status).toBe(0);
    expect(Buffer.compare(debugfs(image, 'cat /big'), Buffer.from(big))).toBe(0);
  }, 60_000);

  test('too many files for the image is an MkfsError, not a corrupt image', () => {
    expect(() => mkfs(dirOf({ big: file(new Uint8Array(3 << 20)) }), { size: 2 << 20 })).toThrow(MkfsError);
    expect(() => mkfs(dirOf({}), { size: 1000 })).toThrow(MkfsError);
  });
});

describe('tskern mkfs', () => {
  const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8' });

  test.skipIf(skipE2fsprogs)(`writes DIR's tree into IMAGE${e2fsprogsNote}`, () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'a.txt'), 'from the command line\n');
    writeFileSync(join(src, 'sub', 'b.bin'), pattern(70_000, 12));
    symlinkSync('a.txt', join(src, 'l'));
    const image = join(dir, 'cli.img');
    const r = run(['mkfs', image, src, '--size', '3', '--block-size', '4096']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*cli\.img \(ext2, 3 MiB, 4096-byte blocks\)/);
    expect(statSync(image).size).toBe(3 << 20);
    expect(e2fsck(image).status).toBe(0);
    expect(debugfs(image, 'cat /a.txt').toString()).toBe('from the command line\n');
    expect(Buffer.compare(debugfs(image, 'cat /sub/b.bin'), Buffer.from(pattern(70_000, 12)))).toBe(0);
    expect(debugfsList(image, '/')).toEqual(['a.txt', 'l', 'lost+found', 'sub']);
  }, 60_000);

  test('bad usage exits with 2; contents that do not fit exit with 1', () => {
    expect(run(['mkfs', join(dir, 'x.img')]).status).toBe(2);
    expect(run(['mkfs', join(dir, 'x.img'), join(dir, 'missing-dir')]).status).toBe(2);
    expect(run(['mkfs', join(dir, 'x.img'), dir, '--block-size', '2048']).status).toBe(2);
    const noDisk = run(['boot', '--disk', join(dir, 'missing.img')]);
    expect(noDisk.status).toBe(2);
    expect(noDisk.stderr).toMatch(/--disk: no such file/);
    const big = join(dir, 'bigsrc');
    mkdirSync(big, { recursive: true });
    writeFileSync(join(big, 'f'), new Uint8Array(2 << 20));
    const r = run(['mkfs', join(dir, 'x.img'), big, '--size', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mkfs: the files do not fit/);
  }, 60_000);
});
