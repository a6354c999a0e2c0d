// The memory system calls of an address space: mmap, munmap, mprotect, brk, madvise,
// mremap — areas, page tables as the MMU reads them, frames, and Linux errno values.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AddressSpace, Fault } from '../../kernel/mm/address-space.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { Madv, MapFlag, Mremap, Prot } from '../../kernel/mm/mman.ts';
import { Vm } from '../../kernel/mm/vma.ts';
import { translate } from '../../host/inspect/pae-walk.ts';
import { TestDevice, TestFile, frameAt, load, store } from './helpers.ts';
import { BOOT, boot, newSpace, type Booted } from './setup.ts';

const P = 4096;
const RW = Prot.READ | Prot.WRITE;
const ANON = MapFlag.PRIVATE | MapFlag.ANONYMOUS;
const { EINVAL, ENOMEM, EEXIST, EACCES, EFAULT, EPERM, EBADF } = Errno;

let b: Booted;
let s: AddressSpace;
beforeEach(() => {
  b = boot(8);
  s = newSpace(b.shared, { mmapBase: 0x4000_0000 });
});
afterEach(() => b.restore());

/** The areas as [start, end, flags] triples. */
function areas(space = s): [number, number, number][] {
  return space.vmas.toArray().map((v) => [v.start, v.end, v.flags]);
}

const RW_FLAGS = Vm.READ | Vm.WRITE | Vm.MAY;

/** Frees the space (from the boot PDPT) and checks every frame came back. */
function freeAndCheck(space = s): void {
  b.m.writeCr3(BOOT.pdpt);
  space.free();
  expect(b.frames.usedCount).toBe(b.baseUsed);
}

