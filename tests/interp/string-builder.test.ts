// Long concatenations (boot/interp/layout.ts STRING_SLICE, str_concat in runtime.ts): the
// differential program tests/lang/programs/dx-string-builder.ts (long strings built by
// appends, then every string reader) prints what Node prints, and its small cousin
// programs/string-builder-gc.ts also under gcstress, where every allocation collects: the slice header str_concat allocates after filling a new
// buffer, and after checking the left operand's room, moves every string it holds. And the
// point of slices: an append costs the same whatever the string's length (a flat string's
// append copied it whole, and the collections that volume brought grew with the length).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { node, runNode } from '../lang/node-oracle.ts';
import { runProgram } from './run.ts';
import { assembleKernel } from '../../image-builder/build.ts';
import { bootImage } from '../../host/v86-runner.ts';

const dx = fileURLToPath(new URL('../lang/programs/dx-string-builder.ts', import.meta.url));
const small = fileURLToPath(new URL('./programs/string-builder-gc.ts', import.meta.url));

node.describe('long concatenations', () => {
  // the differential program as the guest corpus runs it; under gcstress its small cousin
  // (the full one collects millions of times)
  for (const [program, cmdline] of [[dx, ''], [small, ''], [small, 'gcstress']] as const) {
    test(`${program.split('/').pop()} prints what Node prints${cmdline ? ' (gcstress)' : ''}`, async () => {
      const out = await runNode(program);
      const r = await runProgram(encodeModule(compileProgram(program).module), { cmdline, memoryMiB: 64, timeoutMs: 900_000 });
      expect(r.output).toBe(out.stdout);
      expect(r.status).toBe(out.status);
    }, 960_000);
  }
});

describe('the cost of an append', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-strbuild-'));
  async function instructions(n: number): Promise<number> {
    const file = join(dir, `append${n}.ts`);
    writeFileSync(file, `let t = '';\nfor (let i = 0; i < ${n}; i++) t += 'x';\nconsole.log(t.length);\n`);
    // counted from the guest's mark (after the boot's clock calibration, whose count
    // depends on the host's load), as npm run bench counts
    const m = await bootImage({ image: assembleKernel({ program: encodeModule(compileProgram(file).module) }).elf, memoryMiB: 64, cmdline: 'quiet' });
    try {
      expect(await m.exited).toBe(0);
      expect(m.output.trim().split('\n').pop()).toBe(String(n));
      return m.instructionCountSinceMark();
    } finally {
      await m.stop();
    }
  }

  test('does not grow with the length: appends 40,000-60,000 cost what appends 1,000-5,000 do', async () => {
    const [a, b, c, d] = [await instructions(1000), await instructions(5000), await instructions(40_000), await instructions(60_000)];
    const short = (b - a) / 4000, long = (d - c) / 20_000;
    // flat strings: ~400 instructions an append at 50,000 against ~90 on short strings
    expect(long).toBeLessThan(short * 1.3);
  }, 600_000);
});
