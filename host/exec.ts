// `tskern exec PROGRAM [ARGS...]`: runs a static i386 Linux program (or a TypeScript
// program, compiled for /bin/tsvm, the user build of the interpreter) as the first process
// (PID 1) of the kernel, with the host's stdin, stdout and stderr, and exits with its
// status. The host builds an initial file system (a cpio archive, the multiboot module)
// holding the program and its arguments, boots the kernel with `exec` on its command line,
// and carries bytes: COM1 is the program's stdout (and console input), COM2 its stderr and
// the kernel's log. The kernel powers off with the program's exit status, or 128 + N when a
// signal N killed it, as a shell reports it.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { S_IFDIR, S_IFREG, writeCpio, type CpioEntry } from '../image-builder/initrd/cpio.ts';
import { bootImage, type GuestMachine } from './v86-runner.ts';
import { encodeModule, withShebang } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { assembleTsvm } from '../image-builder/tsvm.ts';

export interface ExecOptions {
  image: Uint8Array | string;
  /** Path of the program on the host. */
  program: string;
  /** The program's bytes, when not the host file itself (a compiled TypeScript program). */
  programBytes?: Uint8Array;
  /** argv[0] and the rest, as the program will see them. */
  argv: string[];
  memoryMiB: number;
  /** Extra kernel command-line words (KEY=VALUE words become the environment). */
  cmdline?: string;
  /** Which of stdin, stdout, stderr are terminals (as the host's are). */
  ttys: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** The bytes of stdin when it is not a terminal: the program reads them as a file. */
  stdinBytes?: Uint8Array;
  /** More files for the initial file system. */
  extraFiles?: CpioEntry[];
  /** An ext2 image attached as the second disk (hdb), mounted at /mnt; written back at power-off. */
  disk?: string;
}

/** Where the program lives in the guest: /bin/NAME (a TypeScript program without its .ts). */
export function guestProgramPath(program: string): string {
  return '/bin/' + basename(program).replace(/\.[jt]s$/, '');
}

/** Whether PROGRAM is TypeScript (or JavaScript) for tsvm rather than an i386 executable. */
export function isScript(program: string): boolean {
  return /\.[jt]s$/.test(program);
}

/**
 * The files a TypeScript program needs: /bin/tsvm, and the program compiled for it as an
 * executable bytecode file starting with `#!/bin/tsvm` (the kernel's execve runs tsvm with
 * its path, as Linux runs a script's interpreter). Throws CompileError.
 */
export function scriptFiles(program: string): { programBytes: Uint8Array; extraFiles: CpioEntry[] } {
  const module = encodeModule(compileProgram(program, { target: 'user' }).module);
  return {
    programBytes: withShebang(module),
    extraFiles: [{ path: 'bin/tsvm', mode: S_IFREG | 0o755, data: assembleTsvm().elf }],
  };
}

/** The initial file system for an exec run. */
export function execInitrd(opts: ExecOptions): Uint8Array {
  const enc = new TextEncoder();
  const dir = (path: string): CpioEntry => ({ path, mode: S_IFDIR | 0o755 });
  const entries: CpioEntry[] = [
    dir('bin'), dir('dev'), dir('etc'), dir('proc'), dir('tmp'), dir('.init'),
    { path: guestProgramPath(opts.program).slice(1), mode: S_IFREG | 0o755, data: opts.programBytes ?? readFileSync(opts.program) },
    // argv, NUL-terminated strings: a file, because arguments may hold spaces
    { path: '.init/argv', mode: S_IFREG | 0o644, data: enc.encode(opts.argv.map((a) => a + '\0').join('')) },
    ...(opts.extraFiles ?? []),
  ];
  if (opts.stdinBytes) entries.push({ path: '.init/stdin', mode: S_IFREG | 0o644, data: opts.stdinBytes });
  return writeCpio(entries);
}

/** The kernel command line for an exec run. */
export function execCmdline(opts: ExecOptions): string {
  const t = opts.ttys;
  const ttys = (t.stdin ? 'i' : '') + (t.stdout ? 'o' : '') + (t.stderr ? 'e' : '');
  const words = ['quiet', 'exec', 'init=' + guestProgramPath(opts.program), 'ttys=' + (ttys || '-')];
  if (opts.cmdline) words.push(opts.cmdline);
  return words.join(' ');
}

/** Boots the exec run; the caller connects the streams and awaits `exited`. */
export function bootExec(opts: ExecOptions): Promise<GuestMachine> {
  return bootImage({
    image: opts.image, memoryMiB: opts.memoryMiB, cmdline: execCmdline(opts), initrd: execInitrd(opts),
    hdb: opts.disk === undefined ? undefined : { path: opts.disk },
  });
}
