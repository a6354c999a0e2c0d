// A statistical profile of a program running in the guest (EIP sampled in v86; bench/profile.ts
// counts ops exactly in the reference VM instead): where the x86 interpreter and
// its routines spend their time.
//
//   npm run profile -- FILE.ts
//
// Compiles FILE.ts with the prelude, boots it, and samples the guest's EIP between v86's
// execution slices (every few hundred microseconds of emulation); each sample is charged to
// the nearest symbol at or below it (handlers are `op_<Name>`, routines by their names).
// Each sample is also charged to the bytecode function running (the interpreter keeps ebp
// at the current frame's registers; the frame's function slot gives the function record).
// Samples are not instruction-exact (v86 runs in blocks, so block entries are favoured),
// but large costs stand out; use `tskern run --stats` and the @@B/@@E markers for exact
// counts.
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { bootImage } from '../host/v86-runner.ts';
import { FN_INDEX, FRAME_SLOT, fslot } from '../boot/interp/layout.ts';
import { KERNEL_BASE } from '../boot/layout.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run profile -- FILE.ts');
  process.exit(2);
}
const module = compileProgram(file).module;
const program = encodeModule(module);
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
const functions = new Map<string, number>();
let samples = 0;
const word = (virt: number): number | undefined => {
  const phys = virt - KERNEL_BASE;
  if (phys < 0 || phys + 4 > 64 * 1024 * 1024) return undefined;
  const b = m.readPhys(phys, 4);
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
};
function runningFunction(): string {
  const ebp = m.generalRegisters()[5];
  const fn = word(ebp + fslot(FRAME_SLOT.function));
  const index = fn === undefined ? undefined : word(fn + FN_INDEX);
  const f = index === undefined ? undefined : module.functions[index];
  if (!f) return '(not in a frame)';
  const p = f.sourceMap[0];
  return `${f.name ?? '<anonymous>'} ${p ? `${module.files[p.file]}:${p.line}` : ''}`;
}
const timer = setInterval(() => {
  const name = symbolAt(m.instructionPointer());
  counts.set(name, (counts.get(name) ?? 0) + 1);
  const fn = runningFunction();
  functions.set(fn, (functions.get(fn) ?? 0) + 1);
  samples++;
}, 0);
const status = await m.exited.catch(() => -1);
clearInterval(timer);
await m.stop();
console.log(`status ${status}, ${m.instructionCount()} guest instructions, ${samples} samples`);
const table = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * n) / samples).toFixed(1).padStart(5)}%  ${name}`);
  }
};
table('by machine code (handler or routine):', counts);
table('by bytecode function running:', functions);
