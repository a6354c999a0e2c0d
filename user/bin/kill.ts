// kill [-SIGNAL] PID...: send a signal (default SIGTERM; -9 or -KILL style numbers/names).
import { kill } from '../lib/sys.ts';
import { args, complain, err, finish } from '../lib/tool.ts';

const NAMES: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, SEGV: 11, PIPE: 13, TERM: 15, CONT: 18, STOP: 19 };
let a = args();
let sig = 15;
if (a.length > 0 && a[0].startsWith('-')) {
  const s = a[0].slice(1);
  sig = NAMES[s.startsWith('SIG') ? s.slice(3) : s] ?? Number(s);
  a = a.slice(1);
}
if (a.length === 0 || !Number.isInteger(sig)) { err('usage: kill [-SIGNAL] PID...\n'); finish(2); }
let status = 0;
for (const p of a) {
  const r = kill(Number(p), sig);
  if (r < 0) { complain('kill', p, r); status = 1; }
}
finish(status);
