// Property test: long random sequences of mmap / munmap / mprotect / brk / madvise / mremap /
// fork / exit, user loads and stores through the simulated MMU, and kernel copies, on a few
// address spaces at once. After every step:
//  - each space's areas equal those the reference model (model.ts) derives from its pages;
//  - the page tables, read by the test-side walker, agree with the areas: entries only in
//    areas, present only where accessible, RW only where writable, writable private frames
//    referenced once, shared pages on their object's frame, contents as the model says;
//  - every used frame is accounted for (PTEs, tables, page cache, shm objects, zero page)
//    with exactly its reference count, so nothing leaks;
//  - the simulated TLB holds nothing stale.
// The seed is printed on failure; PROPERTY_SEED=n reruns one, PROPERTY_STEPS=n lengthens.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { AddressSpace, Fault, FaultWait } from '../../kernel/mm/address-space.ts';
import { Errno, errnoName } from '../../kernel/mm/errno.ts';
import { Madv, MapFlag, Mremap, Prot } from '../../kernel/mm/mman.ts';
import { Pte } from '../../kernel/mm/page-table.ts';
import { Tlb } from '../../kernel/mm/tlb.ts';
import { ShmemObject } from '../../kernel/mm/shmem.ts';
import { Vm } from '../../kernel/mm/vma.ts';
import { walkUser } from '../../host/inspect/pae-walk.ts';
import { TestFile, load, store } from './helpers.ts';
import { P, SpaceModel, accessOutcome, expectedByte, type Backing, type PageRec } from './model.ts';
import { Prng, seeds } from './prng.ts';
import { BOOT, boot, newSpace, type Booted } from './setup.ts';

const WIN = 0x1000_0000;
const WIN_PAGES = 160;
const MMAP_BASE = WIN + WIN_PAGES * P;
const STEPS = Number(process.env.PROPERTY_STEPS ?? 350);
const PROTS = [Prot.NONE, Prot.READ, Prot.READ | Prot.WRITE, Prot.READ | Prot.EXEC, Prot.READ | Prot.WRITE | Prot.EXEC, Prot.WRITE];

let b: Booted;
beforeEach(() => {
  b = boot(16);
});
afterEach(() => b.restore());

interface Proc {
  space: AddressSpace;
  model: SpaceModel;
}

const outcomeOf: Record<number, string> = {
  [Fault.OK]: 'ok', [Fault.SIGSEGV_MAPERR]: 'maperr', [Fault.SIGSEGV_ACCERR]: 'accerr', [Fault.SIGBUS]: 'sigbus', [Fault.OOM]: 'oom',
};

class World {
  procs: Proc[] = [];
  files: TestFile[];
  roFile: TestFile;
  backings = new Map<object, Backing>();
  shms = new Set<ShmemObject>();
  log: string[] = [];

  constructor(readonly r: Prng) {
    this.files = [new TestFile(b.frames, b.m, 8, '/a', 1), new TestFile(b.frames, b.m, 6, '/b', 2)];
    this.roFile = new TestFile(b.frames, b.m, 4, '/ro', 3, true, false);
    for (const f of [...this.files, this.roFile]) {
      const contents = new Map<number, number>();
      for (let i = 0; i < f.sizePages(); i++) contents.set(i, TestFile.fill(i));
      this.backings.set(f, { contents, size: f.sizePages() });
    }
    const space = newSpace(b.shared, { mmapBase: MMAP_BASE, mmapMin: WIN });
    const model = new SpaceModel(WIN, MMAP_BASE);
    space.setBrkBase(WIN + 8 * P + 0x123);
    model.brkStart = model.brkEnd = WIN + 8 * P + 0x123;
    this.procs.push({ space, model });
  }

  backing = (obj: object): Backing => {
    let bk = this.backings.get(obj);
    if (!bk) this.backings.set(obj, (bk = { contents: new Map(), size: -1 }));
    return bk;
  };

  winAddr(): number {
    return WIN + this.r.int(-2, WIN_PAGES + 2) * P;
  }

  /** A page that is mapped in p, most of the time, else any window page. */
  somePage(p: Proc): number {
    const keys = [...p.model.pages.keys()];
    if (keys.length && this.r.chance(0.8)) return this.r.pick(keys) * P;
    return this.winAddr();
  }

