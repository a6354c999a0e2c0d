// Timer lateness on an idle and on a loaded host (issue 14 part 4). A guest program
// (bench/timers/lateness.ts) chains 400 timers of 1 to 5 ms and reports how late each ran
// after its due time on the guest's clock (v86's TSC follows the host's clock: host ms).
// The host side reports how late the runner started each slice after a wait against the
// due time of v86's next hardware timer (host/precise-wake.ts), and the host CPU the run
// used per second of wall time (a spinning runner uses ~1). Each run twice: with v86's own
// scheduler ('v86': setImmediate under 1 ms) and with the precise waker ('precise', the
// default), without load and with LOAD_PROCESSES busy Node processes. On a host that other
// tenants already oversubscribe the figures vary from run to run by more than the
// difference between the two (see docs/architecture.md, Host). Figures only.
//
//   npm run bench   (or: npx esbuild bench/timers.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=build/bench/timers.mjs && node build/bench/timers.mjs)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { assembleKernel } from '../image-builder/build.ts';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { bootImage } from '../host/v86-runner.ts';
import type { WakeMode } from '../host/precise-wake.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = existsSync(join(here, 'timers', 'lateness.ts')) ? here : join(here, '../../bench/');
/** More busy processes than cores: every core stays contended. */
const LOAD_PROCESSES = cpus().length + 2;

const elf = assembleKernel({ program: encodeModule(compileProgram(join(benchDir, 'timers', 'lateness.ts')).module) }).elf;

function pct(sorted: number[], p: number): string {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2) : '-';
}

async function run(mode: WakeMode): Promise<string> {
  const m = await bootImage({ image: elf, memoryMiB: 64, wake: mode });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    await m.exited;
  } finally {
    await m.stop();
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const guest = /lateness ms \(warm\): (.*)/.exec(m.output)?.[1] ?? `no report: ${m.output.slice(-200)}`;
  const host = m.wakeLateness()!.sorted();
  const wakes = host.length ? `host wake-ups late ms: p50 ${pct(host, 0.5)} p99 ${pct(host, 0.99)} max ${pct(host, 1)} n ${host.length}`
    : 'host wake-ups: none (v86 spins through setImmediate)';
  return `guest timers (warm) late ms: ${guest}\n${''.padEnd(28)}${wakes}; host CPU ${((cpu.user + cpu.system) / 1000 / wall).toFixed(2)} s/s of wall time`;
}

function startLoad(): ChildProcess[] {
  return Array.from({ length: LOAD_PROCESSES }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

console.log('Timer lateness (guest setTimeout chains of 1-5 ms; host wake-ups of the halted guest)');
for (const load of [0, LOAD_PROCESSES]) {
  const busy = load ? startLoad() : [];
  try {
    if (load) await new Promise((r) => setTimeout(r, 500));
    for (const mode of ['v86', 'precise'] as const) {
      console.log(`${(load ? `${load} busy processes` : 'no added load').padEnd(18)} ${mode.padEnd(8)} ${await run(mode)}`);
    }
  } finally {
    for (const p of busy) p.kill();
  }
}
