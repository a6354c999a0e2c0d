// Generators: function*, yield, yield*, for..of/spread/destructuring, next/return/throw, finally.
function* count(n: number) {
  for (let i = 0; i < n; i++) yield i;
  return 'end';
}
const g = count(3);
console.log(g.next(), g.next(), g.next(), g.next(), g.next());
console.log([...count(4)]);
for (const x of count(2)) console.log('x', x);
const [a, b, ...rest] = count(5);
console.log(a, b, rest);
function* echo() {
  let got = yield 'first';
  while (true) {
    got = yield `got ${got}`;
    if (got === 'stop') return 'stopped';
  }
}
const e = echo();
console.log(e.next('ignored'), e.next(1), e.next(2), e.next('stop'), e.next());
function* fin() {
  try {
    yield 1;
    yield 2;
  } catch (err) {
    console.log('caught', err);
    yield 99;
  } finally {
    console.log('cleanup');
  }
}
const f1 = fin();
console.log(f1.next(), f1.return(7), f1.next());
const f2 = fin();
console.log(f2.next(), f2.throw('boom'), f2.next(), f2.next());
for (const v of fin()) { console.log('v', v); break; }
function* deleg() {
  const r = yield* count(2);
  console.log('inner returned', r);
  yield* [10, 20];
  yield* 'hi';
}
console.log([...deleg()]);
class Tree {
  constructor(public v: number, public kids: Tree[] = []) {}
  *[Symbol.iterator](): Generator<number> {
    yield this.v;
    for (const k of this.kids) yield* k;
  }
}
console.log([...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])]);
const obj = { *gen() { yield this === obj; }, };
console.log([...obj.gen()]);
console.log(typeof count, Object.prototype.toString.call(g), g[Symbol.iterator]() === g);
console.log(g instanceof count);
try { new (count as any)(); } catch (err) { console.log((err as Error).message); }
const fe = function* named() { yield 1; };
console.log(fe.name, count.name, count.length);
const gg = count(1);
try { gg.throw(new Error('early')); } catch (err) { console.log('early', (err as Error).message); }
console.log(gg.next());
function* running(): Generator<number> { try { it2.next(); } catch (err) { console.log((err as Error).message); } yield 1; }
const it2 = running();
it2.next();
