// The image as loaders and binutils see it: a multiboot ELF32 whose kernel segments load
// at physical = virtual - KERNEL_BASE, with a physical entry point.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { KERNEL_BASE, LOAD_PHYS, MULTIBOOT } from '../../boot/layout.ts';
import { commandRuns, requireTool } from '../oracle.ts';
import { kernelImage, kernelImageFile, kernelSymbol } from './kernel-image.ts';

const binutils = requireTool('binutils (readelf, objdump, nm)', () => ['readelf', 'objdump', 'nm'].every((c) => commandRuns(c)));

function programHeaders(elf: Uint8Array) {
  const v = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const phoff = v.getUint32(28, true), phnum = v.getUint16(44, true);
  return Array.from({ length: phnum }, (_, i) => {
    const p = phoff + i * 32;
    return { type: v.getUint32(p, true), offset: v.getUint32(p + 4, true), vaddr: v.getUint32(p + 8, true),
      paddr: v.getUint32(p + 12, true), filesz: v.getUint32(p + 16, true), memsz: v.getUint32(p + 20, true) };
  });
}

describe('kernel image format', () => {
  const elf = kernelImage().elf;
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);

  test('is an ELF32 i386 executable', () => {
    expect([...elf.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(elf[4]).toBe(1); // ELFCLASS32
    expect(view.getUint16(16, true)).toBe(2); // ET_EXEC
    expect(view.getUint16(18, true)).toBe(3); // EM_386
  });

  test('has a valid multiboot header, 4-aligned within the first 8 KiB', () => {
    let found = -1;
    for (let off = 0; off < 8192; off += 4) {
      if (view.getUint32(off, true) === MULTIBOOT.headerMagic) { found = off; break; }
    }
    expect(found).toBeGreaterThanOrEqual(0);
    const flags = view.getUint32(found + 4, true), checksum = view.getUint32(found + 8, true);
    expect((MULTIBOOT.headerMagic + flags + checksum) >>> 0).toBe(0);
    expect(flags & 0x10000).toBe(0); // the loader uses the ELF headers, not address fields
  });

  test('enters at a physical address inside the boot segment', () => {
    const entry = view.getUint32(24, true);
    expect(entry).toBe(kernelSymbol('boot_entry'));
    const boot = programHeaders(elf).find((p) => p.paddr === LOAD_PHYS)!;
    expect(boot.vaddr).toBe(LOAD_PHYS);
    expect(entry).toBeGreaterThanOrEqual(boot.vaddr);
    expect(entry).toBeLessThan(boot.vaddr + boot.memsz);
  });

  test('loads the kernel half at physical = virtual - KERNEL_BASE, without overlaps', () => {
    const loads = programHeaders(elf).filter((p) => p.type === 1).sort((a, b) => a.paddr - b.paddr);
    for (const p of loads.filter((p) => p.vaddr >= KERNEL_BASE)) expect(p.paddr).toBe(p.vaddr - KERNEL_BASE);
    for (let i = 1; i < loads.length; i++) expect(loads[i].paddr).toBeGreaterThanOrEqual(loads[i - 1].paddr + loads[i - 1].memsz);
    for (const p of loads) expect(p.offset % 4096).toBe(p.vaddr % 4096);
  });

  binutils.test('binutils reads it: headers, symbols and disassembly', () => {
    const file = kernelImageFile();
    const h = spawnSync('readelf', ['-hlS', '-W', file], { encoding: 'utf8' });
    expect(h.status).toBe(0);
    expect(h.stderr).toBe('');
    expect(h.stdout).toMatch(/Machine:\s+Intel 80386/);
    const nm = spawnSync('nm', [file], { encoding: 'utf8' });
    expect(nm.stdout).toMatch(new RegExp(`^${kernelSymbol('kernel_high_entry').toString(16)} T kernel_high_entry$`, 'm'));
    const d = spawnSync('objdump', ['-d', '-M', 'intel', '--start-address', String(kernelSymbol('test_fault_ud_insn')),
      '--stop-address', String(kernelSymbol('test_fault_ud_insn') + 2), file], { encoding: 'utf8' });
    expect(d.stdout).toMatch(/\bud2\b/);
  });
});
