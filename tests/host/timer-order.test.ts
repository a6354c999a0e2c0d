// Issue 14 part 4: timers a few ms apart fire in Node's order while the host is busy. The
// guest program (programs/timer-order.ts) interleaves a chain of 10 ms timers with lone
// timers 5 ms off its steps, 20 rounds; it prints the rounds whose order differs from the
// order by due time, which is Node's. The host is kept busy by as many spinning Node
// processes as it has cores, so the runner must wake the halted guest on time even when the
// cores are contended (host/precise-wake.ts: a sleep that ends on time instead of v86's
// setImmediate spin, which the kernel's scheduler preempts for whole slices).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { programOutput } from '../interp/run.ts';
import { CI } from '../oracle.ts';

const program = fileURLToPath(new URL('./programs/timer-order.ts', import.meta.url));
let busy: ChildProcess[] = [];

beforeAll(() => {
  busy = cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
});
afterAll(() => {
  for (const p of busy) p.kill();
});

/**
 * Rounds that must come out in order. Not all 20: on a host already oversubscribed by other
 * tenants (load average 10 on 2 cores) the kernel's scheduler can hold any process back
 * for more than 5 ms, and Node itself then slips a round (19/20 measured beside this test's
 * load); v86's own scheduler got 0/20 there, the precise waker 18/20.
 */
const MIN_IN_ORDER = 18;
/** Load average per core beyond which (other tenants) the test says it cannot judge, outside CI. */
const MAX_LOAD_PER_CORE = 3;

test('timers 5 ms apart fire in due order on a busy host', { retry: 2, timeout: 120_000 }, async (ctx) => {
  const load = loadavg()[0];
  if (!CI && load > MAX_LOAD_PER_CORE * cpus().length) {
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
