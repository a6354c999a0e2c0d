import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatLogArgs } from '../../runtime/inspect.ts';
import { nodeJsonHooks } from './node-json-hooks.ts';
import { nodeIntrospect } from './node-introspect.ts';
import { Rng } from './rng.ts';

const circ: Record<string, unknown> = {};
circ.me = circ;
const e = new Error('boom');
e.stack = 'Error: boom\n    at f (x.js:1:1)';

const ARGS: unknown[] = [
  'a', '', '42', ' 3.5x', '0x10', '1e21', 'str with %s', 42, -0, 1.5, NaN, 1e21, true, null, undefined, Symbol('q'), { a: { b: { c: 1 } } },
  [1, [2, [3]]], circ, e, new Map([[1, 2]]), new Set([1]), { toString: () => 'custom' }, [1, 2], function named() {}, () => 1,
  'multi\nline', { n: 1.5 },
];
const FORMATS = [
  '%s', '%d', '%i', '%f', '%j', '%O', '%c', '%%', '%x', '%s %s', '%s|%d|%i|%f|%j|%O|%c|%%|%x', 'no directives', '100%', '%', '%%s',
  'a%sb%dc', '%s%', '%%%s%%', '%j %j', '%i%i', 'x %c y',
];

describe('formatLogArgs', () => {
  it('matches util.format on fixed cases', () => {
    expect(formatLogArgs([], nodeIntrospect, nodeJsonHooks)).toBe(format());
    for (const f of FORMATS) {
      for (const x of ARGS) {
        for (const args of [[f], [f, x], [f, x, x], [f, x, 'tail', 7], [x, f], [x]]) {
          expect([args, formatLogArgs(args, nodeIntrospect, nodeJsonHooks)]).toEqual([args, format(...args)]);
        }
      }
    }
  });
  it('matches util.format on 20k random argument lists', () => {
    const rng = new Rng(61);
    for (let t = 0; t < 20_000; t++) {
      const args: unknown[] = [];
      if (rng.int(4) !== 0) {
        let f = '';
        const n = rng.int(6);
        for (let i = 0; i < n; i++) f += rng.pick(['%s', '%d', '%i', '%f', '%j', '%O', '%c', '%%', '%', 'x', ' ', '%q', 'é']);
        args.push(f);
      }
      const n = rng.int(5);
      for (let i = 0; i < n; i++) args.push(rng.pick(ARGS));
      expect([args, formatLogArgs(args, nodeIntrospect, nodeJsonHooks)]).toEqual([args, format(...args)]);
    }
  });
});
