// A statistical profile of a program running in the guest: where the x86 interpreter and
// its routines spend their time.
//
//   npm run profile -- FILE.ts [--prelude-only]
//
// Compiles FILE.ts with the prelude, boots it, and samples the guest's EIP between v86's
// execution slices (every few hundred microseconds of emulation); each sample is charged to
// the nearest symbol at or below it (handlers are `op_<Name>`, routines by their names).
// Samples are not instruction-exact (v86 runs in blocks), but large costs stand out; use
// `tskern run --stats` and the @@B/@@E markers for exact counts.
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { bootImage } from '../host/v86-runner.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run profile -- FILE.ts');
  process.exit(2);
}
const program = encodeModule(compileProgram(file).module);
const kernel = assembleKernel({ program });
const symbols = [...kernel.linked.symbols].map(([name, addr]) => ({ name, addr: addr >>> 0 })).sort((a, b) => a.addr - b.addr);

function symbolAt(eip: number): string {
  let lo = 0, hi = symbols.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].addr <= eip) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best < 0 ? `0x${eip.toString(16)}` : symbols[best].name;
}

const m = await bootImage({ image: kernel.elf, memoryMiB: 64 });
const counts = new Map<string, number>();
let samples = 0;
const timer = setInterval(() => {
  const name = symbolAt(m.instructionPointer());
  counts.set(name, (counts.get(name) ?? 0) + 1);
  samples++;
}, 0);
const status = await m.exited.catch(() => -1);
clearInterval(timer);
await m.stop();
console.log(`status ${status}, ${m.instructionCount()} guest instructions, ${samples} samples`);
const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [name, n] of rows) console.log(`${((100 * n) / samples).toFixed(1).padStart(5)}%  ${name}`);
