// /proc: the kernel's state as text, made when a file is opened. self, PID/{maps, status,
// cmdline, stat, comm, exe, pagewalk (proc-pagewalk.ts)}, cmdline, meminfo, uptime, version, mounts.

import { Errno } from '../mm/errno.ts';
import { formatMaps } from '../mm/maps.ts';
import { kernel } from '../proc/kernel-state.ts';
import type { Process } from '../proc/process.ts';
import { DynamicLink, TextFile } from './text-file.ts';
import { readPagewalk } from './proc-pagewalk.ts';
import { ramfsStats } from './ramfs.ts';
import { allCaches } from './page-cache.ts';
import { vmCounters } from '../mm/vmstat.ts';
import { readPagemap } from './proc-pagemap.ts';
import { ProcRecordFile } from './proc-record-file.ts';
import { DirType, Mode, OpenFlag, makeStat, type DirEntry, type FileOps, type Inode, type Stat } from './types.ts';

export const PROCFS_DEV = 0x0004;

/** A process's memory figures in pages: the size of its areas and the pages present. */
function memoryOf(p: Process): { size: number; resident: number } {
  let size = 0, resident = 0;
  const space = p.mm.space;
  for (let v = space.vmas.findFrom(0); v !== null; v = space.vmas.next(v)) {
    size += v.pages;
    for (let va = v.start; va < v.end; va += 4096) if ((space.pt.entry(va) & 1) !== 0) resident++;
  }
  return { size, resident };
}

function status(p: Process): string {
  const state = !p.alive ? 'Z (zombie)' : p.stopped ? 'T (stopped)' : p.state === 'R' ? 'R (running)' : 'S (sleeping)';
  let s = 'Name:\t' + p.comm + '\nUmask:\t' + p.umask.toString(8).padStart(4, '0') + '\nState:\t' + state +
    '\nTgid:\t' + p.pid + '\nPid:\t' + p.pid + '\nPPid:\t' + p.ppid + '\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n';
  if (p.alive) {
    const m = memoryOf(p);
    s += 'VmSize:\t' + String(m.size * 4).padStart(8) + ' kB\nVmRSS:\t' + String(m.resident * 4).padStart(8) + ' kB\n';
  }
  s += 'Threads:\t1\nvoluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n';
  return s;
}

/** /proc/PID/stat: the fields ps reads (pid, comm, state, ppid, pgrp, session, ..., faults, times). */
function stat(p: Process): string {
  const m = p.alive ? memoryOf(p) : { size: 0, resident: 0 };
  const fields = [p.pid, '(' + p.comm + ')', !p.alive ? 'Z' : p.stopped ? 'T' : p.state, p.ppid, p.pgid, p.sid, 0, -1, 0,
    p.minFaults, p.childMinFaults, p.majFaults, p.childMajFaults, p.userTicks, p.systemTicks, p.childUserTicks,
    p.childSystemTicks, 20, 0, 1, 0, p.startTicks, m.size * 4096, m.resident];
  return fields.join(' ') + '\n';
}

let nextIno = 1000;

class ProcPidDir implements Inode {
  readonly ino = nextIno++;
  readonly dev = PROCFS_DEV;
  readonly mode = Mode.DIR | 0o555;
  private readonly files = new Map<string, Inode>();

  constructor(readonly pid: number) {
    const self = () => this.process();
    const text = (make: (p: Process) => string) => new TextFile(PROCFS_DEV, nextIno++, () => {
      const p = self();
      return p === null ? '' : make(p);
    });
    this.files.set('maps', text((p) => (p.alive ? formatMaps(p.mm.space) : '')));
    this.files.set('status', text(status));
    this.files.set('stat', text(stat));
    this.files.set('comm', text((p) => p.comm + '\n'));
    this.files.set('cmdline', text((p) => (p.alive ? p.argv.map((a) => a + '\0').join('') : '')));
    this.files.set('pagemap', new ProcRecordFile(PROCFS_DEV, nextIno++, Mode.REG | 0o400, self, readPagemap));
    this.files.set('pagewalk', new ProcRecordFile(PROCFS_DEV, nextIno++, Mode.REG | 0o444, self, readPagewalk));
    this.files.set('exe', new DynamicLink(PROCFS_DEV, nextIno++, () => {
      const p = self();
      return p === null ? '' : p.exe;
    }));
  }

  process(): Process | null {
    const p = kernel().processes.get(this.pid);
    return p === undefined ? null : p;
  }

  size(): number {
    return 0;
  }
  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0);
  }
  lookup(name: string): Inode | number {
    if (this.process() === null) return -Errno.ENOENT;
    if (name === '.') return this;
    const f = this.files.get(name);
    return f === undefined ? -Errno.ENOENT : f;
  }
  readdir(): DirEntry[] {
    const out: DirEntry[] = [{ name: '.', ino: this.ino, type: DirType.DIR }, { name: '..', ino: 1, type: DirType.DIR }];
    for (const [name, inode] of this.files) out.push({ name, ino: inode.ino, type: (inode.mode & Mode.TYPE) === Mode.LNK ? DirType.LNK : DirType.REG });
    return out;
  }
  open(flags: number): FileOps | number {
    return (flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY ? -Errno.EISDIR : { seekable: true };
  }
}

