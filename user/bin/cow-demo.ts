// cow-demo: fork and watch copy-on-write. Parent and child share a written page after
// fork; the child's write to it faults and gets its own copy. Prints both processes'
// mappings around the page and the child's minor faults before and after the write.
import { MapFlag, Prot, fork, getpid, mmap, readMemory, wait4, writeMemory, exit } from '../lib/sys.ts';
import { procMaps, procStat } from '../lib/procfs.ts';
import { complain, finish, out } from '../lib/tool.ts';

const addr = mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
if (addr < 0) { complain('cow-demo', 'mmap', addr); finish(1); }
writeMemory(addr, 'parent');
const faults = () => { const s = procStat('self'); return typeof s === 'number' ? -1 : s.minflt; };
function showMap(who: string, pid: number): void {
  const maps = procMaps(pid);
  if (typeof maps === 'number') return;
  for (const m of maps) if (m.start <= addr && addr < m.end) out(`${who} ${pid}: ${m.start.toString(16)}-${m.end.toString(16)} ${m.perms} ${m.name}\n`);
}
const child = fork();
if (child === 0) {
  const me = getpid();
  showMap('child ', me);
  const before = faults();
  const base = faults();
  writeMemory(addr, 'child!');
  const after = faults();
  out(`child  ${me}: faults before write ${before}, after ${after} (+${after - base}: the copy-on-write fault)\n`);
  out(`child  ${me}: page says "${readMemory(addr, 6)}"\n`);
  exit(0);
}
showMap('parent', getpid());
wait4(child);
out(`parent ${getpid()}: page still says "${readMemory(addr, 6)}"\n`);
