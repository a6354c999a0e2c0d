// kernel/fs/ext2 under Node: images written by our mkfs, mounted on a RAM disk over the
// FakeMachine's physical memory, read and changed through the Inode face, synced, then
// checked by e2fsprogs (e2fsck -fn clean, debugfs reads back what the kernel wrote).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { mkfs, type Entry } from '../../image-builder/ext2/mkfs.ts';
import { Ext2Fs } from '../../kernel/fs/ext2/fs.ts';
import { PageCache } from '../../kernel/fs/page-cache.ts';
import type { Inode } from '../../kernel/fs/block-fs.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { boot, type Booted } from '../mm/setup.ts';
import { debugfs, debugfsList, e2fsck, e2fsprogsNote, skipE2fsprogs } from './e2fsprogs.ts';
import { pattern } from './pattern.ts';
import { RamDisk } from './ramdisk.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tskern-ext2-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let booted: Booted | undefined;
afterEach(() => {
  booted?.restore();
  booted = undefined;
});

const file = (data: Uint8Array | string): Entry => ({ kind: 'file', data: typeof data === 'string' ? new TextEncoder().encode(data) : data });
const dirOf = (entries: Record<string, Entry>): Entry => ({ kind: 'dir', entries: new Map(Object.entries(entries)) });

const BIG = pattern(300 * 1024 + 123, 7);

function sample(): Entry {
  return dirOf({
    'hello.txt': file('hello from the host\n'),
    'big.bin': file(BIG),
    'link': { kind: 'symlink', target: 'hello.txt' },
    'etc': dirOf({ 'motd': file('welcome\n'), 'old': dirOf({ 'x': file('x\n') }) }),
  });
}

async function mountSample(blockSize: 1024 | 4096, sizeMiB = 8, tree = sample(), memMiB = 16) {
  booted = boot(memMiB, { poison: true });
  const image = mkfs(tree, { size: sizeMiB << 20, blockSize });
  const disk = new RamDisk(booted.m, image);
  const cache = new PageCache(booted.frames);
  const fs = await Ext2Fs.mount(disk, cache);
  if (typeof fs === 'number') throw new Error('mount failed: ' + fs);
  return { fs, disk, cache, m: booted.m, image };
}

/** The whole contents of a file, read through the Inode face. */
async function readAll(inode: Inode, m: { mem: Uint8Array }): Promise<Uint8Array> {
  const out = new Uint8Array(inode.size);
  const r = await inode.read(0, inode.size, (phys, length, done) => {
    out.set(m.mem.subarray(phys, phys + length), done);
    return 0;
  });
  expect(r).toBe(inode.size);
  return out;
}

async function writeAt(inode: Inode, m: { mem: Uint8Array }, offset: number, data: Uint8Array): Promise<number> {
  return inode.write(offset, data.length, (phys, length, done) => {
    m.mem.set(data.subarray(done, done + length), phys);
    return 0;
  });
}

async function walk(dir: Inode, path: string): Promise<Inode> {
  let cur = dir;
  for (const part of path.split('/').filter((p) => p)) {
    const next = await cur.lookup(part);
    if (typeof next === 'number') throw new Error(`lookup ${part}: ${next}`);
    cur = next;
  }
  return cur;
}

const text = (s: string) => new TextEncoder().encode(s);
const ok = <T>(x: T | number): T => {
  if (typeof x === 'number') throw new Error('errno ' + x);
  return x;
};

function checkImage(name: string, image: Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, image);
  const fsck = e2fsck(path);
  expect(fsck.output, fsck.output).not.toMatch(/Fix\?|Clear\?|Salvage\?|Create\?|Connect to/);
  expect(fsck.status, fsck.output).toBe(0);
  return path;
}

