// The kernel's entry in TypeScript: compiled to bytecode and run by the interpreter once
// the native boot code has brought the CPU up (paging, GDT/IDT, PIC, clock). It prints the
// banner, asks for the native boot report, takes over traps and interrupts, and leaves the
// rest to the event loop (runtime/prelude/async.ts): microtasks, due timers, then
// `sti; hlt` until the next interrupt, whose handlers run from the loop's interrupt hook.

import { bootReport, commandLine, irqCount, readCr3, virtRead32 } from './arch/intrinsics.ts';
import { installInterrupts, onIrq } from './arch/irq.ts';
import { installTraps } from './arch/traps.ts';
import { setPitFrequency } from './dev/pit.ts';
import { COM1, SerialInput, Uart16550 } from './dev/uart16550.ts';
import { runMmSelftest } from './mm/selftest.ts';
import { startProcesses } from './proc/boot.ts';
import { createKernelMemory } from './mm/boot-memory.ts';
import { publishKernel, startInspectChannel } from './debug/inspect-channel.ts';
import { InspectDemo } from './debug/inspect-demo.ts';
import { runStorageSelftest } from './fs/selftest.ts';
import { runFbTest } from './dev/fb-test.ts';

/** Set by the image build (esbuild `define`) from package.json. */
declare const TSKERN_VERSION: string;

/** The kernel's tick rate (IRQ 0). */
export const HZ = 100;
const IRQ_TIMER = 0, IRQ_COM1 = 4;

export function kernelMain(version: string): Uart16550 {
  const console = new Uart16550(COM1);
  console.init();
  // under `tskern exec` COM1 is the program's stdout: nothing of the kernel's goes there
  if (!hasOption(commandLine(), 'exec')) console.write('tskern ' + version + ' (i386, PAE paging, kernel half at 0xc0000000)\n');
  return console;
}

/** Whether the whitespace-separated command line has the word `option`. */
export function hasOption(cmdline: string, option: string): boolean {
  return cmdline.split(' ').indexOf(option) >= 0;
}

/** `selftest=mm`: run kernel/mm's self-test, report, and power off with its verdict. */
async function mmSelftest(console: Uart16550): Promise<void> {
  const r = await runMmSelftest((line) => console.write(line + '\n'));
  console.write(r.passed + ' passed, ' + r.failed + ' failed\n');
  console.write('frames free before=' + r.framesBefore + ' after=' + r.framesAfter + '\n');
  process.exit(r.failed === 0 && r.framesBefore === r.framesAfter ? 0 : 1);
}

/** `selftest=ext2`: the storage stack on the disk attached as hdb; power off with its verdict. */
async function storageSelftest(console: Uart16550): Promise<void> {
  installTraps();
  installInterrupts();
  setPitFrequency(HZ);
  const r = await runStorageSelftest((line) => console.write(line + '\n'), commandLine().split(' '));
  console.write(r.passed + ' passed, ' + r.failed + ' failed\n');
  process.exit(r.failed === 0 ? 0 : 1);
}

/** Timer ticks seen by the IRQ 0 handler. */
let ticks = 0;

/**
 * Echoes what arrives on the serial line (Enter as a new line, Backspace erasing); with
 * `onLine`, also hands it each line typed (ASCII, Backspace applied) at Enter.
 */
export async function echo(input: SerialInput, out: Uart16550, onLine?: (line: string) => void): Promise<never> {
  let line = '';
  for (;;) {
    const b = await input.read();
    if (b === 0x0d) {
      out.write('\n');
      if (onLine !== undefined) onLine(line);
      line = '';
    } else if (b === 0x7f || b === 0x08) {
      out.write('\b \b');
      line = line.slice(0, -1);
    } else {
      out.writeByte(b);
      if (onLine !== undefined && b >= 0x20 && b < 0x7f) line += String.fromCharCode(b);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Two tasks awaiting timers of different periods: their lines interleave on the ticks. */
async function tasksDemo(out: Uart16550): Promise<void> {
  const ticker = async (name: string, period: number, rounds: number) => {
    for (let i = 1; i <= rounds; i++) {
      await sleep(period);
      out.write('task ' + name + ' round ' + i + ' at tick ' + ticks + '\n');
    }
  };
  const start = ticks;
  await Promise.all([ticker('A', 200, 4), ticker('B', 500, 2)]);
  out.write('tasks done after ' + (ticks - start) + ' ticks (IRQ 0 fired ' + irqCount(IRQ_TIMER) + ' times)\n');
}

/** Touches an unmapped kernel address: the page fault reaches kernel/arch/traps.ts. */
function touchUnmapped(va: number): number {
  return virtRead32(va);
}

function faultDemo(out: Uart16550): void {
  try {
    touchUnmapped(0xf8000000);
    out.write('no fault\n');
  } catch (e) {
    out.write('caught ' + (e as Error).stack + '\n');
  }
  out.write('the kernel is still running\n');
}

export function startKernel(console: Uart16550): void {
  bootReport();
  const options = commandLine().split(' ');
  installTraps();
  installInterrupts();
  setPitFrequency(HZ);
  onIrq(IRQ_TIMER, (frame) => {
    ticks += frame.count;
  });
  // With an initial file system (a multiboot module) the kernel runs processes: PID 1 and
  // its children, with the console as their terminal. Without one, it echoes the console.
  const user = startProcesses(console, commandLine());
  if (user.tty !== null) {
    const tty = user.tty;
    onIrq(IRQ_COM1, () => {
      for (let b = console.readByte(); b >= 0; b = console.readByte()) tty.receive(b);
    });
  } else {
    // The VM inspector's demo: the kernel's memory, the inspect channel (docs/inspect-channel.md)
    // with the kernel's own tables as pid 0, and demo address spaces that typed commands change.
    const many = options.includes('test=inspect-many');
    let demo: InspectDemo | null = null;
    if (many || options.includes('test=inspect')) {
      const memory = createKernelMemory();
      if (typeof memory === 'number' || startInspectChannel(memory.frames, memory.shared.zeroPage) < 0) {
        console.write('inspect: no memory for the inspect channel\n');
      } else {
        publishKernel(0, readCr3());
        demo = new InspectDemo((line) => console.write(line + '\n'), memory);
        demo.start(many);
      }
    }
    const input = new SerialInput(console);
    onIrq(IRQ_COM1, () => input.onInterrupt());
    if (!options.includes('quiet')) console.write('serial console: typed characters are echoed\n');
    const inspectDemo = demo;
    void echo(input, console, inspectDemo === null ? undefined : (line) => inspectDemo.command(line));
  }
  if (options.includes('test=kfault')) faultDemo(console);
  if (options.includes('test=tasks')) void tasksDemo(console);
  // A TypeScript panic: an exception nobody catches, thrown from a timer callback, ends the
  // kernel as an uncaught exception ends a program: the report, then power-off with status 1.
  if (options.includes('test=kpanic')) setTimeout(() => { throw new Error('deliberate kernel panic'); }, 10);
}

if (typeof TSKERN_VERSION === 'string') {
  const console = kernelMain(TSKERN_VERSION);
  if (hasOption(commandLine(), 'selftest=mm')) void mmSelftest(console);
  else if (hasOption(commandLine(), 'selftest=ext2')) void storageSelftest(console);
  else if (hasOption(commandLine(), 'test=fb')) process.exit(runFbTest((line) => console.write(line + '\n')) === 0 ? 0 : 1);
  else startKernel(console);
}
