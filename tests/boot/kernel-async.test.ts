// The kernel's TypeScript main loop in v86: traps and IRQs reach TypeScript handlers, two
// async tasks awaiting timers interleave on PIT ticks while a third echoes serial input
// (COM1 receive interrupts), the CPU halts while nothing is due, and a page fault raised on
// purpose in kernel TypeScript becomes an exception with a TypeScript stack trace.
import { afterEach, describe, expect, test } from 'vitest';
import { bootImage, type GuestMachine } from '../../host/v86-runner.ts';
import { KERNEL_BASE } from '../../boot/layout.ts';
import { kernelImage, kernelSymbol } from './kernel-image.ts';

let machine: GuestMachine | undefined;
afterEach(async () => { await machine?.stop(); machine = undefined; });

async function boot(cmdline = ''): Promise<GuestMachine> {
  machine = await bootImage({ image: kernelImage().elf, cmdline, memoryMiB: 64 });
  return machine;
}

function readSymbol(m: GuestMachine, name: string, offset = 0): number {
  const b = m.readPhys((kernelSymbol(name) + offset - KERNEL_BASE) >>> 0, 4);
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}

describe('the kernel main loop', () => {
  test('two tasks awaiting timers interleave on ticks while a third echoes serial input', async () => {
    const m = await boot('test=tasks');
    await m.waitForOutput(/serial console[^\n]*\n/, 30_000);
    const halts = readSymbol(m, 'idle_halts');
    m.sendSerial('ping\r');
    const out = await m.waitForOutput(/tasks done after \d+ ticks[^\n]*\n/, 30_000);
    const rounds = [...out.matchAll(/task (\w) round (\d) at tick (\d+)/g)];
    expect(rounds.map((r) => r[1] + r[2])).toEqual(['A1', 'A2', 'B1', 'A3', 'A4', 'B2']);
    const ticks = rounds.map((r) => Number(r[3]));
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThanOrEqual(ticks[i - 1]);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(ticks[0]);
    expect(out).toContain('ping\r\n'); // echoed by the TypeScript task, through IRQ 4
    expect(readSymbol(m, 'irq_claimed') & 0x11).toBe(0x11); // IRQ 0 and 4 are TypeScript's
    expect(readSymbol(m, 'irq_counts', 4 * 4)).toBeGreaterThan(0);
    // The loop halted while waiting (a busy loop would not execute hlt at all).
    const total = Number(/tasks done after (\d+) ticks/.exec(out)![1]);
    expect(readSymbol(m, 'idle_halts') - halts).toBeGreaterThanOrEqual(total / 2);
  }, 60_000);

  test('serial input is echoed by TypeScript', async () => {
    const m = await boot('quiet');
    await m.waitForOutput(/tskern [^\n]*\n/, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    m.sendSerial('hello\r');
    const out = await m.waitForOutput(/hello\r\n/, 20_000);
    expect(out.startsWith('tskern ')).toBe(true);
    expect(out).not.toContain('serial console'); // quiet
    expect(readSymbol(m, 'irq_counts', 4 * 4)).toBeGreaterThan(0);
  }, 60_000);

  test('a page fault in kernel TypeScript reaches the trap dispatcher and becomes a TypeScript exception', async () => {
    const m = await boot('test=kfault');
    const out = await m.waitForOutput(/the kernel is still running\r\n/, 30_000);
    expect(out).toContain('caught KernelFault: #PF page fault at 0xf8000000 (read of a non-present page) in kernel mode');
    const trace = out.slice(out.indexOf('caught KernelFault'));
    expect(trace).toMatch(/\n {4}at dispatchTrap \(kernel\/arch\/traps\.ts:\d+:\d+\)/);
    expect(trace).toMatch(/\n {4}at touchUnmapped \(kernel\/main\.ts:\d+:\d+\)/);
    expect(trace).toMatch(/\n {4}at faultDemo \(kernel\/main\.ts:\d+:\d+\)/);
    expect(out).not.toContain('panic');
    expect(m.controlRegisters().cr2).toBe(0xf8000000);
    // and the machine goes on: the echo task still answers
    m.sendSerial('ok\r');
    await m.waitForOutput(/ok\r\n/, 20_000);
  }, 60_000);
});