describe('mmap', () => {
  test('anonymous private memory: top-down below mmapBase, no frame until touched', () => {
    const used = b.frames.usedCount;
    const a = s.mmap(0, 3 * P, RW, ANON);
    expect(a).toBe(0x4000_0000 - 3 * P);
    expect(areas()).toEqual([[a, a + 3 * P, RW_FLAGS]]);
    expect(s.vmas.find(a)!.pgoff).toBe(a / P);
    expect(b.frames.usedCount).toBe(used);
    const b2 = s.mmap(0, P, Prot.READ, ANON);
    expect(b2).toBe(a - P);
    freeAndCheck();
  });

  test('a read maps the shared zero page read-only; a write gets a zeroed frame', () => {
    const a = s.mmap(0, 2 * P, RW, ANON);
    expect(load(b.m, s, a + 5)).toBe(0);
    let t = translate(b.m.read, s.pt.root, a)!;
    expect(t.phys).toBe(b.shared.zeroPage);
    expect(t.writable).toBe(false);
    expect(t.user).toBe(true);
    const fills = b.m.fills;
    expect(store(b.m, s, a + P + 7, 0x5a)).toBe(Fault.OK);
    expect(b.m.fills).toBe(fills + 1); // zeroing is one physFill
    t = translate(b.m.read, s.pt.root, a + P)!;
    expect(t.writable && t.dirty).toBe(true);
    expect(b.m.mem[t.phys]).toBe(0); // the rest of the page is zero
    expect(load(b.m, s, a + P + 7)).toBe(0x5a);
    // A store to the zero-page mapping replaces it by a private zeroed frame.
    expect(store(b.m, s, a, 1)).toBe(Fault.OK);
    expect(frameAt(b.m, s, a)).not.toBe(b.shared.zeroPage);
    expect(b.m.mem[b.shared.zeroPage]).toBe(0);
    expect(b.m.checkTlb()).toEqual([]);
    freeAndCheck();
  });

  test('argument errors are Linux errno values', () => {
    expect(s.mmap(0, 0, RW, ANON)).toBe(-EINVAL);
    expect(s.mmap(0, P, RW, MapFlag.ANONYMOUS)).toBe(-EINVAL); // neither shared nor private
    expect(s.mmap(0, P, RW, MapFlag.SHARED_VALIDATE | MapFlag.ANONYMOUS)).toBe(-EINVAL);
    expect(s.mmap(0, P, 0x8, ANON)).toBe(-EINVAL);
    expect(s.mmap(0x1000_0800, P, RW, ANON | MapFlag.FIXED)).toBe(-EINVAL);
    expect(s.mmap(0x1000_0800, P, RW, ANON | MapFlag.FIXED_NOREPLACE)).toBe(-EINVAL);
    expect(s.mmap(0, 0xc000_1000, RW, ANON)).toBe(-ENOMEM);
    expect(s.mmap(0xbfff_f000, 2 * P, RW, ANON | MapFlag.FIXED)).toBe(-ENOMEM);
    expect(s.mmap(0x1000, P, RW, ANON | MapFlag.FIXED)).toBe(-EPERM); // below mmap_min_addr
    expect(s.mmap(0, P, RW, MapFlag.PRIVATE)).toBe(-EBADF); // not anonymous and nothing to map
    expect(s.vmas.size).toBe(0);
  });

  test('a free hint is honoured, a taken one is not', () => {
    expect(s.mmap(0x1000_0123, P, RW, ANON)).toBe(0x1000_1000); // rounded up
    expect(s.mmap(0x1000_1000, P, Prot.READ, ANON)).toBe(0x4000_0000 - P);
    expect(s.mmap(0x100, P, Prot.READ, ANON)).toBe(0x4000_0000 - 2 * P); // below mmap_min_addr: ignored
  });

  test('MAP_FIXED replaces what was there; MAP_FIXED_NOREPLACE refuses with EEXIST', () => {
    const a = s.mmap(0x1000_0000, 4 * P, RW, ANON | MapFlag.FIXED);
    expect(a).toBe(0x1000_0000);
    for (let i = 0; i < 4; i++) store(b.m, s, a + i * P, 0x10 + i);
    const used = b.frames.usedCount;
    expect(s.mmap(a + P, P, Prot.READ, ANON | MapFlag.FIXED_NOREPLACE)).toBe(-EEXIST);
    expect(load(b.m, s, a + P)).toBe(0x11);
    expect(s.mmap(a + P, 2 * P, Prot.READ, ANON | MapFlag.FIXED)).toBe(a + P);
    expect(b.frames.usedCount).toBe(used - 2);
    expect(load(b.m, s, a + P)).toBe(0); // fresh memory
    expect(load(b.m, s, a + 3 * P)).toBe(0x13);
    expect(areas()).toEqual([[a, a + P, RW_FLAGS], [a + P, a + 3 * P, Vm.READ | Vm.MAY], [a + 3 * P, a + 4 * P, RW_FLAGS]]);
    expect(s.mmap(a + 4 * P, P, RW, ANON | MapFlag.FIXED_NOREPLACE)).toBe(a + 4 * P);
    expect(b.m.checkTlb()).toEqual([]);
    freeAndCheck();
  });

  test('neighbouring anonymous mappings with the same protection merge; others do not', () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | MapFlag.FIXED);
    s.mmap(a + 2 * P, P, RW, ANON | MapFlag.FIXED);
    s.mmap(a + P, P, RW, ANON | MapFlag.FIXED);
    expect(areas()).toEqual([[a, a + 3 * P, RW_FLAGS]]);
    s.mmap(a + 3 * P, P, Prot.READ, ANON | MapFlag.FIXED);
    s.mmap(a + 4 * P, P, RW, MapFlag.SHARED | MapFlag.ANONYMOUS | MapFlag.FIXED);
    expect(s.vmas.size).toBe(3);
  });

  test('ENOMEM when no range is free, and at the area limit', () => {
    const t = newSpace(b.shared, { mmapBase: 0x4000_0000, maxMapCount: 3 });
    expect(t.mmap(0, 0xb000_0000, Prot.READ, ANON)).toBe(0x1000_0000); // falls back above the base
    expect(t.mmap(0, 0x1000_0000, Prot.READ, ANON)).toBe(-ENOMEM);
    expect(t.mmap(0, P, Prot.WRITE, ANON)).toBe(0x1000_0000 - P);
    t.mmap(0, P, Prot.EXEC, ANON);
    expect(t.vmas.size).toBe(3);
    expect(t.mmap(0, P, Prot.READ | Prot.EXEC, ANON)).toBe(-ENOMEM);
  });
});

