// Await and Resume in the x86 interpreter, without the prelude: a minimal promise runtime
// (tests/interp/programs/async-machine.ts) drives parked frames with __native.resume. The
// same program runs in the reference interpreter; both must print the same, also when every
// allocation collects (parked frames are reachable only through the runtime's values).
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runModule } from '../../image-builder/refvm/index.ts';
import { runProgram } from './run.ts';

const file = fileURLToPath(new URL('./programs/async-machine.ts', import.meta.url));

describe('Await and Resume', () => {
  const module = compileProgram(file, { prelude: false }).module;
  const ref = runModule(module);

  test('the reference interpreter runs it', () => {
    expect(ref.status).toBe(0);
    expect(ref.stdout).toContain('final: fulfilled main result');
    expect(ref.stdout.indexOf('b woke')).toBeLessThan(ref.stdout.indexOf('a woke'));
  });

  test('the x86 interpreter prints the same', async () => {
    const r = await runProgram(encodeModule(module));
    expect(r.output).toBe(ref.stdout);
    expect(r.status).toBe(0);
  });

  test('the same with a collection at every allocation (gcstress)', async () => {
    const r = await runProgram(encodeModule(module), { cmdline: 'gcstress', timeoutMs: 120_000 });
    expect(r.output).toBe(ref.stdout);
    expect(r.status).toBe(0);
    expect(r.readSymbol('gc_count')).toBeGreaterThan(1000);
  }, 150_000);
});
