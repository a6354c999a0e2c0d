// Strings, objects, arrays and the copying collector.
import { describe, expect, test } from 'vitest';
import { ModuleBuilder, NATIVE } from './bytecode-builder.ts';
import { runProgram } from './run.ts';
import { KERNEL_BASE } from '../../boot/layout.ts';
import { fileURLToPath } from 'node:url';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';

describe('strings, objects and arrays', () => {
  function module(): Uint8Array {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 16);
    const k = (s: string) => mb.constant(s);
    // strings
    f.loadConst(1, 'foo').loadConst(2, 'bar').op('Add', 3, 1, 2).expectEq(3, 'foobar', 'concat', 15);
    f.loadConst(2, '').op('Add', 4, 1, 2).expectEq(4, 'foo', 'concat empty', 15);
    f.loadConst(2, ' \u20ac').op('Add', 4, 3, 2).expectEq(4, 'foobar \u20ac', 'concat two-byte', 15);
    f.op('CallNative', 5, NATIVE.writeStdout, 4, 1).print('|h\u00e9\n', 15);
    f.op('GetProp', 5, 4, k('length'), 0).expectEq(5, 8, 'string length', 15);
    f.loadConst(2, 'foobaz').op('StrictEq', 5, 3, 2).expectEq(5, false, 'different strings', 15);
    f.op('TypeOf', 5, 3).expectEq(5, 'string', 'typeof string', 15);
    f.loadConst(2, '').op('Not', 5, 2).expectEq(5, true, '!""', 15);
    // objects
    f.op('NewObject', 1);
    f.op('LoadInt', 2, 1).op('SetProp', 1, k('x'), 2, 0);
    f.op('LoadInt', 2, 2).op('SetProp', 1, k('y'), 2, 0);
    for (let i = 0; i < 10; i++) f.op('LoadInt', 2, 100 + i).op('SetProp', 1, k(`p${i}`), 2, 0);
    f.op('LoadInt', 2, 3).op('SetProp', 1, k('x'), 2, 0);
    f.op('GetProp', 3, 1, k('x'), 0).expectEq(3, 3, 'overwritten property', 15);
    f.op('GetProp', 3, 1, k('y'), 0).expectEq(3, 2, 'property', 15);
    f.op('GetProp', 3, 1, k('p9'), 0).expectEq(3, 109, 'property after growth', 15);
    f.op('GetProp', 3, 1, k('nope'), 0).expectEq(3, undefined, 'missing property', 15);
    // a computed key made by concatenation is interned, so it finds the constant's property
    f.loadConst(4, 'p').loadConst(5, '5').op('Add', 6, 4, 5).op('GetElem', 3, 1, 6).expectEq(3, 105, 'computed key', 15);
    f.loadConst(4, 'new').loadConst(5, 'Key').op('Add', 6, 4, 5).op('LoadInt', 2, 77).op('DefineField', 1, 6, 2);
    f.op('GetProp', 3, 1, k('newKey'), 0).expectEq(3, 77, 'DefineField with a computed key', 15);
    f.op('LoadInt', 6, 5).op('SetElem', 1, 6, 2).op('GetElem', 3, 1, 6).expectEq(3, 77, 'int key on an object', 15);
    f.op('TypeOf', 5, 1).expectEq(5, 'object', 'typeof object', 15);
    // arrays
    f.op('LoadInt', 2, 10).op('LoadInt', 3, 20).op('LoadInt', 4, 30).op('NewArray', 1, 2, 3);
    f.op('GetProp', 5, 1, k('length'), 0).expectEq(5, 3, 'array length', 15);
    f.op('LoadInt', 6, 1).op('GetElem', 5, 1, 6).expectEq(5, 20, 'array element', 15);
    f.op('LoadInt', 6, 10).op('LoadInt', 7, 99).op('SetElem', 1, 6, 7);
    f.op('GetProp', 5, 1, k('length'), 0).expectEq(5, 11, 'length after a far store', 15);
    f.op('GetElem', 5, 1, 6).expectEq(5, 99, 'far element', 15);
    f.op('LoadInt', 6, 5).op('GetElem', 5, 1, 6).expectEq(5, undefined, 'hole reads undefined', 15);
    f.op('LoadInt', 6, 50).op('GetElem', 5, 1, 6).expectEq(5, undefined, 'beyond length', 15);
    f.op('LoadInt', 6, 0).op('LoadInt', 7, -4).op('SetElem', 1, 6, 7).op('GetElem', 5, 1, 6).expectEq(5, -4, 'store in place', 15);
    f.op('NewArray', 8, 0, 0).op('GetProp', 5, 8, k('length'), 0).expectEq(5, 0, 'empty array', 15);
    f.op('LoadInt', 6, 0).op('SetElem', 8, 6, 7).op('GetElem', 5, 8, 6).expectEq(5, -4, 'store into empty array', 15);
    f.op('NewArray', 9, 0, 0).op('ArrayPush', 9, 7).op('ArrayPushHole', 9).op('ArrayPush', 9, 7).op('ArrayPush', 9, 7).op('ArrayPush', 9, 7);
    f.op('GetProp', 5, 9, k('length'), 0).expectEq(5, 5, 'ArrayPush length', 15);
    f.op('LoadInt', 6, 1).op('GetElem', 5, 9, 6).expectEq(5, undefined, 'ArrayPushHole', 15);
    f.op('LoadInt', 6, 4).op('GetElem', 5, 9, 6).expectEq(5, -4, 'ArrayPush after growth', 15);
    f.op('LoadNull', 5).op('LoadUndefined', 6).op('Eq', 7, 5, 6).expectEq(7, true, 'null == undefined', 15);
    f.op('StrictEq', 7, 5, 6).expectEq(7, false, 'null !== undefined', 15);
    f.op('LoadTrue', 5).op('LoadInt', 6, 1).op('Eq', 7, 5, 6).expectEq(7, true, 'true == 1', 15);
    f.op('LoadUndefined', 0).op('Return', 0);
    return mb.encode();
  }

  test('run', async () => {
    const r = await runProgram(module());
    const lines = r.output.split('\n');
    expect(lines[3]).toBe('foobar \u20ac|h\u00e9');
    expect(lines.filter((l) => l && !l.startsWith('ok ') && !l.startsWith('foobar'))).toEqual([]);
    expect(lines.length).toBe(32);
    expect(r.status).toBe(0);
  });

  test('run with gcstress', async () => {
    const r = await runProgram(module(), { cmdline: 'gcstress' });
    expect(r.output.split('\n').filter((l) => l.startsWith('bad'))).toEqual([]);
    expect(r.output.split("\n").length).toBe(32);
  });
});

