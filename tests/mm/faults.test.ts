// Page faults and fork: copy-on-write, shared memory, files and devices through their
// objects, stack growth, signals, kernel access through the fault path, out of memory, and
// every frame returned at the end.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AddressSpace, Fault, FaultAccess, FaultWait } from '../../kernel/mm/address-space.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { MapFlag, Prot } from '../../kernel/mm/mman.ts';
import { ShmemObject } from '../../kernel/mm/shmem.ts';
import { Vm } from '../../kernel/mm/vma.ts';
import { translate } from '../../host/inspect/pae-walk.ts';
import { TestDevice, TestFile, frameAt, load, store, userAccess } from './helpers.ts';
import { BOOT, boot, newSpace, type Booted } from './setup.ts';

const P = 4096;
const RW = Prot.READ | Prot.WRITE;
const ANON = MapFlag.PRIVATE | MapFlag.ANONYMOUS;
const FIXED = MapFlag.FIXED;

let b: Booted;
let s: AddressSpace;
beforeEach(() => {
  b = boot(8);
  s = newSpace(b.shared, { mmapBase: 0x4000_0000 });
});
afterEach(() => b.restore());

function fork(space: AddressSpace): AddressSpace {
  const c = space.fork();
  if (typeof c === 'number') throw new Error('fork: ' + c);
  return c;
}

function freeAll(...spaces: AddressSpace[]): void {
  b.m.writeCr3(BOOT.pdpt);
  for (const x of spaces) x.free();
}

/** Kernel write of bytes at va through the address space's fault path (copy_to_user). */
function kernelWrite(space: AddressSpace, va: number, bytes: number[]): number {
  for (let i = 0; i < bytes.length; i++) {
    const f = space.userFrame((va + i) & ~0xfff, true);
    if (f instanceof FaultWait) throw new Error('would wait');
    if (f < 0) return f;
    b.m.physWrite8(f + ((va + i) & 0xfff), bytes[i]);
  }
  return 0;
}

function kernelRead(space: AddressSpace, va: number): number {
  const f = space.userFrame(va & ~0xfff, false);
  if (f instanceof FaultWait) throw new Error('would wait');
  return f < 0 ? f : b.m.physRead8(f + (va & 0xfff));
}

