// The `tskern` command: build the kernel image and boot it in v86 on this terminal.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildImage } from '../image-builder/build.ts';
import { disassemble } from '../image-builder/bytecode/disasm.ts';
import { CompileError, compileProgram } from '../image-builder/compiler/index.ts';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { isStale } from './freshness.ts';
import { defaultImagePath, imageSourceDirs } from '../image-builder/paths.ts';
import { runOnTerminal } from './terminal.ts';
import { bootImage, DEFAULT_MEMORY_MIB } from './v86-runner.ts';
import { KERNEL_BASE } from '../boot/layout.ts';
import { checkKernel, checkProgramFiles } from './typecheck.ts';

/** Guest RAM `run` gives a program unless --memory says otherwise. */
export const RUN_MEMORY_MIB = 64;
/**
 * The least RAM the kernel boots in (the image, its page tables and the interpreter's
 * smallest heap; with 3 MiB it stops with "not enough RAM for the heap").
 * tests/host/cli.test.ts boots a program in exactly this much.
 */
export const MIN_MEMORY_MIB = 4;
export const MAX_MEMORY_MIB = 2047;

export const USAGE = `usage: tskern <command> [options]

commands:
  build                          type-check the kernel's TypeScript, then build the
                                 kernel image (build/tskern.elf)
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
  selftest mm [--memory MiB]     build if sources changed, boot the kernel with its
                                 memory-management self-test selected (selftest=mm) and
                                 exit with its verdict (0: every check passed and every
                                 frame came back)
  help                           show this help

options:
  --cmdline S     multiboot command line for the kernel, e.g. test=pagefault
  --memory MiB    guest RAM, ${MIN_MEMORY_MIB} to ${MAX_MEMORY_MIB} (default ${DEFAULT_MEMORY_MIB}; run: ${RUN_MEMORY_MIB})

The guest's COM1 is this terminal; the exit status is the guest's power-off status.
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
}

const BOOT_OPTIONS: Options = { cmdline: { type: 'string' }, memory: { type: 'string' } };

function parseBootArgs(command: string, args: string[], allowImage: boolean): BootArgs {
  const { values, positionals } = parseCommand(command, args, BOOT_OPTIONS, 0, allowImage ? 1 : 0, '');
  return { image: positionals[0], cmdline: values.cmdline as string | undefined, memoryMiB: memoryOption(values.memory, DEFAULT_MEMORY_MIB) };
}

async function build(): Promise<string> {
  const checked = checkKernel(process.stderr.isTTY === true);
  if (checked.errors > 0) {
    process.stderr.write(checked.text);
    throw new BuildCheckError(`the kernel's TypeScript has ${checked.errors} type error${checked.errors === 1 ? '' : 's'}; nothing was built`);
  }
  const path = await buildImage();
  process.stderr.write(`tskern: built ${path}\n`);
  return path;
}

/** The kernel did not type-check (the diagnostics are printed already): status 2, as tsc. */
class BuildCheckError extends Error {}

async function boot(image: string, { cmdline, memoryMiB }: BootArgs): Promise<number> {
  const machine = await bootImage({ image, cmdline, memoryMiB });
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
  machine.onErrorSerial((bytes) => process.stderr.write(bytes));
  let status: number;
  try {
    status = await machine.exited;
  } catch (err) {
    process.stderr.write(`tskern: ${(err as Error).message}\n`);
    status = 125;
  }
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

const SELFTESTS = ['mm'];

/** Boots the kernel image headless with `selftest=NAME`: COM1 to stdout, its status as ours. */
async function selftest(args: string[]): Promise<number> {
  const name = args[0];
  if (!name || !SELFTESTS.includes(name)) throw new UsageError(`selftest takes one of: ${SELFTESTS.join(', ')}`);
  const { memoryMiB } = parseBootArgs('selftest', args.slice(1), false);
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
