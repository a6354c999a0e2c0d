// The page-table range natives of the x86 interpreter (pteCopy, pteZap, pteUpdate) against
// their TypeScript definition (kernel/arch/pte-ranges.ts), on the same pseudo-random tables
// in the guest's physical memory: each case runs the native, records every word it may
// touch, puts the memory back, runs the definition and compares.
import { pteCopyWith, pteUpdateWith, pteZapWith, type Phys32 } from '../../../kernel/arch/pte-ranges.ts';

const out = (s: string) => __native.writeStdout(s + '\n');
const mem: Phys32 = { read32: (p) => __native.physRead32(p), write32: (p, v) => __native.physWrite32(p, v) };

const base = 0x0300_0000; // 48 MiB: above the image and the heap in a 64 MiB guest
const SRC = base, DST = base + 0x1000, OUT = base + 0x2000, TABLE = base + 0x3000;
const FRAMES = base + 0x10_0000; // 48 data frames from here
const NFRAMES = 48;
const LIMIT = FRAMES + 40 * 0x1000; // the last 8 frames are beyond the table's limit
const frame = (i: number) => FRAMES + i * 0x1000;
const tableWord = (f: number) => TABLE + (f >>> 12) * 4;
const UNMANAGED = 0xffff_ffff;

let seed = 12345;
function rand(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}

/** Fresh tables: 64 entries at SRC (and DST), counts for every frame, frames' first words. */
function setup(caseSeed: number, zeroCounts: boolean): void {
  seed = caseSeed;
  __native.physFill(TABLE, 0, (LIMIT >>> 12) * 4);
  for (let i = 0; i < NFRAMES; i++) {
    const c = rand(5);
    if (frame(i) < LIMIT) mem.write32(tableWord(frame(i)), c === 4 ? UNMANAGED : zeroCounts ? c : c + 1);
    mem.write32(frame(i), 0x5a5a_0000 + i);
  }
  for (let i = 0; i < 64; i++) {
    const kind = rand(6);
    const f = frame(rand(NFRAMES));
    let e = 0;
    if (kind === 1) e = f | 0x1 | 0x4;
    else if (kind === 2) e = f | 0x1 | 0x2 | 0x4 | 0x20 | 0x40;
    else if (kind === 3) e = f | 0x200; // PROT_NONE
    else if (kind === 4) e = f | 0x1 | 0x2 | 0x4;
    mem.write32(SRC + i * 8, e >>> 0);
    mem.write32(SRC + i * 8 + 4, 0);
    mem.write32(DST + i * 8, i % 7 === 0 ? 0x1111_0000 : 0);
  }
  for (let i = 0; i < 4; i++) mem.write32(OUT + i * 4, 0xeeee_0000 + i);
}

function snapshot(): number[] {
  const s: number[] = [];
  for (let i = 0; i < 64; i++) s.push(mem.read32(SRC + i * 8), mem.read32(SRC + i * 8 + 4), mem.read32(DST + i * 8));
  for (let i = 0; i < NFRAMES; i++) {
    if (frame(i) < LIMIT) s.push(mem.read32(tableWord(frame(i))));
    s.push(mem.read32(frame(i)));
  }
  for (let i = 0; i < 4; i++) s.push(mem.read32(OUT + i * 4));
  return s;
}

function same(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Op = () => number;
function check(name: string, caseSeed: number, zeroCounts: boolean, native: Op, definition: Op): void {
  setup(caseSeed, zeroCounts);
  const r1 = native();
  const s1 = snapshot();
  setup(caseSeed, zeroCounts);
  const r2 = definition();
  const s2 = snapshot();
  out(name + ' result ' + (r1 === r2) + ' memory ' + same(s1, s2) + (r1 < 0 ? ' refused' : ''));
}

const slot = (i: number) => SRC + i * 8;
for (let k = 0; k < 3; k++) {
  const seedK = 1000 + k * 77;
  const from = k * 9, n = 48 - k * 7; // starting mid-table, crossing the 32-entry bitmap
  check('copy ' + k, seedK, false,
    () => __native.pteCopy(slot(from), DST + from * 8, n, 0x2, TABLE, LIMIT, OUT),
    () => pteCopyWith(mem, slot(from), DST + from * 8, n, 0x2, TABLE, LIMIT, OUT));
  check('copy uncounted ' + k, seedK, false,
    () => __native.pteCopy(slot(from), DST + from * 8, n, 0, 0, LIMIT, OUT),
    () => pteCopyWith(mem, slot(from), DST + from * 8, n, 0, 0, LIMIT, OUT));
  check('zap ' + k, seedK, false,
    () => __native.pteZap(slot(from), n, TABLE, LIMIT, OUT),
    () => pteZapWith(mem, slot(from), n, TABLE, LIMIT, OUT));
  check('update protnone ' + k, seedK, false,
    () => __native.pteUpdate(slot(from), n, 0x200, 0x3, 0, 0, OUT),
    () => pteUpdateWith(mem, slot(from), n, 0x200, 0x3, 0, 0, OUT));
  check('update present ' + k, seedK, false,
    () => __native.pteUpdate(slot(from), n, 0x5, 0x200, 0x200, 0x200, OUT),
    () => pteUpdateWith(mem, slot(from), n, 0x5, 0x200, 0x200, 0x200, OUT));
  check('update write-protect ' + k, seedK, false,
    () => __native.pteUpdate(slot(from), n, 0, 0x2, 0x200, 0, OUT),
    () => pteUpdateWith(mem, slot(from), n, 0, 0x2, 0x200, 0, OUT));
}
// counts of 0 under mapped frames: both refuse (-1) at the same entry
check('copy of a free frame', 4242, true,
  () => __native.pteCopy(slot(0), DST, 64, 0x2, TABLE, LIMIT, OUT),
  () => pteCopyWith(mem, slot(0), DST, 64, 0x2, TABLE, LIMIT, OUT));
check('zap of a free frame', 4242, true,
  () => __native.pteZap(slot(0), 64, TABLE, LIMIT, OUT),
  () => pteZapWith(mem, slot(0), 64, TABLE, LIMIT, OUT));
// a range beyond the direct map stops the machine
__native.pteZap(0xfff0_0000, 4, TABLE, LIMIT, OUT);
out('not reached');
