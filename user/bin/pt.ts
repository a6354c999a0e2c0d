// pt PID ADDRESS: the page-table walk for one address of a process (PAE: PDPT -> PD -> PT),
// each entry with its bits, then the frame and its reference count. The kernel walks its
// own tables: this reads /proc/PID/pagewalk at offset ADDRESS (kernel/fs/proc-pagewalk.ts).
import { OpenFlag, close, open, pread } from '../lib/sys.ts';
import { procMaps } from '../lib/procfs.ts';
import { args, complain, err, finish, out } from '../lib/tool.ts';

const a = args();
if (a.length !== 2) { err('usage: pt PID ADDRESS\n'); finish(2); }
const pid = a[0] === 'self' ? 'self' : Number(a[0]);
const va = Number(a[1].startsWith('0x') || a[1].startsWith('0X') ? a[1] : '0x' + a[1]);
if (!Number.isInteger(va) || va < 0 || va > 0xffff_ffff) { err(`pt: bad address: ${a[1]}\n`); finish(2); }
const fd = open(`/proc/${pid}/pagewalk`, OpenFlag.O_RDONLY);
if (fd < 0) { complain('pt', a[0], fd); finish(1); }
const rec = pread(fd, 32, va);
close(fd);
if (typeof rec === 'number') { complain('pt', 'pagewalk', rec); finish(1); }
if ((rec as string).length < 32) { err(`pt: ${a[0]}: no such process\n`); finish(1); }
const r = rec as string;
const u32 = (at: number) => (r.charCodeAt(at) | (r.charCodeAt(at + 1) << 8) | (r.charCodeAt(at + 2) << 16) | (r.charCodeAt(at + 3) << 24)) >>> 0;
const hex = (v: number, w: number) => '0x' + v.toString(16).padStart(w, '0');

// the bits of a 64-bit entry (lo, hi); a PDPTE has only P (and the cache bits) in PAE mode
const BITS: [number, string][] = [[0x1, 'P'], [0x2, 'RW'], [0x4, 'US'], [0x8, 'PWT'], [0x10, 'PCD'], [0x20, 'A'], [0x40, 'D'], [0x80, 'PS'], [0x100, 'G'], [0x200, 'PROTNONE']];
function bits(lo: number, hi: number, level: string): string {
  const names: string[] = [];
  for (const [bit, name] of BITS) {
    if (level === 'PDPT' && bit !== 0x1 && bit !== 0x8 && bit !== 0x10) continue;
    if (bit === 0x80 && level === 'PT') { if ((lo & bit) !== 0) names.push('PAT'); continue; }
    if (bit === 0x200 && level !== 'PT') continue;
    if ((lo & bit) !== 0) names.push(name);
  }
  if ((hi & 0x8000_0000) !== 0) names.push('NX');
  return names.length === 0 ? '-' : names.join(' ');
}
function entry(level: string, index: number, at: number): void {
  const lo = u32(at), hi = u32(at + 4);
  const full = hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
  out(`${(level + '[' + index + ']').padEnd(8)} 0x${full}  ${bits(lo, hi, level)}\n`);
}

let where = 'not in any area';
const maps = procMaps(pid);
if (typeof maps !== 'number') for (const m of maps) if (m.start <= va && va < m.end) where = `area ${m.start.toString(16)}-${m.end.toString(16)} ${m.perms}${m.name === '' ? '' : ' ' + m.name}`;
out(`pid ${a[0]} address ${hex(va, 8)} (${where})\n`);
const pdpte = u32(0), pde = u32(8), pte = u32(16), count = u32(24), flags = u32(28);
entry('PDPT', va >>> 30, 0);
if ((pdpte & 1) === 0) { out('PD       not present (no page directory)\n'); finish(0); }
entry('PD', (va >>> 21) & 0x1ff, 8);
if ((pde & 1) === 0) { out('PT       not present (no page table)\n'); finish(0); }
if ((flags & 4) !== 0) { out(`2 MiB page at frame ${hex((pde & 0xffe0_0000) >>> 0, 8)}\n`); finish(0); }
entry('PT', (va >>> 12) & 0x1ff, 16);
if (pte === 0) { out('page     not present\n'); finish(0); }
const frame = (pte & 0xffff_f000) >>> 0;
const refs = count === 0xffff_ffff ? 'not counted (kernel)' : String(count);
const kind = (flags & 2) !== 0 ? ' (the zero page)' : '';
out(`frame    ${hex(frame, 8)}${kind}  refcount ${refs}${(pte & 1) === 0 ? '  (not present: PROT_NONE)' : ''}\n`);
