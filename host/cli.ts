// The `tskern` command: build the kernel image and boot it in v86 on this terminal.

import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildImage } from '../image-builder/build.ts';
import { disassemble } from '../image-builder/bytecode/disasm.ts';
import { CompileError, compileProgram } from '../image-builder/compiler/index.ts';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule, withShebang } from '../image-builder/bytecode/index.ts';
import { buildTsvm } from '../image-builder/tsvm.ts';
import { chmodSync, writeFileSync } from 'node:fs';
import { isStale } from './freshness.ts';
import { defaultImagePath, imageSourceDirs } from '../image-builder/paths.ts';
import { ESCAPE_HELP, EXIT_EMULATOR_FAILED, EXIT_USER_QUIT, EscapeDecoder, runOnTerminal } from './terminal.ts';
import { bootImage, DEFAULT_MEMORY_MIB, MachineStoppedError } from './v86-runner.ts';
import { bootExec, isScript, scriptFiles } from './exec.ts';
import { existsSync, readFileSync } from 'node:fs';
import { KERNEL_BASE } from '../boot/layout.ts';
import { buildWebPage } from './web/build.ts';
import { buildRootfs, rootfsCmdline } from '../image-builder/rootfs.ts';
import { servePage } from './web/serve.ts';

const DEFAULT_WEB_PORT = 8086;

