// Insertion-ordered hash table for Map and Set (ECMA-262 semantics).
//
// Keys compare with SameValueZero (NaN equals NaN; -0 is stored as +0). Entries live in
// insertion order in parallel arrays; deletion leaves a tombstone. When the table grows
// or is mostly tombstones it is rebuilt into a new store, and the old store records the
// new one plus the indices it dropped, so an iterator still on the old store moves to
// the new one lazily, with its position adjusted (the scheme V8 uses; old stores are
// garbage once no iterator holds them). clear() likewise forwards to an empty store, so
// iterators then see only entries added after the clear. Iterators therefore skip
// deleted entries and see entries added during iteration, as in JS.
//
// The caller supplies hashOf(key): any integer-valued number, equal for SameValueZero-equal
// keys (it receives the normalised key: -0 already turned into +0). An int32 key is hashed
// as itself without calling hashOf, on every path (probes, inserts, rebuilds).
//
// The x86 machine reads and writes this layout itself for the hot Map/Set methods
// (boot/interp/collections.ts): the properties of a table (store, hashOf, hole, kind) and of
// a store (keys, values, chain, buckets, mask, live, ...) are at those indices, in that
// order, which is why every field has an initialiser here (its definition order is its
// index). checkLayout() verifies it at start-up.

const HOLE: object = { hole: true };

/**
 * Spreads a hash over the low bits the buckets use. Callers hash an integer key to itself,
 * so without this the multiples of 4096 (page addresses) would all share one bucket (and of
 * 2^k, 2^k buckets of them): h * 0x9e3779b1 mod 2^32 (Knuth's multiplicative hash) with its
 * high half folded into the low one. Computed exactly in doubles: each product < 2^47.
 */
export function spreadHash(hash: number): number {
  const h = hash | 0;
  const x = (((h * 0x9e37) << 16) + h * 0x79b1) | 0;
  return x ^ (x >>> 16);
}

class Store {
  keys: unknown[] = [];
  values: unknown[] = [];
  /** Next entry index in the same bucket, or -1. */
  chain: number[] = [];
  buckets: number[] = [];
  mask = 0;
  live = 0;
  /** Set when this store was replaced. */
  next: Store | null = null;
  /** Entry indices dropped by the rebuild that replaced this store (ascending). */
  removed: number[] = [];
  cleared = false;

  constructor(bucketCount: number) {
    this.mask = bucketCount - 1;
    for (let i = 0; i < bucketCount; i++) this.buckets.push(-1);
  }
}

const EMPTY_STORE = new Store(1);
function noHash(): number {
  return 0;
}

function normalizeKey(key: unknown): unknown {
  return key === 0 ? 0 : key; // -0 -> +0
}

export interface OrderedHashEntry {
  done: boolean;
  key: unknown;
  value: unknown;
}

export class OrderedHashIterator {
  private store: Store;
  private index = 0;
  private finished = false;

  constructor(store: Store) {
    this.store = store;
  }

  /** The next live entry, or done. Entries are read when next() is called. */
  next(): OrderedHashEntry {
    if (this.finished) return { done: true, key: undefined, value: undefined };
    let s = this.store;
    let index = this.index;
    while (s.next !== null) {
      if (s.cleared) {
        index = 0;
      } else {
        let before = 0;
        for (let i = 0; i < s.removed.length && s.removed[i] < index; i++) before++;
        index -= before;
      }
      s = s.next;
    }
    while (index < s.keys.length && s.keys[index] === HOLE) index++;
    if (index >= s.keys.length) {
      this.finished = true;
      this.store = s;
      this.index = index;
      return { done: true, key: undefined, value: undefined };
    }
    this.store = s;
    this.index = index + 1;
    return { done: false, key: s.keys[index], value: s.values[index] };
  }
}

export class OrderedHashTable {
  private store: Store = EMPTY_STORE;
  private readonly hashOf: (key: unknown) => number = noHash;
  /** The tombstone (read by the machine's delete). */
  private readonly hole: object = HOLE;
  /** 0 for a Map's table, 1 for a Set's, 2 any other (the machine's methods check it). */
  private readonly kind: number = 2;

  constructor(hashOf: (key: unknown) => number, kind = 2) {
    this.store = new Store(4);
    this.hashOf = hashOf;
    this.kind = kind;
  }

  /** Throws unless tables and stores have the layout the machine reads (see the file comment). */
  static checkLayout(ownKeys: (o: object) => string[]): void {
    const joined = (keys: string[]): string => {
      let text = '';
      for (let i = 0; i < keys.length; i++) text += (i === 0 ? '' : ',') + keys[i];
      return text;
    };
    const t = joined(ownKeys(new OrderedHashTable(noHash, 0)));
    const s = joined(ownKeys(new Store(4)));
    if (t !== 'store,hashOf,hole,kind' || s !== 'keys,values,chain,buckets,mask,live,next,removed,cleared') {
      throw new Error('ordered-hash: the layout the machine reads changed: ' + t + ' / ' + s);
    }
  }

