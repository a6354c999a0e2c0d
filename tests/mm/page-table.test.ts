// PAE page tables: entry format as the MMU reads it (through a test-side walker over the
// simulated physical memory), table allocation and release, A/D bits, and TLB invalidation
// that is right (the simulated TLB never goes stale) and minimal (counted).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PageTables, Pte, needsFlush } from '../../kernel/mm/page-table.ts';
import { Tlb, TlbFlush } from '../../kernel/mm/tlb.ts';
import { translate, walkUser } from '../../host/inspect/pae-walk.ts';
import { BOOT, boot, type Booted } from './setup.ts';

let b: Booted;
beforeEach(() => {
  b = boot();
});
afterEach(() => b.restore());

function tables(): PageTables {
  const pt = PageTables.create(b.frames, b.shared.kernelPdpte);
  if (typeof pt === 'number') throw new Error('create failed');
  return pt;
}

/** Runs op with a fresh TlbFlush for pt and commits it; returns what op returned. */
function op<T>(pt: PageTables, f: (flush: TlbFlush) => T): T {
  const flush = new TlbFlush(pt.root);
  const r = f(flush);
  flush.commit();
  return r;
}

const USER = Pte.P | Pte.US;

describe('PageTables', () => {
  test('a new space: only the kernel half, shared with the boot PDPT', () => {
    const pt = tables();
    const w = walkUser(b.m.read, pt.root);
    expect(w.tables).toEqual([]);
    expect(w.entries).toEqual([]);
    expect(b.m.physRead32(pt.root + 24)).toBe(BOOT.kernelPd | 1);
    const t = translate(b.m.read, pt.root, 0xc000_0000 + 0x30_1234)!;
    expect(t).toMatchObject({ phys: 0x30_1234, large: true, user: false });
    expect(b.frames.usedCount).toBe(b.baseUsed + 1); // the PDPT
  });

  test('map in an inactive space: the walker sees the entry, no TLB maintenance at all', () => {
    const pt = tables();
    const frame = b.frames.allocZeroed();
    expect(op(pt, (f) => pt.set(0x0804_8000, frame | USER | Pte.RW, f))).toBe(0);
    const t = translate(b.m.read, pt.root, 0x0804_8123)!;
    expect(t).toMatchObject({ phys: frame + 0x123, large: false, writable: true, user: true, global: false });
    expect(translate(b.m.read, pt.root, 0x0804_9000)).toBeNull();
    expect(pt.entry(0x0804_8000)).toBe(frame | USER | Pte.RW);
    expect(pt.tableCount).toBe(2); // one directory, one table
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.cr3Log).toEqual([]);
  });

  test('in the current space a new directory reloads CR3 once; more pages under it need nothing', () => {
    const pt = tables();
    pt.activate();
    b.m.clearLogs();
    const f1 = b.frames.alloc(), f2 = b.frames.alloc();
    op(pt, (f) => pt.set(0x4000_0000, f1 | USER | Pte.RW, f));
    expect(b.m.cr3Log).toEqual([pt.root]);
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.access(0x4000_0010, true)).toEqual({ phys: f1 + 0x10 });
    b.m.clearLogs();
    op(pt, (f) => pt.set(0x4000_1000, f2 | USER, f));
    expect(b.m.cr3Log).toEqual([]);
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.access(0x4000_1000, false)).toEqual({ phys: f2 });
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('without the CR3 reload the MMU would not see a new directory (the model is strict)', () => {
    const pt = tables();
    pt.activate();
    const f1 = b.frames.alloc();
    pt.set(0x4000_0000, f1 | USER | Pte.RW, new TlbFlush(pt.root)); // flush dropped on purpose
    expect(b.m.access(0x4000_0000, false)).toEqual({ fault: 4 });
    expect(b.m.checkTlb()[0]).toMatch(/PDPTE register 1/);
  });

  test('replacing a present entry invalidates exactly that page', () => {
    const pt = tables();
    pt.activate();
    const f1 = b.frames.allocZeroed(), f2 = b.frames.allocZeroed();
    op(pt, (f) => pt.set(0x1000_0000, f1 | USER | Pte.RW, f));
    expect(b.m.access(0x1000_0004, true)).toEqual({ phys: f1 + 4 }); // now cached in the TLB
    b.m.clearLogs();
    op(pt, (f) => pt.set(0x1000_0000, f2 | USER | Pte.RW, f));
    expect(b.m.invlpgLog).toEqual([0x1000_0000]);
    expect(b.m.cr3Log).toEqual([]);
    expect(b.m.access(0x1000_0004, true)).toEqual({ phys: f2 + 4 });
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('write-protecting flushes, making writable does not (a stale entry only causes a spurious fault)', () => {
    const pt = tables();
    pt.activate();
    const f1 = b.frames.alloc();
    op(pt, (f) => pt.set(0x1000_0000, f1 | USER, f));
    expect(b.m.access(0x1000_0000, false)).toEqual({ phys: f1 });
    b.m.clearLogs();
    op(pt, (f) => pt.update(0x1000_0000, Pte.RW, 0, f));
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.checkTlb()).toEqual([]);
    // The stale read-only entry faults once; the fault drops it and the retry succeeds.
    expect(b.m.access(0x1000_0000, true)).toEqual({ fault: 7 });
    expect(b.m.access(0x1000_0000, true)).toEqual({ phys: f1 });
    op(pt, (f) => pt.update(0x1000_0000, 0, Pte.RW, f));
    expect(b.m.invlpgLog).toEqual([0x1000_0000]);
    expect(b.m.access(0x1000_0000, true)).toEqual({ fault: 7 });
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('clearing the last entries frees the table, then the directory (CR3 reload)', () => {
    const pt = tables();
    pt.activate();
    const used0 = b.frames.usedCount;
    const f1 = b.frames.alloc(), f2 = b.frames.alloc();
    op(pt, (f) => {
      pt.set(0x0800_0000, f1 | USER, f);
      pt.set(0x0800_1000, f2 | USER, f);
    });
    expect(pt.tableCount).toBe(2);
    expect(b.frames.usedCount).toBe(used0 + 4);
    b.m.access(0x0800_0000, false);
    b.m.access(0x0800_1000, false);
    b.m.clearLogs();
    expect(op(pt, (f) => pt.clear(0x0800_0000, f))).toBe(f1 | USER | Pte.A);
    expect(b.m.invlpgLog).toEqual([0x0800_0000]);
    expect(pt.tableCount).toBe(2);
    b.m.clearLogs();
    op(pt, (f) => pt.clear(0x0800_1000, f));
    expect(pt.tableCount).toBe(0);
    expect(b.m.cr3Log).toEqual([pt.root]); // the PDPTE went away: reload (which also covers the page)
    expect(b.m.invlpgLog).toEqual([]);
    expect(b.m.physRead32(pt.root)).toBe(0);
    expect(walkUser(b.m.read, pt.root).tables).toEqual([]);
    expect(b.frames.usedCount).toBe(used0 + 2); // f1, f2 are the caller's
    expect(op(pt, (f) => pt.clear(0x0800_1000, f))).toBe(0);
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('freeing a table under a still-present directory invalidates the page (paging-structure caches)', () => {
    const pt = tables();
    pt.activate();
    op(pt, (f) => {
      pt.set(0x0800_0000, b.frames.alloc() | USER, f);
      pt.set(0x0820_0000, b.frames.alloc() | USER, f);
    });
    b.m.clearLogs();
    op(pt, (f) => pt.clear(0x0820_0000, f));
    expect(pt.tableCount).toBe(2);
    expect(b.m.invlpgLog).toEqual([0x0820_0000]);
  });

  test('many changed pages: one CR3 reload instead of invlpg each', () => {
    const pt = tables();
    pt.activate();
    const n = Tlb.FLUSH_ALL_THRESHOLD;
    op(pt, (f) => {
      for (let i = 0; i <= n; i++) pt.set(0x0800_0000 + i * 4096, b.frames.alloc() | USER, f);
    });
    b.m.clearLogs();
    op(pt, (f) => {
      for (let i = 0; i < n; i++) pt.update(0x0800_0000 + i * 4096, 0, Pte.P, f);
    });
    expect(b.m.invlpgLog.length).toBe(n); // up to the threshold: one invlpg per page
    expect(b.m.cr3Log).toEqual([]);
    b.m.clearLogs();
    op(pt, (f) => {
      for (let i = 0; i <= n; i++) pt.update(0x0800_0000 + i * 4096, Pte.P, 0, f); // gains: nothing to flush
    });
    expect(b.m.invlpgLog.length + b.m.cr3Log.length).toBe(0);
    op(pt, (f) => {
      for (let i = 0; i <= n; i++) pt.set(0x0800_0000 + i * 4096, b.frames.alloc() | USER, f);
    });
    expect(b.m.invlpgLog).toEqual([]); // one more than the threshold: a reload instead
    expect(b.m.cr3Log).toEqual([pt.root]);
  });

  test('accessed and dirty bits: set by the MMU, read and cleared with an invalidation', () => {
    const pt = tables();
    pt.activate();
    const f1 = b.frames.alloc();
    op(pt, (f) => pt.set(0x2000_0000, f1 | USER | Pte.RW, f));
    expect(op(pt, (f) => pt.testAndClearAccessed(0x2000_0000, f))).toBe(false);
    b.m.access(0x2000_0000, false);
    expect(pt.entry(0x2000_0000) & (Pte.A | Pte.D)).toBe(Pte.A);
    b.m.access(0x2000_0000, true);
    expect(pt.entry(0x2000_0000) & (Pte.A | Pte.D)).toBe(Pte.A | Pte.D);
    b.m.clearLogs();
    expect(op(pt, (f) => pt.testAndClearDirty(0x2000_0000, f))).toBe(true);
    expect(b.m.invlpgLog).toEqual([0x2000_0000]);
    expect(b.m.checkTlb()).toEqual([]);
    expect(op(pt, (f) => pt.testAndClearDirty(0x2000_0000, f))).toBe(false);
    b.m.access(0x2000_0000, true); // the CPU sets D again because the entry was flushed
    expect(op(pt, (f) => pt.testAndClearDirty(0x2000_0000, f))).toBe(true);
    expect(op(pt, (f) => pt.testAndClearAccessed(0x2000_0000, f))).toBe(true);
    expect(op(pt, (f) => pt.testAndClearAccessed(0x2000_0000, f))).toBe(false);
    expect(b.m.checkTlb()).toEqual([]);
  });

  test('nextUsed finds non-empty entries (present or not) and skips absent tables', () => {
    const pt = tables();
    op(pt, (f) => {
      pt.set(0x0040_3000, b.frames.alloc() | USER, f);
      pt.set(0x4060_0000, b.frames.alloc() | Pte.PROTNONE, f);
      pt.set(0xbfff_f000, b.frames.alloc() | USER, f);
    });
    const found: number[] = [];
    for (let va = pt.nextUsed(0, 0xc000_0000); va >= 0; va = pt.nextUsed(va + 4096, 0xc000_0000)) found.push(va);
    expect(found).toEqual([0x0040_3000, 0x4060_0000, 0xbfff_f000]);
    expect(pt.nextUsed(0x0040_4000, 0x4060_0000)).toBe(-1);
    expect(translate(b.m.read, pt.root, 0x4060_0000)).toBeNull(); // PROT_NONE: the MMU ignores it
  });

  test('every space shares the kernel directory, so a kernel mapping made later is seen in all', () => {
    const a = tables(), c = tables();
    b.m.physWrite32(BOOT.kernelPd + 500 * 8, 0x60_0000 | 0x83);
    expect(translate(b.m.read, a.root, 0xc000_0000 + 500 * 0x20_0000)?.phys).toBe(0x60_0000);
    expect(translate(b.m.read, c.root, 0xc000_0000 + 500 * 0x20_0000)?.phys).toBe(0x60_0000);
  });

  test('destroy frees the PDPT, refuses while tables remain or while current', () => {
    const used0 = b.frames.usedCount;
    const pt = tables();
    const f1 = b.frames.alloc();
    op(pt, (f) => pt.set(0x1000, f1 | USER, f));
    expect(() => pt.destroy()).toThrow(/still in use/);
    op(pt, (f) => pt.clear(0x1000, f));
    b.frames.unref(f1);
    pt.activate();
    expect(() => pt.destroy()).toThrow(/current/);
    b.m.writeCr3(BOOT.pdpt);
    pt.destroy();
    expect(b.frames.usedCount).toBe(used0);
  });

  test('only user addresses', () => {
    const pt = tables();
    expect(() => pt.set(0xc000_0000, 0x1000 | USER, new TlbFlush(pt.root))).toThrow(/user address/);
  });

  test('out of frames: set fails with -ENOMEM and leaves nothing allocated', () => {
    const pt = tables();
    const hold: number[] = [];
    for (let f = b.frames.alloc(); f >= 0; f = b.frames.alloc()) hold.push(f);
    const last = hold.pop()!;
    b.frames.unref(last); // room for a directory but not for a table
    expect(op(pt, (f) => pt.set(0x1000, hold[0] | USER, f))).toBe(-12);
    expect(pt.tableCount).toBe(0);
    expect(b.frames.freeCount).toBe(1);
    expect(b.m.physRead32(pt.root)).toBe(0);
  });
});

describe('needsFlush', () => {
  test.each([
    [0, 0x1005, false, 'not present before'],
    [0x1005, 0, true, 'removed'],
    [0x1005, 0x2005, true, 'other frame'],
    [0x1007, 0x1005, true, 'RW lost'],
    [0x1005, 0x1007, false, 'RW gained'],
    [0x1025, 0x1005, true, 'A cleared'],
    [0x1005, 0x1025, false, 'A set'],
    [0x1067, 0x1027, true, 'D cleared'],
    [0x1005, 0x1204, true, 'P cleared (PROT_NONE)'],
  ])('%s -> %s: %s (%s)', (old, next, want) => {
    expect(needsFlush(old, next)).toBe(want);
  });
});
