import { describe, expect, it } from 'vitest';
import { jsonParse, jsonStringify } from '../../runtime/json.ts';
import { nodeJsonHooks } from './node-json-hooks.ts';
import { Rng } from './rng.ts';

const STRS = ['', 'a', 'é', '\u2028', '"q"', '\\', '\b\f\n\r\t\v\x00\x1f\x7f', '\ud800', '\udc00', '\ud83d\ude00', '</script>', '__proto__'];

function randomJsonValue(rng: Rng, depth: number): unknown {
  const k = rng.int(depth > 4 ? 5 : 9);
  switch (k) {
    case 0:
      return rng.interestingDouble();
    case 1:
      return rng.pick(STRS) + (rng.int(2) ? 'x' + rng.int(100) : '');
    case 2:
      return rng.pick<unknown>([null, true, false, undefined, NaN, Infinity, -0, () => 1, Symbol('s')]);
    case 3:
      return rng.int(1000) - 500;
    case 4:
      return rng.pick<unknown>([new Number(3), new String('s'), new Boolean(false), new Date(0), { toJSON: (k: string) => 'key:' + k }]);
    case 5:
    case 6: {
      const o: Record<string, unknown> = {};
      const n = rng.int(6);
      for (let i = 0; i < n; i++) o[rng.pick(['a', 'b', '1', '0', 'z y', 'é', 'toJSONx', '__proto__x', String(rng.int(20))])] = randomJsonValue(rng, depth + 1);
      return o;
    }
    default: {
      const a: unknown[] = [];
      const n = rng.int(6);
      for (let i = 0; i < n; i++) a.push(randomJsonValue(rng, depth + 1));
      if (rng.int(8) === 0) a.length += 2;
      return a;
    }
  }
}

function errorOf(f: () => unknown): unknown {
  try {
    return ['ok', f()];
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
}

describe('jsonStringify', () => {
  it('matches JSON.stringify on 20k random values, replacers and indents', () => {
    const rng = new Rng(51);
    for (let i = 0; i < 20_000; i++) {
      const v = randomJsonValue(rng, 0);
      const replacer = rng.pick<unknown>([
        undefined, null, ['a', 'b', 1, 'a', new String('z y')], (k: string, x: unknown) => (k === 'b' ? undefined : typeof x === 'number' ? x * 2 : x),
      ]);
      const space = rng.pick<unknown>([undefined, 0, 2, 4, 11, -1, 3.7, '', '\t', '--', 'abcdefghijklmno', new Number(2), new String('..')]);
      expect(jsonStringify(v, replacer, space, nodeJsonHooks)).toBe(JSON.stringify(v, replacer as any, space as any));
    }
  });
  it('reports circular structures like V8', () => {
    const o: any = {};
    o.a = { b: [o] };
    class K {
      x: unknown = this;
    }
    const p: any = {};
    p.q = { r: { s: { t: { u: { v: p } } } } };
    const arr: any[] = [];
    arr.push({ y: arr });
    const n = Object.create(null);
    n.z = n;
    for (const v of [o, [new K()], p, arr, n, { w: { w: { w: { w: {} } } } }]) {
      expect(errorOf(() => jsonStringify(v, undefined, undefined, nodeJsonHooks))).toEqual(errorOf(() => JSON.stringify(v)));
    }
  });
});

const BAD = [
  '', ' ', '{', '[', 'x', '[1,]', '{"a":1,}', '"abc', '1 2', '{"a" 1}', '[1 2]', '{"a":1 "b"}', '"\\x"', '"a\nb"', '-', '1.', '1e',
  '01', '{a:1}', 'tru', 'nul', '{"a":', '"\\u12"', '"\\u12G4"', 'x'.repeat(40), '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15] x', '-a',
  '.5', '+1', '[-]', '1e+', '"\\', '\u00a0 1', '[1]]', 'truex', 'undefined', '{"a":1,"b":[1,2,{"c":x}]}', 'a'.repeat(90),
  '[' + '1,'.repeat(30) + 'x' + ',1'.repeat(30) + ']', 'trux', 'nulx', '[tru]', '"\\u12', '{"a":1', '{"a"', '{"a', ' "a" x', 'fals',
  't', '[1,', '{"a":1,', '[01]', '-01', '1.e5', '[1.]', '{,}', '[,]', 'nan', '{"a":}', 'undefined ', '[undefined]', '\u2028', '[1',
  '{"a":1}x', '[1,2', '"\t"', 'NaN', 'Infinity', '-Infinity', '1e999', '-0', '[-0]', '0.0e-0', '1E+5', '"\\uD800"', '"\\/"', '{"__proto__":1}',
  ' \n\t\r[ 1 , { "a" : [ ] } ]\r\n ', '"' + '\\u0041'.repeat(5) + '"', '123456789012345678901234567890', '0.1e-400', '{"a":1,"a":2}',
];

describe('jsonParse', () => {
  it('matches JSON.parse results and error messages on fixed inputs', () => {
    for (const s of BAD) {
      const got = errorOf(() => jsonParse(s, undefined, nodeJsonHooks));
      const want = errorOf(() => JSON.parse(s));
      expect([s, got]).toEqual([s, want]);
    }
    const proto = jsonParse('{"__proto__":1}', undefined, nodeJsonHooks) as object;
    expect(Object.getOwnPropertyNames(proto)).toEqual(['__proto__']);
  });
  it('round-trips 20k random values and mutated texts like JSON.parse', () => {
    const rng = new Rng(52);
    for (let i = 0; i < 20_000; i++) {
      let text = JSON.stringify(randomJsonValue(rng, 0), undefined, rng.pick([undefined, 1, '\t'])) ?? 'null';
      if (rng.int(3) === 0 && text.length > 0) {
        // Corrupt one position.
        const at = rng.int(text.length + 1);
        text = text.slice(0, at) + rng.pick(['', ',', '"', '}', ']', '-', '.', 'e', '0', '\\', ' ', 'x', '\n']) + text.slice(at + rng.int(2));
      }
      const reviver = rng.int(4) === 0 ? (k: string, v: unknown) => (k === 'a' ? undefined : typeof v === 'number' ? v + 1 : v) : undefined;
      const got = errorOf(() => jsonParse(text, reviver, nodeJsonHooks));
      const want = errorOf(() => JSON.parse(text, reviver));
      expect([text, got]).toEqual([text, want]);
    }
  });
});
