// The root file system `tskern boot`/`start` give the kernel (the multiboot module, a cpio
// archive): /bin with tsvm and every program of user/bin compiled for it, /sbin/init, /etc
// with the motd, and empty /tmp, /dev, /proc (the kernel mounts devfs and procfs there).
//
// Compiling a program takes a while, so each one's bytecode is kept in build/rootfs/ and
// rebuilt only when its source, or a file it may depend on (user/lib, the prelude, the
// compiler, the bytecode encoder), is newer than the cached copy.

import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.ts';
import { join } from 'node:path';
import { S_IFDIR, S_IFREG, writeCpio, type CpioEntry } from './initrd/cpio.ts';
import { compileProgram } from './compiler/index.ts';
import { encodeModule, withShebang } from './bytecode/index.ts';
import { assembleTsvm, defaultTsvmPath } from './tsvm.ts';
import { projectRoot } from './paths.ts';
import { isStale, newestMtimeMs } from '../host/freshness.ts';

export const MOTD = 'Welcome to tskern. Type help for the shell, ls /bin for the programs, poweroff to stop.\n';

/** Directories whose files every compiled user program may depend on. */
function dependencyDirs(root: string): string[] {
  return ['user/lib', 'runtime/prelude', 'image-builder/compiler', 'image-builder/bytecode'].map((d) => join(root, d));
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** The compiled, executable bytecode of user/DIR/NAME.ts, from the cache when fresh. Throws CompileError. */
function compiled(root: string, dir: string, name: string, depsNewest: number): Uint8Array {
  const source = join(root, 'user', dir, name + '.ts');
  const out = join(root, 'build', 'rootfs', dir, name);
  const cached = mtimeMs(out);
  if (cached >= 0 && cached >= depsNewest && cached >= mtimeMs(source)) return readFileSync(out);
  const bytes = withShebang(encodeModule(compileProgram(source, { target: 'user' }).module));
  mkdirSync(join(root, 'build', 'rootfs', dir), { recursive: true });
  writeFileAtomic(out, bytes);
  return bytes;
}

/** tsvm's ELF: build/tsvm when it is newer than the interpreter's sources, else assembled now. */
function tsvmElf(root: string): Uint8Array {
  const path = defaultTsvmPath(root);
  if (!isStale(path, ['boot', 'image-builder', 'kernel', 'runtime'].map((d) => join(root, d)))) return readFileSync(path);
  const elf = assembleTsvm().elf;
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileAtomic(path, elf);
  return elf;
}

/** The programs of user/DIR: the names of its .ts files, without .ts. */
export function programNames(dir: string, root = projectRoot()): string[] {
  return readdirSync(join(root, 'user', dir)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

/** The root file system as a cpio archive. `extraFiles` are added (tests put programs there). */
export function buildRootfs(opts: { extraFiles?: CpioEntry[]; root?: string } = {}): Uint8Array {
  const root = opts.root ?? projectRoot();
  const depsNewest = newestMtimeMs(dependencyDirs(root));
  const dir = (path: string): CpioEntry => ({ path, mode: S_IFDIR | 0o755 });
  const exe = (path: string, data: Uint8Array): CpioEntry => ({ path, mode: S_IFREG | 0o755, data });
  const entries: CpioEntry[] = [
    dir('bin'), dir('sbin'), dir('etc'), dir('tmp'), dir('dev'), dir('proc'),
    exe('bin/tsvm', tsvmElf(root)),
    { path: 'etc/motd', mode: S_IFREG | 0o644, data: new TextEncoder().encode(MOTD) },
  ];
  for (const name of programNames('bin', root)) entries.push(exe('bin/' + name, compiled(root, 'bin', name, depsNewest)));
  for (const name of programNames('sbin', root)) entries.push(exe('sbin/' + name, compiled(root, 'sbin', name, depsNewest)));
  entries.push(...(opts.extraFiles ?? []));
  return writeCpio(entries);
}

/** The kernel command line for a boot with the root file system: init=/sbin/init, then the user's words. */
export function rootfsCmdline(cmdline?: string): string {
  return ['init=/sbin/init', ...(cmdline ? [cmdline] : [])].join(' ');
}
