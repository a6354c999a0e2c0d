// The iteration protocol through Symbol.iterator: user iterables and iterators in every
// consumer (for..of, spread, destructuring, Array.from, Map/Set, Object.fromEntries,
// Math.max(...)), closing on break/throw/return, the builtin iterators, and replacing the
// builtin [Symbol.iterator] / next (the machine's native array and string iteration must
// notice).
function t(label: string, f: () => unknown): void {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', (e as Error).name, (e as Error).message);
  }
}

class Countdown {
  constructor(private from: number, private log: string[] = []) {}
  [Symbol.iterator](): Iterator<number> {
    let n = this.from;
    const log = this.log;
    log.push('start');
    return {
      next: () => (n > 0 ? { value: n--, done: false } : { value: undefined, done: true }),
      return: () => { log.push('closed at ' + n); return { value: undefined, done: true }; },
    };
  }
}

const log: string[] = [];
const c = new Countdown(4, log);
const seen: number[] = [];
for (const x of c) seen.push(x);
console.log(seen, [...c], Math.max(...c), Array.from(c), Array.from(c, (x, i) => x * 10 + i));
const [first, second, ...others] = c;
console.log(first, second, others, new Set(c), new Map([...c].map((x) => [x, String(x)])));
for (const x of c) if (x === 2) break;
try { for (const x of c) if (x === 3) throw new Error('thrown out'); } catch (e) { log.push((e as Error).message); }
function early(): number { for (const x of c) if (x === 3) return x; return -1; }
console.log(early());
const [only] = c;
console.log(only, log.join(' | '));

// an object that is its own iterator, and generator-free state machines
function range(lo: number, hi: number) {
  let i = lo;
  return {
    [Symbol.iterator]() { return this; },
    next() { return i < hi ? { value: i++, done: false } : { value: undefined, done: true }; },
  };
}
console.log([...range(0, 5)], Array.from(range(3, 6)), Object.fromEntries([...range(0, 3)].map((k) => ['k' + k, k])));

// builtin iterators are iterable and return themselves
const arrIt = [10, 20, 30][Symbol.iterator]();
console.log(arrIt[Symbol.iterator]() === arrIt, arrIt.next(), [...arrIt], arrIt.next());
const strIt = 'h\u{1F600}!'[Symbol.iterator]();
console.log(strIt[Symbol.iterator]() === strIt, [...strIt].length, strIt.next());
const m = new Map([['a', 1], ['b', 2]]);
const mIt = m[Symbol.iterator]();
console.log(mIt[Symbol.iterator]() === mIt, mIt.next(), [...mIt], [...m.keys()], [...m.values()], [...m.entries()]);
const st = new Set(['x', 'y']);
console.log([...st[Symbol.iterator]()], [...st.entries()], [...st.keys()], Array.prototype[Symbol.iterator] === Array.prototype.values);
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(Object.prototype.toString.call(arrIt), Object.prototype.toString.call(strIt), Object.prototype.toString.call(mIt));
console.log(Object.prototype.toString.call(st.values()), Object.getPrototypeOf(Object.getPrototypeOf(arrIt)) === Object.getPrototypeOf(Object.getPrototypeOf(mIt)));
console.log(arrIt, Object.keys(arrIt), Object.getOwnPropertyNames(arrIt), typeof (arrIt as any).constructor);
t('next on another object', () => arrIt.next.call({}));

// replacing Array.prototype[Symbol.iterator] is seen by for..of, spread and destructuring
const original = Array.prototype[Symbol.iterator];
(Array.prototype as any)[Symbol.iterator] = function (this: unknown[]) {
  let i = this.length;
  const self = this;
  return { next: () => (i > 0 ? { value: self[--i], done: false } : { value: undefined, done: true }) };
};
const reversed: number[] = [];
for (const x of [1, 2, 3]) reversed.push(x);
const [r0] = [7, 8, 9];
console.log(reversed, [...[4, 5, 6]], r0, Array.from([1, 2]), Math.max(...[1, 2]));
(Array.prototype as any)[Symbol.iterator] = original;
console.log([...[1, 2, 3]]);

// an own [Symbol.iterator] on one array
const odd: any = [1, 2, 3];
odd[Symbol.iterator] = () => ({ next: () => ({ value: 'own', done: odd.length-- <= 2 }) });
console.log([...odd], [...[1, 2]]);

