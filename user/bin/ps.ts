// ps: every process, from /proc/PID/stat and /proc/PID/cmdline.
import { listDir } from '../lib/posix.ts';
import { procStat, procText } from '../lib/procfs.ts';
import { col, out } from '../lib/tool.ts';

const names = listDir('/proc');
const pids = (typeof names === 'number' ? [] : names).filter((n) => n !== '' && String(Number(n)) === n).map(Number).sort((x, y) => x - y);
let text = '  PID  PPID  PGRP S   MINFLT   RSS(kB) CMD\n';
for (const pid of pids) {
  const st = procStat(pid);
  if (typeof st === 'number') continue; // it ended meanwhile
  const cl = procText(`/proc/${pid}/cmdline`);
  const cmd = typeof cl === 'string' && cl.length > 0 ? cl.split('\0').filter((p) => p !== '').join(' ') : `[${st.comm}]`;
  text += `${col(pid, 5)} ${col(st.ppid, 5)} ${col(st.pgrp, 5)} ${st.state} ${col(st.minflt, 8)} ${col(st.rss * 4, 9)} ${cmd}\n`;
}
out(text);