describe('munmap', () => {
  test('any page range: splits areas, frees frames, keeps offsets', () => {
    const a = s.mmap(0x1000_0000, 8 * P, RW, ANON | MapFlag.FIXED);
    for (let i = 0; i < 8; i++) store(b.m, s, a + i * P, i + 1);
    const used = b.frames.usedCount;
    expect(s.munmap(a + 2 * P, 3 * P)).toBe(0);
    expect(areas()).toEqual([[a, a + 2 * P, RW_FLAGS], [a + 5 * P, a + 8 * P, RW_FLAGS]]);
    expect(s.vmas.find(a + 5 * P)!.pgoff).toBe(a / P + 5);
    expect(b.frames.usedCount).toBe(used - 3);
    expect(load(b.m, s, a + 2 * P)).toEqual({ signal: Fault.SIGSEGV_MAPERR });
    expect(load(b.m, s, a + 5 * P)).toBe(6);
    expect(s.munmap(a, 0x1000_0000)).toBe(0); // holes are fine
    expect(s.vmas.size).toBe(0);
    expect(s.munmap(0x2000_0000, P)).toBe(0);
    freeAndCheck();
  });

  test('argument errors', () => {
    expect(s.munmap(0x1000_0001, P)).toBe(-EINVAL);
    expect(s.munmap(0x1000_0000, 0)).toBe(-EINVAL);
    expect(s.munmap(0xbfff_f000, 2 * P)).toBe(-EINVAL);
    expect(s.munmap(0xc000_0000, P)).toBe(-EINVAL);
  });

  test('TLB: invlpg of the present pages in the current space, nothing for an inactive one', () => {
    const a = s.mmap(0x1000_0000, 4 * P, RW, ANON | MapFlag.FIXED);
    store(b.m, s, a, 1);
    store(b.m, s, a + 2 * P, 1);
    store(b.m, s, a + 5 * P + 0x10_0000, 1); // unmapped: a signal, nothing mapped
    s.mmap(0x1020_0000, P, RW, ANON | MapFlag.FIXED); // keeps the directory alive
    store(b.m, s, 0x1020_0000, 1);
    b.m.clearLogs();
    s.munmap(a, 4 * P);
    expect(b.m.invlpgLog).toEqual([a, a + 2 * P]);
    expect(b.m.cr3Log).toEqual([]);
    expect(b.m.checkTlb()).toEqual([]);
    const t = newSpace(b.shared);
    t.mmap(0x1000_0000, P, RW, ANON | MapFlag.FIXED);
    store(b.m, t, 0x1000_0000, 1); // t is current now
    s.activate(); // s current, t inactive
    b.m.clearLogs();
    t.munmap(0x1000_0000, P);
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.cr3Log).toEqual([]);
  });
});