  step(i: number): void {
    const r = this.r;
    const p = r.pick(this.procs);
    const { space, model } = p;
    const op = r.int(0, 16);
    switch (op) {
      case 0: case 1: { // anonymous mmap
        const len = r.int(1, 6) * P, prot = r.pick(PROTS), shared = r.chance(0.3);
        const mode = r.int(0, 3);
        const addr = mode === 0 ? 0 : this.winAddr();
        const flags = (shared ? MapFlag.SHARED : MapFlag.PRIVATE) | MapFlag.ANONYMOUS |
          (mode === 2 ? MapFlag.FIXED : mode === 3 ? MapFlag.FIXED_NOREPLACE : 0);
        const got = space.mmap(addr, len, prot, flags);
        this.log.push(`${i}: mmap anon ${shared ? 'shared' : 'private'} ${hx(addr)} ${len / P}p prot ${prot} mode ${mode} -> ${res(got)}`);
        let shm: object | null = null;
        if (shared && got > 0) {
          shm = space.vmas.find(got)!.object!;
          this.shms.add(shm as ShmemObject);
        }
        const flagsVm = prot | Vm.MAY | (shared ? Vm.SHARED | Vm.MAYSHARE : 0);
        const want = model.mmap(addr, len, flags, (k, start) => shared
          ? { flags: flagsVm, kind: 'shm', obj: shm, index: k, data: 0, own: false }
          : { flags: flagsVm, kind: 'anon', obj: null, index: start / P + k, data: 0, own: true });
        expect(got).toBe(want);
        break;
      }
      case 2: { // file mmap
        const ro = r.chance(0.2);
        const file = ro ? this.roFile : r.pick(this.files);
        const len = r.int(1, 4) * P, pgoff = r.int(0, file.sizePages() - 1), prot = r.pick(PROTS), shared = r.chance(0.5);
        const mode = r.int(0, 2);
        const addr = mode === 0 ? 0 : this.winAddr();
        const flags = (shared ? MapFlag.SHARED : MapFlag.PRIVATE) | (mode === 2 ? MapFlag.FIXED : 0);
        const got = space.mmap(addr, len, prot, flags, { file }, pgoff);
        this.log.push(`${i}: mmap ${file.path} ${shared ? 'shared' : 'private'} ${hx(addr)} ${len / P}p @${pgoff} prot ${prot} -> ${res(got)}`);
        if (ro && shared && prot & Prot.WRITE) {
          expect(got).toBe(-Errno.EACCES);
          break;
        }
        const flagsVm = prot | Vm.MAY | (shared ? Vm.SHARED | Vm.MAYSHARE : 0) & ~(ro && shared ? Vm.MAYWRITE : 0);
        const vmFlags = ro && shared ? flagsVm & ~Vm.MAYWRITE : flagsVm;
        const want = model.mmap(addr, len, flags, (k) => ({ flags: vmFlags, kind: 'file', obj: file, index: pgoff + k, data: 0, own: false }));
        expect(got).toBe(want);
        break;
      }
      case 3: { // munmap
        const a = r.chance(0.5) ? this.somePage(p) - r.int(0, 2) * P : this.winAddr();
        const len = r.int(1, 10) * P;
        const got = space.munmap(a, len);
        this.log.push(`${i}: munmap ${hx(a)} ${len / P}p -> ${res(got)}`);
        expect(got).toBe(model.munmap(a, len));
        break;
      }
      case 4: case 5: { // mprotect
        const a = this.somePage(p) - r.int(0, 1) * P, len = r.int(1, 6) * P, prot = r.pick(PROTS);
        const got = space.mprotect(a, len, prot);
        this.log.push(`${i}: mprotect ${hx(a)} ${len / P}p ${prot} -> ${res(got)}`);
        expect(got).toBe(model.mprotect(a, len, prot));
        break;
      }
      case 6: { // brk
        const target = model.brkStart + r.int(-2, 30) * P + r.int(0, 3) * 0x400;
        const got = space.brk(target);
        this.log.push(`${i}: brk ${hx(target)} -> ${hx(got)}`);
        expect(got).toBe(model.brk(target));
        break;
      }
      case 7: { // madvise(DONTNEED)
        const a = this.somePage(p), len = r.int(1, 5) * P;
        const got = space.madvise(a, len, Madv.DONTNEED);
        this.log.push(`${i}: madvise ${hx(a)} ${len / P}p -> ${res(got)}`);
        expect(got).toBe(model.dontneed(a, len));
        break;
      }
      case 8: { // mremap
        const a = this.somePage(p), area = model.area(a);
        const oldLen = area && r.chance(0.8) ? r.int(1, Math.max(1, (area.end - a) / P)) * P : r.int(1, 4) * P;
        const newLen = r.int(1, 8) * P;
        const flags = r.pick([0, Mremap.MAYMOVE, Mremap.MAYMOVE, Mremap.MAYMOVE | Mremap.FIXED]);
        const to = flags & Mremap.FIXED ? this.winAddr() : 0;
        const got = space.mremap(a, oldLen, newLen, flags, to);
        this.log.push(`${i}: mremap ${hx(a)} ${oldLen / P}p -> ${newLen / P}p flags ${flags} to ${hx(to)} -> ${res(got)}`);
        expect(got).toBe(model.mremap(a, oldLen, newLen, flags, to));
        break;
      }
      case 9: { // fork
        if (this.procs.length >= 4) break;
        const c = space.fork();
        if (typeof c === 'number') throw new Error('fork: ' + errnoName(c));
        this.procs.push({ space: c, model: model.clone() });
        this.log.push(`${i}: fork ${this.procs.indexOf(p)} -> ${this.procs.length - 1}`);
        break;
      }
      case 10: { // exit
        if (this.procs.length <= 1) break;
        if (space.pt.isActive()) this.procs.find((x) => x !== p)!.space.activate();
        space.free();
        this.procs.splice(this.procs.indexOf(p), 1);
        this.log.push(`${i}: exit`);
        break;
      }
      case 11: case 12: { // user store (two bytes: first and last of the page)
        const a = this.somePage(p), stamp = r.int(1, 255);
        const outcome = accessOutcome(model.get(a), true, this.backing);
        const first = store(b.m, space, a, stamp);
        this.log.push(`${i}: store ${hx(a)} ${stamp} -> ${outcomeOf[first]}`);
        expect(outcomeOf[first]).toBe(outcome);
        if (first !== Fault.OK) break;
        expect(store(b.m, space, a + P - 1, stamp)).toBe(Fault.OK);
        this.wrote(model.get(a)!, stamp);
        break;
      }
      case 13: { // user load
        const a = this.somePage(p);
        const rec = model.get(a);
        const outcome = accessOutcome(rec, false, this.backing);
        const got = load(b.m, space, a + r.pick([0, P - 1]));
        this.log.push(`${i}: load ${hx(a)} -> ${JSON.stringify(got)}`);
        if (outcome === 'ok') expect(got).toBe(expectedByte(rec!, this.backing));
        else expect(outcomeOf[(got as { signal: Fault }).signal]).toBe(outcome);
        break;
      }
      case 14: { // kernel write or read (copy_to_user / copy_from_user)
        const a = this.somePage(p), write = r.chance(0.5), stamp = r.int(1, 255);
        const rec = model.get(a);
        const outcome = accessOutcome(rec, write, this.backing);
        const f = space.userFrame(a, write);
        if (f instanceof FaultWait) throw new Error('unexpected wait');
        this.log.push(`${i}: kernel ${write ? 'write' : 'read'} ${hx(a)} -> ${res(f)}`);
        if (outcome !== 'ok') {
          expect(f).toBe(-Errno.EFAULT);
          break;
        }
        expect(f).toBeGreaterThan(0);
        if (write) {
          b.m.physWrite8(f, stamp);
          b.m.physWrite8(f + P - 1, stamp);
          this.wrote(rec!, stamp);
        } else {
          expect(b.m.physRead8(f + P - 1)).toBe(expectedByte(rec!, this.backing));
        }
        break;
      }
      case 15: { // switch address space
        p.space.activate();
        this.log.push(`${i}: activate ${this.procs.indexOf(p)}`);
        break;
      }
      case 16: this.largeStep(i, p); break;
    }
  }

