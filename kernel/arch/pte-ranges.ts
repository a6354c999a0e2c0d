// The page-table range natives (image-builder/bytecode/natives.ts pteCopy, pteZap,
// pteUpdate) written once in TypeScript over a 32-bit physical memory: the definition the
// x86 versions (boot/interp/pte-natives.ts) follow, used by the reference interpreter and
// by the Node tests' fakes (kernel/arch/intrinsics.ts installs it when a fake has no
// native of its own). Entries are PAE (8 bytes, low dword only); `table`/`limit` are the
// frame allocator's frame table and limit (kernel/mm/frames.ts), table 0: no references.

export interface Phys32 {
  read32(p: number): number;
  write32(p: number, v: number): void;
}

const UNMANAGED = 0xffff_ffff;
const P = 0x1;
const FRAME = 0xffff_f000;
const FLUSH_BITS = 0x2 | 0x4 | 0x20 | 0x40;

/** The frame-table word address of a counted entry's frame, or -1. */
function counted(m: Phys32, entry: number, table: number, limit: number): number {
  if (table === 0) return -1;
  const frame = (entry & FRAME) >>> 0;
  if (frame >= limit) return -1;
  const w = table + (frame >>> 12) * 4;
  return m.read32(w) === UNMANAGED ? -1 : w;
}

/** Whether replacing present-or-not `old` by `next` needs an invalidation (page-table.ts needsFlush). */
function lostSomething(old: number, next: number): boolean {
  if ((old & P) === 0) return false;
  if ((next & P) === 0) return true;
  if (((old ^ next) & FRAME) !== 0) return true;
  return (old & ~next & FLUSH_BITS) !== 0;
}

export function pteCopyWith(m: Phys32, src: number, dst: number, n: number, clear: number, table: number, limit: number, out: number): number {
  let copied = 0, changed = 0, bits = 0;
  for (let i = 0; i < n; i++) {
    const e = m.read32(src + i * 8);
    if (e === 0) continue;
    const e2 = (e & ~clear) >>> 0;
    if (e2 !== e) {
      m.write32(src + i * 8, e2);
      if ((e & P) !== 0) {
        changed++;
        if (i < 32) bits |= 1 << i;
      }
    }
    m.write32(dst + i * 8, e2);
    copied++;
    const w = counted(m, e2, table, limit);
    if (w < 0) continue;
    const c = m.read32(w);
    if (c === 0) return -1;
    m.write32(w, c + 1);
  }
  m.write32(out + 12, bits);
  return copied + changed * 65536;
}

export function pteZapWith(m: Phys32, slot: number, n: number, table: number, limit: number, out: number): number {
  let cleared = 0, present = 0, head = 0, tail = 0, freed = 0, bits = 0;
  m.write32(out, 0);
  m.write32(out + 4, 0);
  m.write32(out + 8, 0);
  for (let i = 0; i < n; i++) {
    const e = m.read32(slot + i * 8);
    if (e === 0) continue;
    m.write32(slot + i * 8, 0);
    cleared++;
    if ((e & P) !== 0) {
      present++;
      if (i < 32) bits |= 1 << i;
    }
    const w = counted(m, e, table, limit);
    if (w < 0) continue;
    const c = m.read32(w);
    if (c === 0) return -1;
    m.write32(w, c - 1);
    if (c !== 1) continue;
    const frame = (e & FRAME) >>> 0;
    m.write32(frame, head);
    head = frame;
    if (tail === 0) tail = frame;
    freed++;
    m.write32(out, head);
    m.write32(out + 4, tail);
    m.write32(out + 8, freed);
  }
  m.write32(out + 12, bits);
  return cleared + present * 65536;
}

export function pteUpdateWith(m: Phys32, slot: number, n: number, set: number, clear: number, mask: number, match: number, out: number): number {
  let flush = 0, bits = 0;
  for (let i = 0; i < n; i++) {
    const e = m.read32(slot + i * 8);
    if (e === 0 || ((e & mask) >>> 0) !== (match >>> 0)) continue;
    const e2 = ((e & ~clear) | set) >>> 0;
    if (e2 === e) continue;
    m.write32(slot + i * 8, e2);
    if (lostSomething(e, e2)) {
      flush++;
      if (i < 32) bits |= 1 << i;
    }
  }
  m.write32(out + 12, bits);
  return flush;
}
