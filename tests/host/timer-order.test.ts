// Issue 14 part 4: timers a few ms apart fire in Node's order while the host is busy. The
// guest program (programs/timer-order.ts) interleaves a chain of 10 ms timers with lone
// timers 5 ms off its steps, 20 rounds; it prints the rounds whose order differs from the
// order by due time, which is Node's. The host is as busy as the suite makes it (other test
// files boot their machines beside this one), so the runner must wake the halted guest on
// time while the cores are contended (host/precise-wake.ts: a sleep that ends on time instead
// of v86's setImmediate spin, which the host's scheduler preempts for whole slices). How late
// wake-ups are under an added load is a figure of bench/timers.ts, not asserted here: no
// process, Node included, keeps 5 ms deadlines on an oversubscribed host.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { programOutput } from '../interp/run.ts';

const program = fileURLToPath(new URL('./programs/timer-order.ts', import.meta.url));

/**
 * Rounds that must come out in order. Not all 20: on a busy host the kernel's scheduler can
 * hold any process back for more than 5 ms, and Node itself then slips a round (19/20
 * measured beside 2 spinning processes on 2 cores); v86's own scheduler got 0/20 there,
 * the precise waker 18/20 at moderate load.
 */
const MIN_IN_ORDER = 15;
/**
 * Load average per core beyond which the test says it cannot judge (in CI too: a host
 * oversubscribed by others gives no process a core within 5 ms; that is not a missing
 * oracle but a machine that cannot show the property).
 */
const MAX_LOAD_PER_CORE = 3;

test('timers 5 ms apart fire in due order on a busy host', { retry: 2, timeout: 120_000 }, async (ctx) => {
  const load = loadavg()[0];
  if (load > MAX_LOAD_PER_CORE * cpus().length) {
    ctx.skip(`the host is oversubscribed by others (load average ${load.toFixed(1)} on ${cpus().length} cores): no process gets a core within 5 ms`);
  }
  const elf = assembleKernel({ program: encodeModule(compileProgram(program).module) }).elf;
  const m = await bootImage({ image: elf, memoryMiB: 64 });
  try {
    expect(await m.exited).toBe(0);
  } finally {
    await m.stop();
  }
  const lines = programOutput(m.output).trim().split('\n');
  const summary = /^in order: (\d+)\/20$/.exec(lines.pop()!);
  expect(summary, m.output).not.toBeNull();
  for (const l of lines) expect(l).toMatch(/^round \d+: /);
  expect(Number(summary![1]), lines.join('\n')).toBeGreaterThanOrEqual(MIN_IN_ORDER);
});
