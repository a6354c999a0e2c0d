// fork-pages [SECONDS]: pages in every state, held still for `pt` and the inspector to look
// at. Maps 4 private anonymous pages; writes page 0 (a private frame), reads page 1 (the
// shared zero page), leaves pages 2 and 3 untouched (no PTE); then forks, so page 0 becomes
// copy-on-write in both (read-only, its frame referenced twice). Prints the area and both
// pids, and both processes sleep SECONDS (default 60) before ending.
import { MapFlag, Prot, fork, getpid, mmap, readMemory, wait4, writeMemory, exit } from '../lib/sys.ts';
import { args, complain, err, finish, out } from '../lib/tool.ts';

const seconds = Number(args()[0] ?? '60');
if (!(seconds >= 0)) { err('usage: fork-pages [SECONDS]\n'); finish(2); }
const addr = mmap(0, 4 * 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
if (addr < 0) { complain('fork-pages', 'mmap', addr); finish(1); }
writeMemory(addr, 'written');
readMemory(addr + 4096, 1);
const child = fork();
if (child < 0) { complain('fork-pages', 'fork', child); finish(1); }
if (child === 0) {
  setTimeout(() => exit(0), seconds * 1000);
} else {
  const hex = (v: number) => '0x' + v.toString(16);
  out(`parent ${getpid()} child ${child} area ${hex(addr)}: page 0 written ${hex(addr)}, page 1 read ${hex(addr + 4096)}, pages 2-3 untouched ${hex(addr + 8192)}\n`);
  setTimeout(() => { wait4(child); }, seconds * 1000);
}
