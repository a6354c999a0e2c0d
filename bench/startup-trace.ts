// Where the shell's start-up goes, exactly: needs the probe in kernel/proc/scheduler.ts
// (outl 0x81 before and after enterUser). Charges the instructions between "enter user"
// and the trap to the process (user), and those from the trap to the next entry to the
// trap's cause (syscall by name, page fault, irq) and the process.
import { readFileSync, readdirSync } from 'node:fs';
import { assembleKernel } from '../image-builder/build.ts';
import { buildRootfs, rootfsCmdline } from '../image-builder/rootfs.ts';
import { bootImage } from '../host/v86-runner.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { KERNEL_ENTRY } from '../image-builder/build.ts';
import { projectRoot } from '../image-builder/paths.ts';
import { FN_INDEX, FRAME_SLOT, fslot } from '../boot/interp/layout.ts';
import { KERNEL_BASE } from '../boot/layout.ts';
import { FIRST_PROMPT } from '../user/lib/prompt.ts';

const names = new Map<number, string>();
for (const f of readdirSync('kernel/syscall')) {
  for (const m of readFileSync('kernel/syscall/' + f, 'utf8').matchAll(/register\((\d+), '(\w+)'/g)) names.set(+m[1], m[2]);
}
const kernelImage = assembleKernel();
const image = kernelImage.elf;
const kmod = compileProgram(KERNEL_ENTRY, { root: projectRoot(), define: { TSKERN_VERSION: JSON.stringify('0') }, functionSources: false }).module;
const symbols = [...kernelImage.linked.symbols].map(([name, addr]) => ({ name, addr: addr >>> 0 })).sort((a, b) => a.addr - b.addr);
function symbolAt(eip: number): string {
  let lo = 0, hi = symbols.length - 1, best = -1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (symbols[mid].addr <= eip) { best = mid; lo = mid + 1; } else hi = mid - 1; }
  return best < 0 ? `0x${eip.toString(16)}` : symbols[best].name;
}
const initrd = buildRootfs();
const machine = await bootImage({ image, memoryMiB: 128, cmdline: rootfsCmdline(), initrd });
interface Ev { n: number; kind: number; a: number; b: number }
let events: Ev[] = [];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v86 = (machine as any).emulator.v86;
const rec = (v: number) => {
  if (v >>> 24 === 2) { const a = (v >>> 16) & 0xff, b = v & 0xffff; curCause = a === 0x80 ? 'sys ' + (names.get(b) ?? b) : a === 14 ? 'page fault' : 'trap ' + a; } else curCause = 'user'; events.push({ n: machine.instructionCount(), kind: v >>> 24, a: (v >>> 16) & 0xff, b: ((v >>> 16) & 0xff) === 14 ? lastCr2 : v & 0xffff }); };
let lastCr2 = 0;
let lastSub = 0, lastSubN = 0;
v86.cpu.io.register_write(0x83, {}, () => {}, () => {}, (v: number) => {
  const n = machine.instructionCount();
  if (lastSub) console.log(`    sub ${lastSub}->${v}: ${((n - lastSubN) / 1000).toFixed(0)}K`);
  lastSub = v; lastSubN = n;
});
v86.cpu.io.register_write(0x82, {}, () => {}, () => {}, (v: number) => { lastCr2 = v >>> 0; });
v86.cpu.io.register_write(0x81, {}, () => {}, () => {}, rec);
const word = (virt: number): number | undefined => {
  const phys = virt - KERNEL_BASE;
  if (phys < 0 || phys + 4 > 128 * 1024 * 1024) return undefined;
  const b = machine.readPhys(phys, 4);
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
};
function runningFunction(): string {
  const ebp = machine.generalRegisters()[5];
  const fn = word(ebp + fslot(FRAME_SLOT.function));
  const index = fn === undefined ? undefined : word(fn + FN_INDEX);
  const f = index === undefined ? undefined : kmod.functions[index];
  if (!f) return '(not in a frame)';
  const p = f.sourceMap[0];
  return `${f.name ?? '<anonymous>'} ${p ? `${kmod.files[p.file]}:${p.line}` : ''}`;
}
const samples = new Map<string, Map<string, number>>();
let curCause = 'boot';
setInterval(() => {
  const eip = machine.instructionPointer();
  const key = eip < 0xc0000000 ? 'USER' : runningFunction() + ' [' + symbolAt(eip) + ']';
  let m = samples.get(curCause); if (!m) samples.set(curCause, m = new Map());
  m.set(key, (m.get(key) ?? 0) + 1);
}, 0).unref();
let text = '';
const decoder = new TextDecoder();
const waiters: { needle: string; from: number; resolve: (n: number) => void }[] = [];
machine.onSerial((bytes) => {
  text += decoder.decode(bytes, { stream: true });
  for (let i = 0; i < waiters.length; i++) {
    const w = waiters[i];
    if (text.indexOf(w.needle, w.from) >= 0) { waiters.splice(i--, 1); w.resolve(machine.instructionCount()); }
  }
});
const when = (needle: string, from = text.length) => new Promise<number>((resolve) => waiters.push({ needle, from, resolve }));