  get size(): number {
    return this.store.live;
  }

  // The hot paths (lookup, get, set) are written out in full, without calls where the key
  // is an int32 (hashOf(k) is k itself then) or equal by identity: a call costs more than
  // the whole probe. HOLE never equals a key (nobody else has it), so `k === key` needs no
  // HOLE test; `k !== k && key !== key` is SameValueZero's NaN case.

  /** The entry index of `key` (normalised: -0 already +0) in the current store, or -1. */
  private lookup(key: unknown): number {
    const s = this.store;
    const h = typeof key === 'number' && ((key as number) | 0) === key ? (key as number) | 0 : this.hashOf(key) | 0;
    const x = (((h * 0x9e37) << 16) + h * 0x79b1) | 0; // spreadHash(h), inlined on the hot path
    const keys = s.keys;
    let i = s.buckets[(x ^ (x >>> 16)) & s.mask];
    while (i >= 0) {
      const k = keys[i];
      if (k === key || (k !== k && key !== key)) return i;
      i = s.chain[i];
    }
    return -1;
  }

  has(key: unknown): boolean {
    return this.lookup(key === 0 ? 0 : key) >= 0;
  }

  get(key: unknown): unknown {
    const k = key === 0 ? 0 : key; // -0 -> +0
    const s = this.store;
    const h = typeof k === 'number' && ((k as number) | 0) === k ? (k as number) | 0 : this.hashOf(k) | 0;
    const x = (((h * 0x9e37) << 16) + h * 0x79b1) | 0;
    const keys = s.keys;
    let i = s.buckets[(x ^ (x >>> 16)) & s.mask];
    while (i >= 0) {
      const e = keys[i];
      if (e === k || (e !== e && k !== k)) return s.values[i];
      i = s.chain[i];
    }
    return undefined;
  }

  set(key: unknown, value: unknown): void {
    const k = key === 0 ? 0 : key; // -0 -> +0
    let s = this.store;
    const h = typeof k === 'number' && ((k as number) | 0) === k ? (k as number) | 0 : this.hashOf(k) | 0;
    const x = (((h * 0x9e37) << 16) + h * 0x79b1) | 0;
    const keys = s.keys;
    let i = s.buckets[(x ^ (x >>> 16)) & s.mask];
    while (i >= 0) {
      const e = keys[i];
      if (e === k || (e !== e && k !== k)) {
        s.values[i] = value;
        return;
      }
      i = s.chain[i];
    }
    if (s.keys.length >= 2 * (s.mask + 1)) s = this.rebuild(s.live + 1);
    const b = (x ^ (x >>> 16)) & s.mask; // the probe's hash: the bucket lookups will search
    const index = s.keys.length;
    s.keys.push(k);
    s.values.push(value);
    s.chain.push(s.buckets[b]);
    s.buckets[b] = index;
    s.live++;
  }

  delete(key: unknown): boolean {
    const i = this.lookup(normalizeKey(key));
    if (i < 0) return false;
    const s = this.store;
    s.keys[i] = HOLE;
    s.values[i] = undefined;
    s.live--;
    if (s.mask + 1 > 4 && s.live * 4 < s.mask + 1) this.rebuild(s.live);
    return true;
  }

  clear(): void {
    const old = this.store;
    const fresh = new Store(4);
    old.cleared = true;
    old.next = fresh;
    this.store = fresh;
  }

  /** An iterator over live entries in insertion order (see the module comment). */
  iterator(): OrderedHashIterator {
    return new OrderedHashIterator(this.store);
  }

  /** Calls f(value, key) for each entry, seeing changes made during the walk. */
  forEach(f: (value: unknown, key: unknown) => void): void {
    const it = this.iterator();
    for (;;) {
      const e = it.next();
      if (e.done) return;
      f(e.value, e.key);
    }
  }

  private rebuild(minLive: number): Store {
    const old = this.store;
    let buckets = 4;
    while (buckets < minLive) buckets = buckets * 2;
    const s = new Store(buckets);
    for (let i = 0; i < old.keys.length; i++) {
      const k = old.keys[i];
      if (k === HOLE) {
        old.removed.push(i);
        continue;
      }
      const b = spreadHash(typeof k === 'number' && ((k as number) | 0) === k ? k : this.hashOf(k)) & s.mask; // as the probes hash
      const index = s.keys.length;
      s.keys.push(k);
      s.values.push(old.values[i]);
      s.chain.push(s.buckets[b]);
      s.buckets[b] = index;
      s.live++;
    }
    old.next = s;
    // The old store's arrays are kept only for the `removed` bookkeeping; drop the rest.
    old.keys = [];
    old.values = [];
    old.chain = [];
    old.buckets = [];
    this.store = s;
    return s;
  }
}