describe('fork and copy-on-write', () => {
  test('private pages: shared read-only after fork, copied by the first store, reused by the last owner', () => {
    const a = s.mmap(0x1000_0000, 2 * P, RW, ANON | FIXED);
    store(b.m, s, a, 0x11);
    store(b.m, s, a + P, 0x22);
    const f0 = frameAt(b.m, s, a)!;
    const c = fork(s);
    expect(b.frames.refCount(f0)).toBe(2);
    for (const sp of [s, c]) {
      const t = translate(b.m.read, sp.pt.root, a)!;
      expect([t.phys, t.writable]).toEqual([f0, false]);
    }
    // The child writes: it gets a copy (one physCopy), the parent keeps the original.
    const copies = b.m.copies;
    expect(store(b.m, c, a, 0x33)).toBe(Fault.OK);
    expect(b.m.copies).toBe(copies + 1);
    const fc = frameAt(b.m, c, a)!;
    expect(fc).not.toBe(f0);
    expect(load(b.m, c, a)).toBe(0x33);
    expect(load(b.m, s, a)).toBe(0x11);
    expect(b.frames.refCount(f0)).toBe(1);
    // The parent writes: the frame is its alone now, so no copy.
    expect(store(b.m, s, a, 0x44)).toBe(Fault.OK);
    expect(frameAt(b.m, s, a)).toBe(f0);
    expect(b.m.copies).toBe(copies + 1);
    expect(load(b.m, c, a)).toBe(0x33);
    expect(load(b.m, c, a + P)).toBe(0x22);
    expect(b.m.checkTlb()).toEqual([]);
    freeAll(s, c);
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test("fork write-protects the current parent's cached writable pages (a stale TLB entry would leak the store)", () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | FIXED);
    store(b.m, s, a, 1); // the TLB now holds a writable entry
    b.m.clearLogs();
    const c = fork(s);
    expect(b.m.invlpgLog).toEqual([a]);
    expect(b.m.checkTlb()).toEqual([]);
    expect(store(b.m, s, a, 2)).toBe(Fault.OK);
    expect(load(b.m, c, a)).toBe(1);
    freeAll(s, c);
  });

  test('zero-page mappings survive fork and are replaced, not copied, on a store', () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | FIXED);
    expect(load(b.m, s, a)).toBe(0);
    const c = fork(s);
    const copies = b.m.copies;
    expect(store(b.m, c, a, 9)).toBe(Fault.OK);
    expect(b.m.copies).toBe(copies);
    expect(load(b.m, s, a)).toBe(0);
    freeAll(s, c);
  });

  test('shared anonymous memory stays shared, also for pages first touched after the fork', () => {
    const a = s.mmap(0, 3 * P, RW, MapFlag.SHARED | MapFlag.ANONYMOUS);
    store(b.m, s, a, 0x10);
    const c = fork(s);
    expect(store(b.m, c, a, 0x20)).toBe(Fault.OK);
    expect(load(b.m, s, a)).toBe(0x20);
    expect(store(b.m, c, a + 2 * P, 0x30)).toBe(Fault.OK); // untouched before the fork
    expect(load(b.m, s, a + 2 * P)).toBe(0x30);
    expect(frameAt(b.m, s, a + 2 * P)).toBe(frameAt(b.m, c, a + 2 * P));
    const obj = s.vmas.find(a)!.object as ShmemObject;
    expect(obj).toBeInstanceOf(ShmemObject);
    expect(obj.mappingCount).toBe(2);
    expect(s.munmap(a + P, P)).toBe(0); // split: three areas of it in all
    expect(obj.mappingCount).toBe(3);
    freeAll(s);
    expect(obj.frameCount).toBe(2);
    expect(load(b.m, c, a)).toBe(0x20);
    freeAll(c);
    expect(obj.mappingCount).toBe(0);
    expect(obj.frameCount).toBe(0);
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('brk and stack positions are inherited', () => {
    s.setBrkBase(0x0805_0000);
    s.brk(0x0805_3000);
    s.stackStart = 0xbfff_0000;
    const c = fork(s);
    expect([c.brkStart, c.brkEnd, c.stackStart]).toEqual([0x0805_0000, 0x0805_3000, 0xbfff_0000]);
    expect(c.brk(0x0805_4000)).toBe(0x0805_4000);
  });
});