describe('ext2: reading an image made by mkfs', () => {
  for (const bs of [1024, 4096] as const) {
    test(`${bs}-byte blocks: lookup, read, readdir, readlink, stat`, async () => {
      const { fs, m } = await mountSample(bs);
      expect(fs.statfs().blockSize).toBe(bs);
      const hello = await walk(fs.root, 'hello.txt');
      expect(new TextDecoder().decode(await readAll(hello, m))).toBe('hello from the host\n');
      expect(Buffer.compare(Buffer.from(await readAll(await walk(fs.root, 'big.bin'), m)), Buffer.from(BIG))).toBe(0);
      expect(new TextDecoder().decode(await readAll(await walk(fs.root, 'etc/motd'), m))).toBe('welcome\n');
      const names = ok(await fs.root.readdir(0)).map((e) => e.name).sort();
      expect(names).toEqual(['.', '..', 'big.bin', 'etc', 'hello.txt', 'link', 'lost+found']);
      expect(await (await walk(fs.root, 'link')).readlink()).toBe('hello.txt');
      expect((await walk(fs.root, 'etc')).stat().nlink).toBe(3);
      expect(await fs.root.lookup('nope')).toBe(-Errno.ENOENT);
      expect(await hello.lookup('x')).toBe(-Errno.ENOTDIR);
      expect(await hello.readdir(0)).toBe(-Errno.ENOTDIR);
      expect(await (await walk(fs.root, 'etc')).read(0, 10, () => 0)).toBe(-Errno.EISDIR);
      // A read from the middle, across pages, stops at the end of the file.
      const part: number[] = [];
      const r = await (await walk(fs.root, 'big.bin')).read(BIG.length - 5000, 10000, (phys, length) => {
        part.push(...m.mem.subarray(phys, phys + length));
        return 0;
      });
      expect(r).toBe(5000);
      expect(Buffer.compare(Buffer.from(part), Buffer.from(BIG.subarray(BIG.length - 5000)))).toBe(0);
    });
  }

  test('a disk that is not ext2 does not mount (EINVAL); a failing sector is EIO, never an exception', async () => {
    booted = boot(8);
    const blank = new RamDisk(booted.m, new Uint8Array(1 << 20));
    expect(await Ext2Fs.mount(blank, new PageCache(booted.frames))).toBe(-Errno.EINVAL);
    booted.restore();
    const { fs, disk } = await mountSample(1024);
    const big = await walk(fs.root, 'big.bin');
    for (let s = 0; s < disk.sectors; s++) disk.badSectors.add(s);
    expect(await big.read(100 * 1024, 10, () => 0)).toBe(-Errno.EIO);
  });
});

