// The in-guest self-test of the storage stack (`selftest=ext2` on the kernel command line,
// `tskern selftest ext2 --disk IMAGE`): the ATA driver finds the disks of the primary
// channel, ext2 mounts the second one (hdb), reads the files the host's test put there
// (tests/ext2/guest.test.ts makes the image with our mkfs), creates, writes, renames,
// truncates and removes files and directories, checks errno results, syncs, and prints
// `N passed, M failed`. The host then checks the image with e2fsck and debugfs.
// With `diskbench` it also times raw PIO reads (bench/disk.ts reads the markers).

import { physRead8, physWrite8 } from '../arch/intrinsics.ts';
import { AtaChannel, AtaDisk, Cmd, findBusMaster } from '../dev/ata.ts';
import { bar, describe, scanBus0 } from '../dev/pci.ts';
import { Errno, errnoName } from '../mm/errno.ts';
import { FrameAllocator } from '../mm/frames.ts';
import { usableRam } from '../mm/boot-memory.ts';
import { Ext2Fs } from './ext2/fs.ts';
import type { Ext2Inode } from './ext2/inode.ts';
import { PageCache } from './page-cache.ts';
import type { Inode } from './block-fs.ts';
import { Checks } from '../debug/checks.ts';

export interface StorageSelftestResult {
  passed: number;
  failed: number;
}

/** The file's bytes as a string of Latin-1 characters, or -errno. */
async function readString(inode: Inode): Promise<string | number> {
  let s = '';
  const r = await inode.read(0, inode.size, (phys, length) => {
    for (let i = 0; i < length; i++) s += String.fromCharCode(physRead8(phys + i));
    return 0;
  });
  return r < 0 ? r : s;
}

/** A position-weighted checksum of a file (h = h * 31 + byte, mod 2^32), the host computes the same. */
async function checksum(inode: Inode): Promise<number> {
  let h = 0;
  const r = await inode.read(0, inode.size, (phys, length) => {
    for (let i = 0; i < length; i++) h = (h * 31 + physRead8(phys + i)) >>> 0;
    return 0;
  });
  return r < 0 ? r : h;
}

function writeString(inode: Inode, offset: number, s: string): Promise<number> {
  return inode.write(offset, s.length, (phys, length, done) => {
    for (let i = 0; i < length; i++) physWrite8(phys + i, s.charCodeAt(done + i));
    return 0;
  });
}

/** Writes `length` bytes of the xorshift32 pattern of tests/ext2/pattern.ts (seed `seed`). */
function writePattern(inode: Inode, length: number, seed: number): Promise<number> {
  let x = seed >>> 0;
  return inode.write(0, length, (phys, n) => {
    for (let i = 0; i < n; i++) {
      x = (x ^ (x << 13)) >>> 0;
      x = (x ^ (x >>> 17)) >>> 0;
      x = (x ^ (x << 5)) >>> 0;
      physWrite8(phys + i, x & 0xff);
    }
    return 0;
  });
}

async function resolvePath(root: Inode, path: string): Promise<Inode | number> {
  let cur: Inode = root;
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    const next = await cur.lookup(parts[i]);
    if (typeof next === 'number') return next;
    cur = next;
  }
  return cur;
}

async function diskBench(disk: AtaDisk, frames: FrameAllocator, out: (line: string) => void, mode: string): Promise<void> {
  // 64 KiB of contiguous frames is not guaranteed: read 8 sectors (one page) per request,
  // and 128 sectors per request into a run of frames the allocator handed out in order.
  const pages: number[] = [];
  for (let i = 0; i < 16; i++) pages.push(frames.alloc());
  let contiguous = true;
  for (let i = 1; i < pages.length; i++) if (pages[i] !== pages[0] + i * 4096) contiguous = false;
  const total = disk.sectors > 4096 ? 4096 : disk.sectors - (disk.sectors % 128);
  for (const per of contiguous ? [8, 128] : [8]) {
    const t0 = performance.now();
    out('@@B ' + mode + '_read_' + per);
    for (let s = 0; s + per <= total; s += per) await disk.read(s, per, pages[0]);
    out('@@E ' + mode + '_read_' + per + ' ' + total);
    const ms = performance.now() - t0;
    out(mode + ' read ' + per + ' sectors/request: ' + total + ' sectors in ' + Math.round(ms) + ' ms of guest time');
  }
  const t1 = performance.now();
  out('@@B ' + mode + '_write_8');
  for (let s = 0; s + 8 <= 1024; s += 8) await disk.write(disk.sectors - 1024 + s, 8, pages[0]);
  out('@@E ' + mode + '_write_8 1024');
  out(mode + ' write 8 sectors/request: 1024 sectors in ' + Math.round(performance.now() - t1) + ' ms of guest time');
  for (const p of pages) frames.unref(p);
}

