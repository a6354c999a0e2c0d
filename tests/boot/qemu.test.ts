// The same image on a second, independent x86 implementation: QEMU's multiboot loader
// and CPU. Skipped (and named so) when qemu-system-i386 is not installed; failed under CI.
import { spawn } from 'node:child_process';
import { describe, expect } from 'vitest';
import { TEST_FAULT_ADDRESS } from '../../boot/kernel-main.ts';
import { PANIC_STATUS } from '../../boot/layout.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X86Assembler, eax, ebx, ecx, edx, sym } from '../../image-builder/x86/index.ts';
import { writeElf32 } from '../../image-builder/elf.ts';
import { execInitrd } from '../../host/exec.ts';
import { requireTool } from '../oracle.ts';
import { hexField, kernelImageFile, kernelSymbol } from './kernel-image.ts';

const qemu = requireTool('qemu-system-i386');

/** Boots the image in QEMU; resolves with its output and exit status, killing it at `until`. */
function runQemu(cmdline: string, until?: RegExp, initrd?: string): Promise<{ out: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const q = spawn('qemu-system-i386', [
      '-kernel', kernelImageFile(), '-append', cmdline, '-m', '128', ...(initrd ? ['-initrd', initrd] : []),
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
    // no `until`: the panic powers QEMU off by itself, through isa-debug-exit
    const { out, status } = await runQemu('test=pagefault');
    expect(status).toBe((PANIC_STATUS << 1) | 1);
    expect(out).toContain(`system halted: powering off with status ${PANIC_STATUS}`);
    const report = out.slice(out.indexOf('panic:'));
    expect(report).toMatch(/^panic: #PF page fault \(vector 14\)/);
    expect(hexField(report, 'cr2')).toBe(TEST_FAULT_ADDRESS);
    expect(hexField(report, 'eip')).toBe(kernelSymbol('test_fault_pagefault_insn'));
  });

  // QEMU's multiboot loader passes the initial file system as a module like v86's: a ring-3
  // program (written with our assembler) runs as PID 1 and its exit status powers off.
  qemu.test('runs a user program from -initrd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskern-qemu-'));
    const program = join(dir, 'hello');
    writeFileSync(program, tinyProgram('hello from ring 3\n', 42));
    const initrd = join(dir, 'initrd.cpio');
    writeFileSync(initrd, execInitrd({ image: '', program, argv: [program], memoryMiB: 128, ttys: { stdin: false, stdout: false, stderr: false } }));
    const { out, status } = await runQemu('quiet exec init=/bin/hello ttys=-', undefined, initrd);
    expect(out.replace(/\r/g, '')).toBe('hello from ring 3\n');
    expect(status).toBe((42 << 1) | 1);
  });
});

/** A static i386 ELF that writes `text` to stdout and exits with `status` (int 0x80, no libc). */
function tinyProgram(text: string, status: number): Uint8Array {
  const a = new X86Assembler();
  a.section('.text').label('_start');
  a.mov(eax, 4).mov(ebx, 1).mov(ecx, sym('msg')).mov(edx, text.length).int(0x80);
  a.mov(eax, 1).mov(ebx, status).int(0x80);
  a.section('.data').label('msg').db(...Array.from(new TextEncoder().encode(text)));
  const linked = a.link([{ name: '.text', vaddr: 0x0804_9000 }, { name: '.data', align: 4096 }]);
  return writeElf32({ entry: linked.symbols.get('_start')!, sections: linked.sections, symbols: linked.symbols });
}
