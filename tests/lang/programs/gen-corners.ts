// Generator corners: private generator methods, default parameters evaluated at the call, switch/labels around yield, nested try/catch/finally with throw() and return(), this, yield* over an iterator.
class Bag {
  #items: number[] = [];
  add(...xs: number[]) { this.#items.push(...xs); return this; }
  *#walk() { for (const x of this.#items) yield x; }
  *evens() { for (const x of this.#walk()) if (x % 2 === 0) yield x; }
  static *range(a: number, b = a + 3, step = (b - a) > 5 ? 2 : 1) { for (let i = a; i < b; i += step) yield i; }
}
console.log([...new Bag().add(1, 2, 3, 4, 6).evens()], [...Bag.range(1)], [...Bag.range(0, 10)]);
function* states() {
  let i = 0;
  outer: while (true) {
    switch (i++) {
      case 0: yield 'zero'; continue outer;
      case 1: { const got = yield 'one'; if (got) break outer; continue; }
      default: return 'end';
    }
  }
  return 'broke';
}
const st = states();
console.log(st.next(), st.next(), st.next(true), st.next());
const st2 = states();
console.log(st2.next(), st2.next(), st2.next(false), st2.next());
function* nested() {
  try {
    try { yield 1; } catch (e) { yield 'inner-catch ' + e; return 'r1'; } finally { yield 'inner-finally'; }
  } finally { console.log('outer finally'); }
}
const ne = nested();
console.log(ne.next(), ne.throw('X'), ne.next(), ne.next(), ne.next());
const ne2 = nested();
console.log(ne2.next(), ne2.return('R'), ne2.next(), ne2.next());
const obj = { *[Symbol.iterator]() { yield* Object.entries(this); }, a: 1, b: 2 };
console.log([...obj], new Map(obj as any));
function* withThis(this: any) { yield this?.tag; yield typeof this; }
console.log([...withThis.call({ tag: 't' })], [...(withThis as any)()]);
const gf = function* () {};
console.log(gf.name, Object.getPrototypeOf(gf()) === gf.prototype, typeof gf.prototype.next);
function* lazyArgs(a = console.log('default evaluated at call') as any) { yield a; }
const la = lazyArgs();
console.log('before next');
console.log(la.next());
function* thrower() { throw new Error('at first next'); }
const th = thrower();
console.log('created');
try { th.next(); } catch (e) { console.log((e as Error).message); }
const it = [1, 2, 3][Symbol.iterator]();
function* fromIter() { const r = yield* it as any; return r; }
console.log([...fromIter()], it.next());
