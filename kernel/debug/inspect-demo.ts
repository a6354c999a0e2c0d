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
//
// Then lines typed on the console change them while the inspector watches (InspectDemo.command):
//   write PID PAGE | read PID PAGE   a user write / read of page PAGE of ANON_BASE in PID
//   unmap PID PAGE                   munmap of that page
//   fork PID                         a child of PID, published under the next pid
//   exit PID                         frees PID's space and unpublishes it
// each answered with the kernel's line for the page (or `inspect: pid=P forked=Q`,
// `inspect: pid=P exited`) and `inspect: done`, or `inspect: error ...`.

import { physWrite32 } from '../arch/intrinsics.ts';
import { AddressSpace } from '../mm/address-space.ts';
import type { KernelMemory } from '../mm/boot-memory.ts';
import { hex } from '../mm/maps.ts';
import { MapFlag, Prot } from '../mm/mman.ts';
import { Pte, pteFrame } from '../mm/page-table.ts';
import { Vm } from '../mm/vma.ts';
import { publishAddressSpace, unpublish } from './inspect-channel.ts';

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

/** The demo's address spaces by pid, and the commands that change them. */
export class InspectDemo {
  private readonly spaces = new Map<number, AddressSpace>();
  private nextPid = 1;

  constructor(private readonly out: (line: string) => void, private readonly memory: KernelMemory) {}

  /** Builds, publishes and reports the demo spaces (see the header); `many` adds pid 3. */
  start(many: boolean): void {
    const { out, memory } = this;
    const parent = AddressSpace.create(memory.shared) as AddressSpace;
    mapOrThrow(parent, ANON_BASE, ANON_PAGES, MapFlag.PRIVATE);
    mapOrThrow(parent, SHARED_BASE, SHARED_PAGES, MapFlag.SHARED);
    for (let i = 0; i < 4; i++) touch(parent, ANON_BASE + i * PAGE, false);
    for (let i = 4; i < 12; i++) touch(parent, ANON_BASE + i * PAGE, true);
    for (let i = 0; i < SHARED_PAGES; i++) touch(parent, SHARED_BASE + i * PAGE, true);
    const child = parent.fork();
    if (typeof child === 'number') throw new Error('inspect demo: fork failed ' + child);
    touch(child, ANON_BASE + 4 * PAGE, true);
    this.add(parent, 'parent');
    this.add(child, 'child');
    report(out, memory, 1, parent, ANON_BASE, ANON_PAGES);
    report(out, memory, 1, parent, SHARED_BASE, SHARED_PAGES);
    report(out, memory, 2, child, ANON_BASE, ANON_PAGES);
    report(out, memory, 2, child, SHARED_BASE, SHARED_PAGES);
    if (many) {
      const big = AddressSpace.create(memory.shared) as AddressSpace;
      mapOrThrow(big, MANY_BASE, MANY_PAGES, MapFlag.PRIVATE);
      for (let i = 0; i < MANY_PAGES; i++) touch(big, MANY_BASE + i * PAGE, (i & 1) === 0);
      this.add(big, 'many');
      out('inspect: pid=3 pages=' + MANY_PAGES);
    }
    out('inspect: ready');
  }

  /** Runs one typed command line (see the header); blank lines are ignored. */
  command(line: string): void {
    const words = line.trim().split(' ').filter((w) => w !== '');
    if (words.length === 0) return;
    const pid = Number(words[1]);
    const space = this.spaces.get(pid);
    if (space === undefined) {
      this.out('inspect: error no demo process ' + words[1] + ' (commands: write|read|unmap PID PAGE, fork PID, exit PID)');
      return;
    }
    const page = Number(words[2]);
    const va = ANON_BASE + page * PAGE;
    const needsPage = words[0] === 'write' || words[0] === 'read' || words[0] === 'unmap';
    if (needsPage && !(Number.isInteger(page) && page >= 0 && page < ANON_PAGES)) {
      this.out('inspect: error PAGE must be 0-' + (ANON_PAGES - 1));
      return;
    }
    if (words[0] === 'write' || words[0] === 'read') {
      const f = space.userFrame(va, words[0] === 'write');
      if (typeof f !== 'number' || f < 0) {
        this.out('inspect: error the access faults (' + (typeof f === 'number' ? f : 'waits') + ')');
        return;
      }
      if (words[0] === 'write') physWrite32(f, va);
      report(this.out, this.memory, pid, space, va, 1);
    } else if (words[0] === 'unmap') {
      space.munmap(va, PAGE);
      publishAddressSpace(pid, space, this.nameOf(pid));
      this.out('inspect: pid=' + pid + ' unmapped=' + hex(va, 8));
    } else if (words[0] === 'fork') {
      const child = space.fork();
      if (typeof child === 'number') {
        this.out('inspect: error fork ' + child);
        return;
      }
      this.out('inspect: pid=' + pid + ' forked=' + this.add(child, 'fork-of-' + pid));
    } else if (words[0] === 'exit') {
      unpublish(pid);
      this.spaces.delete(pid);
      space.free();
      this.out('inspect: pid=' + pid + ' exited');
    } else {
      this.out('inspect: error unknown command ' + words[0]);
      return;
    }
    this.out('inspect: done');
  }

  private readonly names = new Map<number, string>();

  private nameOf(pid: number): string {
    return this.names.get(pid) ?? '';
  }

  /** Publishes `space` under the next pid; returns the pid. */
  private add(space: AddressSpace, name: string): number {
    const pid = this.nextPid++;
    this.spaces.set(pid, space);
    this.names.set(pid, name);
    publishAddressSpace(pid, space, name);
    return pid;
  }
}
