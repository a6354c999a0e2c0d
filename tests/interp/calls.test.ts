// Calls, recursion, closures and environments, exceptions across frames.
import { describe, expect, test } from 'vitest';
import { ModuleBuilder, NATIVE } from './bytecode-builder.ts';
import { runProgram } from './run.ts';

/** main + fib + counters + exceptions; run normally and with a collection at every allocation. */
function callsModule(): Uint8Array {
  const mb = new ModuleBuilder();
  const main = mb.fn('main', 0, 16).f;
  const fib = mb.fn('fib', 1, 6);
  const makeCounter = mb.fn('makeCounter', 1, 4);
  const counterInc = mb.fn('inc', 0, 4);
  const thrower = mb.fn('thrower', 1, 3);
  const middle = mb.fn('middle', 1, 5);
  const args = mb.fn('args', 2, 6);
  const nested = mb.fn('nested', 0, 6);

  // fib(n) = n < 2 ? n : fib(n-1) + fib(n-2)
  fib.f.op('LoadInt', 1, 2).op('JumpIfLt', 0, 1, 'base')
    .op('AddInt', 1, 0, -1).op('LoadCallee', 2).op('LoadUndefined', 3)
    .op('Call', 4, 2, 3, 1, 1)
    .op('AddInt', 1, 0, -2).op('Call', 5, 2, 3, 1, 1)
    .op('Add', 4, 4, 5).op('Return', 4)
    .label('base').op('Return', 0);

  // makeCounter(start): env = { count: start }; return () => ++count
  makeCounter.f.op('LoadUndefined', 1).op('EnvNew', 2, 1, 1).op('EnvStore', 2, 0, 0)
    .op('Closure', 3, counterInc.index, 2).op('Return', 3);
  counterInc.f.op('LoadFunctionEnv', 0).op('EnvLoad', 1, 0, 0).op('Inc', 1, 1).op('EnvStore', 0, 0, 1).op('Return', 1);

  // thrower(x): throw x
  thrower.f.op('Throw', 0);
  // middle(x): thrower(x); return 'not reached'
  middle.f.op('Closure', 1, thrower.index, 4).op('LoadUndefined', 2).op('Call', 3, 1, 2, 0, 1)
    .loadConst(3, 'not reached').op('Return', 3);
  // args(a, b): returns a + b + argument 2 (an extra one) and the count
  args.f.op('LoadArgument', 2, 2).op('Add', 3, 0, 1).op('Add', 3, 3, 2).op('LoadArgCount', 4).op('Add', 3, 3, 4).op('Return', 3);
  // nested(): envs two deep; the inner reads the outer through EnvParent
  nested.f.op('LoadUndefined', 0).op('EnvNew', 1, 0, 1).op('LoadInt', 2, 7).op('EnvStore', 1, 0, 2)
    .op('EnvNew', 3, 1, 2).op('EnvParent', 4, 3).op('EnvLoad', 5, 4, 0)
    .op('EnvCopy', 4, 1).op('LoadInt', 2, 9).op('EnvStore', 4, 0, 2).op('EnvLoad', 2, 1, 0)
    .op('Add', 5, 5, 2).op('Return', 5); // 7 + 7 (the copy does not alias)

  const m = main;
  m.op('LoadUndefined', 15);
  m.op('Closure', 0, fib.index, 15).op('LoadInt', 1, 20).op('Call', 2, 0, 15, 1, 1).expectEq(2, 6765, 'fib 20', 14);
  m.op('Closure', 0, makeCounter.index, 15).op('LoadInt', 1, 10).op('Call', 3, 0, 15, 1, 1)
    .op('LoadInt', 1, 100).op('Call', 4, 0, 15, 1, 1)
    .op('Call', 5, 3, 15, 0, 0).op('Call', 5, 3, 15, 0, 0).op('Call', 5, 3, 15, 0, 0).op('Call', 6, 4, 15, 0, 0)
    .expectEq(5, 13, 'counter a', 14).expectEq(6, 101, 'counter b', 14);
  m.op('TypeOf', 7, 3).expectEq(7, 'function', 'typeof closure', 14);
  // exceptions: thrown two frames down, caught here
  m.op('TryEnter', 8, 'h1').op('Closure', 0, middle.index, 15).loadConst(1, 'boom').op('Call', 2, 0, 15, 1, 1)
    .print('bad not caught\n', 14).op('TryLeave', 8).op('Jump', 'after1')
    .label('h1').op('TryLeave', 8).op('LoadException', 9).expectEq(9, 'boom', 'caught across frames', 14)
    .label('after1');
  // nested try: the inner handler rethrows, the outer catches
  m.op('TryEnter', 8, 'outer').op('TryEnter', 10, 'inner').op('LoadInt', 1, 5).op('Throw', 1)
    .label('inner').op('TryLeave', 10).op('LoadException', 11).op('AddInt', 11, 11, 1).op('Throw', 11)
    .label('outer').op('TryLeave', 8).op('LoadException', 11).expectEq(11, 6, 'rethrown', 14);
  // after the try, a throw with no handler in this frame would end the program; the
  // handler slot was restored (-1) so check that an uncaught throw in a callee is caught
  // by a new try here
  m.op('TryEnter', 8, 'h3').op('Closure', 0, thrower.index, 15).op('LoadInt', 1, 3).op('Call', 2, 0, 15, 1, 1)
    .label('h3').op('TryLeave', 8).op('LoadException', 9).expectEq(9, 3, 'second catch', 14);
  // a machine TypeError: reading a property of undefined
  m.op('TryEnter', 8, 'h4').op('GetProp', 1, 15, mb.constant('foo'), 0).print('bad no TypeError\n', 14)
    .label('h4').op('TryLeave', 8).op('LoadException', 9)
    .expectEq(9, 'TypeError: Cannot read properties of undefined (reading \'foo\')', 'TypeError', 14);
  // extra arguments and the argument count
  m.op('Closure', 0, args.index, 15).op('LoadInt', 1, 1).op('LoadInt', 2, 2).op('LoadInt', 3, 30).op('LoadInt', 4, 400)
    .op('Call', 5, 0, 15, 1, 4).expectEq(5, 37, 'extra arguments', 14);
  m.op('Closure', 0, args.index, 15).op('LoadInt', 1, 1).op('Call', 5, 0, 15, 1, 1).op('TypeOf', 6, 5)
    .expectEq(6, 'number', 'missing arguments (NaN)', 14).op('StrictEq', 6, 5, 5).expectEq(6, false, 'NaN result', 14);
  m.op('Closure', 0, nested.index, 15).op('Call', 5, 0, 15, 0, 0).expectEq(5, 14, 'environments', 14);
  // calling a non-function is a TypeError
  m.op('TryEnter', 8, 'h5').op('LoadInt', 0, 1).op('Call', 5, 0, 15, 0, 0)
    .label('h5').op('TryLeave', 8).op('LoadException', 9).expectEq(9, 'TypeError: callee is not a function', 'not a function', 14);
  // this
  m.print('done\n', 14).op('LoadInt', 0, 0).op('CallNative', 0, NATIVE.exit, 0, 1);
  return mb.encode(0);
}

