// `test=inspect` (and `test=inspect-many`): address spaces for the VM inspector to show
// before there are processes. Built with kernel/mm on the machine's real PAE tables,
// touched through the fault path, forked, published on the inspect channel and then left
// alone (idle, still published). For each page the kernel prints what it knows itself, so
// tests can hold the host's view (read from guest memory) against the kernel's:
//
//   inspect: pid=P va=XXXXXXXX pte=XXXXXXXX count=N kind=K
//
// (pte: the entry's low dword; count: the frame's reference count; kind: zero, private,
// cow or shared as the kernel's own structures say), then `inspect: ready`.
//
// The layout (tests/web rely on it):
//   pid 1 "parent": ANON_BASE, 16 pages rw-p: pages 0-3 read (zero page), 4-11
//     written (private), 12-15 never touched; SHARED_BASE, 2 pages rw-s, both written.
//   pid 2 "child": fork of pid 1, then page 4 written: the child's page 4 is private,
//     the parent's page 4 stays copy-on-write (count 1, reused on its next write), pages
//     5-11 are copy-on-write in both (count 2).
//   test=inspect-many adds pid 3 "many": MANY_PAGES pages read at MANY_BASE.

import { physWrite32 } from '../arch/intrinsics.ts';
import { AddressSpace } from '../mm/address-space.ts';
import type { KernelMemory } from '../mm/boot-memory.ts';
import { hex } from '../mm/maps.ts';
import { MapFlag, Prot } from '../mm/mman.ts';
import { Pte, pteFrame } from '../mm/page-table.ts';
import { Vm } from '../mm/vma.ts';
import { publishAddressSpace } from './inspect-channel.ts';

export const ANON_BASE = 0x0804_8000;
export const ANON_PAGES = 16;
export const SHARED_BASE = 0x4000_0000;
export const SHARED_PAGES = 2;
export const MANY_BASE = 0x1000_0000;
export const MANY_PAGES = 10_000;
const PAGE = 4096;
const RW = Prot.READ | Prot.WRITE;

/** The kernel's own classification of a present page of `space` (see the header). */
function kernelKind(space: AddressSpace, va: number, pte: number): string {
  if (pteFrame(pte) === space.shared.zeroPage) return 'zero';
  const vma = space.vmas.find(va);
  if (vma === null) return 'unmapped';
  if ((vma.flags & Vm.MAYSHARE) !== 0) return 'shared';
  if ((pte & Pte.RW) === 0 && (vma.flags & Vm.WRITE) !== 0) return 'cow';
  return 'private';
}

function report(out: (line: string) => void, memory: KernelMemory, pid: number, space: AddressSpace, start: number, pages: number): void {
  for (let i = 0; i < pages; i++) {
    const va = start + i * PAGE;
    const pte = space.pt.entry(va);
    if ((pte & Pte.P) === 0) continue;
    const count = memory.frames.refCount(pteFrame(pte));
    out('inspect: pid=' + pid + ' va=' + hex(va, 8) + ' pte=' + hex(pte, 8) + ' count=' + count + ' kind=' + kernelKind(space, va, pte));
  }
}

/** A user access to `va` through the fault path (anonymous memory never waits); the frame. */
function touch(space: AddressSpace, va: number, write: boolean): number {
  const f = space.userFrame(va, write);
  if (typeof f !== 'number' || f < 0) throw new Error('inspect demo: cannot touch ' + hex(va, 8));
  // something recognisable in the page, as a program would leave
  if (write) physWrite32(f, va);
  return f;
}

function mapOrThrow(space: AddressSpace, addr: number, pages: number, flags: number): void {
  const r = space.mmap(addr, pages * PAGE, RW, flags | MapFlag.ANONYMOUS | MapFlag.FIXED);
  if (r !== addr) throw new Error('inspect demo: mmap at ' + hex(addr, 8) + ' gave ' + r);
}

/** Builds, publishes and reports the demo spaces (see the header); `many` adds pid 3. */
export function runInspectDemo(out: (line: string) => void, memory: KernelMemory, many: boolean): void {
  const parent = AddressSpace.create(memory.shared) as AddressSpace;
  mapOrThrow(parent, ANON_BASE, ANON_PAGES, MapFlag.PRIVATE);
  mapOrThrow(parent, SHARED_BASE, SHARED_PAGES, MapFlag.SHARED);
  for (let i = 0; i < 4; i++) touch(parent, ANON_BASE + i * PAGE, false);
  for (let i = 4; i < 12; i++) touch(parent, ANON_BASE + i * PAGE, true);
  for (let i = 0; i < SHARED_PAGES; i++) touch(parent, SHARED_BASE + i * PAGE, true);
  const child = parent.fork();
  if (typeof child === 'number') throw new Error('inspect demo: fork failed ' + child);
  touch(child, ANON_BASE + 4 * PAGE, true);
  publishAddressSpace(1, parent, 'parent');
  publishAddressSpace(2, child, 'child');
  report(out, memory, 1, parent, ANON_BASE, ANON_PAGES);
  report(out, memory, 1, parent, SHARED_BASE, SHARED_PAGES);
  report(out, memory, 2, child, ANON_BASE, ANON_PAGES);
  report(out, memory, 2, child, SHARED_BASE, SHARED_PAGES);
  if (many) {
    const big = AddressSpace.create(memory.shared) as AddressSpace;
    mapOrThrow(big, MANY_BASE, MANY_PAGES, MapFlag.PRIVATE);
    for (let i = 0; i < MANY_PAGES; i++) touch(big, MANY_BASE + i * PAGE, (i & 1) === 0);
    publishAddressSpace(3, big, 'many');
    out('inspect: pid=3 pages=' + MANY_PAGES);
  }
  out('inspect: ready');
}
