import { inspect as nodeInspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../runtime/inspect.ts';
import { nodeIntrospect } from './node-introspect.ts';
import { Rng } from './rng.ts';

class Foo {
  a = 1;
}
class Bar extends Foo {
  b: unknown = 'x';
}
class Empty {}

function errorWith(stack: string | undefined, extra?: Record<string, unknown>): Error {
  const e = new Error('boom');
  if (stack === undefined) delete (e as { stack?: string }).stack;
  else e.stack = stack;
  if (extra) Object.assign(e, extra);
  return e;
}

const STRINGS = [
  '', 'a', 'hello world', "it's", 'say "hi"', `both ' and "`, 'all \' " `', "x'${y}\"", 'tab\there', 'nl\nthere',
  '\x00\x01\x7f\x9f\\', '\ud83d\ude00', '\ud83d', '\udc00x', 'é ü ß', 'x'.repeat(70), 'line1\nline2\n' + 'y'.repeat(80),
  '\b\f\r\v', 'key-with-dash', '__proto__', '1', '01', 'a1', '_x', '$x',
];

function fixedValues(): unknown[] {
  const circ: Record<string, unknown> = { name: 'c' };
  circ.self = circ;
  const circ2: Record<string, unknown> = {};
  circ2.a = { b: circ2, c: [circ2] };
  const sparse = [, , 1, , ,];
  const arrX: unknown[] = [1, 2];
  (arrX as unknown as Record<string, unknown>).x = 1;
  const withAcc = {
    get g() {
      return 1;
    },
    set s(_v: unknown) {},
    get gs() {
      return 1;
    },
    set gs(_v: unknown) {},
  };
  const nullProto = Object.create(null);
  nullProto.k = 1;
  const fnWithProps = Object.assign(function named() {}, { x: 1 });
  return [
    undefined, null, true, false, 0, -0, 1.5, -1e21, NaN, Infinity, -Infinity, 5e-324, Symbol('s'), Symbol(),
    ...STRINGS,
    {}, [], { a: 1 }, [1, 2, 3], { a: { b: { c: { d: 1 } } } }, { a: { b: { c: {} } } }, [[[[1]]]], [[[[]]]],
    circ, circ2, [circ, circ], sparse, [, 1], new Array(5), arrX, withAcc, nullProto, Object.create(null),
    new Foo(), new Bar(), new Empty(), [new Foo()], { f: { g: { h: new Foo() } } },
    function () {}, function named() {}, () => {}, class A {}, class B extends Foo {}, async function af() {},
    function* gen() {}, async function* ag() {}, fnWithProps, { f() {}, g: function () {}, h: () => {}, i: class {} },
    new Map(), new Set(), new Map<unknown, unknown>([[1, { a: 1 }], ['k', [1, 2]]]), new Set(['a', 1, {}]),
    new Map([[{ a: 1 }, new Set([1])]]),
    errorWith('Error: boom'), errorWith('Error: boom\n    at foo (x.js:1:1)'),
    { e: errorWith('Error: boom\n    at foo (x.js:1:1)\n    at bar (y.js:2:2)', { code: 3 }) },
    errorWith('Error: boom', { code: 'E' }), [errorWith('TypeError: bad')],
    { [Symbol('k')]: 1, 'a-b': 2, '1': 3, __proto__x: 4 },
    { [Symbol("it's \\ \n\x0b\x7f\u0085 \ud800")]: Symbol("it's"), [Symbol()]: [Symbol('\t')] },
    { ['__proto__']: 1 },
    Array.from({ length: 7 }, (_, i) => i), Array.from({ length: 26 }, (_, i) => i * i),
    Array.from({ length: 120 }, () => 0), Array.from({ length: 101 }, (_, i) => 'item' + i),
    [1.5, -2, 3, 4, 5, 6, 7, 'a'], [undefined, null, true, 1, 2, 3, 4], ['aaa', 'b', 'c', 'd', 'e', 'f', 'g'],
    { k0: 'vvvvvvvv', k1: 'vvvvvvvv', k2: 'vvvvvvvv', k3: 'vvvvvvvv', k4: 'vvvvvvvv' },
    { a: 'x'.repeat(60) }, { ab: 'x'.repeat(61) }, ['x'.repeat(100)], { s: 'a\nb'.repeat(20) },
    { a: [{ b: 1 }], c: { d: { e: 1 } }, f: 1 }, new (class extends Map<unknown, unknown> {})([[1, 2]]),
    'z'.repeat(10050),
  ];
}

const KEYS = ['a', 'b', 'foo', 'barBaz', 'x1', 'with space', '0', '12', 'long_property_name_here', 'é'];

function randomValue(rng: Rng, depth: number, pool: object[]): unknown {
  const k = rng.int(depth > 4 ? 6 : 14);
  switch (k) {
    case 0:
      return rng.interestingDouble();
    case 1:
      return rng.int(1000);
    case 2:
      return rng.pick(STRINGS);
    case 3:
      return rng.pick([undefined, null, true, false, -0, NaN]);
    case 4: {
      let s = '';
      const n = rng.int(30);
      for (let i = 0; i < n; i++) s += String.fromCharCode(rng.pick([97, 98, 39, 34, 96, 10, 32, 0x7f, 0xd800, 0x41, 0x2028]));
      return s;
    }
    case 5:
      return pool.length > 0 && rng.int(4) === 0 ? rng.pick(pool) : rng.int(10);
    case 6:
    case 7: {
      const o: Record<string, unknown> = rng.int(8) === 0 ? new Foo() as unknown as Record<string, unknown> : {};
      pool.push(o);
      const n = rng.int(7);
      for (let i = 0; i < n; i++) o[rng.pick(KEYS)] = randomValue(rng, depth + 1, pool);
      return o;
    }
    case 8:
    case 9: {
      const a: unknown[] = [];
      pool.push(a);
      const n = rng.pick([0, 1, 3, 6, 7, 8, 12, 30, rng.int(130)]);
      const numeric = rng.int(2) === 0;
      for (let i = 0; i < n; i++) {
        if (rng.int(20) === 0) continue;
        a[i] = numeric ? rng.pick([rng.int(100), rng.int(100000), rng.interestingDouble()]) : randomValue(rng, depth + 1, pool);
      }
      if (rng.int(10) === 0) a.length = n + rng.int(3);
      return a;
    }
    case 10: {
      const m = new Map<unknown, unknown>();
      const n = rng.int(5);
      for (let i = 0; i < n; i++) m.set(randomValue(rng, depth + 1, pool), randomValue(rng, depth + 1, pool));
      return m;
    }
    case 11: {
      const s = new Set<unknown>();
      const n = rng.int(5);
      for (let i = 0; i < n; i++) s.add(randomValue(rng, depth + 1, pool));
      return s;
    }
    case 12:
      return rng.pick([function f() {}, () => {}, class K {}, errorWith('Error: e'), errorWith('Error: e\n    at x (y:1:1)')]);
    default:
      return { [rng.pick(KEYS)]: randomValue(rng, depth + 1, pool), n: rng.int(100) };
  }
}

describe('inspect', () => {
  it('matches util.inspect on fixed values', () => {
    const values = fixedValues();
    for (const v of values) expect(inspect(v, nodeIntrospect)).toBe(nodeInspect(v));
    for (const v of values) expect(inspect(v, nodeIntrospect, { depth: 0 })).toBe(nodeInspect(v, { depth: 0 }));
    for (const v of values) expect(inspect({ wrap: [v] }, nodeIntrospect)).toBe(nodeInspect({ wrap: [v] }));
  });
  it('matches util.inspect on 20k random nested values', () => {
    const rng = new Rng(11);
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const v = randomValue(rng, 0, []);
      const got = inspect(v, nodeIntrospect);
      const want = nodeInspect(v);
      if (got !== want && bad.length < 5) bad.push(`#${i}\n--- got\n${got}\n--- want\n${want}`);
    }
    expect(bad).toEqual([]);
  });
});
