// The locked, asynchronous face of an address space: what system calls and the page-fault
// handler call. Each operation takes the address space's lock (faults and kernel accesses
// to user memory the read side; mmap, munmap, mprotect, brk, madvise, mremap and fork the
// write side), runs the synchronous core (address-space.ts), and, for a fault whose backing
// must produce the page first, awaits it and lets the core re-validate the area and the PTE
// before anything is installed.
//
// This file needs async/await: it is the part of kernel/mm the compiler cannot take yet.

import { physRead8, physWrite8 } from '../arch/intrinsics.ts';
import {
  AddressSpace, Fault, FaultWait,
  type AddressSpaceOptions, type MapTarget, type MmShared,
} from './address-space.ts';
import { Errno } from './errno.ts';
import { Layout, Page, pageDown } from './page.ts';

export class Mm {
  constructor(readonly space: AddressSpace) {}

  static create(shared: MmShared, opts: AddressSpaceOptions = {}): Mm | number {
    const space = AddressSpace.create(shared, opts);
    return typeof space === 'number' ? space : new Mm(space);
  }

  private async writeLocked<T>(op: () => T): Promise<T> {
    await this.space.lock.write();
    try {
      return op();
    } finally {
      this.space.lock.releaseWrite();
    }
  }

  mmap(addr: number, length: number, prot: number, flags: number, target: MapTarget | null = null, pgoff = 0): Promise<number> {
    return this.writeLocked(() => this.space.mmap(addr, length, prot, flags, target, pgoff));
  }

  munmap(addr: number, length: number): Promise<number> {
    return this.writeLocked(() => this.space.munmap(addr, length));
  }

  mprotect(addr: number, length: number, prot: number): Promise<number> {
    return this.writeLocked(() => this.space.mprotect(addr, length, prot));
  }

  brk(addr: number): Promise<number> {
    return this.writeLocked(() => this.space.brk(addr));
  }

  madvise(addr: number, length: number, advice: number): Promise<number> {
    return this.writeLocked(() => this.space.madvise(addr, length, advice));
  }

  mremap(oldAddr: number, oldLength: number, newLength: number, flags: number, newAddr = 0): Promise<number> {
    return this.writeLocked(() => this.space.mremap(oldAddr, oldLength, newLength, flags, newAddr));
  }

  /** The child's Mm, or -ENOMEM. */
  fork(): Promise<Mm | number> {
    return this.writeLocked(() => {
      const child = this.space.fork();
      return typeof child === 'number' ? child : new Mm(child);
    });
  }

  /** Frees everything (the space must not be current); waits for operations in progress. */
  free(): Promise<void> {
    return this.writeLocked(() => this.space.free());
  }

  /** The page-fault handler's entry: a FAULT_* code for the access (x86 error-code bits). */
  async fault(addr: number, access: number): Promise<number> {
    await this.space.lock.read();
    try {
      for (;;) {
        const r = this.space.fault(addr, access);
        if (typeof r === 'number') return r;
        const done = this.space.completeFault(r, await settle(r));
        if (done !== Fault.RETRY) return done;
      }
    } finally {
      this.space.lock.releaseRead();
    }
  }

  /** copy_from_user: `length` bytes at addr, or -EFAULT (-ENOMEM) where a user read would fail. */
  async readUser(addr: number, length: number): Promise<number[] | number> {
    const out: number[] = [];
    const r = await this.eachPage(addr, length, false, (frame, offset, n) => {
      for (let i = 0; i < n; i++) out.push(physRead8(frame + offset + i));
    });
    return r < 0 ? r : out;
  }

  /**
   * copy_to_user: writes bytes at addr through the fault path (copy-on-write breaks as for a
   * user store); 0 or -EFAULT (-ENOMEM). Pages before a failing one are written.
   */
  async writeUser(addr: number, bytes: number[]): Promise<number> {
    let k = 0;
    return this.eachPage(addr, bytes.length, true, (frame, offset, n) => {
      for (let i = 0; i < n; i++) physWrite8(frame + offset + i, bytes[k++]);
    });
  }

  /** Calls fn(frame, offsetInPage, count) for each page of [addr, addr + length). */
  private async eachPage(addr: number, length: number, write: boolean, fn: (frame: number, offset: number, n: number) => void): Promise<number> {
    if (length === 0) return 0;
    if (addr >= Layout.USER_END || length > Layout.USER_END - addr) return -Errno.EFAULT;
    await this.space.lock.read();
    try {
      let va = addr;
      const end = addr + length;
      while (va < end) {
        const page = pageDown(va);
        const frame = await this.userFrame(page, write);
        if (frame < 0) return frame;
        const stop = page + Page.SIZE < end ? page + Page.SIZE : end;
        fn(frame, va - page, stop - va);
        va = stop;
      }
      return 0;
    } finally {
      this.space.lock.releaseRead();
    }
  }

  /** userFrame with the waits done; the caller holds the read side. */
  private async userFrame(page: number, write: boolean): Promise<number> {
    for (;;) {
      const r = this.space.userFrame(page, write);
      if (typeof r === 'number') return r;
      const done = this.space.completeFault(r, await settle(r));
      if (done === Fault.OOM) return -Errno.ENOMEM;
      if (done !== Fault.OK && done !== Fault.RETRY) return -Errno.EFAULT;
    }
  }
}

/** The frame a waiting fault was promised; a rejected promise counts as -EIO (SIGBUS). */
async function settle(wait: FaultWait): Promise<number> {
  try {
    return await wait.promise;
  } catch {
    return -Errno.EIO;
  }
}