function region(a: number): string {
  if (a >= 0x08048000 && a < 0x0805e000) return 'tsvm text';
  if (a >= 0x0805e000 && a < 0x08063000) return 'tsvm rodata/data';
  if (a >= 0x08063000 && a < 0x08100000) return 'tsvm bss';
  if (a >= 0x20000000 && a < 0x30000000) return 'tsbc';
  if (a >= 0xb0000000) return 'stack';
  return 'other ' + (a >>> 20).toString(16) + 'xxxxx';
}
function report(title: string, evs: Ev[], from: number, to: number): void {
  const user = new Map<number, number>();
  const kern = new Map<string, { n: number; count: number }>();
  const seq: string[] = [];
  let pid = 0, last = from, inUser = false, cause = 'kernel (before first entry)';
  const charge = (key: string, n: number, count = 0) => {
    const e = kern.get(key) ?? { n: 0, count: 0 };
    e.n += n; e.count += count; kern.set(key, e);
  };
  for (const e of evs) {
    const d = e.n - last;
    if (e.kind === 1) {
      charge(cause, d); pid = e.b; inUser = true;
      if (process.env.BIG && d > 200000) console.log(`    big: ${cause} ${(d / 1000).toFixed(0)}K`);
    } else {
      user.set(pid, (user.get(pid) ?? 0) + d); inUser = false;
      const what = e.a === 0x80 ? 'sys ' + (names.get(e.b) ?? e.b) : e.a === 14 ? 'fault ' + region(e.b) : e.a >= 0x20 && e.a < 0x30 ? 'irq ' + (e.a - 0x20) : 'trap ' + e.a;
      cause = `pid ${pid} ${what}`;
      charge(cause, 0, 1);
      if (e.a === 0x80) seq.push(`pid ${pid} +${(d / 1000).toFixed(0)}K user, then ${what}`);
    }
    last = e.n;
  }
  if (!inUser) charge(cause, to - last); else user.set(pid, (user.get(pid) ?? 0) + to - last);
  console.log(`\n== ${title}: ${((to - from) / 1e6).toFixed(2)}M instructions`);
  for (const [p, n] of user) console.log(`  user pid ${p}: ${(n / 1e6).toFixed(2)}M`);
  const rows = [...kern].sort((x, y) => y[1].n - x[1].n);
  let ksum = 0;
  for (const [, v] of rows) ksum += v.n;
  console.log(`  kernel total ${(ksum / 1e6).toFixed(2)}M`);
  for (const [k, v] of rows.slice(0, 30)) console.log(`  ${(v.n / 1e6).toFixed(3).padStart(8)}M  x${String(v.count).padEnd(5)} ${k}`);
  if (process.env.SEQ) for (const s of seq) console.log('    ' + s);
}

const banner = await when('tskern ', 0);
const startEvents = events.length;
const prompt = await when(FIRST_PROMPT, 0);
const bootEvents = events.slice(0, events.length);
report('banner to prompt', bootEvents.filter((e) => e.n >= banner), banner, prompt);
events = [];
const cmd = process.env.CMD ?? 'echo hi';
if (process.env.TWICE) { const n2 = when(FIRST_PROMPT, text.length); machine.sendSerial(cmd + '\r'); await n2; events = []; }
const s = machine.instructionCount();
const next = when(FIRST_PROMPT, text.length);
machine.sendSerial(cmd + '\r');
const end = await next;
report(`"${cmd}" Enter to the next prompt`, events, s, end);
void startEvents;
if (process.env.PROF) for (const [cause, m] of samples) {
  const total = [...m.values()].reduce((x, y) => x + y, 0);
  if (total < 20) continue;
  console.log(`\n-- ${cause}: ${total} samples`);
  for (const [k, n] of [...m].sort((x, y) => y[1] - x[1]).slice(0, 12)) console.log(`  ${((100 * n) / total).toFixed(1).padStart(5)}% ${k}`);
}
await machine.stop();
