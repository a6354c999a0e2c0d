// The address-space lock and the asynchronous face (Mm): faults that wait for their
// backing, re-validation after the wait, kernel copies through the fault path.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AddressSpace, Fault, FaultAccess, FaultWait } from '../../kernel/mm/address-space.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { MapFlag, Prot } from '../../kernel/mm/mman.ts';
import { Mm } from '../../kernel/mm/mm.ts';
import { RwLock } from '../../kernel/mm/rwlock.ts';
import type { MappingInfo, MemoryObject, Vma } from '../../kernel/mm/vma.ts';
import { TestFile, frameAt, load } from './helpers.ts';
import { BOOT, boot, type Booted } from './setup.ts';

const P = 4096;
const RW = Prot.READ | Prot.WRITE;
const W = FaultAccess.WRITE | FaultAccess.USER;
const R = FaultAccess.USER;

/** Lets every queued promise callback run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('RwLock', () => {
  test('readers share, a writer excludes, and a waiting writer holds back later readers', async () => {
    const l = new RwLock();
    const log: string[] = [];
    await l.read();
    await l.read();
    expect(l.readerCount).toBe(2);
    const w = l.write().then(() => log.push('writer'));
    const r3 = l.read().then(() => log.push('reader3'));
    await settle();
    expect(log).toEqual([]); // the writer waits for the readers; reader 3 waits behind the writer
    l.releaseRead();
    await settle();
    expect(log).toEqual([]);
    l.releaseRead();
    await w;
    expect(log).toEqual(['writer']);
    expect(l.writeLocked).toBe(true);
    expect(l.tryRead()).toBe(false);
    l.releaseWrite();
    await r3;
    expect(log).toEqual(['writer', 'reader3']);
    expect(l.readerCount).toBe(1);
    l.releaseRead();
    expect(l.tryWrite()).toBe(true);
    l.releaseWrite();
  });

  test('a release hands over to every reader queued up to the next writer', async () => {
    const l = new RwLock();
    await l.write();
    const log: string[] = [];
    const ps = [l.read().then(() => log.push('r1')), l.read().then(() => log.push('r2')), l.write().then(() => log.push('w2')), l.read().then(() => log.push('r3'))];
    l.releaseWrite();
    await settle();
    expect(log).toEqual(['r1', 'r2']);
    l.releaseRead();
    l.releaseRead();
    await settle();
    expect(log).toEqual(['r1', 'r2', 'w2']);
    l.releaseWrite();
    await Promise.all(ps);
    expect(log).toEqual(['r1', 'r2', 'w2', 'r3']);
  });

  test('releasing what is not held is a bug', () => {
    const l = new RwLock();
    expect(() => l.releaseRead()).toThrow();
    expect(() => l.releaseWrite()).toThrow();
  });
});

/** A memory object whose faults wait until the test releases them. */
class SlowObject implements MemoryObject {
  readonly ownerName = '[slow]';
  readonly dev = 0;
  readonly inode = 9;
  pending: ((frame: number) => void)[] = [];
  asked: number[] = [];
  constructor(private readonly frames: number[]) {}
  supportsMmap() { return true; }
  getMappingInfo(): MappingInfo { return { vmFlags: 0, maxProt: Prot.READ | Prot.WRITE, sizePages: this.frames.length }; }
  getMappingInfoWith(): MappingInfo { return this.getMappingInfo(); }
  onMapped(_v: Vma) {}
  onUnmapped(_v: Vma) {}
  resolveFault(_v: Vma, index: number): Promise<number> {
    this.asked.push(index);
    return new Promise((resolve) => this.pending.push(() => resolve(this.frames[index])));
  }
  releaseAll() {
    const p = this.pending;
    this.pending = [];
    for (const f of p) f(0);
  }
}

