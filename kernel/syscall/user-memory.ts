// copy_from_user / copy_to_user: the kernel reads and writes a process's memory through
// its page tables' frames (kernel/mm AddressSpace.userFrame), so every access faults in
// pages, breaks copy-on-write and fails with -EFAULT exactly where the process itself
// would have got a signal. Nothing here dereferences a user address directly.
//
// The address-space lock is not taken: a process's own system calls run one at a time,
// and a fault that had to wait for its backing re-validates afterwards (completeFault).

import { utf8Decode } from '../lib/utf8.ts';
import { physCopy, physRead8, physRead32, physWrite8, physWrite32 } from '../arch/intrinsics.ts';
import { Fault, type AddressSpace, type FaultWait } from '../mm/address-space.ts';
import { Errno } from '../mm/errno.ts';
import { Layout } from '../mm/page.ts';
import type { IoTarget, UserMemory } from '../fs/types.ts';

const PAGE = 4096;

async function settleFrame(space: AddressSpace, wait: FaultWait): Promise<number> {
  let frame: number;
  try {
    frame = await wait.promise;
  } catch {
    frame = -Errno.EIO;
  }
  const r = space.completeFault(wait, frame);
  if (r === Fault.OK || r === Fault.RETRY) return -Errno.EAGAIN; // look again
  return r === Fault.OOM ? -Errno.ENOMEM : -Errno.EFAULT;
}

/** The frame behind the page holding `va` for a read or write by the kernel, or -EFAULT. */
export async function userFrame(space: AddressSpace, va: number, write: boolean): Promise<number> {
  for (let i = 0; i < 4; i++) {
    const r = space.userFrame(va - (va % PAGE), write);
    if (typeof r === 'number') return r;
    const s = await settleFrame(space, r);
    if (s !== -Errno.EAGAIN) return s;
  }
  return -Errno.EFAULT;
}

/** The frame, when it is there without waiting (the usual case), else -EAGAIN. */
function frameNow(space: AddressSpace, va: number, write: boolean): number {
  const r = space.userFrame(va - (va % PAGE), write);
  return typeof r === 'number' ? r : -Errno.EAGAIN;
}

function rangeOk(addr: number, n: number): boolean {
  return addr >= 0 && n >= 0 && addr <= Layout.USER_END && n <= Layout.USER_END - addr;
}

/**
 * Calls fn(phys, offsetInBuffer, count) for each page piece of [addr, addr + n); 0 or the
 * first error.
 */
export async function eachPiece(space: AddressSpace, addr: number, n: number, write: boolean,
  fn: (phys: number, at: number, count: number) => void): Promise<number> {
  if (!rangeOk(addr, n)) return -Errno.EFAULT;
  let done = 0;
  while (done < n) {
    const va = addr + done;
    const inPage = va % PAGE;
    const count = PAGE - inPage < n - done ? PAGE - inPage : n - done;
    let frame = frameNow(space, va, write);
    if (frame === -Errno.EAGAIN) frame = await userFrame(space, va, write);
    if (frame < 0) return frame;
    fn(frame + inPage, done, count);
    done += count;
  }
  return 0;
}

export async function readBytes(space: AddressSpace, addr: number, n: number): Promise<number[] | number> {
  const out: number[] = [];
  const r = await eachPiece(space, addr, n, false, (phys, _at, count) => {
    for (let i = 0; i < count; i++) out.push(physRead8(phys + i));
  });
  return r < 0 ? r : out;
}

export async function writeBytes(space: AddressSpace, addr: number, bytes: number[]): Promise<number> {
  return eachPiece(space, addr, bytes.length, true, (phys, at, count) => {
    for (let i = 0; i < count; i++) physWrite8(phys + i, bytes[at + i]);
  });
}

/** A 32-bit word at addr (unsigned), or -EFAULT (negative: a read can't return a negative word). */
export async function readU32(space: AddressSpace, addr: number): Promise<number> {
  if (addr % PAGE <= PAGE - 4) {
    if (!rangeOk(addr, 4)) return -Errno.EFAULT;
    let frame = frameNow(space, addr, false);
    if (frame === -Errno.EAGAIN) frame = await userFrame(space, addr, false);
    return frame < 0 ? frame : physRead32(frame + (addr % PAGE));
  }
  const b = await readBytes(space, addr, 4);
  if (typeof b === 'number') return b;
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}

