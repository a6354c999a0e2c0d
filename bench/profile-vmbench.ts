// A statistical profile of the kernel while ../shared/bench/vmbench.c runs as PID 1 (as
// bench/vmbench.ts runs it): guest EIP sampled between v86's execution slices, charged to
// the nearest native symbol and to the bytecode function running (see bench/profile-guest.ts
// for the method and its limits). For finding where a system call or fault spends its time.
//
//   node build/bench/profile-vmbench.mjs [--only TAG] [--budget S]    (TAG as vmbench's BENCH_ONLY: getppid a_wr a_rd mmap fork cow mprot)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KERNEL_ENTRY, assembleKernel } from '../image-builder/build.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { projectRoot } from '../image-builder/paths.ts';
import { bootExec } from '../host/exec.ts';
import { FN_INDEX, FRAME_SLOT, fslot } from '../boot/interp/layout.ts';
import { KERNEL_BASE } from '../boot/layout.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, budget: { type: 'string' } } });
const root = projectRoot();
const bin = join(root, 'build', 'bench', 'vmbench');
execFileSync('gcc', ['-m32', '-march=i686', '-static', '-O2', '-o', bin, join(root, '..', 'shared', 'bench', 'vmbench.c')]);
const { module } = compileProgram(KERNEL_ENTRY, { root, define: { TSKERN_VERSION: JSON.stringify('profile') } });
const kernel = assembleKernel();
const symbols = [...kernel.linked.symbols].map(([name, addr]) => ({ name, addr: addr >>> 0 })).sort((a, b) => a.addr - b.addr);
function symbolAt(eip: number): string {
  let lo = 0, hi = symbols.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].addr <= eip) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best < 0 ? `0x${eip.toString(16)}` : symbols[best].name;
}
const env = [`BENCH_BUDGET=${values.budget ?? '0.5'}`, 'BENCH_WARMUP=0'];
if (values.only) env.push(`BENCH_ONLY=${values.only}`);
const m = await bootExec({
  image: kernel.elf, program: bin, argv: ['/init'], memoryMiB: 256, cmdline: env.join(' '),
  ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
});
const mem = 256 * 1024 * 1024;
const word = (virt: number): number | undefined => {
  const phys = (virt - KERNEL_BASE) >>> 0;
  if (phys + 4 > mem) return undefined;
  const b = m.readPhys(phys, 4);
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
};
const counts = new Map<string, number>(), functions = new Map<string, number>();
let samples = 0;
const timer = setInterval(() => {
  const eip = m.instructionPointer();
  if (eip < KERNEL_BASE) return; // user mode
  counts.set(symbolAt(eip), (counts.get(symbolAt(eip)) ?? 0) + 1);
  const ebp = m.generalRegisters()[5];
  const fn = word(ebp + fslot(FRAME_SLOT.function));
  const index = fn === undefined ? undefined : word(fn + FN_INDEX);
  const f = index === undefined ? undefined : module.functions[index];
  const name = f ? `${f.name ?? '<anonymous>'} ${f.sourceMap[0] ? `${module.files[f.sourceMap[0].file]}:${f.sourceMap[0].line}` : ''}` : '(not in a frame)';
  functions.set(name, (functions.get(name) ?? 0) + 1);
  samples++;
}, 0);
await m.exited.catch(() => -1);
clearInterval(timer);
await m.stop();
const table = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * n) / samples).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${samples} kernel-mode samples`);
table('by machine code:', counts);
table('by bytecode function:', functions);
