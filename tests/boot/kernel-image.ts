// The kernel image under test, assembled once per test file, and small readers for it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel, type KernelImage } from '../../image-builder/build.ts';

let cached: KernelImage | undefined;

export function kernelImage(): KernelImage {
  cached ??= assembleKernel();
  return cached;
}

export function kernelSymbol(name: string): number {
  const v = kernelImage().linked.symbols.get(name);
  if (v === undefined) throw new Error(`no symbol ${name} in the kernel image`);
  return v >>> 0;
}

/** Writes the image to a temporary file (for tools that take a path). */
export function kernelImageFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-img-'));
  const file = join(dir, 'tskern.elf');
  writeFileSync(file, kernelImage().elf);
  return file;
}

/** Parses `name=0x...` fields out of a line of the guest's output. */
export function hexField(text: string, name: string): number {
  const m = new RegExp(`\\b${name}=0x([0-9a-f]{8})`).exec(text);
  if (!m) throw new Error(`no ${name}= in:\n${text}`);
  return parseInt(m[1], 16);
}