export async function writeU32(space: AddressSpace, addr: number, value: number): Promise<number> {
  if (addr % PAGE <= PAGE - 4) {
    if (!rangeOk(addr, 4)) return -Errno.EFAULT;
    let frame = frameNow(space, addr, true);
    if (frame === -Errno.EAGAIN) frame = await userFrame(space, addr, true);
    if (frame < 0) return frame;
    physWrite32(frame + (addr % PAGE), value);
    return 0;
  }
  return writeBytes(space, addr, [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]);
}

/** Writes 32-bit words at addr; 0 or -EFAULT. */
export async function writeWords(space: AddressSpace, addr: number, words: number[]): Promise<number> {
  if (addr % 4 !== 0) return writeBytes(space, addr, wordsToBytes(words));
  // aligned: no word straddles a page, so one store per word instead of four bytes pushed and stored
  return eachPiece(space, addr, words.length * 4, true, (phys, at, count) => {
    for (let i = 0; i < count; i += 4) physWrite32(phys + i, words[(at + i) >> 2]);
  });
}

export function wordsToBytes(words: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    out.push(w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, (w >>> 24) & 0xff);
  }
  return out;
}

/**
 * What the ...Now copies return when a page is not there without waiting (or the range
 * crosses a page): nothing was read or written, and the caller takes the async path, so a
 * system call whose memory is resident (the usual case) finishes without a Promise round
 * trip through the scheduler (~70K guest instructions).
 */
export const WOULD_WAIT = -0x7fff_fffe;

/** readBytes within one page, without waiting: the bytes, an error, or WOULD_WAIT. */
export function readBytesNow(space: AddressSpace, addr: number, n: number): number[] | number {
  if (!rangeOk(addr, n) || (addr % PAGE) + n > PAGE) return WOULD_WAIT;
  const frame = frameNow(space, addr, false);
  if (frame < 0) return WOULD_WAIT; // waiting or an error: the async path gives the exact result
  const out: number[] = [];
  const phys = frame + (addr % PAGE);
  for (let i = 0; i < n; i++) out.push(physRead8(phys + i));
  return out;
}

/** writeWords of aligned words within one page, without waiting: 0 or WOULD_WAIT. */
export function writeWordsNow(space: AddressSpace, addr: number, words: number[]): number {
  const n = words.length * 4;
  if (addr % 4 !== 0 || !rangeOk(addr, n) || (addr % PAGE) + n > PAGE) return WOULD_WAIT;
  const frame = frameNow(space, addr, true);
  if (frame < 0) return WOULD_WAIT;
  const phys = frame + (addr % PAGE);
  for (let i = 0; i < words.length; i++) physWrite32(phys + 4 * i, words[i]);
  return 0;
}

/** writeBytes within one page, without waiting: 0 or WOULD_WAIT (nothing written). */
export function writeBytesNow(space: AddressSpace, addr: number, bytes: number[]): number {
  const n = bytes.length;
  if (!rangeOk(addr, n) || (addr % PAGE) + n > PAGE) return WOULD_WAIT;
  const frame = frameNow(space, addr, true);
  if (frame < 0) return WOULD_WAIT;
  const phys = frame + (addr % PAGE);
  for (let i = 0; i < n; i++) physWrite8(phys + i, bytes[i]);
  return 0;
}

/** writeBytes, answered at once when the bytes' page is resident (the usual case). */
export function writeBytesSoon(space: AddressSpace, addr: number, bytes: number[]): number | Promise<number> {
  const r = writeBytesNow(space, addr, bytes);
  return r === WOULD_WAIT ? writeBytes(space, addr, bytes) : r;
}

/** writeWords, answered at once when the words' page is resident (the usual case). */
export function writeWordsSoon(space: AddressSpace, addr: number, words: number[]): number | Promise<number> {
  const r = writeWordsNow(space, addr, words);
  return r === WOULD_WAIT ? writeWords(space, addr, words) : r;
}

