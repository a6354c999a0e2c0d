// Where the shell's start-up goes, exactly: boots the root file system with `trace=traps`
// (kernel/proc/scheduler.ts writes each entry to ring 3 and each trap back to port 0x81,
// a fault's address to 0x82) and charges the guest instructions between those writes: from
// an entry to the trap to the process (user mode), from a trap to the next entry to the
// trap's cause (a system call by name, a page fault by the region of its address, an IRQ).
// Prints the banner-to-prompt window, then a command's (Enter to the next prompt).
// Prints figures; asserts nothing.
//
//   npm run bench:startup
//   CMD='ls /bin' npm run bench:startup     another command than echo hi
//   TWICE=1 npm run bench:startup           the command's second run (its file cached)
//   SEQ=1 npm run bench:startup             each system call, with the user time before it
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { buildRootfs, rootfsCmdline } from '../image-builder/rootfs.ts';
import { projectRoot } from '../image-builder/paths.ts';
import { bootImage } from '../host/v86-runner.ts';
import { TSBC_BASE } from '../boot/user/entry.ts';
import { FIRST_PROMPT } from '../user/lib/prompt.ts';

const TRACE_PORT = 0x81, TRACE_CR2_PORT = 0x82;

const names = new Map<number, string>();
const syscallDir = join(projectRoot(), 'kernel', 'syscall');
for (const f of readdirSync(syscallDir)) {
  for (const m of readFileSync(join(syscallDir, f), 'utf8').matchAll(/register\((\d+), '(\w+)'/g)) names.set(+m[1], m[2]);
}

/** tsvm's ELF sections (build/tsvm: .text at 0x08049000) and the areas tsvm maps. */
function region(a: number): string {
  if (a >= 0x08048000 && a < 0x0805e000) return 'tsvm text';
  if (a >= 0x0805e000 && a < 0x08063000) return 'tsvm rodata/data';
  if (a >= 0x08063000 && a < 0x08100000) return 'tsvm bss';
  if (a >= TSBC_BASE - 0x1000 && a < TSBC_BASE + 0x1000_0000) return 'bytecode (tsbc)';
  if (a >= 0xb000_0000) return 'heap/stack (mmap, top down)';
  return 'other';
}

interface Ev { n: number; kind: number; vector: number; arg: number }

const machine = await bootImage({ image: assembleKernel().elf, memoryMiB: 128, cmdline: rootfsCmdline('trace=traps'), initrd: buildRootfs() });
let events: Ev[] = [];
let lastCr2 = 0;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const io = (machine as any).emulator.v86.cpu.io;
const none = () => {};
io.register_write(TRACE_CR2_PORT, {}, none, none, (v: number) => { lastCr2 = v >>> 0; });
io.register_write(TRACE_PORT, {}, none, none, (v: number) => {
  const vector = (v >>> 16) & 0xff;
  events.push({ n: machine.instructionCount(), kind: v >>> 24, vector, arg: vector === 14 ? lastCr2 : v & 0xffff });
});

let text = '';
const decoder = new TextDecoder();
const waiters: { needle: string; from: number; resolve: (n: number) => void }[] = [];
machine.onSerial((bytes) => {
  text += decoder.decode(bytes, { stream: true });
  for (let i = 0; i < waiters.length; i++) {
    const w = waiters[i];
    if (text.indexOf(w.needle, w.from) >= 0) {
      waiters.splice(i--, 1);
      w.resolve(machine.instructionCount());
    }
  }
});
const when = (needle: string, from = text.length) => new Promise<number>((resolve) => waiters.push({ needle, from, resolve }));

function report(title: string, evs: Ev[], from: number, to: number): void {
  const user = new Map<number, number>();
  const kern = new Map<string, { n: number; count: number }>();
  const seq: string[] = [];
  let pid = 0, last = from, inUser = false, cause = 'kernel, before the first entry to user mode';
  const charge = (key: string, n: number, count: number) => {
    const e = kern.get(key) ?? { n: 0, count: 0 };
    e.n += n;
    e.count += count;
    kern.set(key, e);
  };
  for (const e of evs) {
    if (e.n < from) continue;
    const d = e.n - last;
    if (e.kind === 1) {
      charge(cause, d, 0);
      pid = e.arg;
      inUser = true;
    } else {
      user.set(pid, (user.get(pid) ?? 0) + d);
      inUser = false;
      const what = e.vector === 0x80 ? 'sys ' + (names.get(e.arg) ?? e.arg) : e.vector === 14 ? 'fault ' + region(e.arg)
        : e.vector >= 0x20 && e.vector < 0x30 ? 'irq ' + (e.vector - 0x20) : 'trap ' + e.vector;
      cause = `pid ${pid} ${what}`;
      charge(cause, 0, 1);
      if (e.vector === 0x80) seq.push(`pid ${pid} +${(d / 1000).toFixed(0)}K user, then ${what}`);
    }
    last = e.n;
  }
  if (inUser) user.set(pid, (user.get(pid) ?? 0) + to - last);
  else charge(cause, to - last, 0);
  const m = (n: number) => (n / 1e6).toFixed(3).padStart(7) + 'M';
  console.log(`\n== ${title}: ${m(to - from)} guest instructions`);
  for (const [p, n] of user) console.log(`  ${m(n)}  user mode, pid ${p}`);
  for (const [k, v] of [...kern].sort((x, y) => y[1].n - x[1].n)) {
    if (v.n >= 20_000) console.log(`  ${m(v.n)}  ${k}${v.count > 1 ? ` (x${v.count})` : ''}`);
  }
  if (process.env.SEQ) for (const s of seq) console.log('    ' + s);
}

const banner = await when('tskern ', 0);
const prompt = await when(FIRST_PROMPT, 0);
report('banner to the first prompt', events, banner, prompt);
const cmd = process.env.CMD ?? 'echo hi';
if (process.env.TWICE) {
  const again = when(FIRST_PROMPT);
  machine.sendSerial(cmd + '\r');
  await again;
}
const echoed = when(cmd + '\n');
machine.sendSerial(cmd + '\r');
const enter = await echoed;
events = events.filter((e) => e.n >= enter);
const next = await when(FIRST_PROMPT, text.lastIndexOf(cmd + '\n'));
report(`"${cmd}": Enter to the next prompt${process.env.TWICE ? ' (second run)' : ''}`, events, enter, next);
await machine.stop();
