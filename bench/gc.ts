// The collector's cost against allocation volume (issue 14 part 2: "measure GC time against
// allocation volume; no thrashing before the heap grows"). Each pattern is a program whose
// work is marked with bench markers (host/bench-markers.ts) and run twice: in a SMALL_MIB
// machine, where it collects, and in a BIG_MIB machine, whose semispace holds everything it
// allocates (it must not collect there). The difference of the two marked instruction
// counts is what the collections cost; allocated bytes are read from the big run's heap
// pointer. Prints, per pattern: MiB allocated, collections, the live data at the end as a
// share of the small machine's semispace, GC instructions, and GC instructions per KiB
// allocated (the whole program's allocation: the prelude's start-up adds ~1 MiB). The
// interpreter's heap is two fixed semispaces (RAM/2 each for a program run),
// so a live set that approaches the semispace makes every collection free little: the
// 'growing' rows show where that begins. Figures only.
//
//   npm run bench   (or: npx esbuild bench/gc.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=build/bench/gc.mjs && node build/bench/gc.mjs)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { MarkerRecorder } from '../host/bench-markers.ts';
import { bootImage } from '../host/v86-runner.ts';
import { KERNEL_BASE } from '../boot/layout.ts';

const SMALL_MIB = 32;
const BIG_MIB = 1024;

const markers = `for (let c = 0; c < 3; c++) { console.log('@@B calib'); console.log('@@E calib 1'); }\n`;
/** Pattern programs: `work()` is measured; N is its operation count. */
const PATTERNS: { name: string; about: string; n: number; body: string }[] = [
  {
    name: 'churn', about: 'steady churn: a 1,000-object live set, short-lived {a, b: [i, i]} objects', n: 200_000,
    body: `const live: any[] = []; for (let i = 0; i < 1000; i++) live.push({ i });
      function work(n: number) { let s = 0; for (let i = 0; i < n; i++) { const o = { a: i, b: [i, i] }; s += o.b[1]; } return s + live.length; }`,
  },
  {
    name: 'strings', about: 'string churn: short-lived strings of 10-20 units', n: 200_000,
    body: `function work(n: number) { let s = 0; for (let i = 0; i < n; i++) { const t = 'item-' + i + '-' + (i * 7); s += t.length; } return s; }`,
  },
  ...[40_000, 80_000, 110_000].map((n) => ({
    name: `growing-${n / 1000}k`, about: `growing live set: ${n} objects {a, b: [i, i, i, i]}, every other one kept`, n,
    body: `const keep: any[] = [];
      function work(n: number) { for (let i = 0; i < n; i++) { const o = { a: i, b: [i, i, i, i] }; if ((i & 1) === 0) keep.push(o); } return keep.length; }`,
  })),
];

const dir = mkdtempSync(join(tmpdir(), 'tskern-gcbench-'));

interface Run { instructions: number; gcCount: number; allocated: number; half: number }

async function run(name: string, source: string, n: number, mib: number): Promise<Run> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `${source}\n${markers}console.log('@@B work'); const r = work(${n}); console.log('@@E work ${n}'); console.log(r);\n`);
  const image = assembleKernel({ program: encodeModule(compileProgram(file).module) });
  const m = await bootImage({ image: image.elf, memoryMiB: mib });
  const recorder = new MarkerRecorder(m);
  const status = await m.exited.finally(() => m.stop());
  if (status !== 0) throw new Error(`${name}: status ${status}\n${m.output}\n${m.errorOutput}`);
  const sym = (s: string) => {
    const v = image.linked.symbols.get(s);
    if (v === undefined) throw new Error(`no symbol ${s}`);
    return new DataView(m.readPhys(((v >>> 0) - KERNEL_BASE) >>> 0, 4).buffer).getUint32(0, true);
  };
  const work = recorder.segments.find((s) => s.name === 'work');
  if (!work) throw new Error(`${name}: no markers\n${m.output}`);
  const heapStart = sym('from_base'); // the big run never flipped
  return { instructions: work.instructions, gcCount: sym('gc_count'), allocated: sym('heap_ptr') - heapStart, half: sym('heap_half') };
}

console.log(`Collector cost against allocation (GC instructions = marked instructions in a ${SMALL_MIB} MiB machine minus in a ${BIG_MIB} MiB one that does not collect)`);
try {
  for (const p of PATTERNS) {
    const big = await run(`${p.name}-big`, p.body, p.n, BIG_MIB);
    const small = await run(`${p.name}-small`, p.body, p.n, SMALL_MIB);
    if (big.gcCount !== 0) console.log(`  (${p.name}: the ${BIG_MIB} MiB run collected ${big.gcCount} times; the figures below are low)`);
    const gc = small.instructions - big.instructions;
    const kib = big.allocated / 1024;
    console.log(
      `${p.name.padEnd(11)} ${(kib / 1024).toFixed(1).padStart(6)} MiB allocated  ${String(small.gcCount).padStart(4)} collections` +
      ` (semispace ${(small.half / 2 ** 20).toFixed(1)} MiB)  ${(gc / 1e6).toFixed(1).padStart(7)} M GC instructions` +
      `  ${(gc / kib).toFixed(0).padStart(6)} per KiB allocated  ${((100 * gc) / small.instructions).toFixed(1).padStart(5)}% of the work   ${p.about}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
