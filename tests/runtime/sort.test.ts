import { describe, expect, it } from 'vitest';
import { type SortHooks, sortArray } from '../../runtime/sort.ts';
import { Rng } from './rng.ts';

const hooks: SortHooks = {
  hasIndex: (a, i) => i in a,
  deleteIndex: (a, i) => {
    delete a[i];
  },
  stringOf: (v) => String(v),
  toNumber: (v) => Number(v),
};

function describeArray(a: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < a.length; i++) out.push(i in a ? (Object.is(a[i], -0) ? '-0' : a[i]) : '<hole>');
  return out;
}

function randomArray(rng: Rng): unknown[] {
  const n = rng.pick([0, 1, 2, 5, 9, 17, 33, 100, rng.int(300)]);
  const a: unknown[] = [];
  const kind = rng.int(4);
  for (let i = 0; i < n; i++) {
    if (rng.int(12) === 0) continue; // hole
    if (kind === 0) a[i] = rng.int(50);
    else if (kind === 1) a[i] = rng.interestingDouble();
    else if (kind === 2) a[i] = rng.pick(['a', 'b', 'B', 'ab', '', 'é', '10', '9', 'z'.repeat(rng.int(3))]);
    else a[i] = rng.pick<unknown>([rng.int(20), 'x' + rng.int(5), undefined, null, true, -0, NaN, [1, 2], { k: rng.int(3) }]);
  }
  a.length = n + rng.int(3);
  return a;
}

describe('sortArray', () => {
  it('matches Array.prototype.sort on 20k random arrays and comparators', () => {
    const rng = new Rng(41);
    for (let t = 0; t < 20_000; t++) {
      const a = randomArray(rng);
      const b = a.slice();
      const which = rng.int(5);
      let cmp: ((x: any, y: any) => any) | undefined;
      // Only consistent comparators: for inconsistent ones the order is implementation-defined.
      const numeric = a.every((v) => typeof v === 'number' && v === v);
      if (which === 1) cmp = numeric ? (x, y) => x - y : (x, y) => (typeof x).localeCompare(typeof y);
      else if (which === 2) cmp = (x, y) => (String(x).length - String(y).length); // many ties: stability
      else if (which === 3) cmp = (x, y) => (String(x) < String(y) ? 1 : String(x) > String(y) ? -1 : 0);
      else if (which === 4) cmp = (x, y) => String(((String(x).charCodeAt(0) || 0) % 3) - ((String(y).charCodeAt(0) || 0) % 3)); // string result
      sortArray(a, cmp, hooks);
      b.sort(cmp);
      expect(describeArray(a)).toEqual(describeArray(b));
    }
  });
});
