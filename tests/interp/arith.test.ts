// Number semantics: int32 fast paths, overflow into doubles, uint32, -0, NaN.
import { describe, expect, test } from 'vitest';
import type { OpcodeName } from '../../image-builder/bytecode/index.ts';
import { ModuleBuilder, type FunctionBuilder } from './bytecode-builder.ts';
import { runProgram } from './run.ts';

/** An input: {int: n} loads with LoadInt (int32 tag), a plain number with LoadConst. */
type In = number | { int: number };
type Case = [op: OpcodeName, a: In, b: In | undefined, expected: number | boolean];

function load(f: FunctionBuilder, r: number, v: In): void {
  if (typeof v === 'object') f.op('LoadInt', r, v.int);
  else f.loadConst(r, v);
}

const I = (n: number) => ({ int: n });

const CASES: Case[] = [
  ['Add', I(1), I(2), 3],
  ['Add', I(0x7fffffff), I(1), 2147483648],
  ['Add', I(-0x80000000), I(-1), -2147483649],
  ['Add', 0.5, I(1), 1.5],
  ['Add', 1e308, 1e308, Infinity],
  ['Sub', I(-0x80000000), I(1), -2147483649],
  ['Sub', I(5), I(7), -2],
  ['Mul', I(65536), I(65536), 4294967296],
  ['Mul', I(-3), I(7), -21],
  ['Mul', I(0), I(-5), -0],
  ['Mul', I(-0x80000000), I(-1), 2147483648],
  ['Div', I(-0x80000000), I(-1), 2147483648],
  ['Div', I(7), I(2), 3.5],
  ['Div', I(6), I(3), 2],
  ['Div', I(1), I(0), Infinity],
  ['Div', I(-1), I(0), -Infinity],
  ['Div', I(0), I(0), NaN],
  ['Div', I(0), I(-3), -0],
  ['Mod', I(7), I(3), 1],
  ['Mod', I(-7), I(3), -1],
  ['Mod', I(-6), I(3), -0],
  ['Mod', I(5), I(0), NaN],
  ['Mod', I(-0x80000000), I(-1), -0],
  ['Mod', 5.5, I(2), 1.5],
  ['Mod', -5.5, I(2), -1.5],
  ['Mod', 1e17, I(7), 1e17 % 7],
  ['BitAnd', I(-1), I(0xff), 255],
  ['BitOr', 2147483648, I(0), -2147483648],
  ['BitOr', 4294967295, I(0), -1],
  ['BitOr', 4294967296 + 5, I(0), 5],
  ['BitOr', -1.9, I(0), -1],
  ['BitOr', 1e21, I(0), 1e21 | 0],
  ['BitOr', NaN, I(0), 0],
  ['BitXor', I(0x0f0f), I(0xffff), 0xf0f0],
  ['Shl', I(1), I(31), -2147483648],
  ['Shl', I(1), I(32), 1],
  ['Shr', I(-16), I(2), -4],
  ['UShr', I(-1), I(0), 4294967295],
  ['UShr', I(-16), I(2), 1073741820],
  ['UShr', I(-0x80000000), I(0), 2147483648],
  ['UShr', -1.5, I(0), 4294967295],
  ['Lt', I(1), I(2), true],
  ['Lt', I(2), I(2), false],
  ['Le', I(2), I(2), true],
  ['Gt', 2.5, I(2), true],
  ['Ge', I(-1), 4294967295, false],
  ['Lt', NaN, I(1), false],
  ['Gt', NaN, I(1), false],
  ['Le', NaN, NaN, false],
  ['Ge', I(1), NaN, false],
  ['StrictEq', NaN, NaN, false],
  ['StrictEq', I(1), 1.0, true],
  ['StrictEq', -0, I(0), true],
  ['StrictNe', NaN, NaN, true],
  ['Eq', I(3), 3, true],
  ['Neg', I(5), undefined, -5],
  ['Neg', I(0), undefined, -0],
  ['Neg', I(-0x80000000), undefined, 2147483648],
  ['Inc', I(0x7fffffff), undefined, 2147483648],
  ['Dec', I(-0x80000000), undefined, -2147483649],
  ['Inc', 1.5, undefined, 2.5],
  ['BitNot', I(0), undefined, -1],
  ['BitNot', 4294967295, undefined, 0],
  ['Not', I(0), undefined, true],
  ['Not', NaN, undefined, true],
  ['Not', -0, undefined, true],
  ['Not', 0.5, undefined, false],
];

function describeCase([op, a, b]: Case): string {
  const s = (v: In) => (typeof v === 'object' ? `int(${v.int})` : Object.is(v, -0) ? '-0' : String(v));
  return b === undefined ? `${op} ${s(a)}` : `${op} ${s(a)} ${s(b)}`;
}

describe('arithmetic', () => {
  test('edge cases', async () => {
    const mb = new ModuleBuilder();
    const { f } = mb.fn('main', 0, 8);
    CASES.forEach((c, i) => {
      const [op, a, b, expected] = c;
      load(f, 1, a);
      if (b !== undefined) { load(f, 2, b); f.op(op, 3, 1, 2); } else f.op(op, 3, 1);
      const what = `${i} ${describeCase(c)}`;
      if (typeof expected === 'number' && Number.isNaN(expected)) {
        f.op('StrictEq', 4, 3, 3).expectEq(4, false, what, 5);
      } else if (Object.is(expected, -0)) {
        // 1 / -0 === -Infinity tells -0 from 0
        f.op('LoadInt', 4, 1).op('Div', 4, 4, 3).expectEq(4, -Infinity, what, 5);
      } else if (Object.is(expected, 0) || (typeof expected === 'number' && expected === 0)) {
        f.op('LoadInt', 4, 1).op('Div', 4, 4, 3).expectEq(4, Infinity, what, 5);
      } else {
        f.expectEq(3, expected, what, 5);
      }
    });
    // typeof a uint32 is number; uint32 + 1 leaves 32 bits; (x >>> 0) | 0 goes back to int32
    f.op('LoadInt', 1, -1).op('LoadInt', 2, 0).op('UShr', 3, 1, 2).op('TypeOf', 4, 3).expectEq(4, 'number', 'typeof uint32', 5);
    f.op('AddInt', 4, 3, 1).expectEq(4, 4294967296, 'uint32 + 1', 5);
    f.op('BitOr', 4, 3, 2).expectEq(4, -1, 'uint32 | 0', 5);
    f.op('LoadInt', 6, 1).op('Sub', 4, 3, 6).expectEq(4, 4294967294, 'uint32 - 1', 5);
    f.op('LoadInt', 1, -0x80000000).op('UShr', 3, 1, 2).op('LoadInt', 6, 1).op('Sub', 4, 3, 6).expectEq(4, 2147483647, '2^31 - 1', 5);
    f.op('JumpIfLt', 6, 3, 'lt_ok').print('bad 1 < uint32\n', 5).op('Jump', 'lt_done').label('lt_ok').print('ok 1 < uint32\n', 5).label('lt_done');
    f.op('LoadUndefined', 0).op('Return', 0);
    const r = await runProgram(mb.encode());
    const lines = r.output.trim().split('\n');
    expect(lines.filter((l) => !l.startsWith('ok '))).toEqual([]);
    expect(lines.length).toBe(CASES.length + 6);
    expect(r.status).toBe(0);
  });
});
