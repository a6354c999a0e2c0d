// cp SOURCE DEST: copy one file (DEST may be a directory).
import { OpenFlag, close, open, readFile, writeBytes } from '../lib/sys.ts';
import { S_IFDIR, S_IFMT, stat } from '../lib/posix.ts';
import { args, complain, err, finish } from '../lib/tool.ts';

const a = args();
if (a.length !== 2) { err('usage: cp SOURCE DEST\n'); finish(2); }
let [src, dst] = a;
const data = readFile(src);
if (typeof data === 'number') { complain('cp', src, data); finish(1); }
const st = stat(dst);
if (typeof st !== 'number' && (st.mode & S_IFMT) === S_IFDIR) dst = dst + '/' + src.slice(src.lastIndexOf('/') + 1);
const fd = open(dst, OpenFlag.O_WRONLY | OpenFlag.O_CREAT | OpenFlag.O_TRUNC, 0o644);
if (fd < 0) { complain('cp', dst, fd); finish(1); }
for (let rest = data as string; rest.length > 0;) {
  const n = writeBytes(fd, rest);
  if (n < 0) { complain('cp', dst, n); finish(1); }
  rest = rest.slice(n);
}
close(fd);
