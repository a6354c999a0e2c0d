// Test-side users of an address space: a program's loads and stores through the simulated
// MMU and the page-fault handler, and backing objects (a page-cache file, a device).

import { AddressSpace, Fault, FaultWait } from '../../kernel/mm/address-space.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import type { FrameAllocator } from '../../kernel/mm/frames.ts';
import { Prot } from '../../kernel/mm/mman.ts';
import { Vm, type MappedFile, type MappingInfo, type MemoryObject, type Vma } from '../../kernel/mm/vma.ts';
import type { FakeMachine } from './fake-machine.ts';

/**
 * A user-mode access at va in `space` (made current if it is not): the MMU, then on a page
 * fault the kernel's fault handler (synchronous core), then the retry, as the CPU re-runs
 * the instruction. Returns the physical address or the fault result that would become a
 * signal. Throws if the handler says OK but the MMU keeps faulting (a kernel bug).
 */
export function userAccess(m: FakeMachine, space: AddressSpace, va: number, write: boolean): { phys: number } | { signal: Fault } {
  if (!space.pt.isActive()) space.activate();
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = m.access(va, write, true);
    if ('phys' in r) return r;
    const f = space.fault(va, r.fault);
    if (f instanceof FaultWait) throw new Error('userAccess: the fault must wait (use Mm for asynchronous backings)');
    if (f !== Fault.OK) return { signal: f };
  }
  throw new Error(`userAccess: fault handler said OK but 0x${va.toString(16)} still faults`);
}

/** A user store of one byte; Fault.OK or the signal. */
export function store(m: FakeMachine, space: AddressSpace, va: number, byte: number): Fault {
  const r = userAccess(m, space, va, true);
  if ('signal' in r) return r.signal;
  m.mem[r.phys] = byte;
  return Fault.OK;
}

/** A user load of one byte, or the signal as { signal }. */
export function load(m: FakeMachine, space: AddressSpace, va: number): number | { signal: Fault } {
  const r = userAccess(m, space, va, false);
  if ('signal' in r) return r;
  return m.mem[r.phys];
}

/** The frame mapped at va as the MMU would find it (null if none). */
export function frameAt(_m: FakeMachine, space: AddressSpace, va: number): number | null {
  const e = space.pt.entry(va);
  return e & 1 ? (e & ~0xfff) >>> 0 : null;
}

/**
 * A file in the page cache: `pages` frames filled with byte `fill(index)`, referenced by the
 * cache. `delay`: getPage answers with a Promise (a disk read).
 */
export class TestFile implements MappedFile {
  readonly frames: number[] = [];
  readonly dev = 0x0801;
  delay = false;
  reads = 0;
  constructor(
    private readonly alloc: FrameAllocator,
    m: FakeMachine,
    pages: number,
    readonly path = '/bin/prog',
    readonly inode = 1234,
    readonly readable = true,
    readonly writable = true,
  ) {
    for (let i = 0; i < pages; i++) {
      const f = alloc.alloc();
      if (f < 0) throw new Error('TestFile: out of frames');
      m.mem.fill(TestFile.fill(i), f, f + 4096);
      this.frames.push(f);
    }
  }
  static fill(index: number): number {
    return 0x40 + (index % 64);
  }
  sizePages(): number {
    return this.frames.length;
  }
  getPage(index: number): number | Promise<number> {
    this.reads++;
    const f = index < this.frames.length ? this.frames[index] : -Errno.EIO;
    return this.delay ? new Promise((resolve) => setTimeout(() => resolve(f), 1)) : f;
  }
  /** Drops the cache's references (the file is evicted). */
  release(): void {
    for (const f of this.frames) this.alloc.unref(f);
    this.frames.length = 0;
  }
}

/**
 * A device exposing `pages` pages of device memory at `base` (unmanaged frames): a
 * VM_PFNMAP|VM_IO mapping, shared only for writing, counting its live mappings.
 */
export class TestDevice implements MemoryObject {
  readonly ownerName = '/dev/fb0';
  readonly dev = 0x1d00;
  readonly inode = 77;
  live = 0;
  mappedLog: string[] = [];
  faults = 0;
  supported = true;
  maxProt = Prot.READ | Prot.WRITE;
  constructor(readonly base: number, readonly pages: number, readonly vmFlags = Vm.PFNMAP | Vm.IO | Vm.DONTEXPAND) {}
  supportsMmap(): boolean {
    return this.supported;
  }
  getMappingInfo(): MappingInfo {
    return { vmFlags: this.vmFlags, maxProt: this.maxProt, sizePages: this.pages };
  }
  getMappingInfoWith(pgoff: number, _pages: number, _prot: number, _shared: boolean): MappingInfo | number {
    if (pgoff >= this.pages) return -Errno.ENXIO;
    return this.getMappingInfo();
  }
  onMapped(vma: Vma): void {
    this.live++;
    this.mappedLog.push(`+${vma.start.toString(16)}`);
  }
  onUnmapped(vma: Vma): void {
    this.live--;
    this.mappedLog.push(`-${vma.start.toString(16)}`);
  }
  resolveFault(_vma: Vma, pageIndex: number, _write: boolean): number {
    this.faults++;
    return pageIndex < this.pages ? this.base + pageIndex * 4096 : -Errno.EFAULT;
  }
}