function meminfo(): string {
  const f = kernel().frames;
  const kb = (pages: number) => String(pages * 4).padStart(8) + ' kB\n';
  return 'MemTotal:       ' + kb(f.managedCount) + 'MemFree:        ' + kb(f.freeCount) +
    'MemAvailable:   ' + kb(f.freeCount) + 'Buffers:        ' + kb(0) + 'Cached:         ' + kb(ramfsStats.pages);
}

/**
 * /proc/vmstat: "name value" lines. Linux's names where the meaning is Linux's (pgfault,
 * pgmajfault; pgpgin/pgpgout in KiB); tskern's own for the rest. Totals since boot.
 */
export function vmstat(): string {
  let read = 0, written = 0, coalesced = 0, evicted = 0, ahead = 0, lookups = 0, hits = 0, pages = 0, dirty = 0;
  for (let i = 0; i < allCaches.length; i++) {
    const s = allCaches[i].stats;
    read += s.pagesRead;
    written += s.pagesWritten;
    coalesced += s.coalesced;
    evicted += s.evictions;
    ahead += s.readAhead;
    lookups += s.lookups;
    hits += s.hits;
    pages += allCaches[i].pageCount;
    dirty += allCaches[i].dirtyCount;
  }
  const c = vmCounters;
  const names = ['nr_free_pages', 'nr_file_pages', 'nr_dirty', 'pgfault', 'pgminfault', 'pgmajfault', 'pgcoalesced',
    'pgread', 'pgwriteback', 'pgevict', 'pgreadahead', 'pgpgin', 'pgpgout', 'pgcache_lookup', 'pgcache_hit',
    'writeback_runs', 'oom_kill'];
  const values = [kernel().frames.freeCount, pages, dirty, c.faults, c.minor, c.major, coalesced,
    read, written, evicted, ahead, read * 4, written * 4, lookups, hits, c.writebackRuns, c.oomKills];
  let out = '';
  for (let i = 0; i < names.length; i++) out += names[i] + ' ' + values[i] + '\n';
  return out;
}

export class ProcRoot implements Inode {
  readonly ino = 1;
  readonly dev = PROCFS_DEV;
  readonly mode = Mode.DIR | 0o555;
  private readonly pidDirs = new Map<number, ProcPidDir>();
  private readonly files = new Map<string, Inode>();

  constructor() {
    const k = () => kernel();
    this.files.set('cmdline', new TextFile(PROCFS_DEV, nextIno++, () => k().cmdline + '\n'));
    this.files.set('meminfo', new TextFile(PROCFS_DEV, nextIno++, meminfo));
    this.files.set('vmstat', new TextFile(PROCFS_DEV, nextIno++, vmstat));
    this.files.set('uptime', new TextFile(PROCFS_DEV, nextIno++, () => {
      const s = (performance.now() - k().bootMs) / 1000;
      return s.toFixed(2) + ' ' + s.toFixed(2) + '\n';
    }));
    this.files.set('version', new TextFile(PROCFS_DEV, nextIno++, () => 'tskern version 0.1.0 (i386, PAE)\n'));
    this.files.set('mounts', new TextFile(PROCFS_DEV, nextIno++, () => 'rootfs / rootfs rw 0 0\nproc /proc proc rw 0 0\ndevtmpfs /dev devtmpfs rw 0 0\n'));
    this.files.set('self', new DynamicLink(PROCFS_DEV, nextIno++, () => String(kernel().currentPid)));
  }

  size(): number {
    return 0;
  }
  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0);
  }
  lookup(name: string): Inode | number {
    if (name === '.' || name === '..') return this;
    const f = this.files.get(name);
    if (f !== undefined) return f;
    const pid = Number(name);
    if (!(pid > 0) || String(pid) !== name || !kernel().processes.has(pid)) return -Errno.ENOENT;
    let d = this.pidDirs.get(pid);
    if (d === undefined || d.process() === null) {
      d = new ProcPidDir(pid);
      this.pidDirs.set(pid, d);
    }
    return d;
  }
  readdir(): DirEntry[] {
    const out: DirEntry[] = [{ name: '.', ino: this.ino, type: DirType.DIR }, { name: '..', ino: 1, type: DirType.DIR }];
    for (const [name, inode] of this.files) out.push({ name, ino: inode.ino, type: (inode.mode & Mode.TYPE) === Mode.LNK ? DirType.LNK : DirType.REG });
    const pids = Array.from(kernel().processes.keys()).sort((a, b) => a - b);
    for (let i = 0; i < pids.length; i++) out.push({ name: String(pids[i]), ino: 100000 + pids[i], type: DirType.DIR });
    return out;
  }
  open(flags: number): FileOps | number {
    return (flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY ? -Errno.EISDIR : { seekable: true };
  }
}