/** Sequential read(2)-style reads of /bench.bin through the page cache, cold, without and with read-ahead. */
async function readBench(fs: Ext2Fs, cache: PageCache, out: (line: string) => void): Promise<void> {
  const f = await fs.root.lookup('bench.bin');
  if (typeof f === 'number') {
    out('no /bench.bin: ' + errnoName(f));
    return;
  }
  const file = f as Ext2Inode;
  const pages = Math.ceil(file.size / 4096);
  const saved = cache.readAheadPages;
  for (const ahead of [0, 8]) {
    file.mapping.dropFrom(0); // cold again
    cache.readAheadPages = ahead;
    const t0 = performance.now();
    out('@@B seq_read_ra' + ahead);
    for (let i = 0; i < pages; i++) await file.read(i * 4096, 4096, () => 0);
    out('@@E seq_read_ra' + ahead + ' ' + pages);
    const ms = performance.now() - t0;
    out('sequential read, read-ahead ' + ahead + ': ' + pages + ' pages in ' + Math.round(ms) + ' ms');
  }
  cache.readAheadPages = saved;
}

export async function runStorageSelftest(out: (line: string) => void, options: string[]): Promise<StorageSelftestResult> {
  const t = new Checks(out);
  const ram = usableRam();
  let limit = 0;
  for (const r of ram) if (r.end > limit) limit = r.end;
  const frames = new FrameAllocator({ available: ram, reserved: [], limit });
  // What the disk controller offers: bus-master DMA needs an IDE function (class 1.1) whose
  // programming interface has bit 7 set and whose BAR4 holds the bus-master registers.
  for (const f of scanBus0()) {
    if (f.classCode !== 1 || f.subclass !== 1) continue;
    const bm = bar(f, 4);
    out('pci ide ' + describe(f) + ': prog-if 0x' + f.progIf.toString(16) + ', bus master ' +
      ((f.progIf & 0x80) !== 0 && (bm & 1) === 1 ? 'at port 0x' + (bm & 0xfffc).toString(16) : 'none'));
  }
  const ata = new AtaChannel();
  ata.install();
  const scratch = frames.alloc();
  const disks: (AtaDisk | number)[] = [];
  for (let drive = 0; drive < 2; drive++) {
    const d = await ata.probe(drive, scratch);
    disks.push(d);
    out((drive === 0 ? 'hda' : 'hdb') + ': ' + (typeof d === 'number' ? 'none (' + errnoName(d) + ')' : d.sectors + ' sectors, ' + d.multiple + ' per interrupt'));
  }
  frames.unref(scratch);
  const hdb = disks[1];
  if (typeof hdb === 'number') {
    t.ok(false, 'no disk hdb');
    return t;
  }
  // A request past the end of the disk ends with an error, not a hang.
  const page = frames.alloc();
  t.errno(await hdb.read(hdb.sectors, 1, page), Errno.EINVAL, 'read past the end of hdb');
  t.errno(await ata.submit(1, Cmd.READ, hdb.sectors + 8, 1, page), Errno.EIO, 'READ SECTORS past the end (the drive reports an error)');
  frames.unref(page);
  if (options.includes('diskbench')) await diskBench(hdb, frames, out, 'pio');
  // Bus-master DMA for the rest, unless `nodma`.
  const bm = options.includes('nodma') ? 0 : findBusMaster();
  if (bm !== 0) {
    ata.enableDma(bm, frames.alloc());
    out('ata: bus-master DMA at port 0x' + bm.toString(16));
    if (options.includes('diskbench')) await diskBench(hdb, frames, out, 'dma');
  } else {
    out('ata: PIO');
  }
  const cache = new PageCache(frames);
  const fs = await Ext2Fs.mount(hdb, cache);
  if (typeof fs === 'number') {
    t.ok(false, 'mount hdb: ' + errnoName(fs));
    return t;
  }
  const st = fs.statfs();
  out('mounted hdb: ext2, ' + st.blockSize + '-byte blocks, ' + st.freeBlocks + ' of ' + st.blocks + ' blocks free, ' + st.freeFiles + ' of ' + st.files + ' inodes free');
  const root = fs.root;
  if (options.includes('diskbench')) await readBench(fs, cache, out);

  // ---- what the host wrote ----------------------------------------------------------------
  const listing = await root.readdir(0);
  if (typeof listing === 'number') t.result(listing, 'readdir /');
  else out('ls /: ' + listing.map((e) => e.name).join(' '));
  const hello = await resolvePath(root, '/hello.txt');
  if (typeof hello === 'number') t.result(hello, 'lookup /hello.txt');
  else out('read /hello.txt: ' + JSON.stringify(await readString(hello)));
  const pat = await resolvePath(root, '/data/pattern.bin');
  if (typeof pat === 'number') t.result(pat, 'lookup /data/pattern.bin');
  else out('checksum /data/pattern.bin: ' + pat.size + ' bytes, ' + (await checksum(pat)));
  const link = await resolvePath(root, '/link');
  if (typeof link !== 'number') out('readlink /link: ' + String(await link.readlink()));
  else t.result(link, 'lookup /link');

  // ---- two requests for one cold page share one read ----------------------------------------
  const cold = await resolvePath(root, '/data/cold.bin');
  if (typeof cold === 'number') t.result(cold, 'lookup /data/cold.bin');
  else {
    const mf = cold.mappedFile('/data/cold.bin', true, false);
    if (typeof mf === 'number') t.result(mf, 'mappedFile');
    else {
      const before = cache.stats.pagesRead, coalesced = cache.stats.coalesced;
      const a = mf.getPage(1), b = mf.getPage(1);
      t.ok(typeof a !== 'number', 'a cold page is a Promise');
      const fa = await a, fb = await b;
      t.ok(fa === fb && fa > 0, 'both requests get the same frame');
      t.ok(cache.stats.pagesRead - before === 1 && cache.stats.coalesced - coalesced === 1, 'one disk read, one coalesced wait');
    }
  }

  // ---- changes ------------------------------------------------------------------------------
  const guest = await root.mkdir('guest', 0o755);
  if (typeof guest === 'number') {
    t.result(guest, 'mkdir /guest');
    return t;
  }
  const written = await guest.create('written.txt', 0o644);
  if (typeof written === 'number') t.result(written, 'create /guest/written.txt');
  else {
    t.result(await writeString(written, 0, 'written in the guest\n'), 'write /guest/written.txt');
    t.result(await writeString(written, written.size, 'second line\n'), 'append to /guest/written.txt');
  }
  const gp = await guest.create('pattern.bin', 0o600);
  if (typeof gp === 'number') t.result(gp, 'create /guest/pattern.bin');
  else t.ok((await writePattern(gp, 40000, 77)) === 40000, 'write 40000 bytes to /guest/pattern.bin');
  t.result(await root.rename('hello.txt', guest, 'hello-moved.txt'), 'rename /hello.txt /guest/hello-moved.txt');
  const data = await resolvePath(root, '/data');
  if (typeof data === 'number') t.result(data, 'lookup /data');
  else {
    t.result(await data.unlink('remove-me'), 'unlink /data/remove-me');
    t.result(await data.rename('sub', guest, 'sub-moved'), 'rename /data/sub /guest/sub-moved');
    const tr = await data.lookup('truncate-me');
    if (typeof tr === 'number') t.result(tr, 'lookup /data/truncate-me');
    else t.result(await tr.truncate(1000), 'truncate /data/truncate-me 1000');
    t.errno(await data.create('pattern.bin', 0o644), Errno.EEXIST, 'create an existing name');
    t.errno(await root.rmdir('data'), Errno.ENOTEMPTY, 'rmdir a non-empty directory');
    t.errno(await data.lookup('missing'), Errno.ENOENT, 'lookup a missing name');
    t.errno(await root.unlink('data'), Errno.EISDIR, 'unlink a directory');
  }
  const tmp = await root.mkdir('tmp-gone', 0o755);
  t.ok(typeof tmp !== 'number', 'mkdir /tmp-gone');
  t.result(await root.rmdir('tmp-gone'), 'rmdir /tmp-gone');
  t.ok(typeof (await guest.symlink('link', 'written.txt')) !== 'number', 'symlink /guest/link');
  t.result(await fs.sync(), 'sync');
  const s = cache.stats;
  out('page cache: ' + s.pagesRead + ' pages read, ' + s.pagesWritten + ' written, ' + s.coalesced + ' coalesced waits, ' + s.hits + ' hits of ' + s.lookups);
  out('ata: ' + ata.errors + ' errors, ' + ata.timeouts + ' timeouts, ' + ata.spurious + ' spurious interrupts');
  return t;
}
