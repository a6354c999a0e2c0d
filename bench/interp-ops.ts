// Guest x86 instructions per executed bytecode op, for a counting loop.
//
//   npx esbuild bench/interp-ops.ts --bundle --platform=node --format=esm \
//     --outfile=build/bench/interp-ops.mjs && node build/bench/interp-ops.mjs
//
// Boots the same loop with N iterations and with none; the difference in the runner's
// instruction count, divided by the ops the loop body executed, is the cost per op
// (boot, loading and exit cancel out).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleKernel } from '../image-builder/build.ts';
import { bootImage } from '../host/v86-runner.ts';
import { ModuleBuilder, NATIVE } from '../tests/interp/bytecode-builder.ts';

interface Loop {
  name: string;
  /** Bytecode ops the program executes for parameter n beyond those it executes for 0. */
  ops: (n: number) => number;
  n: number;
  body: (mb: ModuleBuilder, n: number) => Uint8Array;
}

const fibNumber = (n: number): number => (n < 2 ? n : fibNumber(n - 1) + fibNumber(n - 2));
/** Ops run by fib(n) below: 10 per inner call, 3 per leaf; fib(n) makes F(n+1) leaf calls. */
const fibOps = (n: number) => 10 * (fibNumber(n + 1) - 1) + 3 * fibNumber(n + 1);

const LOOPS: Loop[] = [
  {
    // i = i + 1 (AddInt); if (i < n) loop (JumpIfLt)
    name: 'AddInt + JumpIfLt',
    ops: (n) => 2 * n,
    n: 2_000_000,
    body: (mb, n) => {
      const { f } = mb.fn('main', 0, 4);
      f.op('LoadInt', 0, 0).op('LoadInt', 1, n).op('JumpIfNotLt', 0, 1, 'done');
      f.label('loop').op('AddInt', 0, 0, 1).op('JumpIfLt', 0, 1, 'loop');
      f.label('done').op('LoadInt', 2, 0).op('CallNative', 2, NATIVE.exit, 2, 1);
      return mb.encode();
    },
  },
  {
    // sum = (sum + i) & mask (stays int32); i = i + 1; if (i < n) loop
    name: 'Add + BitAnd + AddInt + JumpIfLt',
    ops: (n) => 4 * n,
    n: 2_000_000,
    body: (mb, n) => {
      const { f } = mb.fn('main', 0, 6);
      f.op('LoadInt', 0, 0).op('LoadInt', 1, n).op('LoadInt', 2, 0).op('LoadInt', 3, 0xffff).op('JumpIfNotLt', 0, 1, 'done');
      f.label('loop').op('Add', 2, 2, 0).op('BitAnd', 2, 2, 3).op('AddInt', 0, 0, 1).op('JumpIfLt', 0, 1, 'loop');
      f.label('done').op('LoadInt', 5, 0).op('CallNative', 5, NATIVE.exit, 5, 1);
      return mb.encode();
    },
  },
  {
    // recursive fib: calls and returns with heap frames (allocation and GC included)
    name: 'fib (Call/Return, heap frames)',
    ops: (n) => fibOps(n) - fibOps(0),
    n: 25,
    body: (mb, n) => {
      const main = mb.fn('main', 0, 6).f;
      const fib = mb.fn('fib', 1, 6);
      fib.f.op('LoadInt', 1, 2).op('JumpIfLt', 0, 1, 'base')
        .op('AddInt', 1, 0, -1).op('LoadCallee', 2).op('LoadUndefined', 3).op('Call', 4, 2, 3, 1, 1)
        .op('AddInt', 1, 0, -2).op('Call', 5, 2, 3, 1, 1).op('Add', 4, 4, 5).op('Return', 4)
        .label('base').op('Return', 0);
      main.op('LoadUndefined', 5).op('Closure', 0, fib.index, 5).op('LoadInt', 1, n).op('Call', 2, 0, 5, 1, 1)
        .op('LoadInt', 3, 0).op('CallNative', 3, NATIVE.exit, 3, 1);
      return mb.encode();
    },
  },
];

async function instructions(program: Uint8Array): Promise<number> {
  const m = await bootImage({ image: assembleKernel({ program }).elf, memoryMiB: 32 });
  try {
    const status = await m.exited;
    if (status !== 0) throw new Error(`exit status ${status}; output:\n${m.output}`);
    return m.instructionCountSinceMark();
  } finally {
    await m.stop();
  }
}

// bench/baseline.json (shared with bench/programs.ts) keeps the figures of the tree before
// the perf branch's interpreter work under "interp-ops"; --save-baseline rewrites them.
const here = fileURLToPath(new URL('.', import.meta.url));
const baselineFile = existsSync(join(here, 'programs.ts')) ? join(here, 'baseline.json') : join(here, '../../bench/baseline.json');
const baseline: Record<string, unknown> = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : {};
const before = (baseline['interp-ops'] ?? {}) as Record<string, { ops: number; instructions: number }>;
const now: Record<string, { ops: number; instructions: number }> = {};
for (const loop of LOOPS) {
  const base = await instructions(loop.body(new ModuleBuilder(), 0));
  const t0 = Date.now();
  const full = await instructions(loop.body(new ModuleBuilder(), loop.n));
  const ms = Date.now() - t0;
  const ops = loop.ops(loop.n);
  now[loop.name] = { ops, instructions: full - base };
  const b = before[loop.name];
  console.log(`${loop.name}: ${((full - base) / ops).toFixed(2)} guest instructions/op ` +
    `(${ops} ops, ${full - base} instructions, ${ms} ms wall)` +
    (b ? `; baseline ${(b.instructions / b.ops).toFixed(2)}` : ''));
}
if (process.argv.includes('--save-baseline')) {
  writeFileSync(baselineFile, JSON.stringify({ ...baseline, 'interp-ops': now }, null, 2) + '\n');
}
