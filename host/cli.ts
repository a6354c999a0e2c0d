// The `tskern` command: build the kernel image and boot it in v86 on this terminal.

import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildImage } from '../image-builder/build.ts';
import { disassemble } from '../image-builder/bytecode/disasm.ts';
import { CompileError, compileProgram } from '../image-builder/compiler/index.ts';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule, withShebang } from '../image-builder/bytecode/index.ts';
import { buildTsvm } from '../image-builder/tsvm.ts';
import { mkfs, MkfsError, readTree, type Entry } from '../image-builder/ext2/mkfs.ts';
import { isStale } from './freshness.ts';
import { defaultImagePath, imageSourceDirs } from '../image-builder/paths.ts';
import { ESCAPE_HELP, EXIT_EMULATOR_FAILED, EXIT_OUTPUT_CLOSED, EXIT_USER_QUIT, EscapeDecoder, runOnTerminal } from './terminal.ts';
import { bootImage, DEFAULT_MEMORY_MIB, MachineStoppedError } from './v86-runner.ts';
import { bootExec, isScript, scriptFiles } from './exec.ts';
import { buildWebPage } from './web/build.ts';
import { buildRootfs, rootfsCmdline } from '../image-builder/rootfs.ts';
import { servePage } from './web/serve.ts';
import { KERNEL_BASE } from '../boot/layout.ts';
import { checkKernel, checkProgramFiles } from './typecheck.ts';
import { locatingWriter } from './fatal-location.ts';

/** Guest RAM `run` gives a program unless --memory says otherwise: the documented default (the program's heap takes nearly all of it). */
export const RUN_MEMORY_MIB = DEFAULT_MEMORY_MIB;
/**
 * The least RAM the kernel boots in (the image, its page tables and the interpreter's
 * smallest heap; with 3 MiB it stops with "not enough RAM for the heap").
 * tests/host/cli.test.ts boots a program in exactly this much.
 */
export const MIN_MEMORY_MIB = 4;
export const MAX_MEMORY_MIB = 2047;
const DEFAULT_WEB_PORT = 8086;

export const USAGE = `usage: tskern <command> [options]

commands:
  build                          type-check the kernel's TypeScript, then build the
                                 kernel image (build/tskern.elf) and tsvm, the user
                                 build of the interpreter (build/tsvm)
  boot [IMAGE] [options]         boot IMAGE (default build/tskern.elf) in v86
  start [options]                build if sources changed, then boot
  run FILE.ts [--stats] [--memory MiB] [--no-prelude] [--cmdline S]
                                 compile FILE.ts, boot it in v86 without a terminal:
                                 its stdout/stderr are the guest's COM1/COM2 and the
                                 exit status is the program's (2 on a compile error);
                                 --stats adds guest instructions and bytecode ops
                                 (the boot's clock calibration left out)
  check FILE.ts...               type-check programs with tsc (strict, ES2022 and
                                 Node's globals); exit status 2 on errors, as tsc
  disasm FILE.ts [--all]         compile FILE.ts and print its bytecode (--all: the
                                 runtime prelude's functions too)
  compile FILE.ts [-o OUT] [--no-prelude]
                                 compile a user program for tsvm into OUT (default
                                 FILE.tsbc): an executable bytecode file starting with
                                 #!/bin/tsvm; run it with 'tsvm OUT ARGS...'
  exec [--memory MiB] [--cmdline S] [--disk IMAGE] PROGRAM [ARGS...]
                                 run PROGRAM (a static i386 Linux executable, or a
                                 TypeScript program, run by /bin/tsvm) as the
                                 kernel's first process with ARGS, the host's stdin,
                                 stdout and stderr, and exit with its status (128+N
                                 when killed by signal N); KEY=VALUE words of --cmdline
                                 become its environment; --disk mounts IMAGE at /mnt
  mkfs IMAGE DIR [--size MiB] [--block-size 1024|4096]
                                 write an ext2 file system image holding DIR's
                                 files, directories and symbolic links (default size:
                                 twice the contents plus 4 MiB)
  web [--port N] [--out DIR]     build the web page (v86, terminal, screen, VM inspector)
                                 and serve it on 127.0.0.1:N (default ${DEFAULT_WEB_PORT}, 0: any
                                 free port), printing its URL first; with --out, write it
                                 to DIR as static files instead (npm run build:web)
  selftest mm [--memory MiB]     build if sources changed, boot the kernel with its
                                 memory-management self-test selected (selftest=mm) and
                                 exit with its verdict (0: every check passed and every
                                 frame came back)
  selftest ext2 --disk IMAGE     boot with selftest=ext2 and IMAGE as hdb: the kernel
                                 reads, creates, renames and removes files on it, syncs
                                 and powers off (IMAGE holds the result)
  help                           show this help

options:
  --cmdline S     multiboot command line for the kernel, e.g. test=pagefault
  --memory MiB    guest RAM, ${MIN_MEMORY_MIB} to ${MAX_MEMORY_MIB} (default ${DEFAULT_MEMORY_MIB}; run: ${RUN_MEMORY_MIB})
  --disk IMAGE    (boot, start, exec, selftest) attach IMAGE (e.g. from 'tskern mkfs') as
                  the second ATA disk (hdb); what the guest writes to it is written
                  back to the file at power-off
  --no-rootfs     boot without the root file system (no shell: the kernel's echo
                  console); by default /sbin/init starts /bin/sh on the console
  --rootfs        boot IMAGE with the root file system (the default only for the
                  default image)

The guest's COM1 is this terminal; the exit status is the guest's power-off status.
When stdin is not a terminal its bytes are typed into the console, then ^D, so
'printf "ls /bin\\n" | tskern start' runs a shell script and exits with status 0.
Interactively, Ctrl-A x quits and Ctrl-A h lists the other Ctrl-A commands.
`;

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments: only the options in `options` (anything else, e.g.
 * --bogus, is a usage error), between min and max positionals, and --memory (when
 * allowed) checked the same way for every command.
 */
