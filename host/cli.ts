// The `tskern` command: build the kernel image and boot it in v86 on this terminal.

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildImage } from '../image-builder/build.ts';
import { disassemble } from '../image-builder/bytecode/disasm.ts';
import { CompileError, compileProgram } from '../image-builder/compiler/index.ts';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { isStale } from './freshness.ts';
import { mkfs, MkfsError, readTree, type Entry } from '../image-builder/ext2/mkfs.ts';
import { defaultImagePath, imageSourceDirs } from '../image-builder/paths.ts';
import { runOnTerminal } from './terminal.ts';
import { bootImage, DEFAULT_MEMORY_MIB } from './v86-runner.ts';
import { KERNEL_BASE } from '../boot/layout.ts';

export const USAGE = `usage: tskern <command> [options]

commands:
  build                          build the kernel image (build/tskern.elf)
  boot [IMAGE] [options]         boot IMAGE (default build/tskern.elf) in v86
  start [options]                build if sources changed, then boot
  disasm FILE.ts                 compile FILE.ts and print its bytecode
  run FILE.ts [--stats] [--memory MiB] [--no-prelude] [--cmdline S]
                                 compile FILE.ts, boot it in v86 without a terminal:
                                 its stdout/stderr are the guest's COM1/COM2 and the
                                 exit status is the program's (2 on a compile error)
  mkfs IMAGE DIR [--size MiB] [--block-size 1024|4096]
                                 write an ext2 file system image holding DIR's
                                 files, directories and symbolic links (default size:
                                 twice the contents plus 4 MiB)
  selftest mm [--memory MiB]     build if sources changed, boot the kernel with its
                                 memory-management self-test selected (selftest=mm) and
                                 exit with its verdict (0: every check passed and every
                                 frame came back)
  selftest ext2 --disk IMAGE     boot with selftest=ext2 and IMAGE as hdb: the kernel
                                 reads, creates, renames and removes files on it, syncs
                                 and powers off (IMAGE holds the result)
  help                           show this help

options for boot and start:
  --cmdline S     multiboot command line for the kernel, e.g. test=pagefault
  --memory MiB    guest RAM size (default ${DEFAULT_MEMORY_MIB})
  --disk IMAGE    attach IMAGE (e.g. from 'tskern mkfs') as the second ATA disk (hdb);
                  what the guest writes to it is written back to the file at power-off

The guest's COM1 is this terminal; the exit status is the guest's power-off status.
Interactively, Ctrl-A x quits and Ctrl-A h lists the other Ctrl-A commands.
`;

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

class UsageError extends Error {}

interface BootArgs {
  image?: string;
  cmdline?: string;
  memoryMiB: number;
  /** --disk IMAGE: attached as hdb. */
  disk?: string;
}

function parseBootArgs(args: string[], allowImage: boolean): BootArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { cmdline: { type: 'string' }, memory: { type: 'string' }, disk: { type: 'string' } },
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
  if (values.disk !== undefined && (!existsSync(values.disk) || !statSync(values.disk).isFile())) {
    throw new UsageError(`--disk: no such file: ${values.disk}`);
  }
  return { image: positionals[0], cmdline: values.cmdline, memoryMiB, disk: values.disk };
}

async function build(): Promise<string> {
  const path = await buildImage();
  process.stderr.write(`tskern: built ${path}\n`);
  return path;
}

async function boot(image: string, { cmdline, memoryMiB, disk }: BootArgs): Promise<number> {
  const machine = await bootImage({ image, cmdline, memoryMiB, hdb: disk === undefined ? undefined : { path: resolve(disk) } });
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
    case 'selftest':
      return selftest(rest);
    case 'mkfs':
      return mkfsCommand(rest);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
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

const SELFTESTS = ['mm', 'ext2'];

/** Boots the kernel image headless with `selftest=NAME`: COM1 to stdout, its status as ours. */
async function selftest(args: string[]): Promise<number> {
  const name = args[0];
  if (!name || !SELFTESTS.includes(name)) throw new UsageError(`selftest takes one of: ${SELFTESTS.join(', ')}`);
  const { memoryMiB, disk } = parseBootArgs(args.slice(1), false);
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
    process.stderr.write(`tskern: ${describe(err)}\n`);
    return EXIT_FAILURE;
  }
}
