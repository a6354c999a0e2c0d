// ext2 files mapped through kernel/mm on a FakeMachine: Inode.mappedFile is the MappedFile
// of kernel/mm/vma.ts, served by the page cache. Two address spaces mapping one file share
// its frames and one disk read; MAP_PRIVATE stores copy; MAP_SHARED stores are the cache
// page and reach the disk after it is marked dirty and synced (what msync will do).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { mkfs } from '../../image-builder/ext2/mkfs.ts';
import { AddressSpace, Fault, FaultAccess, FaultWait } from '../../kernel/mm/address-space.ts';
import { Ext2Fs } from '../../kernel/fs/ext2/fs.ts';
import type { Ext2Inode } from '../../kernel/fs/ext2/inode.ts';
import { PageCache } from '../../kernel/fs/page-cache.ts';
import { MapFlag, Prot } from '../../kernel/mm/mman.ts';
import { BOOT, boot, newSpace, type Booted } from '../mm/setup.ts';
import { debugfs, e2fsck, e2fsprogsNote, skipE2fsprogs } from './e2fsprogs.ts';
import { pattern } from './pattern.ts';
import { RamDisk } from './ramdisk.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tskern-map-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let booted: Booted | undefined;
afterEach(() => {
  booted?.restore();
  booted = undefined;
});

const DATA = pattern(5 * 4096 + 100, 31);

async function setup() {
  booted = boot(16);
  const image = mkfs({ kind: 'dir', entries: new Map([['f', { kind: 'file', data: DATA }]]) }, { size: 4 << 20, blockSize: 1024 });
  const disk = new RamDisk(booted.m, image);
  const cache = new PageCache(booted.frames);
  const fs = await Ext2Fs.mount(disk, cache);
  if (typeof fs === 'number') throw new Error('mount ' + fs);
  const f = (await fs.root.lookup('f')) as Ext2Inode;
  return { ...booted, disk, cache, fs, f, image };
}

/** Runs the fault path as the kernel's fault handler will: wait outside, complete, retry. */
async function faultIn(space: AddressSpace, va: number, write: boolean): Promise<number> {
  for (;;) {
    const r = space.fault(va, FaultAccess.USER | (write ? FaultAccess.WRITE : 0));
    if (!(r instanceof FaultWait)) return r;
    const frame = await r.promise;
    const c = space.completeFault(r, frame);
    if (c !== Fault.RETRY) return c;
  }
}

describe('file mappings on the page cache', () => {
  test('two address spaces faulting one cold page: one disk read, one frame, the file\'s bytes', async () => {
    const { m, disk, cache, f, frames, shared } = await setup();
    const mf = f.mappedFile('/f', true, false);
    if (typeof mf === 'number') throw new Error('mappedFile');
    const s1 = newSpace(shared), s2 = newSpace(shared);
    const a1 = s1.mmap(0, 6 * 4096, Prot.READ, MapFlag.SHARED, { file: mf }, 0);
    const a2 = s2.mmap(0, 6 * 4096, Prot.READ, MapFlag.PRIVATE, { file: mf }, 0);
    expect(a1).toBeGreaterThan(0);
    const reads = disk.reads;
    const [r1, r2] = await Promise.all([faultIn(s1, a1 + 4096, false), faultIn(s2, a2 + 4096, false)]);
    expect([r1, r2]).toEqual([Fault.OK, Fault.OK]);
    expect(cache.stats.coalesced).toBe(1);
    expect(disk.reads - reads).toBe(1); // one page: a run of 4 contiguous 1 KiB blocks
    s1.activate();
    const p1 = m.access(a1 + 4096, false);
    s2.activate();
    const p2 = m.access(a2 + 4096, false);
    if (!('phys' in p1) || !('phys' in p2)) throw new Error('not mapped');
    expect(p1.phys).toBe(p2.phys);
    expect(frames.refCount(p1.phys)).toBe(3); // the cache and two PTEs
    expect(Buffer.compare(Buffer.from(m.mem.subarray(p1.phys, p1.phys + 4096)), Buffer.from(DATA.subarray(4096, 8192)))).toBe(0);
    // The last page is partly past the end (zeros there); the page after it is SIGBUS.
    expect(await faultIn(s1, a1 + 5 * 4096, false)).toBe(Fault.OK);
    s1.activate();
    const last = m.access(a1 + 5 * 4096, false);
    if (!('phys' in last)) throw new Error('not mapped');
    expect(m.mem.subarray(last.phys + 100, last.phys + 4096).every((b) => b === 0)).toBe(true);
    expect(await faultIn(s1, a1 + 6 * 4096, false)).toBe(Fault.SIGSEGV_MAPERR);
    m.writeCr3(BOOT.pdpt);
    s1.free();
    s2.free();
    expect(frames.refCount(p1.phys)).toBe(1);
  });

  test('a file shorter than its mapping: SIGBUS past the last page', async () => {
    const { f, shared } = await setup();
    const mf = f.mappedFile('/f', true, false);
    if (typeof mf === 'number') throw new Error('mappedFile');
    const s = newSpace(shared);
    const a = s.mmap(0, 8 * 4096, Prot.READ, MapFlag.SHARED, { file: mf }, 0);
    expect(await faultIn(s, a + 6 * 4096, false)).toBe(Fault.SIGBUS);
    s.free();
  });

  test.skipIf(skipE2fsprogs)(`MAP_PRIVATE stores copy; MAP_SHARED stores reach the disk after sync${e2fsprogsNote}`, async () => {
    const { m, f, fs, shared, image } = await setup();
    const mf = f.mappedFile('/f', true, true);
    if (typeof mf === 'number') throw new Error('mappedFile');
    const priv = newSpace(shared), pub = newSpace(shared);
    const ap = priv.mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE, { file: mf }, 0);
    const as = pub.mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.SHARED, { file: mf }, 0);
    expect(await faultIn(priv, ap, true)).toBe(Fault.OK);
    expect(await faultIn(pub, as, true)).toBe(Fault.OK);
    priv.activate();
    const pp = m.access(ap, true);
    pub.activate();
    const ps = m.access(as, true);
    if (!('phys' in pp) || !('phys' in ps)) throw new Error('not mapped');
    expect(pp.phys).not.toBe(ps.phys);
    m.mem.set(new TextEncoder().encode('PRIVATE'), pp.phys);
    m.mem.set(new TextEncoder().encode('SHARED!'), ps.phys);
    f.mapping.markPageDirty(0); // what msync does for a PTE with D set
    expect(await fs.sync()).toBe(0);
    const path = join(tmp, 'mapped.img');
    writeFileSync(path, image);
    expect(e2fsck(path).status).toBe(0);
    const back = debugfs(path, 'cat /f');
    expect(back.subarray(0, 7).toString()).toBe('SHARED!');
    expect(Buffer.compare(back.subarray(7), Buffer.from(DATA.subarray(7)))).toBe(0);
    m.writeCr3(BOOT.pdpt);
    priv.free();
    pub.free();
  });
});
