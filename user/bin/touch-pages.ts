// touch-pages N: map N pages, write one byte in each, and show the minor page faults
// (/proc/self/stat field 10) before and after: each first touch is a demand-zero fault.
import { MapFlag, Prot, mmap, writeMemory } from '../lib/sys.ts';
import { procStat } from '../lib/procfs.ts';
import { args, complain, err, finish, out } from '../lib/tool.ts';

const n = Number(args()[0] ?? '16');
if (!Number.isInteger(n) || n <= 0) { err('usage: touch-pages N\n'); finish(2); }
const addr = mmap(0, n * 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
if (addr < 0) { complain('touch-pages', 'mmap', addr); finish(1); }
const faults = () => { const s = procStat('self'); return typeof s === 'number' ? -1 : s.minflt; };
const before = faults();
out(`mapped ${n} pages at 0x${addr.toString(16)}\nminor faults before: ${before}\n`);
const base = faults();
for (let i = 0; i < n; i++) writeMemory(addr + i * 4096, 'x');
const after = faults();
out(`minor faults after:  ${after} (+${after - base} for ${n} pages)\n`);
