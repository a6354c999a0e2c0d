import { describe, expect, test } from 'vitest';
import { ModuleBuilder, NATIVE } from './bytecode-builder.ts';
import { runProgram } from './run.ts';

describe('interpreter basics', () => {
  test('prints a string and exits with a status', async () => {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 4);
    f.print('hello, world\n', 0);
    f.op('LoadInt', 1, 42).op('CallNative', 2, NATIVE.exit, 1, 1);
    const r = await runProgram(mb.encode());
    expect(r.output).toBe('hello, world\n');
    expect(r.status).toBe(42);
  });
});
