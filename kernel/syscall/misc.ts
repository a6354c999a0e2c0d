// The rest: uname, set_thread_area/get_thread_area (glibc's TLS through a GDT entry),
// getrandom, futex (enough for one thread), reboot, getcpu, and the calls glibc probes for
// at start-up that tskern answers with -ENOSYS without a log line (rseq).

import { gdtSetTls } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import { kernel, syncAll } from '../proc/kernel-state.ts';
import { sleepInterruptible } from '../proc/lifecycle.ts';
import type { Process } from '../proc/process.ts';
import { int, register } from './dispatch.ts';
import { readBytes, readU32, writeBytes, writeU32 } from './user-memory.ts';
import { utf8Encode } from '../lib/utf8.ts';

const GDT_TLS_FIRST = 6, GDT_TLS_COUNT = 3;

async function uname(p: Process, addr: number): Promise<number> {
  const fields = ['Linux', 'tskern', '6.1.0-tskern', '#1 tskern 0.1.0', 'i686', '(none)'];
  const out: number[] = [];
  for (let i = 0; i < fields.length; i++) {
    const b = utf8Encode(fields[i]);
    for (let k = 0; k < 65; k++) out.push(k < b.length ? b[k] : 0);
  }
  return writeBytes(p.mm.space, addr, out);
}

/** The descriptor of a struct user_desc (Linux's fill_ldt), or null for an "empty" one. */
function descriptor(base: number, limit: number, flags: number): { lo: number; hi: number } | null {
  const seg32 = flags & 1, contents = (flags >> 1) & 3, readExecOnly = (flags >> 3) & 1;
  const limitInPages = (flags >> 4) & 1, notPresent = (flags >> 5) & 1, useable = (flags >> 6) & 1;
  if (base === 0 && limit === 0 && contents === 0 && readExecOnly === 1 && seg32 === 0 && limitInPages === 0 && notPresent === 1 && useable === 0) return null;
  const lo = (((base & 0xffff) << 16) | (limit & 0xffff)) >>> 0;
  const type = ((readExecOnly ^ 1) << 1) | (contents << 2);
  const hi = ((base & 0xff00_0000) | ((base >>> 16) & 0xff) | (type << 8) | (1 << 12) | (3 << 13) |
    ((notPresent ^ 1) << 15) | (limit & 0xf_0000) | (useable << 20) | (seg32 << 22) | (limitInPages << 23)) >>> 0;
  return { lo, hi };
}