describe('ext2: changes the kernel makes are what e2fsprogs sees', () => {
  for (const bs of [1024, 4096] as const) {
    test.skipIf(skipE2fsprogs)(`${bs}-byte blocks: create, write, mkdir, rename, unlink, rmdir, truncate, symlink, sync${e2fsprogsNote}`, async () => {
      const { fs, m, image, disk } = await mountSample(bs);
      const root = fs.root;
      // New files: a small one, one through double indirect blocks, one with a hole.
      const small = ok(await root.create('new.txt', 0o644));
      expect(await writeAt(small, m, 0, text('written by the kernel\n'))).toBe(22);
      const large = pattern(280 * 1024 + 99, 11);
      const big2 = ok(await root.create('big2.bin', 0o600));
      expect(await writeAt(big2, m, 0, large)).toBe(large.length);
      const sparse = ok(await root.create('sparse', 0o644));
      expect(await writeAt(sparse, m, 100_000, text('end'))).toBe(3);
      // Directories, nested; moves within and across directories.
      const docs = ok(await root.mkdir('docs', 0o755));
      const inner = ok(await docs.mkdir('inner', 0o700));
      ok(await inner.create('note', 0o644));
      expect(await writeAt(await walk(root, 'docs/inner/note'), m, 0, text('note\n'))).toBe(5);
      expect(await root.rename('new.txt', docs, 'renamed.txt')).toBe(0);
      expect(await root.rename('etc', docs, 'etc2')).toBe(0); // a directory changes parents
      expect(await docs.rename('inner', docs, 'inner2')).toBe(0);
      // Replace an existing file by rename.
      ok(await root.create('victim', 0o644));
      expect(await root.rename('hello.txt', root, 'victim')).toBe(0);
      // Remove things.
      expect(await root.unlink('big.bin')).toBe(0);
      expect(await (await walk(root, 'docs/etc2')).rmdir('old')).toBe(-Errno.ENOTEMPTY);
      expect(await (await walk(root, 'docs/etc2/old')).unlink('x')).toBe(0);
      expect(await (await walk(root, 'docs/etc2')).rmdir('old')).toBe(0);
      // Truncate: shrink the double-indirect file below 12 blocks, then grow it with a hole.
      expect(await big2.truncate(5000)).toBe(0);
      expect(await big2.truncate(9000)).toBe(0);
      // Many entries: the root directory grows by blocks.
      for (let i = 0; i < 120; i++) ok(await root.create('f' + String(i).padStart(3, '0') + '-with-a-longer-name', 0o644));
      for (let i = 0; i < 120; i += 2) expect(await root.unlink('f' + String(i).padStart(3, '0') + '-with-a-longer-name')).toBe(0);
      ok(await docs.symlink('short', '../victim'));
      ok(await docs.symlink('long', 'a/'.repeat(50) + 'b'));
      expect(await fs.sync()).toBe(0);
      expect(disk.flushes).toBeGreaterThan(0);

      const path = checkImage(`changed${bs}.img`, image);
      expect(debugfs(path, 'cat /docs/renamed.txt').toString()).toBe('written by the kernel\n');
      expect(debugfs(path, 'cat /victim').toString()).toBe('hello from the host\n');
      expect(debugfs(path, 'cat /docs/inner2/note').toString()).toBe('note\n');
      expect(debugfs(path, 'cat /docs/etc2/motd').toString()).toBe('welcome\n');
      const b2 = debugfs(path, 'cat /big2.bin');
      expect(b2.length).toBe(9000);
      expect(Buffer.compare(b2.subarray(0, 5000), Buffer.from(large.subarray(0, 5000)))).toBe(0);
      expect(b2.subarray(5000).every((x) => x === 0)).toBe(true);
      const sp = debugfs(path, 'cat /sparse');
      expect(sp.length).toBe(100_003);
      expect(sp.subarray(0, 100_000).every((x) => x === 0)).toBe(true);
      expect(sp.subarray(100_000).toString()).toBe('end');
      expect(debugfs(path, 'cat /docs/long').toString()).toBe('a/'.repeat(50) + 'b');
      expect(debugfs(path, 'stat /docs/short').toString()).toMatch(/Fast link dest: "..\/victim"/);
      const rootNames = debugfsList(path, '/');
      expect(rootNames).not.toContain('big.bin');
      expect(rootNames).not.toContain('hello.txt');
      expect(rootNames).not.toContain('etc');
      expect(rootNames.filter((n) => n.startsWith('f'))).toHaveLength(60);
      expect(debugfsList(path, '/docs')).toEqual(['etc2', 'inner2', 'long', 'renamed.txt', 'short']);
      expect(debugfsList(path, '/docs/etc2')).toEqual(['motd']);
      // Timestamps: the kernel's are close to the host's clock.
      const st = ok(await fs.root.lookup('sparse')).stat();
      expect(Math.abs(st.mtime - Date.now() / 1000)).toBeLessThan(120);
    }, 60_000);
  }

  test.skipIf(skipE2fsprogs)(`a full volume: writes stop with ENOSPC and the image stays consistent${e2fsprogsNote}`, async () => {
    const { fs, m, image } = await mountSample(1024, 1, dirOf({}));
    const f = ok(await fs.root.create('fill', 0o644));
    const chunk = pattern(64 * 1024, 3);
    let total = 0, last = 0;
    for (let i = 0; i < 40; i++) {
      last = await writeAt(f, m, total, chunk);
      if (last < 0) break;
      total += last;
      if (last < chunk.length) { last = await writeAt(f, m, total, chunk); break; }
    }
    expect(last).toBe(-Errno.ENOSPC);
    expect(fs.statfs().freeBlocks).toBe(0);
    const more = ok(await fs.root.create('more', 0o644)); // an inode and room in the root's block: no new block needed
    expect(await writeAt(more, m, 0, text('x'))).toBe(-Errno.ENOSPC);
    expect(await fs.sync()).toBe(0);
    checkImage('full.img', image);
    expect(await f.truncate(0)).toBe(0);
    expect(await fs.sync()).toBe(0);
    checkImage('emptied.img', image);
  }, 60_000);
});

