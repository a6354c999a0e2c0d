// Generators: the protocol corners (inspect, prototypes, yield* forwarding of throw/return, finally, super, defaults).
function* g1() { yield 1; }
console.log(g1);
console.log(g1());
const o = { *m() {} };
console.log(o.m, o);
class C { *gen() { yield 1; } static *sg() { yield 2; } }
console.log(C.prototype.gen, [...C.sg()]);
console.log(Object.getPrototypeOf(g1) === Object.getPrototypeOf(function* () {}));
console.log(Object.getPrototypeOf(g1()) === g1.prototype, Object.getPrototypeOf(g1.prototype) === Object.getPrototypeOf(Object.getPrototypeOf(g1())));
console.log(Object.keys(g1.prototype), g1.hasOwnProperty('prototype'));
const GenProto = Object.getPrototypeOf(g1.prototype);
console.log(Object.getOwnPropertyNames(GenProto), GenProto[Symbol.toStringTag], String(g1()));
function* args(...xs: number[]) { for (const x of xs) yield x * 2; yield xs.length; }
console.log(Array.from(args(1, 2, 3)), new Set(args(4, 4)), new Map([...(function* () { yield ['a', 1] as [string, number]; })()]));
console.log(Object.fromEntries((function* () { yield ['k', 'v']; })()));
function* expr() { const a = 1 + ((yield 'a') as any as number); const b = [yield 'b', yield 'c']; return [a, b]; }
const ex = expr();
console.log(ex.next(), ex.next(10), ex.next('B'), ex.next('C'));
function* counter() { let n = 0; const inc = () => ++n; while (true) { yield inc(); } }
const cc = counter();
console.log(cc.next().value, cc.next().value, cc.next().value);
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const firstN = <T,>(it: Iterable<T>, n: number) => { const out: T[] = []; for (const x of it) { if (out.length >= n) break; out.push(x); } return out; };
console.log(firstN(fib(), 10));
function* inner() { try { yield 'i1'; yield 'i2'; } finally { console.log('inner finally'); } }
function* outer() { try { yield* inner(); } finally { console.log('outer finally'); } }
const ot = outer();
console.log(ot.next(), ot.return('R'), ot.next());
const ot2 = outer();
ot2.next();
try { ot2.throw(new Error('X')); } catch (e) { console.log('threw', (e as Error).message); }
function* catcher() { while (true) { try { yield 1; } catch (e) { console.log('inner caught', e); } } }
function* delegCatch() { yield* catcher(); }
const dc = delegCatch();
console.log(dc.next(), dc.throw('E1'), dc.throw('E2'));
const noThrow = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { console.log('closed'); return {}; } }; } };
function* dn() { yield* noThrow; }
const dnn = dn(); dnn.next();
try { dnn.throw('z'); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
function* retInFinally() { try { yield 1; } finally { return 'fin'; } }
const rf = retInFinally(); rf.next(); console.log(rf.return('x'));
function* yieldInFinally() { try { yield 1; } finally { yield 'cleanup-yield'; } }
const yf = yieldInFinally(); yf.next(); console.log(yf.return('x'), yf.next());
function* thrower() { yield 1; throw new Error('inside'); }
const th = thrower(); th.next();
try { th.next(); } catch (e) { console.log('got', (e as Error).message); }
console.log(th.next());
function* rec(n: number): Generator<number> { if (n > 0) { yield n; yield* rec(n - 1); } }
console.log([...rec(5)]);
outer: for (const a of fib()) { for (const b of fib()) { if (b > 3) continue outer; if (a > 5) break outer; } }
console.log('labels ok');
function* withDefault(a = 5, { b } = { b: 6 }) { yield a + b; }
console.log([...withDefault()], [...withDefault(1, { b: 1 })]);
const entries = Object.entries({ x: 1, y: 2 });
function* mapGen<T, U>(it: Iterable<T>, f: (t: T) => U) { for (const x of it) yield f(x); }
console.log([...mapGen(entries, ([k, v]) => k + v)]);
console.log(Math.max(...mapGen([1, 5, 3], (x) => x * 2)));
const gen0 = g1();
console.log(gen0.return(5), gen0.next());
class Base { *items() { yield 'base'; } }
class Derived extends Base { *items() { yield* super.items(); yield 'derived'; } }
console.log([...new Derived().items()]);