async function setThreadArea(p: Process, addr: number): Promise<number> {
  const b = await readBytes(p.mm.space, addr, 16);
  if (typeof b === 'number') return b;
  const w = (o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  let entry = w(0) | 0;
  const base = w(4), limit = w(8), flags = w(12);
  if (entry === -1) {
    entry = -1;
    for (let i = 0; i < GDT_TLS_COUNT; i++) if (p.tls[i].lo === 0 && p.tls[i].hi === 0) { entry = GDT_TLS_FIRST + i; break; }
    if (entry === -1) return -Errno.ESRCH;
    const r = await writeU32(p.mm.space, addr, entry);
    if (r < 0) return r;
  }
  if (entry < GDT_TLS_FIRST || entry >= GDT_TLS_FIRST + GDT_TLS_COUNT) return -Errno.EINVAL;
  if (((flags >> 1) & 3) === 3) return -Errno.EINVAL; // a conforming code segment
  const d = descriptor(base, limit, flags);
  const slot = d === null ? { lo: 0, hi: 0 } : d;
  p.tls[entry - GDT_TLS_FIRST] = slot;
  gdtSetTls(entry, slot.lo, slot.hi); // p is the caller: its descriptors are the GDT's
  return 0;
}

async function getThreadArea(p: Process, addr: number): Promise<number> {
  const entry = await readU32(p.mm.space, addr);
  if (entry < 0) return entry;
  if (entry < GDT_TLS_FIRST || entry >= GDT_TLS_FIRST + GDT_TLS_COUNT) return -Errno.EINVAL;
  const { lo, hi } = p.tls[entry - GDT_TLS_FIRST];
  const base = ((lo >>> 16) | ((hi & 0xff) << 16) | (hi & 0xff00_0000)) >>> 0;
  const limit = (lo & 0xffff) | (hi & 0xf_0000);
  const type = (hi >> 8) & 0xf;
  const flags = ((hi >> 22) & 1) | (((type >> 2) & 3) << 1) | ((((type >> 1) & 1) ^ 1) << 3) | (((hi >> 23) & 1) << 4) |
    ((((hi >> 15) & 1) ^ 1) << 5) | (((hi >> 20) & 1) << 6);
  const out: number[] = [];
  for (const v of [entry, base, limit, lo === 0 && hi === 0 ? 0x28 : flags]) out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  return writeBytes(p.mm.space, addr, out);
}

async function getrandom(p: Process, buf: number, len: number, flags: number): Promise<number> {
  if ((flags & ~7) !== 0) return -Errno.EINVAL;
  const n = len > 33554431 ? 33554431 : len;
  // a page at a time: the kernel's own heap never holds a user-sized buffer
  let done = 0;
  while (done < n) {
    const chunk = n - done < 4096 ? n - done : 4096;
    const bytes: number[] = [];
    for (let i = 0; i < chunk; i++) bytes.push(Math.floor(Math.random() * 256));
    const w = await writeBytes(p.mm.space, buf + done, bytes);
    if (w < 0) return done > 0 ? done : w;
    done += chunk;
  }
  return n;
}

/** Waiters on futex words: (pid, address) -> wake-ups. */
const futexWaiters = new Map<string, (() => void)[]>();

async function futex(p: Process, addr: number, op: number, val: number): Promise<number> {
  const cmd = op & 0x7f; // without FUTEX_PRIVATE_FLAG (and CLOCK_REALTIME)
  const key = p.pid + ':' + addr;
  if (cmd === 0 || cmd === 9) { // WAIT, WAIT_BITSET
    const cur = await readU32(p.mm.space, addr);
    if (cur < 0) return cur;
    if (cur !== (val >>> 0)) return -Errno.EAGAIN;
    let list = futexWaiters.get(key);
    if (list === undefined) futexWaiters.set(key, (list = []));
    const woke = await sleepInterruptible(p, (wake) => (list as (() => void)[]).push(wake));
    return woke ? 0 : -Errno.EINTR;
  }
  if (cmd === 1 || cmd === 10) { // WAKE, WAKE_BITSET
    const list = futexWaiters.get(key);
    if (list === undefined) return 0;
    const n = list.length < int(val) ? list.length : int(val);
    const woken = list.splice(0, n);
    for (let i = 0; i < woken.length; i++) woken[i]();
    if (list.length === 0) futexWaiters.delete(key);
    return woken.length;
  }
  return -Errno.ENOSYS;
}

const RB_MAGIC1 = 0xfee1dead;
const RB_POWER_OFF = 0x4321fedc, RB_AUTOBOOT = 0x01234567, RB_HALT = 0xcdef0123;

export function registerMiscSyscalls(): void {
  register(122, 'uname', (p, addr) => uname(p, addr));
  register(243, 'set_thread_area', (p, addr) => setThreadArea(p, addr));
  register(244, 'get_thread_area', (p, addr) => getThreadArea(p, addr));
  register(355, 'getrandom', (p, buf, len, flags) => getrandom(p, buf, len, flags));
  register(240, 'futex', (p, addr, op, val) => futex(p, addr, op, val));
  register(422, 'futex_time64', (p, addr, op, val) => futex(p, addr, op, val));
  register(318, 'getcpu', async (p, cpu, node) => {
    if (cpu !== 0) { const r = await writeU32(p.mm.space, cpu, 0); if (r < 0) return r; }
    if (node !== 0) { const r = await writeU32(p.mm.space, node, 0); if (r < 0) return r; }
    return 0;
  });
  register(88, 'reboot', (_p, magic1, magic2, cmd) => {
    if (magic1 !== RB_MAGIC1 || (magic2 !== 672274793 && magic2 !== 85072278 && magic2 !== 369367448 && magic2 !== 537993216)) return -Errno.EINVAL;
    if (cmd === RB_POWER_OFF || cmd === RB_HALT || cmd === RB_AUTOBOOT) {
      kernel().log('tskern: reboot(' + (cmd === RB_AUTOBOOT ? 'RB_AUTOBOOT' : 'RB_POWER_OFF') + '): powering off');
      return syncAll().then(() => process.exit(0));
    }
    return 0;
  });
  // Probed by glibc at start-up; absent here, quietly.
  register(386, 'rseq', () => -Errno.ENOSYS);
}
