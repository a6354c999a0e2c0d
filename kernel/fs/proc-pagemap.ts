// /proc/PID/pagemap: one 64-bit little-endian entry per virtual page of the process, at
// offset (va / 4096) * 8, as Linux's (Documentation/admin-guide/mm/pagemap.rst): bit 63
// present, bit 61 a file page or shared anonymous memory, bits 0-54 the page frame number.
// Made on each read for the range asked (the whole table would be 6 MiB), so a program
// (or test) can see which physical frames two processes share.

import { Errno } from '../mm/errno.ts';
import { Pte, pteFrame } from '../mm/page-table.ts';
import { Layout, Page } from '../mm/page.ts';
import type { IoTarget } from './types.ts';
import type { Process } from '../proc/process.ts';

const PRESENT_HI = 0x8000_0000, FILE_HI = 0x2000_0000;

/** The 8 bytes of the entry for user page `va` of p. */
function entry(p: Process, va: number): number[] {
  const space = p.mm.space;
  if (!p.alive || space.isFreed) return [0, 0, 0, 0, 0, 0, 0, 0];
  const e = space.pt.entry(va);
  if ((e & Pte.P) === 0) return [0, 0, 0, 0, 0, 0, 0, 0];
  const pfn = Math.floor(pteFrame(e) / Page.SIZE);
  const vma = space.vmas.find(va);
  const file = vma !== null && (vma.file !== null || vma.shared) ? FILE_HI : 0;
  const hi = (PRESENT_HI | file | Math.floor(pfn / 0x1_0000_0000)) >>> 0;
  return [pfn & 0xff, (pfn >>> 8) & 0xff, (pfn >>> 16) & 0xff, (pfn >>> 24) & 0xff, hi & 0xff, (hi >>> 8) & 0xff, (hi >>> 16) & 0xff, (hi >>> 24) & 0xff];
}

/** pagemap's reads: whole 8-byte entries from a multiple of 8, as Linux (else EINVAL). */
export async function readPagemap(p: Process | null, to: IoTarget, offset: number): Promise<number> {
  if (p === null) return -Errno.ESRCH;
  if (offset % 8 !== 0 || to.length % 8 !== 0) return -Errno.EINVAL;
  const end = (Layout.USER_END / Page.SIZE) * 8;
  if (offset >= end) return 0;
  const n = to.length < end - offset ? to.length : end - offset;
  const bytes: number[] = [];
  for (let at = offset; at < offset + n; at += 8) {
    const b = entry(p, (at / 8) * Page.SIZE);
    for (let i = 0; i < 8; i++) bytes.push(b[i]);
  }
  const r = await to.fromBytes(0, bytes, n);
  return r < 0 ? r : n;
}
