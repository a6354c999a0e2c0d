// stty size | stty rows N cols M: the terminal's window size (TIOCGWINSZ), or set it
// (TIOCSWINSZ: the foreground group gets SIGWINCH). The web page and `npm start` tell the
// kernel the size of the real terminal; this shows what the guest learnt.
import { setWinsize, winsize } from '../lib/posix.ts';
import { args, complain, err, finish, out } from '../lib/tool.ts';

const a = args();
const now = winsize(0);
if (typeof now === 'number') { complain('stty', 'standard input', now); finish(1); }
const size = now as { rows: number; cols: number };
if (a.length === 1 && a[0] === 'size') {
  out(`${size.rows} ${size.cols}\n`);
  finish(0);
}
let rows = size.rows, cols = size.cols;
for (let i = 0; i + 1 < a.length; i += 2) {
  const v = Number(a[i + 1]);
  if (!Number.isInteger(v) || v <= 0 || v > 65535) { err(`stty: invalid integer argument: ${a[i + 1]}\n`); finish(1); }
  if (a[i] === 'rows') rows = v;
  else if (a[i] === 'cols' || a[i] === 'columns') cols = v;
  else { err(`stty: invalid argument: ${a[i]}\n`); finish(1); }
}
if (a.length === 0 || a.length % 2 !== 0) { err('usage: stty size | stty rows N cols M\n'); finish(2); }
const r = setWinsize(0, rows, cols);
if (r < 0) { complain('stty', 'standard input', r); finish(1); }
