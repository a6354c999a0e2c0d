// ls [-l] [PATH...]: the names in directories (or the files named); -l adds type and
// permissions, links, size and the inode number.
import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, listDir, stat, type Stat } from '../lib/posix.ts';
import { args, col, complain, finish, out } from '../lib/tool.ts';

function modeText(mode: number): string {
  const t = mode & S_IFMT;
  let s = t === S_IFDIR ? 'd' : t === S_IFLNK ? 'l' : t === S_IFCHR ? 'c' : '-';
  const rwx = 'rwxrwxrwx';
  for (let i = 0; i < 9; i++) s += (mode & (1 << (8 - i))) !== 0 ? rwx[i] : '-';
  return s;
}

function line(name: string, st: Stat, long: boolean): string {
  return long ? `${modeText(st.mode)} ${col(st.nlink, 2)} ${col(st.size, 8)} ${col(st.ino, 6)} ${name}\n` : name + '\n';
}

let a = args();
const long = a[0] === '-l';
if (long) a = a.slice(1);
if (a.length === 0) a = ['.'];
let status = 0;
for (const path of a) {
  const st = stat(path);
  if (typeof st === 'number') { complain('ls', path, st); status = 1; continue; }
  if ((st.mode & S_IFMT) !== S_IFDIR) { out(line(path, st, long)); continue; }
  const names = listDir(path);
  if (typeof names === 'number') { complain('ls', path, names); status = 1; continue; }
  if (a.length > 1) out(path + ':\n');
  let text = '';
  for (const n of names) {
    if (!long) { text += n + '\n'; continue; }
    const s = stat(path + '/' + n, true);
    text += typeof s === 'number' ? `?????????? ${n}\n` : line(n, s, true);
  }
  out(text);
}
finish(status);