// replacing the Array Iterator's next
const arrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
const originalNext = arrayIteratorProto.next;
arrayIteratorProto.next = function () {
  const r = originalNext.call(this);
  return r.done ? r : { value: r.value * 100, done: false };
};
console.log([...[1, 2]], Array.from([3]));
for (const x of [5]) console.log('for..of sees', x);
arrayIteratorProto.next = originalNext;
console.log([...[1, 2]]);

// replacing the String iterator
const stringIter = String.prototype[Symbol.iterator];
(String.prototype as any)[Symbol.iterator] = function () { return ['whole string'][Symbol.iterator](); };
console.log([...'abc']);
for (const ch of 'xyz') console.log('char', ch);
(String.prototype as any)[Symbol.iterator] = stringIter;
console.log([...'abc']);

// errors
t('not iterable', () => Array.from({ [Symbol.iterator]: 5 } as any));
t('Set of a number', () => new Set(5 as any));
t('Map of a bad entry', () => new Map([1] as any));
t('iterator returns a primitive', () => [...({ [Symbol.iterator]: () => 5 } as any)]);
t('next returns a primitive', () => [...({ [Symbol.iterator]: () => ({ next: () => 'x' }) } as any)]);
t('next returns undefined', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => undefined }) } as any)) void x; });
const closing = (label: string) => ({
  [Symbol.iterator]() {
    return {
      i: 0,
      next() { return { value: ++this.i, done: false }; },
      return() { console.log(label, 'closed'); return {}; },
    };
  },
});
t('Array.from closes when mapFn throws', () => Array.from(closing('from') as any, (x: number) => { if (x === 2) throw new Error('map failed'); return x; }));
t('Map closes on a bad entry', () => new Map(closing('map') as any));
const add = Set.prototype.add;
Set.prototype.add = () => { throw new Error('no add'); };
t('Set closes when add throws', () => new Set(closing('set') as any));
Set.prototype.add = add;
t('destructuring closes', () => { const [a, b] = closing('destructure') as any; return [a, b]; });
t('return() result checked after break', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return: () => 7 }) } as any)) { void x; break; } });
t('getter for Symbol.iterator', () => [...({ get [Symbol.iterator]() { return () => ['via getter'][Symbol.iterator](); } } as any)]);

// `next` is read once, when the iterator is obtained, whatever the iterator does later
const selfReplacing = (): any => ({
  i: 0,
  next() { this.next = () => ({ value: 'replaced', done: false }); return { value: this.i++, done: this.i > 3 }; },
  [Symbol.iterator]() { return this; },
});
console.log([...selfReplacing()]);
const viaForOf: unknown[] = [];
for (const x of selfReplacing()) viaForOf.push(x);
console.log(viaForOf, Array.from({ [Symbol.iterator]: () => ({ n: 0, next() { this.next = () => ({ done: true }); return { value: this.n++, done: this.n > 2 }; } }) } as any));
const getterNext = {
  [Symbol.iterator]() {
    let n = 0;
    return { get next() { console.log('next read'); return () => ({ value: n, done: n++ > 1 }); } };
  },
};
for (const x of getterNext as any) console.log('got', x);
console.log([...(getterNext as any)], Array.from(getterNext as any), new Set(getterNext as any).size);
const [g1] = getterNext as any;
console.log(g1);
t('next not callable', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: 5 }) } as any)) void x; });
t('next missing', () => { const [a] = ({ [Symbol.iterator]: () => ({}) } as any); return a; });
t('next a string', () => new Set({ [Symbol.iterator]: () => ({ next: 'x' }) } as any));
t('empty pattern with a bad next', () => { const [] = ({ [Symbol.iterator]: () => ({ next: 5, return() { console.log('closed without next'); return {}; } }) } as any); return 'no next call'; });
t('return not callable after break', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return: 'nope' }) } as any)) { void x; break; } });
t('return getter', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), get return() { console.log('return read'); return () => ({}); } }) } as any)) { void x; break; } return 'closed'; });
t('return null', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return: null }) } as any)) { void x; break; } return 'nothing to close'; });
t('throw with a bad return keeps the error', () => { for (const x of ({ [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return: 5 }) } as any)) { void x; throw new Error('original'); } });