describe('mprotect', () => {
  test('splits, write-protects the PTEs, and merges back', () => {
    const a = s.mmap(0x1000_0000, 4 * P, RW, ANON | MapFlag.FIXED);
    for (let i = 0; i < 4; i++) store(b.m, s, a + i * P, 0x20 + i);
    const frame = frameAt(b.m, s, a + P);
    b.m.clearLogs();
    expect(s.mprotect(a + P, 2 * P, Prot.READ)).toBe(0);
    expect(b.m.invlpgLog).toEqual([a + P, a + 2 * P]);
    expect(areas()).toEqual([[a, a + P, RW_FLAGS], [a + P, a + 3 * P, Vm.READ | Vm.MAY], [a + 3 * P, a + 4 * P, RW_FLAGS]]);
    expect(translate(b.m.read, s.pt.root, a + P)!.writable).toBe(false);
    expect(store(b.m, s, a + P, 0)).toBe(Fault.SIGSEGV_ACCERR);
    expect(load(b.m, s, a + P)).toBe(0x21);
    const copies = b.m.copies;
    expect(s.mprotect(a + P, 2 * P, RW)).toBe(0);
    expect(areas()).toEqual([[a, a + 4 * P, RW_FLAGS]]);
    expect(store(b.m, s, a + P, 0x99)).toBe(Fault.OK);
    expect(frameAt(b.m, s, a + P)).toBe(frame); // the only reference: reused, not copied
    expect(b.m.copies).toBe(copies);
    expect(b.m.checkTlb()).toEqual([]);
    freeAndCheck();
  });

  test('PROT_NONE keeps the frames but no access; protection back brings the contents back', () => {
    const a = s.mmap(0x1000_0000, 2 * P, RW, ANON | MapFlag.FIXED);
    store(b.m, s, a, 0x77);
    const used = b.frames.usedCount;
    expect(s.mprotect(a, 2 * P, Prot.NONE)).toBe(0);
    expect(translate(b.m.read, s.pt.root, a)).toBeNull();
    expect(b.frames.usedCount).toBe(used);
    expect(load(b.m, s, a)).toEqual({ signal: Fault.SIGSEGV_ACCERR });
    expect(load(b.m, s, a + P)).toEqual({ signal: Fault.SIGSEGV_ACCERR });
    expect(s.mprotect(a, 2 * P, Prot.READ)).toBe(0);
    expect(load(b.m, s, a)).toBe(0x77);
    expect(b.m.checkTlb()).toEqual([]);
    freeAndCheck();
  });

  test('errors: holes (ENOMEM, nothing changed), alignment and flags (EINVAL), may-write (EACCES)', () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | MapFlag.FIXED);
    s.mmap(a + 2 * P, P, RW, ANON | MapFlag.FIXED);
    expect(s.mprotect(a, 3 * P, Prot.READ)).toBe(-ENOMEM);
    expect(areas().map((x) => x[2])).toEqual([RW_FLAGS, RW_FLAGS]);
    expect(s.mprotect(0x2000_0000, P, Prot.READ)).toBe(-ENOMEM);
    expect(s.mprotect(a + 1, P, Prot.READ)).toBe(-EINVAL);
    expect(s.mprotect(a, P, 0x10)).toBe(-EINVAL);
    expect(s.mprotect(a, P, Prot.READ | Prot.GROWSUP)).toBe(-EINVAL);
    expect(s.mprotect(a, P, Prot.READ | Prot.GROWSDOWN)).toBe(-EINVAL); // not a growsdown area
    expect(s.mprotect(a, 0, Prot.READ)).toBe(0);
    const ro = new TestFile(b.frames, b.m, 2, '/etc/ro', 5, true, false);
    const f = s.mmap(0, 2 * P, Prot.READ, MapFlag.SHARED, { file: ro }, 0);
    expect(f).toBeGreaterThan(0);
    expect(s.mprotect(f, P, RW)).toBe(-EACCES);
    const g = s.mmap(0, 2 * P, Prot.READ, MapFlag.PRIVATE, { file: ro }, 0);
    expect(s.mprotect(g, P, RW)).toBe(0); // private: copy-on-write is always allowed
  });

  test('PROT_GROWSDOWN extends the change to the start of a growsdown area', () => {
    const a = s.mmap(0x2000_0000, 4 * P, RW, ANON | MapFlag.FIXED | MapFlag.GROWSDOWN);
    expect(s.mprotect(a + 2 * P, P, Prot.READ | Prot.GROWSDOWN)).toBe(0);
    expect(areas().map((x) => [x[0], x[1], x[2] & Vm.ACCESS])).toEqual([[a, a + 3 * P, Vm.READ], [a + 3 * P, a + 4 * P, Vm.READ | Vm.WRITE]]);
  });
});

