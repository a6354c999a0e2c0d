// The same image on a second, independent x86 implementation: QEMU's multiboot loader
// and CPU. Skipped (and named so) when qemu-system-i386 is not installed; failed under CI.
import { spawn } from 'node:child_process';
import { describe, expect } from 'vitest';
import { TEST_FAULT_ADDRESS } from '../../boot/kernel-main.ts';
import { requireTool } from '../oracle.ts';
import { hexField, kernelImageFile, kernelSymbol } from './kernel-image.ts';

const qemu = requireTool('qemu-system-i386');

/** Boots the image in QEMU; resolves with its output and exit status, killing it at `until`. */
function runQemu(cmdline: string, until?: RegExp): Promise<{ out: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const q = spawn('qemu-system-i386', [
      '-kernel', kernelImageFile(), '-append', cmdline, '-m', '128',
      '-serial', 'stdio', '-display', 'none', '-monitor', 'none', '-no-reboot',
      '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => q.kill('SIGKILL'), 30_000);
    q.stdout.on('data', (d) => {
      out += d;
      if (until?.test(out)) q.kill('SIGKILL');
    });
    q.on('error', reject);
    q.on('close', (status) => { clearTimeout(timer); resolve({ out, status }); });
  });
}

describe('boot in QEMU', () => {
  qemu.test('prints the banner and powers off through isa-debug-exit', async () => {
    const { out, status } = await runQemu('poweroff');
    expect(out.split(/\r?\n/)[0]).toMatch(/^tskern \d+\.\d+\.\d+ /);
    const paging = out.split('\n').find((l) => l.startsWith('paging:'))!;
    expect(hexField(paging, 'cr0') & (1 << 31)).not.toBe(0); // PG
    expect(hexField(paging, 'cr4') & (1 << 5)).not.toBe(0); // PAE
    expect(status).toBe((0 << 1) | 1); // isa-debug-exit reports (status << 1) | 1
  });

  qemu.test('a page fault panics with the same report', async () => {
    const { out } = await runQemu('test=pagefault', /system halted/);
    const report = out.slice(out.indexOf('panic:'));
    expect(report).toMatch(/^panic: #PF page fault \(vector 14\)/);
    expect(hexField(report, 'cr2')).toBe(TEST_FAULT_ADDRESS);
    expect(hexField(report, 'eip')).toBe(kernelSymbol('test_fault_pagefault_insn'));
  });
});