describe('ext2: metadata and data blocks do not overwrite each other', () => {
  test.skipIf(skipE2fsprogs)(`a freed indirect block reused for file data keeps the data${e2fsprogsNote}`, async () => {
    const { fs, m, image } = await mountSample(1024, 4, dirOf({}));
    // A's indirect block is written (dirty in the metadata cache), then freed with A.
    const a = ok(await fs.root.create('a', 0o644));
    expect(await writeAt(a, m, 0, pattern(20 * 1024, 1))).toBe(20 * 1024);
    expect(await fs.root.unlink('a')).toBe(0);
    // B takes the lowest free blocks again: writing its tail first puts B's indirect block
    // and first tail block in A's first data blocks, so A's indirect block becomes B's data.
    const data = pattern(40 * 1024, 2);
    const b = ok(await fs.root.create('b', 0o644));
    expect(await writeAt(b, m, 12 * 1024, data.subarray(12 * 1024))).toBe(28 * 1024);
    expect(await writeAt(b, m, 0, data.subarray(0, 12 * 1024))).toBe(12 * 1024);
    expect(await fs.sync()).toBe(0);
    const path = checkImage('reuse.img', image);
    expect(Buffer.compare(debugfs(path, 'cat /b'), Buffer.from(data))).toBe(0);
  });

  test.skipIf(skipE2fsprogs)(`dirty pages past a truncation never reach the disk${e2fsprogsNote}`, async () => {
    const { fs, m, image } = await mountSample(1024, 4, dirOf({}));
    const a = ok(await fs.root.create('a', 0o644));
    expect(await writeAt(a, m, 0, pattern(30 * 1024, 3))).toBe(30 * 1024);
    expect(await a.truncate(100)).toBe(0); // before any writeback: the dropped pages were dirty
    const b = ok(await fs.root.create('b', 0o644));
    const data = pattern(30 * 1024, 4);
    expect(await writeAt(b, m, 0, data)).toBe(data.length);
    expect(await fs.sync()).toBe(0);
    const path = checkImage('trunc-dirty.img', image);
    expect(Buffer.compare(debugfs(path, 'cat /b'), Buffer.from(data))).toBe(0);
    expect(Buffer.compare(debugfs(path, 'cat /a'), Buffer.from(pattern(30 * 1024, 3).subarray(0, 100)))).toBe(0);
  });
});

describe('ext2: errors are errno values', () => {
  test('EEXIST, ENOTEMPTY, EISDIR, ENOTDIR, EINVAL (a directory into itself), ENAMETOOLONG, EXDEV', async () => {
    const { fs } = await mountSample(1024);
    const root = fs.root;
    expect(await root.create('hello.txt', 0o644)).toBe(-Errno.EEXIST);
    expect(await root.mkdir('etc', 0o755)).toBe(-Errno.EEXIST);
    expect(await root.rmdir('etc')).toBe(-Errno.ENOTEMPTY);
    expect(await root.unlink('etc')).toBe(-Errno.EISDIR);
    expect(await root.rmdir('hello.txt')).toBe(-Errno.ENOTDIR);
    expect(await root.unlink('missing')).toBe(-Errno.ENOENT);
    const etc = await walk(root, 'etc');
    expect(await root.rename('etc', await walk(root, 'etc/old'), 'loop')).toBe(-Errno.EINVAL);
    expect(await root.rename('etc', etc, 'self')).toBe(-Errno.EINVAL);
    expect(await root.rename('hello.txt', root, 'etc')).toBe(-Errno.EISDIR);
    expect(await root.rename('etc', root, 'hello.txt')).toBe(-Errno.ENOTDIR);
    expect(await root.create('x'.repeat(256), 0o644)).toBe(-Errno.ENAMETOOLONG);
    expect(await root.create('a/b', 0o644)).toBe(-Errno.EINVAL);
    const other = { fs: {} } as unknown as Inode;
    expect(await root.rename('hello.txt', other, 'x')).toBe(-Errno.EXDEV);
  });

  test('an unlinked file that is held stays readable until released, then its blocks are freed', async () => {
    const { fs, m } = await mountSample(1024);
    const big = await walk(fs.root, 'big.bin');
    const before = fs.statfs().freeBlocks;
    big.hold();
    expect(await fs.root.unlink('big.bin')).toBe(0);
    expect(await fs.root.lookup('big.bin')).toBe(-Errno.ENOENT);
    expect(Buffer.compare(Buffer.from(await readAll(big, m)), Buffer.from(BIG))).toBe(0);
    expect(fs.statfs().freeBlocks).toBe(before);
    await big.release();
    expect(fs.statfs().freeBlocks).toBeGreaterThan(before + 300);
  });
});

