// The Map/Set methods the machine runs itself (boot/interp/collections.ts) under gcstress:
// a collection at every allocation moves every table, store and key between calls, and
// invalidates the machine's remembered receiver each time. The program is the differential
// one (tests/lang/programs/dx-map-set-machine.ts, also run without gcstress by
// tests/lang/guest.test.ts and under the reference interpreter), checked against Node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runProgram } from './run.ts';

const file = fileURLToPath(new URL('../lang/programs/dx-map-set-machine.ts', import.meta.url));

function nodeOutput(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'tskern-coll-')), 'program.mjs');
  const r = buildSync({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('Map and Set done by the machine', () => {
  test('match Node with a collection at every allocation (gcstress)', async () => {
    const program = encodeModule(compileProgram(file).module);
    const expected = nodeOutput();
    expect(expected).toContain('pages=4498500 3000 false undefined'); // the program ran to its end under Node
    // gcstress: about 14 billion guest instructions, minutes when the machine is shared
    const r = await runProgram(program, { cmdline: 'gcstress', memoryMiB: 64, timeoutMs: 400_000 });
    expect(r.output).toBe(expected);
    expect(r.status).toBe(0);
  }, 450_000);
});
