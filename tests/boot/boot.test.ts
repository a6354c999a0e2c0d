// Boots the kernel image in v86 and checks what it says against what the emulated CPU
// and memory show (read-only).
import { afterEach, describe, expect, test } from 'vitest';
import { bootImage, type GuestMachine } from '../../host/v86-runner.ts';
import { KERNEL_BASE, PANIC_STATUS } from '../../boot/layout.ts';
import { TEST_FAULT_ADDRESS } from '../../boot/kernel-main.ts';
import { hexField, kernelImage, kernelSymbol } from './kernel-image.ts';
import { readPdpt, translate } from '../../host/inspect/pae-walk.ts';

const CR0_PE = 1, CR0_WP = 1 << 16, CR0_PG = 1 << 31, CR4_PAE = 1 << 5;

let machine: GuestMachine | undefined;
afterEach(async () => { await machine?.stop(); machine = undefined; });

async function boot(cmdline = '', memoryMiB?: number): Promise<GuestMachine> {
  machine = await bootImage({ image: kernelImage().elf, cmdline, memoryMiB });
  return machine;
}

describe('boot in v86', () => {
  test('prints a banner beginning with tskern', async () => {
    const m = await boot();
    const out = await m.waitForOutput(/serial console/, 20_000);
    expect(out.split(/\r?\n/)[0]).toMatch(/^tskern \d+\.\d+\.\d+ /);
  });

  test('runs with PAE paging, as the emulated CPU confirms', async () => {
    const m = await boot();
    const out = await m.waitForOutput(/paging: [^\n]*\n/, 20_000);
    const line = out.split('\n').find((l) => l.startsWith('paging:'))!;
    const regs = m.controlRegisters();
    // What the guest printed is what the CPU holds.
    expect(hexField(line, 'cr0')).toBe(regs.cr0);
    expect(hexField(line, 'cr3')).toBe(regs.cr3);
    expect(hexField(line, 'cr4')).toBe(regs.cr4);
    expect(regs.cr0 & CR0_PG).not.toBe(0);
    expect(regs.cr0 & CR0_WP).not.toBe(0);
    expect(regs.cr0 & CR0_PE).not.toBe(0);
    expect(regs.cr4 & CR4_PAE).not.toBe(0);
    expect(regs.cr3).toBe((kernelSymbol('boot_pdpt') - KERNEL_BASE) >>> 0);
  });

  // With a command line too: the loader's command line is copied at entry, which must not
  // disturb the page-table setup.
  test.each(['', 'some=option'])('drops the boot identity mapping and direct-maps RAM in the kernel half (cmdline %j)', async (cmdline) => {
    const m = await boot(cmdline);
    await m.waitForOutput(/serial console/, 20_000);
    const read = (a: number, n: number) => m.readPhys(a, n);
    const { cr3 } = m.controlRegisters();
    const pdpt = readPdpt(read, cr3);
    expect(pdpt.map((e) => e !== null)).toEqual([false, false, false, true]);
    // The code the CPU is running is where the image put it.
    const entry = kernelSymbol('kernel_high_entry');
    const t = translate(read, cr3, entry)!;
    expect(t.phys).toBe(entry - KERNEL_BASE);
    expect(t.user).toBe(false);
    const text = kernelImage().linked.sections.find((s) => s.name === '.text')!;
    const off = entry - text.vaddr;
    expect([...m.readPhys(t.phys, 16)]).toEqual([...text.data.subarray(off, off + 16)]);
    // RAM is mapped up to its end and no further.
    expect(translate(read, cr3, KERNEL_BASE + 128 * 1024 * 1024 - 4096)?.phys).toBe(128 * 1024 * 1024 - 4096);
    expect(translate(read, cr3, KERNEL_BASE + 128 * 1024 * 1024)).toBeNull();
    expect(translate(read, cr3, 0x100000)).toBeNull();
  });

  test.each([
    [64, 64 * 1024 * 1024],
    [1024, 0x3800_0000], // the direct map stops at 896 MiB
  ])('sizes the direct map from the memory map with %i MiB', async (mib, expected) => {
    const m = await boot('', mib);
    const out = await m.waitForOutput(/memory: [^\n]*\n/, 20_000);
    expect(parseInt(/memory: 0x([0-9a-f]+)/.exec(out)![1], 16)).toBe(expected);
  });

  test('echoes serial input through the COM1 receive interrupt', async () => {
    const m = await boot();
    await m.waitForOutput(/serial console[^\n]*\n/, 20_000);
    m.sendSerial('abc\r');
    const out = await m.waitForOutput(/serial console[^\n]*\n[^]*abc\r\n/, 10_000);
    expect(out.endsWith('abc\r\n')).toBe(true);
  });

  test('powers off with status 0 when asked on the command line', async () => {
    const m = await boot('poweroff');
    await expect(m.exited).resolves.toBe(0);
    expect(m.output).toContain('cmdline: poweroff');
  });
});

describe('exceptions panic with a report', () => {
  test('a page fault reports vector 14, CR2, the error code and the registers', async () => {
    const m = await boot('test=pagefault');
    const out = await m.waitForOutput(/system halted/, 20_000);
    const report = out.slice(out.indexOf('panic:'));
    expect(report).toMatch(/^panic: #PF page fault \(vector 14\)/);
    expect(hexField(report, 'cr2')).toBe(TEST_FAULT_ADDRESS);
    expect(hexField(report, 'error')).toBe(0x2); // write to a non-present page, from ring 0
    expect(hexField(report, 'eip')).toBe(kernelSymbol('test_fault_pagefault_insn'));
    expect(hexField(report, 'cs')).toBe(0x08);
    // registers the test code loaded just before faulting
    expect(hexField(report, 'eax')).toBe(0x5a5a5a5a);
    expect(hexField(report, 'edx')).toBe(0x12345678);
    expect(hexField(report, 'ecx')).toBe(0xcafe);
    expect(m.controlRegisters().cr2).toBe(TEST_FAULT_ADDRESS);
    expect(await m.exited).toBe(PANIC_STATUS);
  });

  test.each([
    ['test=ud', 6, '#UD invalid opcode', 'test_fault_ud_insn'],
    ['test=divide', 0, '#DE divide error', 'test_fault_divide_insn'],
  ])('%s reports vector %i', async (cmdline, vector, name, symbol) => {
    const m = await boot(cmdline);
    const out = await m.waitForOutput(/system halted/, 20_000);
    expect(out).toContain(`panic: ${name} (vector ${vector})`);
    expect(hexField(out.slice(out.indexOf('panic:')), 'eip')).toBe(kernelSymbol(symbol));
  });

  test('a panic powers the machine off with a non-zero status (no one waits on a halted machine)', async () => {
    const m = await boot('test=ud');
    // nothing is typed, nothing stops it: the machine ends by itself, after the whole report
    expect(await m.exited).toBe(PANIC_STATUS);
    expect(PANIC_STATUS).not.toBe(0);
    expect(m.output).toMatch(/panic: #UD invalid opcode \(vector 6\)[\s\S]*\r\n  ds=[\s\S]*system halted: powering off with status 99\r\n$/);
  });

  test('a TypeScript panic (an uncaught exception in the kernel) reports and powers off with status 1', async () => {
    const m = await boot('test=kpanic');
    expect(await m.exited).toBe(1);
    // the report goes to the error stream (COM2, the host's stderr under `tskern boot`)
    expect(m.errorOutput, m.errorOutput).toContain('Uncaught Error: deliberate kernel panic');
    expect(m.errorOutput).toMatch(/\n {4}at [^\n]*kernel\/main\.ts:\d+:\d+/);
  });
});
