// Starting user space: the frame allocator over the RAM the native code left, the kernel
// half every address space shares, the root file system from the initial archive (the
// multiboot module) with /dev and /proc mounted, the console terminal, and PID 1.
//
// Under `tskern exec` (`exec` on the command line) PID 1 is the host's program, with the
// host's arguments (/.init/argv), its stdin (the console when the host's is a terminal,
// else the bytes in /.init/stdin), stdout on COM1 and stderr on COM2; `ttys=` says which of
// the three are terminals on the host. The kernel log goes to COM2 then, never to stdout.

import { bootInfoAddress, physBytes, readCr3, setRunUserHook } from '../arch/intrinsics.ts';
import { Tty } from '../dev/tty.ts';
import { Uart16550 } from '../dev/uart16550.ts';
import { makeDevfs, ttyOps } from '../fs/devfs.ts';
import { firstModule, unpackInitramfs } from '../fs/initramfs.ts';
import { ProcRoot } from '../fs/procfs.ts';
import { RamDir, RamFile, type RamFsContext } from '../fs/ramfs.ts';
import { Mode, OpenFile, OpenFlag, type FileOps, type Inode } from '../fs/types.ts';
import { Vfs } from '../fs/vfs.ts';
import { AtaChannel, findBusMaster } from '../dev/ata.ts';
import { Ext2Fs } from '../fs/ext2/fs.ts';
import { PageCache } from '../fs/page-cache.ts';
import { mountRoot } from '../fs/mounted.ts';
import type { FrameAllocator } from '../mm/frames.ts';
import { AddressSpace } from '../mm/address-space.ts';
import { createKernelMemory } from '../mm/boot-memory.ts';
import { startWriteback } from './reclaim.ts';
import { Mm } from '../mm/mm.ts';
import { publishKernel, startInspectChannel } from '../debug/inspect-channel.ts';
import { Errno, errnoName } from '../mm/errno.ts';
import { registerFsSyscalls } from '../syscall/fs.ts';
import { registerMiscSyscalls } from '../syscall/misc.ts';
import { registerMmSyscalls } from '../syscall/mm.ts';
import { registerProcSyscalls } from '../syscall/proc.ts';
import { registerSignalSyscalls } from '../syscall/signal.ts';
import { registerTimeSyscalls } from '../syscall/time.ts';
import { execve } from './execve.ts';
import { FdTable } from './fd-table.ts';
import { kernel, setKernelState } from './kernel-state.ts';
import { addProcess } from './lifecycle.ts';
import { Process } from './process.ts';
import { makeRunnable, runUser, setTrapTrace } from './scheduler.ts';
import { sendSignal } from './lifecycle.ts';
import { SIG_IGN, SiCode, Sig } from './signal.ts';
import { UserContext } from './user-context.ts';

const COM2 = 0x2f8;

/** The value of `key=` on the command line, or null. */
function option(words: string[], key: string): string | null {
  for (let i = 0; i < words.length; i++) if (words[i].startsWith(key + '=')) return words[i].slice(key.length + 1);
  return null;
}

/** Seconds between background writebacks of dirty file pages (Linux's dirty_writeback_centisecs is 5 s). */
const WRITEBACK_SECONDS = 5;

/** A size such as 32M, 4096K, 1G or plain bytes; 0 when absent or malformed. */
function sizeOption(v: string | null): number {
  if (v === null || v.length === 0) return 0;
  const unit = v.charAt(v.length - 1).toUpperCase();
  const scale = unit === 'K' ? 1024 : unit === 'M' ? 1024 * 1024 : unit === 'G' ? 1024 * 1024 * 1024 : 1;
  const n = Number(scale === 1 ? v : v.slice(0, -1));
  return Number.isInteger(n) && n > 0 ? n * scale : 0;
}

const KERNEL_KEYS = ['init', 'ttys', 'test', 'selftest', 'console', 'root', 'writeback', 'mem', 'trace'];

/** Linux's rule: command-line words with `=` the kernel does not know become init's environment. */
function initEnvironment(words: string[]): string[] {
  const env = ['HOME=/', 'TERM=linux'];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const eq = w.indexOf('=');
    if (eq <= 0 || KERNEL_KEYS.indexOf(w.slice(0, eq)) >= 0) continue;
    const at = env.findIndex((e) => e.startsWith(w.slice(0, eq + 1)));
    if (at >= 0) env[at] = w;
    else env.push(w);
  }
  return env;
}