describe('brk', () => {
  test('grows and shrinks the heap, refuses to run into a mapping', () => {
    s.setBrkBase(0x0805_2345);
    expect(s.brk(0)).toBe(0x0805_2345);
    expect(s.brk(0x0805_8000)).toBe(0x0805_8000);
    expect(areas()).toEqual([[0x0805_3000, 0x0805_8000, RW_FLAGS]]);
    expect(store(b.m, s, 0x0805_7fff, 1)).toBe(Fault.OK);
    expect(s.brk(0x0805_4001)).toBe(0x0805_4001);
    expect(areas()).toEqual([[0x0805_3000, 0x0805_5000, RW_FLAGS]]);
    expect(load(b.m, s, 0x0805_7fff)).toEqual({ signal: Fault.SIGSEGV_MAPERR });
    expect(s.brk(0x0805_0000)).toBe(0x0805_4001); // below the start
    s.mmap(0x0806_0000, P, Prot.READ, ANON | MapFlag.FIXED);
    expect(s.brk(0x0806_0000)).toBe(0x0805_4001); // no room (one page kept free)
    expect(s.brk(0x0805_f000)).toBe(0x0805_f000);
    expect(s.brk(0x0805_2345)).toBe(0x0805_2345);
    expect(areas().length).toBe(1);
    freeAndCheck();
  });
});

