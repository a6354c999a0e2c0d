// execve(2): replaces a process's program. The new image is built completely first (any
// failure leaves the caller as it was, with -errno); then the old address space is freed
// and the registers are reset to the new entry point. `#!` scripts run their interpreter
// with the script's path, as Linux does (the interpreter itself must be an ELF program).

import { Errno } from '../mm/errno.ts';
import { Mm } from '../mm/mm.ts';
import { Mode } from '../fs/types.ts';
import type { Resolved } from '../fs/vfs.ts';
import { FileReader, fileHead, parseElf } from './elf.ts';
import { loadProgram } from './exec.ts';
import { kernel } from './kernel-state.ts';
import type { Process } from './process.ts';
import { leaveAddressSpace } from './scheduler.ts';
import { areasChanged } from './inspect.ts';

interface Target {
  file: Resolved;
  argv: string[];
}

/** Follows `#!` lines (at most 4 deep) to the ELF program that runs; -errno if none. */
async function resolveProgram(cwd: Resolved, path: string, argv: string[], depth: number): Promise<Target | number> {
  const k = kernel();
  const r = await k.vfs.resolve(path, cwd);
  if (typeof r === 'number') return r;
  const inode = r.inode;
  if ((inode.mode & Mode.TYPE) === Mode.DIR) return -Errno.EACCES;
  if ((inode.mode & Mode.TYPE) !== Mode.REG) return -Errno.EACCES;
  if ((inode.mode & 0o111) === 0) return -Errno.EACCES;
  const file = inode.mappable === undefined ? null : inode.mappable(0);
  if (file === null) return -Errno.EACCES;
  const reader = new FileReader(file, inode.size());
  const loaded = await reader.load(0, 256);
  if (loaded < 0) return loaded;
  const head = fileHead(reader, 256);
  if (head.startsWith('#!')) {
    if (depth >= 4) return -Errno.ELOOP;
    const nl = head.indexOf('\n');
    if (nl < 0) return -Errno.ENOEXEC;
    const line = head.slice(2, nl).trim();
    if (line.length === 0) return -Errno.ENOEXEC;
    let space = line.indexOf(' ');
    const tab = line.indexOf('\t');
    if (tab >= 0 && (space < 0 || tab < space)) space = tab;
    const interp = space < 0 ? line : line.slice(0, space);
    const arg = space < 0 ? '' : line.slice(space + 1).trim();
    const args = [interp];
    if (arg !== '') args.push(arg);
    args.push(path);
    for (let i = 1; i < argv.length; i++) args.push(argv[i]);
    return resolveProgram(cwd, interp, args, depth + 1);
  }
  return { file: r, argv };
}

/** Replaces p's image; 0 when done (the registers are the new program's), or -errno. */
export async function execve(p: Process, path: string, argv: string[], envp: string[]): Promise<number> {
  const target = await resolveProgram(p.cwd, path, argv, 0);
  if (typeof target === 'number') return target;
  const inode = target.file.inode;
  const file = inode.mappable === undefined ? null : inode.mappable(0);
  if (file === null) return -Errno.EACCES;
  const reader = new FileReader(file, inode.size());
  const headers = await reader.loadHeaders();
  if (headers < 0) return headers;
  const elf = parseElf(reader);
  if (typeof elf === 'number') return elf;
  const loaded = await loadProgram(elf, file, path, target.argv, envp);
  if (typeof loaded === 'number') return loaded;
  if (!p.alive) {
    loaded.space.free();
    return -Errno.ESRCH;
  }
  // the point of no return
  leaveAddressSpace(p);
  p.mm.space.free();
  p.mm = new Mm(loaded.space);
  p.ctx.reset(loaded.entry, loaded.sp);
  p.signals.resetForExec();
  p.fds.closeOnExec();
  for (let i = 0; i < 3; i++) p.tls[i] = { lo: 0, hi: 0 };
  p.exe = target.file.path;
  p.argv = target.argv.slice();
  p.clearChildTid = 0;
  areasChanged(p);
  if (p.vforkDone !== null) {
    const done = p.vforkDone;
    p.vforkDone = null;
    done();
  }
  return 0;
}
