// Compiled TypeScript programs on the x86 interpreter: for each kind of work the
// interpreter issue names (loops, calls, property access, string building, Map use), the
// bytecode ops executed, the guest x86 instructions and instructions per op.
//
//   npm run bench            (builds this file and bench/interp-ops.ts, runs both)
//
// Each bench/programs/<name>.ts starts with `const N = <n>;`. The program is compiled (with
// the runtime prelude) twice, with N as written and with N = 0, and booted in a stats build
// (`op_count`); the difference between the two runs is what the N iterations cost, so the
// boot, the prelude's start-up and the final console.log cancel out. A stats build adds two
// instructions (add/adc of the counter) to every dispatch; they are subtracted, so the
// instruction figures are those of a normal build.
//
// The figures are compared with bench/baseline.json (the figures of the tree before the
// interpreter work of the perf branch); `--save-baseline` rewrites that file.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { bootImage } from '../host/v86-runner.ts';
import { KERNEL_BASE } from '../boot/layout.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Works both from bench/ and from the esbuild output in build/bench/. */
const benchDir = existsSync(join(here, 'programs', 'loops.ts')) ? here : join(here, '../../bench/');
const programsDir = join(benchDir, 'programs');
const baselineFile = join(benchDir, 'baseline.json');
const ORDER = ['loops', 'calls', 'properties', 'strings', 'maps', 'map-pages'];

interface Figures { ops: number; instructions: number }
interface Row { name: string; n: number; loop: Figures; whole: Figures }

const tmp = mkdtempSync(join(tmpdir(), 'tskern-bench-'));

async function run(name: string, source: string, n: number): Promise<Figures & { output: string }> {
  const file = join(tmp, `${name}-${n}.ts`);
  writeFileSync(file, source.replace(/^const N = \d+;/m, `const N = ${n};`));
  const program = encodeModule(compileProgram(file).module);
  const image = assembleKernel({ program, stats: true });
  const m = await bootImage({ image: image.elf, memoryMiB: 64, cmdline: 'quiet' });
  try {
    const status = await m.exited;
    if (status !== 0) throw new Error(`${name} (N = ${n}): exit status ${status}\n${m.output}\n${m.errorOutput}`);
    const at = image.linked.symbols.get('op_count')!;
    const b = m.readPhys(at - KERNEL_BASE, 8);
    const v = new DataView(b.buffer, b.byteOffset, 8);
    const ops = v.getUint32(0, true) + v.getUint32(4, true) * 2 ** 32;
    // the counter's own add/adc at every dispatch
    return { ops, instructions: m.instructionCountSinceMark() - 2 * ops, output: m.output };
  } finally {
    await m.stop();
  }
}

const args = process.argv.slice(2);
const only = args.filter((x) => !x.startsWith('--'));
const rows: Row[] = [];
for (const name of ORDER.filter((x) => only.length === 0 || only.includes(x))) {
  const source = readFileSync(join(programsDir, `${name}.ts`), 'utf8');
  const n = Number(/^const N = (\d+);/m.exec(source)![1]);
  const full = await run(name, source, n);
  const empty = await run(name, source, 0);
  rows.push({
    name, n,
    loop: { ops: full.ops - empty.ops, instructions: full.instructions - empty.instructions },
    whole: { ops: full.ops, instructions: full.instructions },
  });
}

const baseline: Record<string, Row> = (() => {
  try { return JSON.parse(readFileSync(baselineFile, 'utf8')); } catch { return {}; }
})();

const fmt = (x: number) => x.toLocaleString('en-US');
const per = (f: Figures) => (f.instructions / f.ops).toFixed(2);
const pct = (now: number, before: number) => `${now <= before ? '-' : '+'}${Math.abs(100 * (now - before) / before).toFixed(1)}%`;
console.log('compiled programs (bench/programs): the N iterations, without boot and prelude start-up');
console.log('program      N       ops          instructions    instr/op | baseline: ops        instructions   instr/op | change: ops, instructions');
for (const r of rows) {
  const b = baseline[r.name];
  const line = `${r.name.padEnd(11)} ${String(r.n).padStart(6)}  ${fmt(r.loop.ops).padStart(11)}  ${fmt(r.loop.instructions).padStart(14)}  ${per(r.loop).padStart(8)}`;
  const cmp = b && b.n === r.n
    ? ` | ${fmt(b.loop.ops).padStart(18)}  ${fmt(b.loop.instructions).padStart(13)}  ${per(b.loop).padStart(8)} | ${pct(r.loop.ops, b.loop.ops)}, ${pct(r.loop.instructions, b.loop.instructions)}`
    : ' | (no baseline for this N)';
  console.log(line + cmp);
}
console.log('\nwhole programs (N as written; boot, prelude start-up and output included)');
console.log('program        ops          instructions    instr/op | baseline: ops        instructions   instr/op | change: ops, instructions');
for (const r of rows) {
  const b = baseline[r.name];
  const line = `${r.name.padEnd(11)} ${fmt(r.whole.ops).padStart(11)}  ${fmt(r.whole.instructions).padStart(14)}  ${per(r.whole).padStart(8)}`;
  const cmp = b && b.n === r.n
    ? ` | ${fmt(b.whole.ops).padStart(18)}  ${fmt(b.whole.instructions).padStart(13)}  ${per(b.whole).padStart(8)} | ${pct(r.whole.ops, b.whole.ops)}, ${pct(r.whole.instructions, b.whole.instructions)}`
    : '';
  console.log(line + cmp);
}
const start = rows[0];
if (start) {
  const s = { ops: start.whole.ops - start.loop.ops, instructions: start.whole.instructions - start.loop.instructions };
  const b = baseline[start.name];
  const bs = b ? { ops: b.whole.ops - b.loop.ops, instructions: b.whole.instructions - b.loop.instructions } : undefined;
  console.log(`boot + prelude start-up (${start.name} with N = 0): ${fmt(s.ops)} ops, ${fmt(s.instructions)} instructions` +
    (bs ? ` (baseline ${fmt(bs.ops)} ops, ${fmt(bs.instructions)} instructions)` : ''));
}
// The prelude's start-up alone (issue 14: "well under 0.5 M guest instructions"): an empty
// program, from the boot's mark to power-off, as `tskern run --stats` counts it (which adds
// the op counter's two instructions a dispatch: printed too).
{
  const START_AIM = 500_000;
  const e = await run('empty', '', 0);
  const verdict = e.instructions < START_AIM ? 'met' : `NOT met (${(e.instructions / START_AIM).toFixed(2)}x the aim)`;
  console.log(`empty program (the prelude's start-up): ${fmt(e.instructions)} instructions, ${fmt(e.ops)} ops` +
    ` (tskern run --stats: ${fmt(e.instructions + 2 * e.ops)})   aim < ${fmt(START_AIM)}   ${verdict}`);
}
if (args.includes('--save-baseline')) {
  const out: Record<string, Row> = { ...baseline };
  for (const r of rows) out[r.name] = r;
  writeFileSync(baselineFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`saved ${baselineFile}`);
}