describe('Mm', () => {
  let b: Booted;
  let mm: Mm;
  beforeEach(() => {
    b = boot(8);
    const r = Mm.create(b.shared, { mmapBase: 0x4000_0000 });
    if (typeof r === 'number') throw new Error('create');
    mm = r;
  });
  afterEach(() => b.restore());

  test('system calls go through the write side, faults through the read side', async () => {
    const a = await mm.mmap(0, 2 * P, RW, MapFlag.PRIVATE | MapFlag.ANONYMOUS);
    expect(a).toBe(0x4000_0000 - 2 * P);
    await mm.space.lock.read(); // a fault in progress
    const un = mm.munmap(a, P);
    const f = mm.fault(a + P, W); // queued behind the writer
    await settle();
    expect(mm.space.vmas.size).toBe(1);
    expect(mm.space.vmas.find(a)).not.toBeNull(); // munmap still waiting
    mm.space.lock.releaseRead();
    expect(await un).toBe(0);
    expect(await f).toBe(Fault.OK);
    expect(mm.space.vmas.find(a)).toBeNull();
    expect(await mm.mprotect(a + P, P, Prot.READ)).toBe(0);
    expect(await mm.fault(a + P, W)).toBe(Fault.SIGSEGV_ACCERR);
    expect(await mm.brk(0)).toBe(0);
    expect(await mm.madvise(a + P, P, 4)).toBe(0);
    expect(await mm.mremap(a + P, P, 2 * P, 1)).toBeGreaterThan(0);
    b.m.writeCr3(BOOT.pdpt);
    await mm.free();
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('a fault waits for a disk read; two faults on the page wait and install once', async () => {
    const file = new TestFile(b.frames, b.m, 2);
    file.delay = true;
    const a = await mm.mmap(0, 2 * P, Prot.READ, MapFlag.SHARED, { file }, 0);
    const [r1, r2] = await Promise.all([mm.fault(a, R), mm.fault(a + 10, R)]);
    expect([r1, r2]).toEqual([Fault.OK, Fault.OK]);
    expect(file.reads).toBe(2);
    expect(frameAt(b.m, mm.space, a)).toBe(file.frames[0]);
    expect(b.frames.refCount(file.frames[0])).toBe(2); // the cache and one mapping, not two
    expect(await mm.readUser(a + P - 2, 4)).toEqual([0x40, 0x40, 0x41, 0x41]);
  });

  test('after the wait the fault re-validates: the area went away, or the page was installed meanwhile', () => {
    const space = mm.space;
    const obj = new SlowObject([b.frames.allocZeroed(), b.frames.allocZeroed()]);
    const a = space.mmap(0, 2 * P, RW, MapFlag.SHARED, { object: obj }, 0);
    const w1 = space.fault(a, W) as FaultWait;
    expect(w1).toBeInstanceOf(FaultWait);
    // Another task unmaps the area during the wait (the core itself takes no lock).
    space.munmap(a, 2 * P);
    expect(space.completeFault(w1, 0)).toBe(Fault.RETRY);
    expect(space.fault(a, W)).toBe(Fault.SIGSEGV_MAPERR);
    // Same area again; this time a second fault installs the page first.
    const a2 = space.mmap(a, 2 * P, RW, MapFlag.SHARED | MapFlag.FIXED, { object: obj }, 0);
    const w2 = space.fault(a2 + P, W) as FaultWait;
    const w3 = space.fault(a2 + P, W) as FaultWait;
    expect(space.completeFault(w3, obj['frames'][1])).toBe(Fault.OK);
    expect(space.completeFault(w2, obj['frames'][1])).toBe(Fault.OK);
    expect(b.frames.refCount(obj['frames'][1])).toBe(2); // installed once
    // A split during the wait puts the page into a new area object: run the fault again.
    space.munmap(a2, 2 * P);
    const a3 = space.mmap(a2, 2 * P, RW, MapFlag.SHARED | MapFlag.FIXED, { object: obj }, 0);
    const w4 = space.fault(a3 + P, R) as FaultWait;
    space.mprotect(a3, P, Prot.READ); // the lower half keeps the old area object
    expect(space.completeFault(w4, obj['frames'][1])).toBe(Fault.RETRY);
    const w5 = space.fault(a3 + P, R) as FaultWait;
    expect(w5).toBeInstanceOf(FaultWait);
    expect(space.completeFault(w5, obj['frames'][1])).toBe(Fault.OK);
    // And a protection change during the wait is seen too.
    const w6 = space.fault(a3, W);
    expect(w6).toBe(Fault.SIGSEGV_ACCERR);
    space.mprotect(a3, P, RW);
    const w7 = space.fault(a3, W) as FaultWait;
    space.mprotect(a3, P, Prot.READ);
    expect(space.completeFault(w7, obj['frames'][0])).toBe(Fault.RETRY);
  });

  test('Mm.fault loops on RETRY and reports the final result', async () => {
    const obj = new SlowObject([b.frames.allocZeroed()]);
    const a = await mm.mmap(0, P, RW, MapFlag.SHARED, { object: obj }, 0);
    const f = mm.fault(a, W);
    await settle();
    expect(obj.pending.length).toBe(1);
    // The area is replaced during the wait by anonymous memory (behind the lock's back).
    mm.space.mmap(a, P, RW, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
    obj.releaseAll();
    expect(await f).toBe(Fault.OK);
    expect(frameAt(b.m, mm.space, a)).not.toBe(obj['frames'][0]);
  });

  test('a rejected backing promise is SIGBUS', async () => {
    const obj = new SlowObject([0]);
    obj.resolveFault = () => Promise.reject(new Error('disk on fire'));
    const a = await mm.mmap(0, P, RW, MapFlag.SHARED, { object: obj }, 0);
    expect(await mm.fault(a, R)).toBe(Fault.SIGBUS);
    expect(await mm.readUser(a, 1)).toBe(-Errno.EFAULT);
  });

  test('copy_to_user / copy_from_user through the fault path, COW included', async () => {
    const a = await mm.mmap(0x1000_0000, 2 * P, RW, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
    expect(await mm.writeUser(a + P - 3, [1, 2, 3, 4, 5, 6])).toBe(0);
    const child = (await mm.fork()) as Mm;
    expect(child).toBeInstanceOf(Mm);
    expect(await child.writeUser(a + P - 1, [9])).toBe(0);
    expect(await child.readUser(a + P - 3, 6)).toEqual([1, 2, 9, 4, 5, 6]);
    expect(await mm.readUser(a + P - 3, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(load(b.m, mm.space, a + P - 1)).toBe(3);
    expect(await mm.writeUser(a + 2 * P - 1, [1, 2])).toBe(-Errno.EFAULT); // runs off the end
    expect(await mm.readUser(0xbfff_ffff, 2)).toBe(-Errno.EFAULT);
    expect(await mm.readUser(a, 0)).toEqual([]);
    await mm.mprotect(a, P, Prot.READ);
    expect(await mm.writeUser(a, [1])).toBe(-Errno.EFAULT);
    b.m.writeCr3(BOOT.pdpt);
    await mm.free();
    await child.free();
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });
});

describe('AddressSpace.lock belongs to the space', () => {
  test('each space has its own', () => {
    const b = boot(4);
    try {
      const x = AddressSpace.create(b.shared) as AddressSpace, y = AddressSpace.create(b.shared) as AddressSpace;
      expect(x.lock).not.toBe(y.lock);
    } finally {
      b.restore();
    }
  });
});