describe('madvise', () => {
  test('MADV_DONTNEED: private anonymous memory reads as zeros again, frames freed', () => {
    const a = s.mmap(0x1000_0000, 4 * P, RW, ANON | MapFlag.FIXED);
    for (let i = 0; i < 4; i++) store(b.m, s, a + i * P, 0x30 + i);
    const used = b.frames.usedCount;
    b.m.clearLogs();
    expect(s.madvise(a + P, 2 * P, Madv.DONTNEED)).toBe(0);
    expect(b.m.invlpgLog).toEqual([a + P, a + 2 * P]);
    expect(b.frames.usedCount).toBe(used - 2);
    expect(load(b.m, s, a + P)).toBe(0);
    expect(load(b.m, s, a)).toBe(0x30);
    expect(load(b.m, s, a + 3 * P)).toBe(0x33);
    expect(s.vmas.size).toBe(1);
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('shared memory and files keep their contents', () => {
    const sh = s.mmap(0, P, RW, MapFlag.SHARED | MapFlag.ANONYMOUS);
    store(b.m, s, sh, 0x42);
    expect(s.madvise(sh, P, Madv.DONTNEED)).toBe(0);
    expect(load(b.m, s, sh)).toBe(0x42);
    const file = new TestFile(b.frames, b.m, 1);
    const fp = s.mmap(0, P, RW, MapFlag.PRIVATE, { file }, 0);
    store(b.m, s, fp, 0x01);
    expect(s.madvise(fp, P, Madv.DONTNEED)).toBe(0);
    expect(load(b.m, s, fp)).toBe(TestFile.fill(0)); // the private copy is dropped
  });

  test('errors: unaligned, unknown advice, DONTNEED on raw device memory, unmapped parts', () => {
    const a = s.mmap(0x1000_0000, P, RW, ANON | MapFlag.FIXED);
    expect(s.madvise(a + 1, P, Madv.DONTNEED)).toBe(-EINVAL);
    expect(s.madvise(a, P, 99)).toBe(-EINVAL);
    expect(s.madvise(a, P, Madv.WILLNEED)).toBe(0);
    expect(s.madvise(a, 2 * P, Madv.NORMAL)).toBe(-ENOMEM);
    store(b.m, s, a, 5);
    expect(s.madvise(a, 2 * P, Madv.DONTNEED)).toBe(-ENOMEM);
    expect(load(b.m, s, a)).toBe(0); // the mapped part was still dropped, as in Linux
    const dev = new TestDevice(0x18_0000, 16);
    const d = s.mmap(0, P, RW, MapFlag.SHARED, { object: dev }, 0);
    expect(s.madvise(d, P, Madv.DONTNEED)).toBe(-EINVAL);
  });
});

describe('mremap', () => {
  test('shrinks, grows in place, and moves with the frames (nothing copied)', () => {
    const a = s.mmap(0x1000_0000, 4 * P, RW, ANON | MapFlag.FIXED);
    for (let i = 0; i < 4; i++) store(b.m, s, a + i * P, 0x50 + i);
    expect(s.mremap(a, 4 * P, 2 * P, 0)).toBe(a);
    expect(areas()).toEqual([[a, a + 2 * P, RW_FLAGS]]);
    expect(s.mremap(a, 2 * P, 6 * P, 0)).toBe(a);
    expect(areas()).toEqual([[a, a + 6 * P, RW_FLAGS]]);
    expect(load(b.m, s, a + 2 * P)).toBe(0); // the tail came back empty
    s.mmap(a + 6 * P, P, Prot.READ, ANON | MapFlag.FIXED);
    expect(s.mremap(a, 6 * P, 8 * P, 0)).toBe(-ENOMEM); // blocked, may not move
    const frames = [frameAt(b.m, s, a), frameAt(b.m, s, a + P)];
    const copies = b.m.copies, used = b.frames.usedCount;
    const moved = s.mremap(a, 6 * P, 8 * P, Mremap.MAYMOVE);
    expect(moved).toBe(0x4000_0000 - 8 * P);
    expect([frameAt(b.m, s, moved), frameAt(b.m, s, moved + P)]).toEqual(frames);
    expect(b.m.copies).toBe(copies);
    expect(load(b.m, s, moved + P)).toBe(0x51);
    expect(load(b.m, s, a)).toEqual({ signal: Fault.SIGSEGV_MAPERR });
    expect(s.vmas.find(moved)!.pgoff).toBe(a / P); // anonymous memory keeps its offset
    expect(b.frames.usedCount).toBeGreaterThanOrEqual(used - 1); // at most the old table went away
    expect(b.m.checkTlb()).toEqual([]);
    const fixed = s.mremap(moved, 2 * P, P, Mremap.MAYMOVE | Mremap.FIXED, 0x2000_0000);
    expect(fixed).toBe(0x2000_0000);
    expect(load(b.m, s, 0x2000_0000)).toBe(0x50);
    expect(load(b.m, s, moved)).toEqual({ signal: Fault.SIGSEGV_MAPERR });
    expect(load(b.m, s, moved + P)).toEqual({ signal: Fault.SIGSEGV_MAPERR }); // shrunk before the move
    expect(load(b.m, s, moved + 2 * P)).toBe(0);
    freeAndCheck();
  });

  test('errors: EINVAL for arguments, EFAULT for ranges not inside one area', () => {
    const a = s.mmap(0x1000_0000, 2 * P, RW, ANON | MapFlag.FIXED);
    s.mmap(a + 2 * P, P, Prot.READ, ANON | MapFlag.FIXED);
    expect(s.mremap(a + 1, P, P, 0)).toBe(-EINVAL);
    expect(s.mremap(a, P, P, 4)).toBe(-EINVAL);
    expect(s.mremap(a, P, P, Mremap.FIXED, 0x2000_0000)).toBe(-EINVAL);
    expect(s.mremap(a, P, 0, Mremap.MAYMOVE)).toBe(-EINVAL);
    expect(s.mremap(a, 0, P, Mremap.MAYMOVE)).toBe(-EINVAL);
    expect(s.mremap(a, P, P, Mremap.MAYMOVE | Mremap.FIXED, 0x2000_0001)).toBe(-EINVAL);
    expect(s.mremap(a, 2 * P, 2 * P, Mremap.MAYMOVE | Mremap.FIXED, a + P)).toBe(-EINVAL); // overlap
    expect(s.mremap(0x3000_0000, P, 2 * P, Mremap.MAYMOVE)).toBe(-EFAULT);
    expect(s.mremap(a, 3 * P, 4 * P, Mremap.MAYMOVE)).toBe(-EFAULT); // spans two areas
    const dev = new TestDevice(0x18_0000, 16);
    const d = s.mmap(0, P, RW, MapFlag.SHARED, { object: dev }, 0);
    expect(s.mremap(d, P, 2 * P, Mremap.MAYMOVE)).toBe(-EFAULT); // device mappings do not grow
  });
});
