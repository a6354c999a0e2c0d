// The shell's start-up figures under Node's v86: guest instructions and wall time from
// power-on to the banner, from the banner to the shell's first prompt, from typing a
// command (a tsvm program: fork, exec, tsvm's start, the program) to its first output and
// to the next prompt. The counts are read in the serial listener, inside the emulator's
// loop (exact to within one of its blocks). Prints figures; asserts nothing.
//
//   npm run bench:shell

import { assembleKernel } from '../image-builder/build.ts';
import { buildRootfs, rootfsCmdline } from '../image-builder/rootfs.ts';
import { bootImage } from '../host/v86-runner.ts';
import { FIRST_PROMPT } from '../user/lib/prompt.ts';

const RUNS = 3;
const COMMANDS = ['echo hi', 'pt 1 0x08049000', 'ls /bin'];

const image = assembleKernel().elf;
const initrd = buildRootfs();
const fmt = (n: number) => (n / 1e6).toFixed(2) + 'M';

interface Mark { instructions: number; ms: number }

for (let run = 1; run <= RUNS; run++) {
  const t0 = performance.now();
  const machine = await bootImage({ image, memoryMiB: 128, cmdline: rootfsCmdline(), initrd });
  let text = '';
  const decoder = new TextDecoder();
  const waiters: { needle: string; from: number; resolve: (m: Mark) => void }[] = [];
  machine.onSerial((bytes) => {
    text += decoder.decode(bytes, { stream: true });
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (text.indexOf(w.needle, w.from) >= 0) {
        waiters.splice(i--, 1);
        w.resolve({ instructions: machine.instructionCount(), ms: performance.now() - t0 });
      }
    }
  });
  const when = (needle: string, from = text.length) => new Promise<Mark>((resolve) => waiters.push({ needle, from, resolve }));
  const banner = when('tskern ', 0);
  const prompt = when(FIRST_PROMPT, 0);
  const b = await banner, p = await prompt;
  process.stdout.write(`run ${run}: power-on to banner ${fmt(b.instructions)} instructions, ${b.ms.toFixed(0)} ms; ` +
    `banner to prompt ${fmt(p.instructions - b.instructions)} instructions, ${(p.ms - b.ms).toFixed(0)} ms\n`);
  for (const command of COMMANDS) {
    const echoed = when(command + '\n');
    const start = { instructions: machine.instructionCount(), ms: performance.now() - t0 };
    machine.sendSerial(command + '\r');
    const e = await echoed;
    const first = when('\n', text.indexOf(command + '\n') + command.length + 1);
    const next = when(FIRST_PROMPT, text.indexOf(command + '\n') + command.length + 1);
    const f = await first, n = await next;
    process.stdout.write(`  ${command.padEnd(16)} Enter to first output line ${fmt(f.instructions - e.instructions)} instructions, ` +
      `${(f.ms - e.ms).toFixed(0)} ms; to the next prompt ${fmt(n.instructions - start.instructions)}, ${(n.ms - start.ms).toFixed(0)} ms\n`);
  }
  await machine.stop();
}