export const USAGE = `usage: tskern <command> [options]

commands:
  build                          build the kernel image (build/tskern.elf) and tsvm,
                                 the user build of the interpreter (build/tsvm)
  boot [IMAGE] [options]         boot IMAGE (default build/tskern.elf) in v86
  start [options]                build if sources changed, then boot
  disasm FILE.ts                 compile FILE.ts and print its bytecode
  compile FILE.ts [-o OUT] [--no-prelude]
                                 compile a user program for tsvm into OUT (default
                                 FILE.tsbc): an executable bytecode file starting with
                                 #!/bin/tsvm; run it with 'tsvm OUT ARGS...'
  run FILE.ts [--stats] [--memory MiB] [--no-prelude] [--cmdline S]
                                 compile FILE.ts, boot it in v86 without a terminal:
                                 its stdout/stderr are the guest's COM1/COM2 and the
                                 exit status is the program's (2 on a compile error)
  exec [--memory MiB] [--cmdline S] PROGRAM [ARGS...]
                                 run PROGRAM (a static i386 Linux executable, or a
                                 TypeScript program, run by /bin/tsvm) as the
                                 kernel's first process with ARGS, the host's stdin,
                                 stdout and stderr, and exit with its status (128+N
                                 when killed by signal N); KEY=VALUE words of --cmdline
                                 become its environment
  selftest mm [--memory MiB]     build if sources changed, boot the kernel with its
                                 memory-management self-test selected (selftest=mm) and
                                 exit with its verdict (0: every check passed and every
                                 frame came back)
  web [--port N] [--out DIR]     build the web page (v86, terminal, screen, VM inspector)
                                 and serve it on 127.0.0.1:N (default ${DEFAULT_WEB_PORT}, 0: any
                                 free port), printing its URL first; with --out, write it
                                 to DIR as static files instead (npm run build:web)
  help                           show this help

options for boot and start:
  --cmdline S     multiboot command line for the kernel, e.g. test=pagefault
  --memory MiB    guest RAM size (default ${DEFAULT_MEMORY_MIB})
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

interface BootArgs {
  image?: string;
  cmdline?: string;
  memoryMiB: number;
  /**
   * Boot without the root file system: the kernel's echo console (and inspector demo). The
   * default for an IMAGE named on the command line (it may be no tskern kernel at all)
   * unless --rootfs asks for it.
   */
  noRootfs?: boolean;
}

function parseBootArgs(args: string[], allowImage: boolean): BootArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { cmdline: { type: 'string' }, memory: { type: 'string' }, 'no-rootfs': { type: 'boolean' }, rootfs: { type: 'boolean' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length > (allowImage ? 1 : 0)) {
    throw new UsageError(`unexpected argument: ${positionals[allowImage ? 1 : 0]}`);
  }
  const memoryMiB = values.memory === undefined ? DEFAULT_MEMORY_MIB : Number(values.memory);
  if (!/^\d+$/.test(values.memory ?? '0') || memoryMiB < 2 || memoryMiB > 2047) {
    throw new UsageError(`--memory takes a whole number of MiB from 2 to 2047, not '${values.memory}'`);
  }
  if (values.rootfs && values['no-rootfs']) throw new UsageError('--rootfs and --no-rootfs exclude each other');
  const noRootfs = values['no-rootfs'] === true || (positionals[0] !== undefined && values.rootfs !== true);
  return { image: positionals[0], cmdline: values.cmdline, memoryMiB, noRootfs };
}

async function build(): Promise<string> {
  const path = await buildImage();
  process.stderr.write(`tskern: built ${path}\n`);
  process.stderr.write(`tskern: built ${buildTsvm()}\n`);
  return path;
}

async function boot(image: string, { cmdline, memoryMiB, noRootfs }: BootArgs): Promise<number> {
  if (noRootfs) return runOnTerminal(await bootImage({ image, cmdline, memoryMiB }));
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
  const machine = await bootImage({ image, cmdline: rootfsCmdline(cmdline), memoryMiB, initrd });
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
      if (rest.length) throw new UsageError(`build takes no arguments`);
      await build();
      return 0;
    case 'boot': {
      const args = parseBootArgs(rest, true);
      return boot(args.image ? resolve(args.image) : defaultImagePath(), args);
    }
    case 'start': {
      const args = parseBootArgs(rest, false);
      let image = defaultImagePath();
      if (isStale(image, imageSourceDirs())) image = await build();
      return boot(image, args);
    }
    case 'disasm': {
      if (rest.length !== 1) throw new UsageError('disasm takes one FILE.ts');
      process.stdout.write(disassemble(compileProgram(resolve(rest[0])).module));
      return 0;
    }
    case 'run':
      return runFile(rest);
    case 'compile':
      return compileFile(rest);
    case 'selftest':
      return selftest(rest);
    case 'exec':
      return execCommand(rest);
    case 'web':
      return web(rest);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
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

async function runFile(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: false, options: { stats: { type: 'boolean' }, memory: { type: 'string' }, 'no-prelude': { type: 'boolean' }, cmdline: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const file = parsed.positionals[0];
  if (!file || !file.endsWith('.ts') && !file.endsWith('.js')) throw new UsageError('run takes FILE.ts');
  const memoryMiB = parsed.values.memory === undefined ? 64 : Number(parsed.values.memory);
  let program: Uint8Array;
  try {
    program = encodeModule(compileProgram(resolve(file), { prelude: parsed.values['no-prelude'] !== true }).module);
  } catch (err) {
    if (err instanceof CompileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  const image = assembleKernel({ program, stats: parsed.values.stats === true });
  const userCmdline = typeof parsed.values.cmdline === 'string' ? ` ${parsed.values.cmdline}` : '';
  const machine = await bootImage({ image: image.elf, memoryMiB, cmdline: `quiet${userCmdline}` });
  // `quiet` keeps the kernel's boot log off COM1, so COM1 is the program's stdout.
  machine.onSerial((bytes) => process.stdout.write(bytes));
  machine.onErrorSerial((bytes) => process.stderr.write(bytes));
  let status: number;
  try {
    status = await machine.exited;
  } catch (err) {
    process.stderr.write(`tskern: ${(err as Error).message}\n`);
    status = 125;
  }
  if (parsed.values.stats) {
    const instructions = machine.instructionCount();
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

/** `tskern exec`: options come before PROGRAM; everything after it is the program's. */
async function execCommand(args: string[]): Promise<number> {
  let i = 0;
  const options: string[] = [];
  while (i < args.length && args[i].startsWith('--')) {
    const flag = args[i];
    if (flag !== '--memory' && flag !== '--cmdline') throw new UsageError(`exec: unknown option ${flag}`);
    if (i + 1 >= args.length) throw new UsageError(`exec: ${flag} needs a value`);
    options.push(flag, args[i + 1]);
    i += 2;
  }
  const program = args[i];
  if (program === undefined) throw new UsageError('exec takes PROGRAM [ARGS...]');
  if (!existsSync(program)) throw new UsageError(`exec: no such file: ${program}`);
  const { memoryMiB, cmdline } = parseBootArgs(options, false);
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
  const machine = await bootExec({ image, program, argv: args.slice(i), memoryMiB, cmdline, ttys, stdinBytes, ...script });
  machine.onSerial((bytes) => process.stdout.write(bytes));
  machine.onErrorSerial((bytes) => process.stderr.write(bytes));
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
    status = err instanceof MachineStoppedError ? EXIT_USER_QUIT : EXIT_EMULATOR_FAILED;
  }
  restore();
  await machine.stop();
  return status;
}

const SELFTESTS = ['mm'];

/** Boots the kernel image headless with `selftest=NAME`: COM1 to stdout, its status as ours. */
async function selftest(args: string[]): Promise<number> {
  const name = args[0];
  if (!name || !SELFTESTS.includes(name)) throw new UsageError(`selftest takes one of: ${SELFTESTS.join(', ')}`);
  const { memoryMiB } = parseBootArgs(args.slice(1), false);
  let image = defaultImagePath();
  if (isStale(image, imageSourceDirs())) image = await build();
  const machine = await bootImage({ image, memoryMiB, cmdline: `selftest=${name}` });
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
    process.stderr.write(`tskern: ${describe(err)}\n`);
    return EXIT_FAILURE;
  }
}
