// Ring-3 programs written with our assembler: exact checks of the system-call boundary
// that a C library would hide. Each program does one thing and reports through its exit
// status (a system call's eax, negated, or the signal that killed it: 128 + N).

import { describe, expect, test } from 'vitest';
import { X86Assembler, eax, ebx, ecx, edx, gs, ax, sym, mem } from '../../image-builder/x86/index.ts';
import { writeElf32 } from '../../image-builder/elf.ts';
import { bootExec } from '../../host/exec.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYS_EXIT = 1, SYS_WRITE = 4, SYS_GETPID = 20;

/** A static ELF whose _start runs `body`; link at 0x08049000 with a .data section. */
function program(body: (a: X86Assembler) => void): Uint8Array {
  const a = new X86Assembler();
  a.section('.text').label('_start');
  body(a);
  a.section('.data').label('data').dd(0x1234_5678);
  const linked = a.link([{ name: '.text', vaddr: 0x0804_9000 }, { name: '.data', align: 4096 }]);
  return writeElf32({ entry: linked.symbols.get('_start')!, sections: linked.sections, symbols: linked.symbols });
}

/** exit(-eax): a negative system-call result becomes the status. */
const exitNegEax = (a: X86Assembler) => a.mov(ebx, 0).sub(ebx, eax).mov(eax, SYS_EXIT).int(0x80);

async function run(bytes: Uint8Array): Promise<{ status: number; stdout: string; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-asm-'));
  const path = join(dir, 'prog');
  writeFileSync(path, bytes);
  const m = await bootExec({ image: kernelImage().elf, program: path, argv: [path], memoryMiB: 64, ttys: { stdin: false, stdout: false, stderr: false } });
  const status = await m.exited;
  await m.stop();
  return { status, stdout: m.output, log: m.errorOutput };
}

const CASES: { name: string; body: (a: X86Assembler) => void; status: number; log?: RegExp }[] = [
  { name: 'write from an unmapped buffer is -EFAULT', body: (a) => { a.mov(eax, SYS_WRITE).mov(ebx, 1).mov(ecx, 0x10).mov(edx, 4).int(0x80); exitNegEax(a); }, status: 14 },
  { name: 'write to a closed descriptor is -EBADF', body: (a) => { a.mov(eax, SYS_WRITE).mov(ebx, 9).mov(ecx, sym('data')).mov(edx, 4).int(0x80); exitNegEax(a); }, status: 9 },
  { name: 'an unknown system call is -ENOSYS, logged once', body: (a) => { a.mov(eax, 999).int(0x80); exitNegEax(a); }, status: 38, log: /unknown system call 999/ },
  { name: 'registers other than eax survive a system call', body: (a) => {
    a.mov(ebx, 0x11).mov(ecx, 0x22).mov(edx, 0x33).mov(eax, SYS_GETPID).int(0x80);
    // status = ebx + ecx + edx (0x66 = 102) when all three came back unchanged
    a.add(ebx, ecx).add(ebx, edx).mov(eax, SYS_EXIT).int(0x80);
  }, status: 0x66 },
  { name: 'cli in ring 3 is #GP: SIGSEGV', body: (a) => { a.cli(); a.mov(eax, SYS_EXIT).mov(ebx, 0).int(0x80); }, status: 128 + 11 },
  { name: 'int3 (a DPL-0 gate from ring 3) is SIGSEGV', body: (a) => { a.int(3); a.mov(eax, SYS_EXIT).mov(ebx, 0).int(0x80); }, status: 128 + 11 },
  { name: 'ud2 is SIGILL', body: (a) => { a.ud2(); }, status: 128 + 4 },
  { name: 'a TLS selector without set_thread_area is #GP: SIGSEGV', body: (a) => { a.mov(ax, 0x33).mov(gs, ax); a.mov(eax, SYS_EXIT).mov(ebx, 0).int(0x80); }, status: 128 + 11 },
  { name: 'a store into the kernel half is SIGSEGV', body: (a) => { a.mov(eax, 0xc000_1000).mov(mem(eax), ebx); }, status: 128 + 11, log: /segfault .* at 0xc0001000/ },
];

describe('ring-3 programs from the assembler', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const r = await run(program(c.body));
      expect(r.status, r.log).toBe(c.status);
      if (c.log) expect(r.log).toMatch(c.log);
    }, 120_000);
  }
});
