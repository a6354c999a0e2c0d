import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootImage, GuestCrashError, MachineStoppedError, type GuestMachine } from '../../host/v86-runner.ts';
import { echoUntilQ, multibootImage, printAndExit } from './fixture-image.ts';

const running: GuestMachine[] = [];
async function boot(...args: Parameters<typeof bootImage>): Promise<GuestMachine> {
  const machine = await bootImage(...args);
  running.push(machine);
  return machine;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
});

describe('bootImage', () => {
  it('delivers COM1 output and the power-off status', async () => {
    const machine = await boot({ image: printAndExit('hi\n', 7) });
    const chunks: string[] = [];
    machine.onSerial((bytes) => chunks.push(Buffer.from(bytes).toString('latin1')));
    expect(await machine.exited).toBe(7);
    expect(machine.output).toBe('hi\n');
    expect(chunks.join('')).toBe('hi\n');
    expect(machine.instructionCount()).toBeGreaterThan(0);
  });

  it('boots an image from a file path', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tskern-')), 'fixture.elf');
    writeFileSync(path, printAndExit('ok', 0));
    const machine = await boot({ image: path });
    expect(await machine.exited).toBe(0);
    expect(machine.output).toBe('ok');
  });

  it('starts the guest the multiboot way: protected mode, paging off', async () => {
    const machine = await boot({ image: printAndExit('x', 1), memoryMiB: 16 });
    await machine.exited;
    const { cr0 } = machine.controlRegisters();
    expect(cr0 & 1).toBe(1);
    expect(cr0 & 0x8000_0000).toBe(0);
  });

  it('lets the host read guest physical memory (a copy)', async () => {
    const image = printAndExit('x', 1);
    const machine = await boot({ image });
    await machine.exited;
    const loaded = machine.readPhys(0x10_0000, image.length);
    expect(Array.from(loaded)).toEqual(Array.from(image));
    loaded.fill(0);
    expect(machine.readPhys(0x10_0000, 4)[0]).toBe(0x02); // magic 0x1BADB002, little-endian
    expect(() => machine.readPhys(128 * 1024 * 1024 - 2, 4)).toThrow(RangeError);
  });

  it('passes the command line to the guest', async () => {
    const machine = await boot({ image: printAndExit('x', 1), cmdline: 'test=pagefault' });
    await machine.exited;
    const info = new DataView(machine.readPhys(0x7c00, 20).buffer);
    expect(info.getUint32(0, true) & 0x4).toBe(0x4); // multiboot info flags: cmdline valid
    const at = info.getUint32(16, true);
    expect(Buffer.from(machine.readPhys(at, 15)).toString('latin1')).toBe('test=pagefault\0');
  });

  it('feeds serial input and counts instructions of a running guest', async () => {
    const machine = await boot({ image: echoUntilQ() });
    const before = machine.instructionCount();
    machine.sendSerial('abc');
    expect(await machine.waitForOutput('abc', 10_000)).toBe('abc');
    await new Promise((r) => setTimeout(r, 50));
    expect(machine.instructionCount()).toBeGreaterThan(before);
    machine.sendSerial(new Uint8Array([0x71]));
    expect(await machine.exited).toBe(3);
  });

  it('rejects waitForOutput with the output so far', async () => {
    const machine = await boot({ image: echoUntilQ() });
    machine.sendSerial('partial');
    await machine.waitForOutput(/part/);
    await expect(machine.waitForOutput('never', 200)).rejects.toThrow(/timed out[^]*partial/);
  });

  it('rejects exited when the host stops the machine', async () => {
    const machine = await boot({ image: echoUntilQ() });
    await machine.stop();
    await expect(machine.exited).rejects.toBeInstanceOf(MachineStoppedError);
  });

  it('reports a v86 internal failure instead of crashing the host', async () => {
    // int 0x80 with the IDT limit left at its real-mode reset value: v86 panics with
    // "Unimplemented: #GP handler" (it prints that on stderr itself).
    const machine = await boot({ image: multibootImage([0xcd, 0x80, 0xf4]) });
    await expect(machine.exited).rejects.toBeInstanceOf(GuestCrashError);
    expect(machine.controlRegisters().cr0 & 1).toBe(1); // still observable afterwards
  });

  it('refuses an image without a multiboot header', async () => {
    await expect(bootImage({ image: new Uint8Array(64) })).rejects.toThrow(/no multiboot header/);
  });
});
