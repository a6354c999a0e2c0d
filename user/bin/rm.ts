// rm [-r] FILE...: remove files (-r: directories and what they hold).
import { unlink } from '../lib/sys.ts';
import { S_IFDIR, S_IFMT, listDir, rmdir, stat } from '../lib/posix.ts';
import { args, complain, finish } from '../lib/tool.ts';

function remove(path: string, recursive: boolean): number {
  const st = stat(path, true);
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFDIR) return unlink(path);
  if (!recursive) return -21; // EISDIR
  const names = listDir(path);
  if (typeof names === 'number') return names;
  for (const n of names) { const r = remove(path + '/' + n, true); if (r < 0) return r; }
  return rmdir(path);
}

let a = args();
const recursive = a[0] === '-r' || a[0] === '-rf';
if (recursive) a = a.slice(1);
let status = 0;
for (const f of a) {
  const r = remove(f, recursive);
  if (r < 0) { complain('rm', f, r); status = 1; }
}
finish(status);
