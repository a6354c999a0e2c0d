// pmap PID: a process's mappings (/proc/PID/maps) with their sizes, and the total.
import { procMaps, type MapLine } from '../lib/procfs.ts';
import { args, col, complain, err, finish, out } from '../lib/tool.ts';

const a = args();
if (a.length !== 1) { err('usage: pmap PID\n'); finish(2); }
const maps = procMaps(a[0] === 'self' ? 'self' : Number(a[0]));
if (typeof maps === 'number') { complain('pmap', a[0], maps); finish(1); }
let text = `${a[0]}:\nAddress   Kbytes Mode  Mapping\n`;
let total = 0;
for (const m of maps as MapLine[]) {
  const kb = (m.end - m.start) / 1024;
  total += kb;
  text += `${m.start.toString(16).padStart(8, '0')} ${col(kb, 7)} ${m.perms}  ${m.name === '' ? '[ anon ]' : m.name}\n`;
}
out(text + `total ${col(total, 7)}K\n`);
