// Reading /proc for ps, free, pmap and the demos: one file as text, the fields of
// /proc/PID/stat (after the command name in parentheses), /proc/meminfo as a table.

import { readFile, utf8Decode } from './sys.ts';

/** A /proc file as text, or -errno. */
export function procText(path: string): string | number {
  const b = readFile(path);
  return typeof b === 'number' ? b : utf8Decode(b);
}

export interface ProcStat { pid: number; comm: string; state: string; ppid: number; pgrp: number; minflt: number; majflt: number; vsize: number; rss: number }

/** /proc/PID/stat parsed (fields numbered as in proc(5)), or -errno. */
export function procStat(pid: number | 'self'): ProcStat | number {
  const t = procText(`/proc/${pid}/stat`);
  if (typeof t === 'number') return t;
  const open = t.indexOf('('), close = t.lastIndexOf(')');
  const rest = t.slice(close + 2).trim().split(' ');
  // rest[0] is field 3 (state): field N is rest[N - 3]
  const f = (n: number) => Number(rest[n - 3]);
  return { pid: Number(t.slice(0, open).trim()), comm: t.slice(open + 1, close), state: rest[0], ppid: f(4), pgrp: f(5), minflt: f(10), majflt: f(12), vsize: f(23), rss: f(24) };
}

/** /proc/meminfo as name -> kB. */
export function meminfo(): Map<string, number> | number {
  const t = procText('/proc/meminfo');
  if (typeof t === 'number') return t;
  const m = new Map<string, number>();
  for (const line of t.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) m.set(line.slice(0, colon), parseInt(line.slice(colon + 1).trim(), 10));
  }
  return m;
}

export interface MapLine { start: number; end: number; perms: string; offset: string; name: string }

/** /proc/PID/maps parsed, or -errno. */
export function procMaps(pid: number | 'self'): MapLine[] | number {
  const t = procText(`/proc/${pid}/maps`);
  if (typeof t === 'number') return t;
  const out: MapLine[] = [];
  for (const line of t.split('\n')) {
    if (line.trim() === '') continue;
    const parts = line.split(' ').filter((p) => p !== '');
    const dash = parts[0].indexOf('-');
    out.push({ start: parseInt(parts[0].slice(0, dash), 16), end: parseInt(parts[0].slice(dash + 1), 16), perms: parts[1], offset: parts[2], name: parts.slice(5).join(' ') });
  }
  return out;
}
