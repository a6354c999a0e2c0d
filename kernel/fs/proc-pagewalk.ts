// /proc/PID/pagewalk: the page-table walk of one address, for the `pt` tool.
//
// A read at file offset A (pread64, any A below 2^32) returns one 32-byte record for the
// page holding virtual address A in that process's space (docs/pagewalk.md):
//   0  PDPTE (u64)    8  PDE (u64)    16  PTE (u64)    -- an entry not reached is 0
//   24 u32 reference count of the PTE's frame (0: no frame; 0xffffffff: not the allocator's)
//   28 u32 flags: 1 = A is inside one of the process's areas, 2 = the frame is the shared
//      zero page, 4 = the PDE maps a 2 MiB page (no PTE).
// The record is made from the live tables at the time of the read (no snapshot), read-only.
// A read shorter than 32 bytes is -EINVAL (a record is never split); an offset at or above
// 2^32 is the end of the file (0). A zombie or vanished process reads as empty.

import { Errno } from '../mm/errno.ts';
import { pteFrame, Pte } from '../mm/page-table.ts';
import { kernel } from '../proc/kernel-state.ts';
import type { Process } from '../proc/process.ts';
import type { IoTarget } from './types.ts';

export const PAGEWALK_RECORD = 32;

export enum PagewalkFlag {
  IN_AREA = 1,
  ZERO_PAGE = 2,
  LARGE = 4,
}

/** The 32 bytes describing `va` in p's space (the layout above). */
export function pagewalkRecord(p: Process, va: number): number[] {
  const space = p.mm.space;
  const w = space.pt.walk(va);
  let count = 0, flags = 0;
  if (space.vmas.find(va) !== null) flags |= PagewalkFlag.IN_AREA;
  if ((w.pde[0] & Pte.P) !== 0 && (w.pde[0] & Pte.PS) !== 0) flags |= PagewalkFlag.LARGE;
  // a present page, or a PROT_NONE one (P clear, the frame kept): both hold a frame
  if ((w.pte[0] & (Pte.P | Pte.PROTNONE)) !== 0) {
    const frame = pteFrame(w.pte[0]);
    const frames = kernel().frames;
    count = frames.isManaged(frame) ? frames.refCount(frame) : 0xffff_ffff;
    if (frame === kernel().mmShared.zeroPage) flags |= PagewalkFlag.ZERO_PAGE;
  }
  const out: number[] = [];
  const word = (v: number) => { for (let i = 0; i < 4; i++) out.push((v >>> (8 * i)) & 0xff); };
  word(w.pdpte[0]); word(w.pdpte[1]); word(w.pde[0]); word(w.pde[1]); word(w.pte[0]); word(w.pte[1]);
  word(count); word(flags);
  return out;
}

/** pagewalk's reads: one whole record for the address at the offset (the layout above). */
export async function readPagewalk(p: Process | null, to: IoTarget, offset: number): Promise<number> {
  if (to.length < PAGEWALK_RECORD) return -Errno.EINVAL;
  if (offset >= 0x1_0000_0000) return 0;
  if (p === null || !p.alive) return 0;
  const rec = pagewalkRecord(p, offset >>> 0);
  const r = await to.fromBytes(0, rec, PAGEWALK_RECORD);
  return r < 0 ? r : PAGEWALK_RECORD;
}