  /**
   * mprotect or munmap of more present pages of the active space than Tlb.FLUSH_ALL_THRESHOLD,
   * so the TLB is flushed by reloading CR3 rather than page by page: the range is mapped and
   * every page written first (a present entry and a TLB entry for each).
   */
  largeStep(i: number, p: Proc): void {
    const { r } = this;
    const { space, model } = p;
    space.activate();
    const n = r.int(Tlb.FLUSH_ALL_THRESHOLD + 1, 64), a = WIN + r.int(0, WIN_PAGES - n) * P;
    const flags = MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED;
    const got = space.mmap(a, n * P, Prot.READ | Prot.WRITE, flags);
    this.log.push(`${i}: large step: mmap anon private ${hx(a)} ${n}p -> ${res(got)}`);
    expect(got).toBe(model.mmap(a, n * P, flags, (k, start) => (
      { flags: Prot.READ | Prot.WRITE | Vm.MAY, kind: 'anon', obj: null, index: start / P + k, data: 0, own: true })));
    for (let k = 0; k < n; k++) {
      const stamp = r.int(1, 255);
      expect(store(b.m, space, a + k * P, stamp)).toBe(Fault.OK);
      expect(store(b.m, space, a + k * P + P - 1, stamp)).toBe(Fault.OK);
      this.wrote(model.get(a + k * P)!, stamp);
    }
    const reloads = b.m.cr3Log.length;
    if (r.chance(0.5)) {
      // within the new mapping (a hole would make it ENOMEM, changing nothing)
      const start = a + r.int(0, n - Tlb.FLUSH_ALL_THRESHOLD - 1) * P;
      const len = r.int(Tlb.FLUSH_ALL_THRESHOLD + 1, (a + n * P - start) / P) * P;
      const prot = r.pick([Prot.NONE, Prot.READ, Prot.READ | Prot.EXEC]);
      const done = space.mprotect(start, len, prot);
      this.log.push(`${i}: large step: mprotect ${hx(start)} ${len / P}p ${prot} -> ${res(done)}`);
      expect(done).toBe(model.mprotect(start, len, prot));
    } else {
      const start = a - r.int(0, 2) * P, len = (n + r.int(0, 4)) * P;
      const done = space.munmap(start, len);
      this.log.push(`${i}: large step: munmap ${hx(start)} ${len / P}p -> ${res(done)}`);
      expect(done).toBe(model.munmap(start, len));
    }
    // the flush-all path was taken (and check() then finds no stale TLB entry)
    expect(b.m.cr3Log.length).toBeGreaterThan(reloads);
  }