function parseCommand(command: string, args: string[], options: Options, min: number, max: number,
  what: string): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length > max) throw new UsageError(`unexpected argument: ${positionals[max]}`);
  if (positionals.length < min) throw new UsageError(`${command} takes ${what}`);
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}

/** --memory's value in MiB (`fallback` when absent), or a usage error. */
function memoryOption(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const mib = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || mib < MIN_MEMORY_MIB || mib > MAX_MEMORY_MIB) {
    throw new UsageError(`--memory takes a whole number of MiB from ${MIN_MEMORY_MIB} to ${MAX_MEMORY_MIB}, not '${value}'`);
  }
  return mib;
}

/** A source file argument: it must exist (a missing one is "no such file", status 1). */
function sourceFile(path: string): string {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) throw Object.assign(new Error(), { code: 'ENOENT', path });
  return file;
}

interface BootArgs {
  image?: string;
  cmdline?: string;
  memoryMiB: number;
  /** --disk IMAGE: attached as hdb. */
  disk?: string;
  /**
   * Boot without the root file system: the kernel's echo console (and inspector demo). The
   * default for an IMAGE named on the command line (it may be no tskern kernel at all)
   * unless --rootfs asks for it.
   */
  noRootfs?: boolean;
}

const BOOT_OPTIONS: Options = {
  cmdline: { type: 'string' }, memory: { type: 'string' }, disk: { type: 'string' },
  'no-rootfs': { type: 'boolean' }, rootfs: { type: 'boolean' },
};

function parseBootArgs(command: string, args: string[], allowImage: boolean): BootArgs {
  const { values, positionals } = parseCommand(command, args, BOOT_OPTIONS, 0, allowImage ? 1 : 0, '');
  const disk = values.disk as string | undefined;
  if (disk !== undefined && (!existsSync(disk) || !statSync(disk).isFile())) throw new UsageError(`--disk: no such file: ${disk}`);
  if (values.rootfs && values['no-rootfs']) throw new UsageError('--rootfs and --no-rootfs exclude each other');
  const noRootfs = values['no-rootfs'] === true || (positionals[0] !== undefined && values.rootfs !== true);
  return { image: positionals[0], cmdline: values.cmdline as string | undefined, memoryMiB: memoryOption(values.memory, DEFAULT_MEMORY_MIB), disk, noRootfs };
}

async function build(): Promise<string> {
  const checked = checkKernel(process.stderr.isTTY === true);
  if (checked.errors > 0) {
    process.stderr.write(checked.text);
    throw new BuildCheckError(`the kernel's TypeScript has ${checked.errors} type error${checked.errors === 1 ? '' : 's'}; nothing was built`);
  }
  const path = await buildImage();
  process.stderr.write(`tskern: built ${path}\n`);
  process.stderr.write(`tskern: built ${buildTsvm()}\n`);
  return path;
}

