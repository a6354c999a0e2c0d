// Typed arrays in the guest beyond the differential programs: the typed-* programs under
// gcstress (every allocation collects: buffer cells, views and the bytes they share must
// survive moves), and views over physical memory (kernel/arch/intrinsics.ts physBytes),
// whose bytes must be the ones physRead/physWrite see, in both interpreters.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runReference } from '../../image-builder/refvm/index.ts';
import { runProgram } from './run.ts';

const programs = fileURLToPath(new URL('../lang/programs/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tskern-typed-'));

function nodeOutput(f: string): string {
  const out = join(dir, f.replace(/.*\//, '').replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [f], bundle: true, format: 'esm', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('typed arrays under gcstress', () => {
  // (typed-basic and typed-dataview pass too but take two minutes each under gcstress)
  for (const p of ['typed-methods.ts', 'typed-keys.ts']) {
    test(p, async () => {
      const file = join(programs, p);
      const r = await runProgram(encodeModule(compileProgram(file).module), { cmdline: 'gcstress', memoryMiB: 64, timeoutMs: 200000 });
      expect(r.output).toBe(nodeOutput(file));
      expect(r.status).toBe(0);
    }, 240000);
  }
});

// Writes through a view are seen by physRead*, physWrite* by the view; little-endian words.
const PHYS = `
const base: number = __native.physReservedEnd() + 0x10000;
const bytes = new Uint8Array(__native.bufferNew(ArrayBuffer.prototype, 4096, base));
bytes[0] = 0xab;
bytes[4095] = 0x1cd;
console.log(bytes.length, __native.physRead8(base), __native.physRead8(base + 4095));
__native.physWrite32(base + 8, 0x12345678);
console.log(bytes[8], bytes[9], bytes[10], bytes[11]);
const words = new Uint32Array(bytes.buffer, 8, 2);
console.log(words[0].toString(16), new DataView(bytes.buffer).getUint32(8).toString(16));
words[1] = 0xdeadbeef;
console.log(__native.physRead32(base + 12).toString(16), __native.physRead8(base + 12));
bytes.fill(7, 16, 24);
console.log(__native.physRead32(base + 16).toString(16), __native.physRead32(base + 20).toString(16));
bytes.set([1, 2, 3], 100);
console.log(bytes.subarray(99, 104), __native.physRead32(base + 100).toString(16));
const copy = bytes.slice(8, 12);
__native.physWrite8(base + 8, 0);
console.log(copy, bytes[8]);
`;
const EXPECTED = [
  '4096 171 205',
  '120 86 52 18',
  '12345678 78563412',
  'deadbeef 239',
  '7070707 7070707',
  'Uint8Array(5) [ 0, 1, 2, 3, 0 ] 30201',
  'Uint8Array(4) [ 120, 86, 52, 18 ] 0',
  '',
].join('\n');

describe('views over physical memory', () => {
  const file = join(dir, 'phys.ts');
  writeFileSync(file, PHYS);
  test('reference interpreter', () => {
    const r = runReference(file);
    expect(r.stdout).toBe(EXPECTED);
  });
  for (const cmdline of [undefined, 'gcstress']) {
    test(`guest${cmdline ? ` (${cmdline})` : ''}`, async () => {
      const r = await runProgram(encodeModule(compileProgram(file).module), { cmdline, memoryMiB: 64, timeoutMs: 100000 });
      expect(r.output).toBe(EXPECTED);
      expect(r.status).toBe(0);
    }, 120000);
  }
});