describe('faults', () => {
  test('signals: no area (MAPERR), not allowed (ACCERR), kernel addresses', () => {
    s.mmap(0x1000_0000, P, Prot.READ, ANON | FIXED);
    s.mmap(0x1000_2000, P, Prot.NONE, ANON | FIXED);
    expect(s.fault(0x0fff_ffff, FaultAccess.USER)).toBe(Fault.SIGSEGV_MAPERR);
    expect(s.fault(0x1000_0000, FaultAccess.USER | FaultAccess.WRITE)).toBe(Fault.SIGSEGV_ACCERR);
    expect(s.fault(0x1000_2000, FaultAccess.USER)).toBe(Fault.SIGSEGV_ACCERR);
    expect(s.fault(0xc010_0000, FaultAccess.USER)).toBe(Fault.SIGSEGV_MAPERR);
    expect(s.fault(0x1000_0000, FaultAccess.USER)).toBe(Fault.OK);
    expect(s.fault(0x1000_0000, FaultAccess.USER)).toBe(Fault.OK); // spurious: already mapped
  });

  test('stack growth: down to the limit, not into the guard gap', () => {
    const t = newSpace(b.shared, { stackLimit: 16 * P, stackGuardGap: 4 * P });
    const top = 0x8000_0000;
    const st = t.mmap(top - 2 * P, 2 * P, RW, ANON | FIXED | MapFlag.GROWSDOWN);
    t.stackStart = top - 16;
    expect(st).toBe(top - 2 * P);
    expect(store(b.m, t, top - 5 * P + 8, 0x7e)).toBe(Fault.OK);
    const v = t.vmas.find(top - P)!;
    expect([v.start, v.pgoff]).toEqual([top - 5 * P, (top - 2 * P) / P - 3]);
    expect(v.flags & Vm.GROWSDOWN).toBe(Vm.GROWSDOWN);
    expect(load(b.m, t, top - 5 * P + 8)).toBe(0x7e);
    expect(load(b.m, t, top - 17 * P)).toEqual({ signal: Fault.SIGSEGV_MAPERR }); // beyond the limit
    t.mmap(top - 12 * P, P, Prot.READ, ANON | FIXED);
    expect(load(b.m, t, top - 8 * P)).toEqual({ signal: Fault.SIGSEGV_MAPERR }); // within 4 pages of it
    expect(load(b.m, t, top - 7 * P)).toBe(0); // just outside the gap
    t.vmas.check();
  });

  test('a PROT_NONE entry where access is allowed is an invariant violation', () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | FIXED);
    store(b.m, s, a, 1);
    s.mprotect(a, P, Prot.NONE);
    s.vmas.find(a)!.flags |= Vm.READ; // behind the kernel's back
    expect(() => s.fault(a, FaultAccess.USER)).toThrow(/PROT_NONE/);
  });

  test('out of memory: the fault reports OOM and nothing leaks', () => {
    const a = s.mmap(0x1000_0000, 64 * P, RW, ANON | FIXED);
    store(b.m, s, a, 1);
    const hold: number[] = [];
    for (let f = b.frames.alloc(); f >= 0; f = b.frames.alloc()) hold.push(f);
    expect(store(b.m, s, a + P, 1)).toBe(Fault.OOM);
    expect(store(b.m, s, a + 0x20_0000 - P + 0x20_0000, 1)).toBe(Fault.SIGSEGV_MAPERR);
    b.frames.unref(hold.pop()!);
    expect(store(b.m, s, a + P, 2)).toBe(Fault.OK);
    expect(b.frames.freeCount).toBe(0);
    const c = s.fork();
    expect(c).toBe(-Errno.ENOMEM);
    for (const f of hold) b.frames.unref(f);
    freeAll(s);
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });
});

