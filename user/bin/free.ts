// free: memory in kB from /proc/meminfo: total, used, free, and the page cache.
import { meminfo } from '../lib/procfs.ts';
import { col, complain, finish, out } from '../lib/tool.ts';

const m = meminfo();
if (typeof m === 'number') { complain('free', '/proc/meminfo', m); finish(1); }
const info = m as Map<string, number>;
const total = info.get('MemTotal') ?? 0, free = info.get('MemFree') ?? 0, cached = info.get('Cached') ?? 0;
out(`${''.padEnd(6)}${col('total', 10)}${col('used', 10)}${col('free', 10)}${col('cached', 10)}\n`);
out(`${'Mem:'.padEnd(6)}${col(total, 10)}${col(total - free, 10)}${col(free, 10)}${col(cached, 10)}\n`);
