// The Linux anchor's VM benchmark under tskern: ../shared/bench/vmbench.c built unmodified
// (gcc -m32 -march=i686 -static -O2) runs as PID 1 through `tskern exec`; its @@B/@@E
// markers are timed with v86's instruction counter, and each figure (guest x86
// instructions per operation) is printed beside Linux 6.1's from the same emulator
// (../shared/bench/linux-anchor-result.txt, the 686-default kernel), with the ratio.
//
//   npm run bench            (part of it)   node build/bench/vmbench.mjs [--budget S]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleKernel } from '../image-builder/build.ts';
import { projectRoot } from '../image-builder/paths.ts';
import { MarkerRecorder } from '../host/bench-markers.ts';
import { bootExec } from '../host/exec.ts';

const root = projectRoot();
const shared = join(root, '..', 'shared', 'bench');

/** Linux's x86 instructions per op for each benchmark of one kernel's table in the anchor file. */
function linuxFigures(kernel = '686-default'): Map<string, number> {
  const out = new Map<string, number>();
  const file = join(shared, 'linux-anchor-result.txt');
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('=== ' + kernel + ' ');
  if (at < 0) return out;
  const section = text.slice(at, text.indexOf('\n===', at + 4) < 0 ? undefined : text.indexOf('\n===', at + 4));
  for (const line of section.split('\n')) {
    const cols = line.trim().split(/\s{2,}/);
    if (cols.length >= 8 && /^[A-Za-z_0-9]+( \(derived\))?$/.test(cols[0])) {
      const instr = Number(cols[6].replace(/,/g, ''));
      if (Number.isFinite(instr)) out.set(cols[0].replace(' (derived)', ''), instr);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { budget: { type: 'string' }, warmup: { type: 'string' }, only: { type: 'string' } } });
  const source = join(shared, 'vmbench.c');
  if (!existsSync(source)) {
    console.log(`vmbench: skipped (no ${source})`);
    return;
  }
  const dir = join(root, 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, 'vmbench');
  try {
    execFileSync('gcc', ['-m32', '-march=i686', '-static', '-O2', '-o', bin, source], { stdio: 'pipe' });
  } catch (err) {
    console.log(`vmbench: skipped (gcc -m32 -static failed: install gcc-multilib) ${(err as Error).message.split('\n')[0]}`);
    return;
  }
  const budget = values.budget ?? '0.5';
  const env = [`BENCH_BUDGET=${budget}`, `BENCH_WARMUP=${values.warmup ?? '0.25'}`];
  if (values.only) env.push(`BENCH_ONLY=${values.only}`);
  const started = Date.now();
  const machine = await bootExec({
    image: assembleKernel().elf, program: bin, argv: ['/init'], memoryMiB: 256, cmdline: env.join(' '),
    ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
  });
  const rec = new MarkerRecorder(machine);
  machine.onErrorSerial((b) => process.stderr.write(b));
  const status = await machine.exited;
  await machine.stop();
  const linux = linuxFigures();
  console.log(`vmbench as PID 1 under tskern (status ${status}, ${((Date.now() - started) / 1000).toFixed(1)} s host time, BENCH_BUDGET=${budget})`);
  console.log('benchmark              ops        tskern instr/op   Linux 6.1 instr/op   tskern/Linux');
  // one row per benchmark: its segments' operations summed, the median cost per operation
  const byName = new Map<string, { ops: number; per: number[] }>();
  for (const s of rec.segments) {
    if (s.name.endsWith('@warm')) continue;
    const e = byName.get(s.name) ?? { ops: 0, per: [] };
    e.ops += s.ops;
    e.per.push(s.perOp);
    byName.set(s.name, e);
  }
  const derived = new Map<string, number>();
  for (const [name, e] of byName) {
    const sorted = e.per.slice().sort((a, b) => a - b);
    const per = sorted[Math.floor(sorted.length / 2)];
    derived.set(name, per);
    const l = linux.get(name);
    console.log(`${name.padEnd(22)} ${String(e.ops).padStart(7)} ${per.toFixed(0).padStart(18)} ${l === undefined ? '-'.padStart(20) : l.toLocaleString('en-US').padStart(20)} ${l === undefined ? '' : (per / l).toFixed(2).padStart(14)}`);
  }
  const fork = derived.get('fork_exit_wait_4M'), cow = derived.get('fork_cow4M_exit_wait');
  if (fork !== undefined && cow !== undefined) {
    const ours = (cow - fork) / 1024;
    const l = linux.get('cow_fault');
    console.log(`${'cow_fault (derived)'.padEnd(22)} ${'-'.padStart(7)} ${ours.toFixed(0).padStart(18)} ${l === undefined ? '' : l.toLocaleString('en-US').padStart(20)} ${l === undefined ? '' : (ours / l).toFixed(2).padStart(14)}`);
  }
}

await main();