/** A NUL-terminated string at addr (UTF-8 decoded), or -EFAULT / -ENAMETOOLONG past `max` bytes. */
export async function readString(space: AddressSpace, addr: number, max = 4096): Promise<string | number> {
  // built a page at a time, so a long string costs linear time
  let s = '';
  let va = addr;
  for (;;) {
    if (!rangeOk(va, 1)) return -Errno.EFAULT;
    let frame = frameNow(space, va, false);
    if (frame === -Errno.EAGAIN) frame = await userFrame(space, va, false);
    if (frame < 0) return frame;
    const end = va - (va % PAGE) + PAGE;
    let piece = '';
    for (; va < end; va++) {
      const b = physRead8(frame + (va % PAGE));
      if (b === 0) return utf8Decode(s + piece);
      if (s.length + piece.length >= max) return -Errno.ENAMETOOLONG;
      piece += String.fromCharCode(b);
    }
    s += piece;
  }
}

/** A NULL-terminated array of string pointers (argv, envp), or -EFAULT / -E2BIG. */
export async function readStringArray(space: AddressSpace, addr: number): Promise<string[] | number> {
  const out: string[] = [];
  if (addr === 0) return out;
  let total = 0;
  for (let i = 0; ; i++) {
    const p = await readU32(space, addr + 4 * i);
    if (p < 0) return p;
    if (p === 0) return out;
    const s = await readString(space, p, 131072);
    if (typeof s === 'number') return s === -Errno.ENAMETOOLONG ? -Errno.E2BIG : s;
    total += s.length + 1;
    if (total > 2 * 1024 * 1024 || out.length > 65536) return -Errno.E2BIG;
    out.push(s);
  }
}

/** A read(2)/write(2) buffer in a process's memory. */
export class UserBuffer implements IoTarget {
  cancelled = false;
  constructor(private readonly space: AddressSpace, readonly addr: number, readonly length: number) {}

  fromPhys(pos: number, phys: number, n: number): Promise<number> {
    return eachPiece(this.space, this.addr + pos, n, true, (p, at, count) => physCopy(p, phys + at, count));
  }

  fromBytes(pos: number, bytes: number[], n: number): Promise<number> {
    return eachPiece(this.space, this.addr + pos, n, true, (p, at, count) => {
      for (let i = 0; i < count; i++) physWrite8(p + i, bytes[at + i]);
    });
  }

  toPhys(pos: number, phys: number, n: number): Promise<number> {
    return eachPiece(this.space, this.addr + pos, n, false, (p, at, count) => physCopy(phys + at, p, count));
  }

  toBytes(pos: number, n: number): Promise<number[] | number> {
    return readBytes(this.space, this.addr + pos, n);
  }

  async prepare(forWrite: boolean): Promise<number> {
    if (!rangeOk(this.addr, this.length)) return -Errno.EFAULT;
    const end = this.addr + this.length;
    for (let va = this.addr - (this.addr % PAGE); va < end; va += PAGE) {
      const f = await userFrame(this.space, va, forWrite);
      if (f < 0) return f;
    }
    return 0;
  }

  copyFromPhys(pos: number, phys: number, n: number): number {
    return this.copyNow(pos, n, true, (p, at, count) => physCopy(p, phys + at, count));
  }

  copyToPhys(pos: number, phys: number, n: number): number {
    return this.copyNow(pos, n, false, (p, at, count) => physCopy(phys + at, p, count));
  }

  private copyNow(pos: number, n: number, write: boolean, fn: (phys: number, at: number, count: number) => void): number {
    let done = 0;
    while (done < n) {
      const va = this.addr + pos + done;
      const inPage = va % PAGE;
      const count = PAGE - inPage < n - done ? PAGE - inPage : n - done;
      const frame = frameNow(this.space, va, write);
      if (frame < 0) return -Errno.EFAULT;
      fn(frame + inPage, done, count);
      done += count;
    }
    return 0;
  }
}

/** The UserMemory face (ioctl arguments) of a process's address space. */
export function userMemory(space: AddressSpace): UserMemory {
  // resident memory within one page (the usual case) answers at once
  return {
    read: (addr: number, n: number) => {
      const b = readBytesNow(space, addr, n);
      return b === WOULD_WAIT ? readBytes(space, addr, n) : b;
    },
    write: (addr: number, bytes: number[]) => {
      const r = writeBytesNow(space, addr, bytes);
      return r === WOULD_WAIT ? writeBytes(space, addr, bytes) : r;
    },
  };
}

