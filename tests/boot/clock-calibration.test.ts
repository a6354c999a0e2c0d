// The guest's clock (boot/clock.ts: the TSC calibrated against the PIT) keeps time when the
// host stalls the machine during the calibration, as a loaded host does to an emulator's
// process. The host here stalls for STALL_MS right after the PIT readings of every other
// counter latch among the first STALLED_LATCHES, the first one included: a calibration that
// took a PIT reading and the TSC after it as one instant would run its clock fast (timers
// early: issue 14's `sleep 60` that ended early under load average 20). The program prints a
// line, sets a 1000 ms timer and prints another; the host's wall time between the two lines
// must be at least the timer's delay.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { bootImage } from '../../host/v86-runner.ts';

const STALL_MS = 4;
const STALLED_LATCHES = 40;
const DELAY_MS = 1000;

interface PortEntry { read8(this: unknown, port: number): number; device: unknown }

/** Makes the host stall after the high byte of every other PIT channel 0 latch read. */
function stallPitReads(v86: unknown): void {
  const entry = (v86 as { cpu: { io: { ports: PortEntry[] } } }).cpu.io.ports[0x40];
  const read = entry.read8;
  let reads = 0;
  entry.read8 = function (port: number): number {
    const value = read.call(this, port);
    reads++;
    const latch = reads / 2; // two byte reads a latch, counted from 1
    if (Number.isInteger(latch) && latch <= STALLED_LATCHES && latch % 2 === 1) {
      const until = performance.now() + STALL_MS;
      while (performance.now() < until) { /* the host is busy elsewhere */ }
    }
    return value;
  };
}

test('a host stall during the clock calibration does not make timers fire early', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-clock-'));
  const file = join(dir, 'timer.ts');
  writeFileSync(file, `console.log('set');\nsetTimeout(() => console.log('fired'), ${DELAY_MS});\n`);
  const elf = assembleKernel({ program: encodeModule(compileProgram(file).module) }).elf;
  const m = await bootImage({ image: elf, memoryMiB: 32, onEmulatorReady: stallPitReads });
  const at = new Map<string, number>();
  m.onSerialLine((line) => at.set(line, performance.now()));
  try {
    expect(await m.exited).toBe(0);
  } finally {
    await m.stop();
  }
  expect(at.has('set') && at.has('fired'), m.output).toBe(true);
  // the timer may run up to 1 ms before its fractional due time (libuv's whole-ms clock)
  expect(at.get('fired')! - at.get('set')!).toBeGreaterThanOrEqual(DELAY_MS - 1);
});
