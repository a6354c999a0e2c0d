// cat [FILE...]: the files (or stdin, or `-`) to stdout, as bytes.
import { OpenFlag, close, open, read, writeBytes } from '../lib/sys.ts';
import { args, complain, finish } from '../lib/tool.ts';

/** Copy fd to stdout until end of file; 0 or -errno. */
function copy(fd: number): number {
  for (;;) {
    const chunk = read(fd, 4096);
    if (typeof chunk === 'number') return chunk;
    if (chunk === '') return 0;
    for (let rest = chunk; rest.length > 0;) {
      const n = writeBytes(1, rest);
      if (n < 0) return n;
      rest = rest.slice(n);
    }
  }
}

let status = 0;
const files = args().length > 0 ? args() : ['-'];
for (const f of files) {
  const fd = f === '-' ? 0 : open(f, OpenFlag.O_RDONLY);
  if (fd < 0) { complain('cat', f, fd); status = 1; continue; }
  const r = copy(fd);
  if (r < 0) { complain('cat', f, r); status = 1; }
  if (fd !== 0) close(fd);
}
finish(status);