describe('garbage collection', () => {
  test('survives allocating 100x the heap with a small live set', async () => {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 24);
    const N = 480_000;
    // r1 = live list: 1000 objects {value: i, next}, built first and kept
    f.op('LoadNull', 1).op('LoadInt', 2, 0).op('LoadInt', 3, 1000);
    f.label('build').op('NewObject', 4).op('SetProp', 4, mb.constant('value'), 2, 0).op('SetProp', 4, mb.constant('next'), 1, 0)
      .op('Move', 1, 4).op('AddInt', 2, 2, 1).op('JumpIfLt', 2, 3, 'build');
    // r5 = ring of 16 arrays, replaced as we go; r6 = i; r7 = N
    f.op('NewArray', 5, 0, 0).op('LoadInt', 6, 0).loadConst(7, N).op('LoadUndefined', 8).op('LoadInt', 9, 15);
    f.loadConst(20, 'x');
    f.label('loop')
      .op('EnvNew', 10, 8, 120) // ~1 KiB of garbage
      .op('Move', 11, 6).op('AddInt', 12, 6, 1).op('NewArray', 16, 11, 2) // [i, i+1]
      .op('BitAnd', 13, 6, 9).op('SetElem', 5, 13, 16)
      .op('Add', 21, 20, 20) // a string of garbage
      .op('AddInt', 6, 6, 1).op('JumpIfLt', 6, 7, 'loop');
    // verify the ring: slot k holds [N-16+k, N-15+k]
    f.op('LoadInt', 13, 0).op('LoadInt', 14, 16).op('LoadInt', 19, 0);
    f.label('check').op('GetElem', 12, 5, 13).op('LoadInt', 15, 0).op('GetElem', 16, 12, 15)
      .op('AddInt', 17, 13, N - 16).op('StrictNe', 18, 16, 17).op('JumpIfTrue', 18, 'bad')
      .op('LoadInt', 15, 1).op('GetElem', 16, 12, 15).op('AddInt', 17, 17, 1).op('StrictNe', 18, 16, 17).op('JumpIfTrue', 18, 'bad')
      .op('AddInt', 13, 13, 1).op('JumpIfLt', 13, 14, 'check');
    // walk the list: sum of values 0..999 = 499500
    f.op('LoadInt', 2, 0);
    f.label('walk').op('JumpIfNullish', 1, 'walked').op('GetProp', 4, 1, mb.constant('value'), 0).op('Add', 2, 2, 4)
      .op('GetProp', 1, 1, mb.constant('next'), 0).op('Jump', 'walk');
    f.label('walked').expectEq(2, 499500, 'live list', 23).expectEq(21, 'xx', 'last string', 23);
    f.print('ok ring\n', 23).op('LoadInt', 0, 0).op('CallNative', 0, NATIVE.exit, 0, 1);
    f.label('bad').print('bad ring\n', 23).op('LoadInt', 0, 1).op('CallNative', 0, NATIVE.exit, 0, 1);
    const r = await runProgram(mb.encode(), { memoryMiB: 5, timeoutMs: 120_000 });
    expect(r.output).toBe('ok live list\nok last string\nok ring\n');
    expect(r.status).toBe(0);
    const half = r.readSymbol('heap_half');
    // a program in the program slot has all the RAM after the image but 1 MiB: two
    // semispaces of half that (the kernel's RAM/4 would be 640 KiB each)
    const heapStart = Math.min(r.readSymbol('from_base'), r.readSymbol('to_base')); // (they flip)
    const free = r.readSymbol('ram_top') + KERNEL_BASE - heapStart - 0x10_0000;
    expect(half).toBe(Math.floor(free / 0x2000) * 0x1000);
    expect(half).toBeGreaterThan(5 * 1024 * 1024 / 8); // more than the kernel's RAM/4 in two
    // every collection frees at most one semispace, so the program allocated at least
    // gc_count * (half - live) bytes; ask for 100x the whole heap (both semispaces)
    expect(r.readSymbol('gc_count') * (half - 200 * 1024)).toBeGreaterThan(100 * 2 * half);
  }, 150_000);

  test('running out of memory is a clear fatal error', async () => {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 8);
    // keep everything: a linked chain of environments
    f.op('LoadUndefined', 1).label('loop').op('EnvNew', 1, 1, 100).op('Jump', 'loop');
    const r = await runProgram(mb.encode(), { memoryMiB: 8 });
    // Node's words, then the machine's, on the program's stderr (COM2), nothing on stdout
    expect(r.errorOutput).toMatch(/^\r\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\r\ntskern interp: fatal: out of memory .*\(function 0, pc \d+\)\r\n$/);
    expect(r.output).toBe('');
    expect(r.status).toBe(70);
  });

  test('interned keys that no object uses any more are collected', async () => {
    const file = fileURLToPath(new URL('./programs/distinct-keys.ts', import.meta.url));
    const r = await runProgram(encodeModule(compileProgram(file).module), { memoryMiB: 8, timeoutMs: 120_000 });
    // the sum of 0..199999; temp empty; the 100 kept keys found again, in order
    expect(r.errorOutput).toBe('');
    expect(r.output).toBe('19999900000 0 100 100 p0 p99\n');
    expect(r.status).toBe(0);
  }, 150_000);
});