describe('files and memory objects', () => {
  test('private file mapping: reads share the page cache, stores copy', () => {
    const file = new TestFile(b.frames, b.m, 3);
    const a = s.mmap(0, 3 * P, RW, MapFlag.PRIVATE, { file }, 1); // file pages 1..3 (3 is beyond the end)
    expect(load(b.m, s, a + 5)).toBe(TestFile.fill(1));
    expect(frameAt(b.m, s, a)).toBe(file.frames[1]);
    expect(translate(b.m.read, s.pt.root, a)!.writable).toBe(false);
    expect(b.frames.refCount(file.frames[1])).toBe(2);
    expect(store(b.m, s, a + P, 0x01)).toBe(Fault.OK); // never read before: copied at once
    expect(frameAt(b.m, s, a + P)).not.toBe(file.frames[2]);
    expect(b.m.mem[file.frames[2]]).toBe(TestFile.fill(2));
    expect(store(b.m, s, a, 0x02)).toBe(Fault.OK); // read before: copy-on-write
    expect(b.m.mem[file.frames[1]]).toBe(TestFile.fill(1));
    expect(b.frames.refCount(file.frames[1])).toBe(1);
    expect(load(b.m, s, a + 2 * P)).toEqual({ signal: Fault.SIGBUS }); // beyond the end of the file
    freeAll(s);
    file.release();
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('fault-around: a read fault maps the cached pages of its 16-page window in the area, read-only', () => {
    const file = new TestFile(b.frames, b.m, 40);
    // a file whose cache holds every page but 20 (cachedFrame: -1), never read for fault-around
    const cached = Object.assign(file, { cachedFrame: (i: number) => (i === 20 || i >= file.frames.length ? -1 : file.frames[i]) });
    const a = s.mmap(0, 30 * P, RW, MapFlag.PRIVATE, { file: cached }, 4); // file pages 4..33
    const window = (a + 18 * P) & ~0xffff; // the aligned 64 KiB window of the faulting page
    file.reads = 0;
    expect(load(b.m, s, a + 18 * P)).toBe(TestFile.fill(22));
    expect(file.reads).toBe(1); // only the faulting page went through getPage
    for (let va = a; va < a + 30 * P; va += P) {
      const index = 4 + (va - a) / P;
      const inWindow = va >= window && va < window + 16 * P;
      expect(frameAt(b.m, s, va), `page ${index}`).toBe(inWindow && index !== 20 ? file.frames[index] : null);
      if (inWindow && index !== 20) expect(translate(b.m.read, s.pt.root, va)!.writable).toBe(false);
    }
    expect(b.frames.refCount(file.frames[23])).toBe(2); // the cache's and the PTE's
    expect(store(b.m, s, a + 19 * P, 0x05)).toBe(Fault.OK); // copy-on-write as after its own fault
    expect(b.m.mem[file.frames[23]]).toBe(TestFile.fill(23));
    expect(b.frames.refCount(file.frames[23])).toBe(1);
    expect(load(b.m, s, a + 16 * P)).toBe(TestFile.fill(20)); // the uncached page faults on its own
    // stores, shared mappings and files without cachedFrame (nor residentFrame) map one page
    const w = s.mmap(0, 8 * P, RW, MapFlag.PRIVATE, { file: cached }, 0);
    expect(store(b.m, s, w + P, 1)).toBe(Fault.OK);
    expect(frameAt(b.m, s, w)).toBeNull();
    const sh = s.mmap(0, 8 * P, RW, MapFlag.SHARED, { file: cached }, 0);
    expect(load(b.m, s, sh + P)).toBe(TestFile.fill(1));
    expect(frameAt(b.m, s, sh)).toBeNull();
    const plain = new TestFile(b.frames, b.m, 8);
    const pl = s.mmap(0, 8 * P, RW, MapFlag.PRIVATE, { file: plain }, 0);
    expect(load(b.m, s, pl + P)).toBe(TestFile.fill(1));
    expect(frameAt(b.m, s, pl)).toBeNull();
    freeAll(s);
    file.release();
    plain.release();
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('shared file mapping: stores reach the page cache; read-only files refuse PROT_WRITE', () => {
    const file = new TestFile(b.frames, b.m, 2);
    const a = s.mmap(0, 2 * P, RW, MapFlag.SHARED, { file }, 0);
    expect(store(b.m, s, a + P + 3, 0x99)).toBe(Fault.OK);
    expect(b.m.mem[file.frames[1] + 3]).toBe(0x99);
    expect(translate(b.m.read, s.pt.root, a + P)!.dirty).toBe(true);
    const ro = new TestFile(b.frames, b.m, 1, '/ro', 2, true, false);
    expect(s.mmap(0, P, RW, MapFlag.SHARED, { file: ro }, 0)).toBe(-Errno.EACCES);
    const wo = new TestFile(b.frames, b.m, 1, '/wo', 3, false, true);
    expect(s.mmap(0, P, Prot.READ, MapFlag.PRIVATE, { file: wo }, 0)).toBe(-Errno.EACCES);
  });

  test('a device object: raw frames, not counted, its rules for mmap, mapped/unmapped balanced', () => {
    const dev = new TestDevice(0x18_0000, 16);
    const used = b.frames.usedCount;
    const a = s.mmap(0, 4 * P, RW, MapFlag.SHARED, { object: dev }, 2);
    expect(a).toBeGreaterThan(0);
    const v = s.vmas.find(a)!;
    expect(v.flags & (Vm.PFNMAP | Vm.IO)).toBe(Vm.PFNMAP | Vm.IO);
    expect(dev.live).toBe(1);
    expect(store(b.m, s, a + P + 1, 0xee)).toBe(Fault.OK);
    expect(frameAt(b.m, s, a + P)).toBe(0x18_0000 + 3 * P);
    expect(b.m.mem[0x18_0000 + 3 * P + 1]).toBe(0xee);
    expect(b.frames.usedCount).toBe(used + 2); // a directory and a table, no frame for the page
    // Neighbouring mappings of the same device never merge (special mapping).
    const a2 = s.mmap(a + 4 * P, P, RW, MapFlag.SHARED | FIXED, { object: dev }, 6);
    expect(a2).toBe(a + 4 * P);
    expect(s.vmas.size).toBe(2);
    expect(s.munmap(a + P, P)).toBe(0); // split in three pieces, the middle one goes
    expect(dev.live).toBe(3);
    const c = fork(s);
    expect(dev.live).toBe(6);
    expect(load(b.m, c, a + 2 * P + 1 - P + P)).toBe(0); // page 4 of the device, untouched
    freeAll(s, c);
    expect(dev.live).toBe(0);
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('a mixed map: managed frames are counted, raw device frames are not; private stores copy both', () => {
    const ram = b.frames.allocZeroed();
    b.m.mem[ram] = 0x5c;
    b.m.mem[0x18_0000 + P] = 0x6d;
    const dev = new TestDevice(0x18_0000, 4, Vm.MIXEDMAP);
    dev.resolveFault = (_v, index) => (index === 0 ? ram : 0x18_0000 + index * P);
    const a = s.mmap(0, 2 * P, RW, MapFlag.SHARED, { object: dev }, 0);
    expect(load(b.m, s, a)).toBe(0x5c);
    expect(load(b.m, s, a + P)).toBe(0x6d);
    expect(b.frames.refCount(ram)).toBe(2);
    const p = s.mmap(0, 2 * P, RW, MapFlag.PRIVATE, { object: dev }, 0); // MIXEDMAP allows copy-on-write
    expect(load(b.m, s, p + P)).toBe(0x6d);
    expect(store(b.m, s, p + P, 1)).toBe(Fault.OK);
    expect(store(b.m, s, p, 2)).toBe(Fault.OK);
    expect([b.m.mem[0x18_0000 + P], b.m.mem[ram]]).toEqual([0x6d, 0x5c]);
    expect(b.frames.refCount(ram)).toBe(2);
    freeAll(s);
    expect(b.frames.refCount(ram)).toBe(1);
    b.frames.unref(ram);
    expect(b.frames.usedCount).toBe(b.baseUsed);
  });

  test('device mmap refusals: ENODEV, EACCES (private write, read-only device), EINVAL/ENXIO (range)', () => {
    const dev = new TestDevice(0x18_0000, 4);
    expect(s.mmap(0, P, RW, MapFlag.PRIVATE, { object: dev }, 0)).toBe(-Errno.EACCES); // no COW of raw frames
    expect(s.mmap(0, 8 * P, RW, MapFlag.SHARED, { object: dev }, 0)).toBe(-Errno.EINVAL);
    expect(s.mmap(0, P, RW, MapFlag.SHARED, { object: dev }, 9)).toBe(-Errno.ENXIO);
    const ro = new TestDevice(0x18_0000, 4);
    ro.maxProt = Prot.READ;
    expect(s.mmap(0, P, RW, MapFlag.SHARED, { object: ro }, 0)).toBe(-Errno.EACCES);
    const r = s.mmap(0, P, Prot.READ, MapFlag.SHARED, { object: ro }, 0);
    expect(s.mprotect(r, P, RW)).toBe(-Errno.EACCES);
    ro.supported = false;
    expect(s.mmap(0, P, Prot.READ, MapFlag.SHARED, { object: ro }, 0)).toBe(-Errno.ENODEV);
    expect(dev.live + ro.live).toBe(1);
  });
});

describe('kernel access to user memory', () => {
  test('a kernel write breaks copy-on-write exactly as a user store', () => {
    const a = s.mmap(0x1000_0000, 2 * P, RW, ANON | FIXED);
    store(b.m, s, a + P - 2, 0x61);
    store(b.m, s, a + P, 0x62);
    const c = fork(s);
    expect(kernelWrite(c, a + P - 1, [0x71, 0x72, 0x73])).toBe(0); // crosses a page boundary
    expect([kernelRead(c, a + P - 2), kernelRead(c, a + P - 1), kernelRead(c, a + P), kernelRead(c, a + P + 1)]).toEqual([0x61, 0x71, 0x72, 0x73]);
    expect([load(b.m, s, a + P - 1), load(b.m, s, a + P)]).toEqual([0, 0x62]);
    expect(frameAt(b.m, c, a)).not.toBe(frameAt(b.m, s, a));
    expect(translate(b.m.read, c.pt.root, a)!.dirty).toBe(true);
    freeAll(s, c);
  });

  test('EFAULT where the process would get a signal; works on an inactive space', () => {
    const a = s.mmap(0x1000_0000, P, Prot.READ, ANON | FIXED);
    expect(kernelWrite(s, a, [1])).toBe(-Errno.EFAULT);
    expect(kernelWrite(s, 0x2000_0000, [1])).toBe(-Errno.EFAULT);
    expect(kernelRead(s, 0xc000_0000)).toBe(-Errno.EFAULT);
    expect(kernelRead(s, a)).toBe(0);
    const t = newSpace(b.shared);
    t.mmap(0x1000_0000, P, RW, ANON | FIXED);
    s.activate();
    b.m.clearLogs();
    expect(kernelWrite(t, 0x1000_0010, [5])).toBe(0);
    expect(b.m.invlpgLog.length + b.m.cr3Log.length).toBe(0);
    expect(userAccess(b.m, t, 0x1000_0010, false)).toMatchObject({ phys: frameAt(b.m, t, 0x1000_0000)! + 0x10 });
    expect(load(b.m, t, 0x1000_0010)).toBe(5);
  });
});

describe('free', () => {
  test('returns every frame and table after mixed use; refuses the current space', () => {
    const file = new TestFile(b.frames, b.m, 4);
    const dev = new TestDevice(0x18_0000, 8);
    const used0 = b.frames.usedCount;
    s.setBrkBase(0x0805_0000);
    s.brk(0x0806_0000);
    const a = s.mmap(0, 16 * P, RW, ANON);
    const f = s.mmap(0, 4 * P, RW, MapFlag.PRIVATE, { file }, 0);
    const sh = s.mmap(0x7000_0000, 2 * P, RW, MapFlag.SHARED | MapFlag.ANONYMOUS | FIXED);
    s.mmap(0, 2 * P, RW, MapFlag.SHARED, { object: dev }, 0);
    for (let i = 0; i < 16; i++) store(b.m, s, a + i * P, i);
    store(b.m, s, f, 1);
    load(b.m, s, f + P);
    store(b.m, s, sh, 1);
    store(b.m, s, 0x0805_1000, 1);
    s.mprotect(a + 4 * P, 4 * P, Prot.NONE);
    const c = fork(s);
    store(b.m, c, a, 2);
    expect(b.frames.usedCount).toBeGreaterThan(used0 + 20);
    s.activate();
    expect(() => s.free()).toThrow(/current/);
    expect(load(b.m, s, a + P)).toBe(1); // still intact
    freeAll(s, c);
    expect(b.frames.usedCount).toBe(used0 - 1); // s's PDPT, made before used0, went too
    expect(dev.live).toBe(0);
    file.release();
    expect(b.frames.usedCount).toBe(b.baseUsed);
    s.free(); // idempotent
  });
});
