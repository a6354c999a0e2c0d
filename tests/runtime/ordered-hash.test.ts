import { describe, expect, it } from 'vitest';
import { OrderedHashIterator, OrderedHashTable, spreadHash } from '../../runtime/ordered-hash.ts';
import { Rng } from './rng.ts';

const ids = new WeakMap<object, number>();
let nextId = 1;
function hashOf(k: unknown): number {
  if (typeof k === 'object' && k !== null) {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = nextId++));
    return id * 2654435761;
  }
  if (typeof k === 'number') return k !== k ? 7 : (k * 1000003) | 0; // deliberately collision-prone
  if (typeof k === 'string') {
    let h = 0;
    for (let i = 0; i < k.length; i++) h = (h * 31 + k.charCodeAt(i)) | 0;
    return h;
  }
  return k === undefined ? 1 : k === null ? 2 : k === true ? 3 : 4;
}

const OBJS = [{}, {}, [], { a: 1 }];
function randomKey(rng: Rng): unknown {
  return rng.pick<unknown>([
    rng.int(40), rng.int(1000), 'k' + rng.int(30), NaN, 0, -0, 1.5, undefined, null, true, false, rng.pick(OBJS), '', '0',
  ]);
}

function snapshot(t: OrderedHashTable): unknown[] {
  const out: unknown[] = [];
  t.forEach((v, k) => out.push([k, v]));
  return out;
}

describe('OrderedHashTable', () => {
  it('behaves as Map under 2000 random operation sequences, with live iterators', () => {
    const rng = new Rng(31);
    for (let round = 0; round < 2000; round++) {
      const t = new OrderedHashTable(hashOf);
      const m = new Map<unknown, unknown>();
      const its: [OrderedHashIterator, Iterator<[unknown, unknown]>][] = [];
      const ops = rng.int(300);
      for (let op = 0; op < ops; op++) {
        const r = rng.int(100);
        const k = randomKey(rng);
        if (r < 40) {
          const v = rng.int(1000);
          t.set(k, v);
          m.set(k, v);
        } else if (r < 70) {
          expect(t.delete(k)).toBe(m.delete(k));
        } else if (r < 80) {
          expect([t.has(k), t.get(k)]).toEqual([m.has(k), m.get(k)]);
        } else if (r < 82) {
          t.clear();
          m.clear();
        } else if (r < 88) {
          its.push([t.iterator(), m.entries()]);
        } else if (its.length > 0) {
          const [a, b] = rng.pick(its);
          const x = a.next();
          const y = b.next();
          expect(x.done).toBe(!!y.done);
          if (!y.done) expect([x.key, x.value]).toEqual(y.value);
        }
        expect(t.size).toBe(m.size);
      }
      expect(snapshot(t)).toEqual([...m.entries()]);
      for (const [a, b] of its) {
        for (;;) {
          const x = a.next();
          const y = b.next();
          expect(x.done).toBe(!!y.done);
          if (y.done) break;
          expect([x.key, x.value]).toEqual(y.value);
        }
      }
    }
  });
  it('normalises -0 and finds NaN', () => {
    const t = new OrderedHashTable(hashOf);
    t.set(-0, 'z');
    t.set(NaN, 'n');
    expect(Object.is(snapshot(t)[0] && (snapshot(t)[0] as unknown[])[0], 0)).toBe(true);
    expect(t.get(0)).toBe('z');
    expect(t.get(NaN)).toBe('n');
  });
  it('deleting and re-adding during forEach matches Map', () => {
    const t = new OrderedHashTable(hashOf);
    const m = new Map<unknown, unknown>();
    for (let i = 0; i < 50; i++) {
      t.set(i, i);
      m.set(i, i);
    }
    const seenT: unknown[] = [];
    const seenM: unknown[] = [];
    t.forEach((v, k) => {
      seenT.push(k);
      if ((k as number) < 100) {
        t.delete(k);
        t.set((k as number) + 100, v);
      }
    });
    m.forEach((v, k) => {
      seenM.push(k);
      if ((k as number) < 100) {
        m.delete(k);
        m.set((k as number) + 100, v);
      }
    });
    expect(seenT).toEqual(seenM);
  });
});

describe('spreadHash', () => {
  it('is h * 0x9e3779b1 mod 2^32 with the high half folded in', () => {
    for (const h of [0, 1, -1, 4096, 0x7fffffff, -0x80000000, 123456789]) {
      const x = Number((BigInt(h) * 0x9e3779b1n) & 0xffffffffn) | 0;
      expect(spreadHash(h)).toBe(x ^ (x >>> 16));
    }
  });

  it('spreads page addresses (multiples of 4096) over the buckets as evenly as small integers', () => {
    const mask = (1 << 15) - 1; // the table for 20,000 keys
    const longestChain = (keys: number[]) => {
      const load = new Map<number, number>();
      for (const k of keys) load.set(spreadHash(k) & mask, (load.get(spreadHash(k) & mask) ?? 0) + 1);
      return Math.max(...load.values());
    };
    const pages = Array.from({ length: 20_000 }, (_, i) => i * 4096);
    const small = Array.from({ length: 20_000 }, (_, i) => i);
    expect(longestChain(pages)).toBeLessThanOrEqual(8); // as a random hash would (5 or 6); without spreading: 20,000
    expect(longestChain(small)).toBeLessThanOrEqual(8);
  });
});
