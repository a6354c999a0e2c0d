// share-demo [FILE]: two processes map one file MAP_SHARED and see each other's stores.
// The parent makes FILE (one page, default /tmp/share-demo), maps it shared and writes a
// line at offset 0; its child opens and maps the file on its own, reads the parent's line
// through its mapping and writes one at offset 2048; the parent, after wait4, reads the
// child's line through its own mapping, and read(2) of the file shows it too: all three
// are one page-cache frame.
import { MapFlag, OpenFlag, Prot, close, exit, fork, getpid, mmap, open, pread, readMemory, wait4, writeBytes, writeMemory } from '../lib/sys.ts';
import { args, complain, finish, out } from '../lib/tool.ts';

const path = args()[0] ?? '/tmp/share-demo';
const hex = (v: number) => '0x' + v.toString(16);
/** The NUL-terminated text at `addr` (at most 64 bytes). */
const text = (addr: number) => { const s = readMemory(addr, 64); const z = s.indexOf('\0'); return z < 0 ? s : s.slice(0, z); };

function mapFile(who: string): number {
  const fd = open(path, OpenFlag.O_RDWR);
  if (fd < 0) { complain(who, path, fd); exit(1); }
  const a = mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.SHARED, fd, 0);
  close(fd); // the mapping keeps the file
  if (a < 0) { complain(who, 'mmap', a); exit(1); }
  return a;
}

const fd = open(path, OpenFlag.O_RDWR | OpenFlag.O_CREAT | OpenFlag.O_TRUNC, 0o644);
if (fd < 0) { complain('share-demo', path, fd); finish(1); }
const made = writeBytes(fd, '\0'.repeat(4096));
close(fd);
if (made !== 4096) { complain('share-demo', path, made < 0 ? made : -5); finish(1); }
const mine = mapFile('share-demo');
writeMemory(mine, `hello from parent ${getpid()}\0`);
out(`parent ${getpid()}: mapped ${path} shared at ${hex(mine)}, wrote "${text(mine)}" at offset 0\n`);
const child = fork();
if (child === 0) {
  const theirs = mapFile('share-demo (child)');
  out(`child  ${getpid()}: mapped ${path} shared at ${hex(theirs)}, offset 0 reads "${text(theirs)}"\n`);
  writeMemory(theirs + 2048, `hello from child ${getpid()}\0`);
  out(`child  ${getpid()}: wrote "${text(theirs + 2048)}" at offset 2048\n`);
  exit(0);
}
if (child < 0) { complain('share-demo', 'fork', child); finish(1); }
wait4(child);
out(`parent ${getpid()}: offset 2048 reads "${text(mine + 2048)}"\n`);
const f = open(path, OpenFlag.O_RDONLY);
const bytes = f < 0 ? f : pread(f, 64, 2048);
if (f >= 0) close(f);
const got = typeof bytes === 'number' ? `error ${bytes}` : bytes.slice(0, Math.max(0, bytes.indexOf('\0')));
out(`read(2) of ${path} at offset 2048: "${got}"\n`);