/** The kernel did not type-check (the diagnostics are printed already): status 2, as tsc. */
class BuildCheckError extends Error {}

async function boot(image: string, { cmdline, memoryMiB, disk, noRootfs }: BootArgs): Promise<number> {
  const hdb = disk === undefined ? undefined : { path: resolve(disk) };
  if (noRootfs) return runOnTerminal(await bootImage({ image, cmdline, memoryMiB, hdb }));
  let initrd: Uint8Array;
  try {
    initrd = buildRootfs();
  } catch (err) {
    if (err instanceof CompileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  const machine = await bootImage({ image, cmdline: rootfsCmdline(cmdline), memoryMiB, initrd, hdb });
  return runOnTerminal(machine);
}

async function run(command: string | undefined, rest: string[]): Promise<number> {
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    case 'build':
      parseCommand(command, rest, {}, 0, 0, 'no arguments');
      await build();
      return 0;
    case 'boot': {
      const args = parseBootArgs(command, rest, true);
      return boot(args.image ? resolve(args.image) : defaultImagePath(), args);
    }
    case 'start': {
      const args = parseBootArgs(command, rest, false);
      let image = defaultImagePath();
      if (isStale(image, imageSourceDirs())) image = await build();
      return boot(image, args);
    }
    case 'disasm': {
      const { values, positionals } = parseCommand(command, rest, { all: { type: 'boolean' } }, 1, 1, 'one FILE.ts');
      const compiled = compileOrReport(sourceFile(positionals[0]), true);
      if (typeof compiled === 'number') return compiled;
      process.stdout.write(disassemble(compiled.module, { from: values.all ? 0 : compiled.firstOwnFunction }));
      return 0;
    }
    case 'check': {
      const { positionals } = parseCommand(command, rest, {}, 1, Infinity, 'FILE.ts...');
      const result = checkProgramFiles(positionals.map(sourceFile), process.stdout.isTTY === true);
      process.stdout.write(result.text);
      return result.errors > 0 ? EXIT_USAGE : 0;
    }
    case 'run':
      return runFile(rest);
    case 'selftest':
      return selftest(rest);
    case 'compile':
      return compileFile(rest);
    case 'exec':
      return execCommand(rest);
    case 'web':
      return web(rest);
    case 'mkfs':
      return mkfsCommand(rest);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

/** Compiles a program, or prints its compile error and returns status 2. */
function compileOrReport(file: string, prelude: boolean): ReturnType<typeof compileProgram> | number {
  try {
    return compileProgram(file, { prelude });
  } catch (err) {
    if (err instanceof CompileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

async function runFile(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('run', args, {
    stats: { type: 'boolean' }, memory: { type: 'string' }, 'no-prelude': { type: 'boolean' }, cmdline: { type: 'string' },
  }, 1, 1, 'one FILE.ts');
  const memoryMiB = memoryOption(values.memory, RUN_MEMORY_MIB);
  const file = sourceFile(positionals[0]);
  const compiled = compileOrReport(file, values['no-prelude'] !== true);
  if (typeof compiled === 'number') return compiled;
  const stats = values.stats === true;
  const image = assembleKernel({ program: encodeModule(compiled.module), stats });
  const userCmdline = typeof values.cmdline === 'string' ? ` ${values.cmdline}` : '';
  const machine = await bootImage({ image: image.elf, memoryMiB, cmdline: `quiet${userCmdline}` });
  // `quiet` keeps the kernel's boot log off COM1, so COM1 is the program's stdout.
  machine.onSerial((bytes) => process.stdout.write(bytes));
  // machine stops arrive on COM2 too; their "(function N, pc P)" gets the source position
  const errors = locatingWriter(compiled.module, (text) => process.stderr.write(text));
  machine.onErrorSerial((bytes) => errors.push(bytes));
  let status: number;
  try {
    status = await machine.exited;
  } catch (err) {
    process.stderr.write(`tskern: ${(err as Error).message}\n`);
    status = 125;
  }
  errors.flush();
  if (stats) {
    const instructions = machine.instructionCountSinceMark();
    const at = image.linked.symbols.get('op_count');
    let ops = 0;
    if (at !== undefined) {
      const b = machine.readPhys(at - KERNEL_BASE, 8);
      const v = new DataView(b.buffer, b.byteOffset, 8);
      ops = v.getUint32(0, true) + v.getUint32(4, true) * 2 ** 32;
    }
    const per = ops > 0 ? (instructions / ops).toFixed(1) : '-';
    process.stderr.write(`tskern: ${instructions} guest instructions, ${ops} bytecode ops (${per} instructions/op)\n`);
  }
  await machine.stop();
  return status;
}

const SELFTESTS = ['mm', 'ext2'];

/** Boots the kernel image headless with `selftest=NAME`: COM1 to stdout, its status as ours. */
async function selftest(args: string[]): Promise<number> {
  const name = args[0];
  if (!name || !SELFTESTS.includes(name)) throw new UsageError(`selftest takes one of: ${SELFTESTS.join(', ')}`);
  const { memoryMiB, disk } = parseBootArgs('selftest', args.slice(1), false);
  if (name === 'ext2' && disk === undefined) throw new UsageError('selftest ext2 needs --disk IMAGE (an image made by tskern mkfs)');
  let image = defaultImagePath();
  if (isStale(image, imageSourceDirs())) image = await build();
  const machine = await bootImage({ image, memoryMiB, cmdline: `selftest=${name}`, hdb: disk === undefined ? undefined : { path: resolve(disk) } });
  machine.onSerial((bytes) => process.stdout.write(bytes));
  let status: number;
  try {
    status = await machine.exited;
  } catch (err) {
    process.stderr.write(`tskern: ${(err as Error).message}\n`);
    status = 125;
  }
  await machine.stop();
  return status;
}

/** `tskern compile FILE.ts [-o OUT]`: an executable bytecode file for tsvm. */
function compileFile(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, 'no-prelude': { type: 'boolean' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [file, extra] = parsed.positionals;
  if (!file || extra !== undefined || !/\.[jt]s$/.test(file)) throw new UsageError('compile takes one FILE.ts');
  const out = resolve(parsed.values.output ?? file.replace(/\.[jt]s$/, '.tsbc'));
  let container: Uint8Array;
  try {
    container = encodeModule(compileProgram(resolve(file), { prelude: parsed.values['no-prelude'] !== true, target: 'user' }).module);
  } catch (err) {
    if (err instanceof CompileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  writeFileSync(out, withShebang(container));
  chmodSync(out, 0o755);
  return 0;
}

/** `tskern exec`: options come before PROGRAM; everything after it is the program's. */
async function execCommand(args: string[]): Promise<number> {
  let i = 0;
  const options: string[] = [];
  while (i < args.length && args[i].startsWith('--')) {
    const flag = args[i];
    if (flag !== '--memory' && flag !== '--cmdline' && flag !== '--disk') throw new UsageError(`exec: unknown option ${flag}`);
    if (i + 1 >= args.length) throw new UsageError(`exec: ${flag} needs a value`);
    options.push(flag, args[i + 1]);
    i += 2;
  }
  const program = args[i];
  if (program === undefined) throw new UsageError('exec takes PROGRAM [ARGS...]');
  if (!existsSync(program)) throw new UsageError(`exec: no such file: ${program}`);
  const { memoryMiB, cmdline, disk } = parseBootArgs('exec', options, false);
  let image = defaultImagePath();
  if (isStale(image, imageSourceDirs())) image = await build();
  const ttys = { stdin: process.stdin.isTTY === true, stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true };
  // Input that is not a terminal is handed over whole, as a file the program reads to its end.
  const stdinBytes = ttys.stdin ? undefined : new Uint8Array(readFileSync(0));
  let script: ReturnType<typeof scriptFiles> | undefined;
  if (isScript(program)) {
    try {
      script = scriptFiles(resolve(program));
    } catch (err) {
      if (err instanceof CompileError) {
        process.stderr.write(`${err.message}\n`);
        return EXIT_USAGE;
      }
      throw err;
    }
  }
  const machine = await bootExec({ image, program, argv: args.slice(i), memoryMiB, cmdline, ttys, stdinBytes, ...script, disk: disk === undefined ? undefined : resolve(disk) });
  machine.onSerial((bytes) => process.stdout.write(bytes));
  machine.onErrorSerial((bytes) => process.stderr.write(bytes));
  // `tskern exec prog | head`: the reader went away; end like a program killed by SIGPIPE
  let outputClosed = false;
  process.stdout.on('error', () => {
    outputClosed = true;
    void machine.stop();
  });
  let restore = () => {};
  if (ttys.stdin) {
    const decoder = new EscapeDecoder();
    process.stdin.setRawMode(true);
    const onData = (chunk: Buffer) => {
      for (const act of decoder.feed(chunk)) {
        if (act.kind === 'send') machine.sendSerial(act.bytes);
        else if (act.kind === 'quit') void machine.stop();
        else process.stderr.write(ESCAPE_HELP);
      }
    };
    process.stdin.on('data', onData);
    restore = () => {
      process.stdin.off('data', onData);
      process.stdin.setRawMode(false);
      process.stdin.pause();
    };
  }
  let status: number;
  try {
    status = await machine.exited;
  } catch (err) {
    if (!(err instanceof MachineStoppedError)) process.stderr.write(`tskern: ${(err as Error).message}\n`);
    status = err instanceof MachineStoppedError ? (outputClosed ? EXIT_OUTPUT_CLOSED : EXIT_USER_QUIT) : EXIT_EMULATOR_FAILED;
  }
  restore();
  await machine.stop();
  return status;
}

/** `tskern web`: builds the page (and the image when stale); serves it, or writes it to --out. */
async function web(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, out: { type: 'string' } } }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_WEB_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, not '${values.port}'`);
  let image = defaultImagePath();
  if (isStale(image, imageSourceDirs())) image = await build();
  if (values.out !== undefined) {
    await buildWebPage(resolve(values.out), image);
    process.stderr.write(`tskern: wrote the page to ${resolve(values.out)}\n`);
    return 0;
  }
  const dir = resolve(dirname(image), 'web');
  await buildWebPage(dir, image);
  const server = await servePage(dir, port);
  process.stdout.write(`${server.url}\n`);
  process.stderr.write('tskern: serving the page; Ctrl-C stops\n');
  return new Promise<number>((done) => {
    const stop = () => { void server.close().then(() => done(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `tskern mkfs IMAGE DIR [--size MiB] [--block-size N]`. */
function mkfsCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { size: { type: 'string' }, 'block-size': { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [image, dir] = parsed.positionals;
  if (parsed.positionals.length !== 2) throw new UsageError('mkfs takes IMAGE DIR');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
  const blockSize = parsed.values['block-size'] === undefined ? 1024 : Number(parsed.values['block-size']);
  if (blockSize !== 1024 && blockSize !== 4096) throw new UsageError(`--block-size takes 1024 or 4096, not '${parsed.values['block-size']}'`);
  const tree = readTree(dir);
  let size: number;
  if (parsed.values.size === undefined) {
    size = Math.ceil((2 * treeBytes(tree) + (4 << 20)) / (1 << 20)) << 20;
  } else {
    if (!/^\d+$/.test(parsed.values.size) || Number(parsed.values.size) < 1 || Number(parsed.values.size) > 4095) {
      throw new UsageError(`--size takes a whole number of MiB from 1 to 4095, not '${parsed.values.size}'`);
    }
    size = Number(parsed.values.size) << 20;
  }
  try {
    writeFileSync(image, mkfs(tree, { size: size >>> 0, blockSize }));
  } catch (err) {
    if (err instanceof MkfsError) {
      process.stderr.write(`tskern: mkfs: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }
  process.stderr.write(`tskern: wrote ${image} (ext2, ${(size >>> 0) >> 20} MiB, ${blockSize}-byte blocks)\n`);
  return 0;
}

function treeBytes(e: Entry): number {
  if (e.kind === 'file') return e.data.length + 4096;
  if (e.kind === 'symlink') return 4096;
  let n = 4096;
  for (const c of e.entries.values()) n += treeBytes(c);
  return n;
}

function describe(err: unknown): string {
  const { code, path } = err as NodeJS.ErrnoException;
  if (code === 'ENOENT' && path === defaultImagePath()) return `no image at ${path} (run 'tskern build' first)`;
  if (code === 'ENOENT') return `no such file: ${path}`;
  return err instanceof Error ? err.message : String(err);
}

/** Runs the CLI; resolves with the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await run(command, rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`tskern: ${err.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (err instanceof BuildCheckError) {
      process.stderr.write(`tskern: ${err.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`tskern: ${describe(err)}\n`);
    return EXIT_FAILURE;
  }
}