describe('page cache', () => {
  test('two requests for one absent page share one disk read', async () => {
    const { fs, disk, cache } = await mountSample(4096);
    const big = await walk(fs.root, 'big.bin');
    const mf = ok(big.mappedFile('/big.bin', true, false));
    expect(mf.sizePages()).toBe(Math.ceil(BIG.length / 4096));
    const readsBefore = disk.reads;
    const a = mf.getPage(10), b = mf.getPage(10);
    expect(a).toBeInstanceOf(Promise);
    const [fa, fb] = await Promise.all([a, b]);
    expect(fa).toBe(fb);
    expect(disk.reads - readsBefore).toBe(1);
    expect(cache.stats.coalesced).toBe(1);
    expect(mf.getPage(10)).toBe(fa); // now a hit, no Promise
    expect(booted!.frames.refCount(fa as number)).toBe(1);
  });

  test('a sequential reader gets pages read ahead; a random one does not', async () => {
    const { fs, m, cache, disk } = await mountSample(4096);
    const big = await walk(fs.root, 'big.bin');
    const pages = Math.ceil(BIG.length / 4096);
    // Random order first: no two consecutive requests, so nothing is read ahead.
    const order = [40, 3, 70, 12, 55, 20];
    for (const i of order) expect(await big.read(i * 4096, 10, () => 0)).toBe(10);
    expect(cache.stats.readAhead).toBe(0);
    // Then the whole file in order, a page at a time.
    const out = new Uint8Array(BIG.length);
    const waitsBefore = cache.stats.lookups - cache.stats.hits;
    for (let i = 0; i < pages; i++) {
      await big.read(i * 4096, 4096, (phys, length, done) => {
        out.set(m.mem.subarray(phys, phys + length), i * 4096 + done);
        return 0;
      });
    }
    expect(Buffer.compare(Buffer.from(out), Buffer.from(BIG))).toBe(0);
    expect(cache.stats.readAhead).toBe(pages - order.length - 2); // every page but the first two and those already cached
    // Most requests found their page in the cache or already on its way.
    const waited = cache.stats.lookups - cache.stats.hits - waitsBefore - cache.stats.coalesced;
    expect(waited).toBeLessThanOrEqual(2);
    expect(disk.reads).toBeGreaterThan(0);
  });

  test('clean pages are evicted when frames run out; dirty ones are not', async () => {
    const HUGE = pattern(4 << 20, 21); // more than the machine's free memory
    const { fs, m, cache } = await mountSample(4096, 16, dirOf({ huge: file(HUGE), small: file('s') }), 4);
    expect(booted!.frames.freeCount).toBeLessThan(HUGE.length / 4096);
    const small = await walk(fs.root, 'small');
    expect(await writeAt(small, m, 0, text('dirty'))).toBe(5);
    const huge = await walk(fs.root, 'huge');
    for (let round = 0; round < 2; round++) {
      expect(Buffer.compare(Buffer.from(await readAll(huge, m)), Buffer.from(HUGE))).toBe(0);
    }
    expect(cache.stats.evictions).toBeGreaterThan(HUGE.length / 4096);
    const ext2Small = small as unknown as { mapping: { peek(i: number): { dirty: number } | undefined } };
    expect(ext2Small.mapping.peek(0)?.dirty).not.toBe(0);
    expect(await fs.sync()).toBe(0);
    expect(new TextDecoder().decode(await readAll(small, m))).toBe('dirty');
  }, 60_000);
});