function readWholeFile(f: RamFile): string {
  // Bytes as Latin-1 characters: argv goes back to bytes unchanged on its way to execve.
  let s = '';
  for (let page = 0; page * 4096 < f.size(); page++) {
    const n = f.size() - page * 4096 < 4096 ? f.size() - page * 4096 : 4096;
    const bytes = physBytes(f.getPage(page), n);
    for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]);
  }
  return s;
}


function fileAt(root: RamDir, path: string): Inode | null {
  let node: Inode = root;
  const parts = path.split('/').filter((p) => p !== '');
  for (let i = 0; i < parts.length; i++) {
    if (!(node instanceof RamDir)) return null;
    const next = node.entries.get(parts[i]);
    if (next === undefined) return null;
    node = next;
  }
  return node;
}

function openNode(inode: Inode, path: string, flags: number, ops?: FileOps): OpenFile {
  const o = ops ?? inode.open(flags);
  if (typeof o === 'number') throw new Error('boot: cannot open ' + path + ': ' + errnoName(o));
  return new OpenFile(inode, flags, o, path);
}

/**
 * Starts user space when the boot loader passed an initial file system. Returns false (and
 * changes nothing) without one. `console` is COM1, already initialised; `onConsoleInput`
 * receives the console's bytes from then on.
 */
export function startProcesses(console: Uart16550, cmdline: string): { ok: boolean; tty: Tty | null } {
  const module = firstModule(bootInfoAddress());
  if (module === null) return { ok: false, tty: null };
  const words = cmdline.split(' ').filter((w) => w !== '');
  const execMode = words.indexOf('exec') >= 0;
  const errorPort = new Uart16550(COM2);
  errorPort.init();
  const logPort = execMode ? errorPort : console;

  // mem=N[KMG] (as Linux's): only RAM below physical address N is used
  const memory = createKernelMemory(sizeOption(option(words, 'mem')));
  if (typeof memory === 'number') throw new Error('boot: no memory for the zero page');
  const frames = memory.frames, shared = memory.shared;
  // the VM inspector's window on the address spaces (docs/inspect-channel.md)
  if (startInspectChannel(frames, shared.zeroPage) >= 0) publishKernel(0, readCr3());
  const fsContext: RamFsContext = { frames, now: () => Math.floor(Date.now() / 1000) };
  const root = new RamDir(fsContext, 0o755, 0, null);
  const members = unpackInitramfs(module, root, fsContext);
  const vfs = new Vfs(root);
  const tty = new Tty(console, (pgrp, sig) => {
    for (const p of kernel().processes.values()) if (p.pgid === pgrp && p.alive) sendSignal(p, { signo: sig, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 });
  });
  tty.readCheck = () => backgroundRead(tty);
  const dev = makeDevfs(fsContext, tty, console, errorPort);
  for (const [name, made] of [['dev', dev.dir], ['proc', new ProcRoot()]] as [string, Inode][]) {
    let at = root.entries.get(name);
    if (at === undefined || (at.mode & Mode.TYPE) !== Mode.DIR) {
      at = new RamDir(fsContext, 0o755, 0, root);
      root.link(name, at);
    }
    vfs.mount(at, made);
  }
  setKernelState({
    frames, mmShared: shared, kernelCr3: readCr3(), vfs, root: { inode: root, path: '/' }, console: tty,
    log: (line: string) => logPort.write(line + '\n'),
    execMode, processes: new Map(), nextPid: 1, bootMs: performance.now(), cmdline, currentPid: 0, mounts: [],
  });
  registerProcSyscalls();
  registerMmSyscalls();
  registerFsSyscalls();
  registerTimeSyscalls();
  registerSignalSyscalls();
  registerMiscSyscalls();
  setRunUserHook(runUser);
  setTrapTrace(words.indexOf('trace=traps') >= 0);
  if (members < 0) kernel().log('tskern: the initial file system is damaged; using what could be read');

  const initPath = option(words, 'init') ?? '/sbin/init';
  const argvFile = fileAt(root, '/.init/argv');
  const argv = argvFile instanceof RamFile ? readWholeFile(argvFile).split('\0').slice(0, -1) : [initPath];
  void startInit(initPath, argv.length > 0 ? argv : [initPath], initEnvironment(words), execMode ? option(words, 'ttys') ?? '' : 'ioe', dev, root, tty);
  return { ok: true, tty };
}

/**
 * The second ATA disk (hdb: `--disk IMAGE` on the host), when there is one holding ext2,
 * mounted at /mnt. Absent drives answer at once, so a boot without a disk pays nothing.
 */