const EXPECTED = [
  'ok fib 20', 'ok counter a', 'ok counter b', 'ok typeof closure', 'ok caught across frames', 'ok rethrown',
  'ok second catch', 'ok TypeError', 'ok extra arguments', 'ok missing arguments (NaN)', 'ok NaN result',
  'ok environments', 'ok not a function', 'done',
].join('\n') + '\n';

describe('calls, closures, exceptions', () => {
  test('run', async () => {
    const r = await runProgram(callsModule());
    expect(r.output).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });

  test('run with a collection at every allocation (gcstress)', async () => {
    const r = await runProgram(callsModule(), { cmdline: 'gcstress', timeoutMs: 60_000 });
    expect(r.output).toBe(EXPECTED);
    expect(r.status).toBe(0);
    expect(r.readSymbol('gc_count')).toBeGreaterThan(1000);
  });

  test('an uncaught exception ends the program with status 1', async () => {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 3);
    const t = mb.fn('t', 0, 2);
    t.f.loadConst(0, 'oops').op('Throw', 0);
    f.print('before\n', 0).op('LoadUndefined', 1).op('Closure', 0, t.index, 1).op('Call', 2, 0, 1, 0, 0).print('after\n', 0);
    const r = await runProgram(mb.encode());
    expect(r.output).toBe('before\n');
    expect(r.errorOutput).toBe('Uncaught oops\n');
    expect(r.status).toBe(1);
  });

  test('an unimplemented case stops the machine naming it and the position', async () => {
    const mb = new ModuleBuilder();
    mb.fn('main', 0, 2).f.op('LoadInt', 0, 2).op('GetIterator', 1, 0).op('Return', 1);
    const r = await runProgram(mb.encode());
    expect(r.errorOutput).toContain('fatal: GetIterator: no registered GetIterator intrinsic');
    expect(r.errorOutput).toContain('(function 0, pc 6)');
    expect(r.output).toBe('');
    expect(r.status).toBe(70);
  });
});
