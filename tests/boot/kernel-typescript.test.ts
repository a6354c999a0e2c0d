// The kernel image runs the kernel's own TypeScript: kernel/main.ts, compiled to bytecode,
// embedded, and interpreted after CPU bring-up; its 16550 driver prints the banner.
import { expect, test } from 'vitest';
import { decodeModule } from '../../image-builder/bytecode/index.ts';
import { kernelImage, kernelSymbol } from './kernel-image.ts';

/** The embedded .tsbc container: its section, offset and size. */
function container() {
  const img = kernelImage();
  const at = kernelSymbol('tsbc_image');
  const sec = img.linked.sections.find((s) => at >= s.vaddr && at < s.vaddr + s.size)!;
  const off = at - sec.vaddr;
  const size = new DataView(sec.data.buffer, sec.data.byteOffset + off).getUint32(24, true);
  return { sec, off, size, module: decodeModule(sec.data.subarray(off, off + size)) };
}

test('the image embeds kernel/main.ts and its driver as bytecode', () => {
  const { module } = container();
  expect(module.files).toContain('kernel/main.ts');
  expect(module.files).toContain('kernel/dev/uart16550.ts');
  expect(module.functions.some((f) => f.name === 'kernelMain')).toBe(true);
});

test('the banner text exists only among the bytecode constants, not in native code', () => {
  const { sec, off, size, module } = container();
  expect(module.constants.some((c) => typeof c === 'string' && c.includes('PAE paging, kernel half'))).toBe(true);
  const native = kernelImage().linked.sections.map((s) => {
    const bytes = Buffer.from(s.data);
    return s === sec ? Buffer.concat([bytes.subarray(0, off), bytes.subarray(off + size)]) : bytes;
  });
  expect(Buffer.concat(native).includes('PAE paging, kernel half')).toBe(false);
});
