// vmstat: the kernel's memory event totals from /proc/vmstat (faults, minor and major
// faults, waits on a read already in flight, pages read and written back, evictions), and
// with a PID the process's own minor/major faults (/proc/PID/stat fields 10 and 12).
import { procStat, procText, type ProcStat } from '../lib/procfs.ts';
import { args, col, complain, finish, out } from '../lib/tool.ts';

const LABELS: Record<string, string> = {
  pgfault: 'faults', pgminfault: 'minor faults', pgmajfault: 'major faults', pgcoalesced: 'coalesced waits',
  pgread: 'pages read', pgwriteback: 'pages written back', pgevict: 'evictions', pgreadahead: 'pages read ahead',
  nr_free_pages: 'free pages', nr_file_pages: 'page cache pages', nr_dirty: 'dirty pages',
  writeback_runs: 'writeback runs', oom_kill: 'out-of-memory kills',
};

const text = procText('/proc/vmstat');
if (typeof text === 'number') { complain('vmstat', '/proc/vmstat', text); finish(1); }
for (const line of (text as string).split('\n')) {
  const sp = line.indexOf(' ');
  if (sp < 0) continue;
  const name = line.slice(0, sp);
  const label = LABELS[name];
  if (label !== undefined) out(`${label.padEnd(20)}${col(line.slice(sp + 1), 10)}\n`);
}
const pid = args()[0];
if (pid !== undefined) {
  const s = procStat(Number(pid));
  if (typeof s === 'number') { complain('vmstat', `/proc/${pid}/stat`, s); finish(1); }
  const st = s as ProcStat;
  out(`${('pid ' + pid + ' minor').padEnd(20)}${col(st.minflt, 10)}\n${('pid ' + pid + ' major').padEnd(20)}${col(st.majflt, 10)}\n`);
}