async function mountDisk(frames: FrameAllocator, root: RamDir): Promise<void> {
  const k = kernel();
  const ata = new AtaChannel();
  ata.install();
  const scratch = frames.alloc();
  if (scratch < 0) return;
  const disk = await ata.probe(1, scratch);
  frames.unref(scratch);
  if (typeof disk === 'number') return;
  const bm = findBusMaster();
  if (bm !== 0) {
    const prd = frames.alloc();
    if (prd >= 0) ata.enableDma(bm, prd);
  }
  const fs = await Ext2Fs.mount(disk, new PageCache(frames));
  if (typeof fs === 'number') {
    k.log('tskern: hdb: not an ext2 file system (' + errnoName(fs) + '); not mounted');
    return;
  }
  let at = root.entries.get('mnt');
  if (!(at instanceof RamDir)) {
    at = new RamDir(root.fs, 0o755, 0, root);
    root.link('mnt', at);
  }
  k.vfs.mount(at, mountRoot(fs, '/mnt'));
  k.mounts.push(fs);
  // writeback=SECONDS on the command line: the period of background writeback (0: none)
  const period = option(k.cmdline.split(' '), 'writeback');
  startWriteback(period === null ? WRITEBACK_SECONDS : Number(period));
}

async function startInit(path: string, argv: string[], envp: string[], ttys: string, dev: ReturnType<typeof makeDevfs>,
  root: RamDir, tty: Tty): Promise<void> {
  const k = kernel();
  const space = AddressSpace.create(k.mmShared);
  const ctx = UserContext.create(k.frames);
  if (typeof space === 'number' || typeof ctx === 'number') throw new Error('boot: no memory for PID 1');
  const fds = new FdTable();
  const consoleFile = () => openNode(dev.devices.console, '/dev/console', OpenFlag.RDWR);
  const stdinFile = fileAt(root, '/.init/stdin');
  fds.install(ttys.indexOf('i') >= 0 ? consoleFile()
    : stdinFile !== null ? openNode(stdinFile, '/.init/stdin', OpenFlag.RDONLY)
    : openNode(dev.devices.null, '/dev/null', OpenFlag.RDWR));
  fds.install(ttys.indexOf('o') >= 0 ? consoleFile() : k.execMode ? openNode(dev.serialOut, '/dev/ttyS0', OpenFlag.WRONLY) : consoleFile());
  if (!k.execMode) fds.install(consoleFile());
  else {
    const errOps = dev.serialErr.ops;
    const asTty: FileOps = { seekable: false, isTty: true, write: errOps.write, read: errOps.read, ioctl: ttyOps(tty).ioctl };
    fds.install(openNode(dev.serialErr, '/dev/ttyS1', OpenFlag.WRONLY, ttys.indexOf('e') >= 0 ? asTty : errOps));
  }
  const p = new Process(1, new Mm(space), ctx, fds, k.root);
  k.nextPid = 2;
  addProcess(p, null);
  tty.foregroundPgrp = 1;
  await mountDisk(k.frames, root);
  const r = await execve(p, path, argv, envp);
  if (r < 0) {
    k.log('tskern: cannot run ' + path + ' as init: ' + errnoName(r));
    process.exit(127);
  }
  makeRunnable(p);
}

/**
 * Job control for terminal reads (Linux's job_control in n_tty): a process reading the
 * console from a background process group of the foreground group's session gets SIGTTIN
 * for its group and -EINTR, and its read runs again once it is continued (`fg` makes it
 * the foreground first); one that ignores or blocks SIGTTIN gets -EIO. Outside a
 * job-control session (no foreground group, or another session) reads go on.
 */
function backgroundRead(tty: Tty): number {
  const k = kernel();
  const p = k.processes.get(k.currentPid);
  const fg = tty.foregroundPgrp;
  if (p === undefined || fg === 0 || p.pgid === fg) return 0;
  let session = -1;
  for (const q of k.processes.values()) {
    if (q.alive && q.pgid === fg) {
      session = q.sid;
      break;
    }
  }
  if (session !== p.sid) return 0;
  if (p.signals.actions[Sig.TTIN].handler === SIG_IGN || p.signals.isBlocked(Sig.TTIN)) return -Errno.EIO;
  for (const q of k.processes.values()) if (q.alive && q.pgid === p.pgid) sendSignal(q, { signo: Sig.TTIN, code: SiCode.KERNEL, pid: 0, addr: 0, status: 0 });
  p.restartSyscall = true;
  return -Errno.EINTR;
}