  wrote(rec: PageRec, stamp: number): void {
    if (rec.kind === 'anon') rec.data = stamp;
    else if (rec.kind === 'file' && !(rec.flags & Vm.SHARED)) {
      rec.own = true;
      rec.data = stamp;
    } else this.backing(rec.obj!).contents.set(rec.index, stamp);
  }

  /** Every invariant listed at the top of the file. */
  check(): void {
    const expectedRefs = new Map<number, number>();
    const add = (frame: number, n = 1) => expectedRefs.set(frame, (expectedRefs.get(frame) ?? 0) + n);
    add(b.shared.zeroPage);
    for (const f of [...this.files, this.roFile]) for (const fr of f.frames) add(fr);
    const liveShm = new Map<ShmemObject, number>();
    for (const { space, model } of this.procs) {
      space.vmas.check();
      const kernel = space.vmas.toArray().map((v) => ({ start: v.start, end: v.end, flags: v.flags, obj: v.file ?? v.object, pgoff: v.pgoff }));
      const want = model.areas().map(({ start, end, flags, obj, pgoff }) => ({ start, end, flags, obj, pgoff }));
      expect(kernel).toEqual(want);
      for (const v of space.vmas.toArray()) {
        if (v.object instanceof ShmemObject) liveShm.set(v.object, (liveShm.get(v.object) ?? 0) + 1);
      }
      add(space.pt.root);
      const walk = walkUser(b.m.read, space.pt.root);
      for (const t of walk.tables) add(t);
      const seen = new Set<number>();
      for (const e of walk.entries) {
        const rec = model.get(e.va);
        if (!rec) throw new Error(`PTE ${hx(e.pte)} at ${hx(e.va)} outside every area`);
        seen.add(e.va / P);
        const frame = (e.pte & ~0xfff) >>> 0;
        const present = (e.pte & Pte.P) !== 0, accessible = (rec.flags & Vm.ACCESS) !== 0;
        if (present !== accessible) throw new Error(`PTE at ${hx(e.va)}: present ${present}, area accessible ${accessible}`);
        if (!present && !(e.pte & Pte.PROTNONE)) throw new Error(`PTE at ${hx(e.va)}: not present and not PROT_NONE`);
        if (present && !(e.pte & Pte.US)) throw new Error(`PTE at ${hx(e.va)} without US`);
        if (e.pte & Pte.RW && !(rec.flags & Vm.WRITE)) throw new Error(`PTE at ${hx(e.va)} writable in a read-only area`);
        const shared = (rec.flags & Vm.SHARED) !== 0;
        if (e.pte & Pte.RW && !shared && b.frames.refCount(frame) !== 1) throw new Error(`writable private PTE at ${hx(e.va)} on a frame with ${b.frames.refCount(frame)} references`);
        if (rec.kind === 'file' && (shared || !rec.own)) {
          const file = rec.obj as TestFile;
          if (frame !== file.frames[rec.index]) throw new Error(`file page at ${hx(e.va)} not on the page-cache frame`);
        }
        if (rec.kind === 'anon' && frame === b.shared.zeroPage && rec.data !== 0) throw new Error(`written page at ${hx(e.va)} still on the zero page`);
        if (b.m.mem[frame] !== expectedByte(rec, this.backing) || b.m.mem[frame + P - 1] !== expectedByte(rec, this.backing)) {
          throw new Error(`contents at ${hx(e.va)}: ${b.m.mem[frame]}, model ${expectedByte(rec, this.backing)}`);
        }
        add(frame);
      }
      // Private data the model knows of must be somewhere.
      for (const [vpn, rec] of model.pages) {
        if (seen.has(vpn)) continue;
        if ((rec.kind === 'anon' && rec.data !== 0) || (rec.kind === 'file' && !(rec.flags & Vm.SHARED) && rec.own)) {
          throw new Error(`page ${hx(vpn * P)} holds private data but has no PTE`);
        }
      }
    }
    for (const obj of this.shms) {
      expect(obj.mappingCount).toBe(liveShm.get(obj) ?? 0);
      if (!liveShm.has(obj)) expect(obj.frameCount).toBe(0);
      obj.forEachFrame((index, frame) => {
        add(frame);
        const want = this.backing(obj).contents.get(index) ?? 0;
        if (b.m.mem[frame] !== want) throw new Error(`shm page ${index}: ${b.m.mem[frame]}, model ${want}`);
      });
    }
    for (const [frame, n] of expectedRefs) {
      if (b.frames.refCount(frame) !== n) throw new Error(`frame ${hx(frame)}: count ${b.frames.refCount(frame)}, expected ${n}`);
    }
    expect(b.frames.usedCount).toBe(expectedRefs.size);
    expect(b.m.checkTlb()).toEqual([]);
  }

  end(): void {
    b.m.writeCr3(BOOT.pdpt);
    for (const p of this.procs) p.space.free();
    for (const f of [...this.files, this.roFile]) f.release();
    expect(b.frames.usedCount).toBe(b.baseUsed);
  }
}

function hx(n: number): string {
  return n < 0 ? String(n) : '0x' + n.toString(16);
}

function res(n: number): string {
  return n < 0 ? '-' + errnoName(n) : hx(n);
}

test.each(seeds(16, 20_260_000))('random system calls, faults and forks against the model (seed %i)', (seed) => {
  const w = new World(new Prng(seed));
  let i = 0;
  try {
    for (; i < STEPS; i++) {
      w.step(i);
      w.check();
    }
    w.end();
  } catch (e) {
    console.error(`mm property test failed at step ${i} with seed ${seed} (PROPERTY_SEED=${seed} to rerun); last steps:\n  ` + w.log.slice(-12).join('\n  '));
    throw e;
  }
});
