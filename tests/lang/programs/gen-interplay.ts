// Generators with async code, closing on break and errors, lazy destructuring, yield in expressions, computed names, spread into calls.
// generators inside async functions and vice versa
async function consume() {
  function* g() { const a: number = yield 1; console.log('got', a); yield a * 2; }
  const it = g();
  console.log(it.next());
  await null;
  console.log(it.next(21));
  const p = Promise.resolve(5);
  function* promises() { yield p; yield Promise.resolve(6); }
  for (const q of promises()) console.log(await q);
}
consume().then(() => console.log('done'));
// a generator whose body throws during for..of: iterator not closed, error propagates
function* bad() { yield 1; throw new Error('mid'); }
try { for (const x of bad()) console.log('x', x); } catch (e) { console.log('caught', (e as Error).message); }
// break inside nested for..of closes both generators in order
function* named(n: string) { try { yield n + 1; yield n + 2; } finally { console.log('close', n); } }
outer: for (const a of named('a')) { for (const b of named('b')) { console.log(a, b); break outer; } }
// return() while suspended inside try with finally that throws
function* finThrows() { try { yield 1; } finally { throw new Error('from finally'); } }
const ft = finThrows(); ft.next();
try { ft.return(0); } catch (e) { console.log('return threw', (e as Error).message); }
// generator object reuse after completion and spread of exhausted
const ex = named('z');
console.log([...ex], [...ex]);
// this and arguments-free closures capturing generator locals
function* closures() { const fns: (() => number)[] = []; for (let i = 0; i < 3; i++) { fns.push(() => i); yield fns.length; } return fns.map((f) => f()); }
const cl = closures(); console.log(cl.next(), cl.next(), cl.next(), cl.next());
// destructuring defaults pulling from generators lazily
function* noisy() { console.log('pull 1'); yield 1; console.log('pull 2'); yield 2; console.log('pull 3'); yield 3; }
const [p1, p2] = noisy();
console.log(p1, p2);
// yield as argument and in template, conditional, object literal
function* mixed() { const o = { a: yield 'a', b: `${yield 'b'}!` }; const c = (yield 'c') ? 'yes' : 'no'; return [o, c]; }
const mx = mixed(); mx.next(); mx.next(1); mx.next(2); console.log(mx.next(0));
// generator in class with static and computed names, toString tag
const key = 'dyn';
class G { static *[key]() { yield 'computed'; } *[Symbol.iterator]() { yield 'iter'; } }
console.log([...G.dyn()], [...new G()], Object.prototype.toString.call(G.dyn()));
// spread into call args and new
function sum3(a: number, b: number, c: number) { return a + b + c; }
function* three() { yield 1; yield 2; yield 3; }
console.log(sum3(...three()), new Array(...three()), Math.min(...three()));
// Array.from with map fn, Promise.all of generator
console.log(Array.from(three(), (x) => x * 10));
Promise.all(three()).then((v) => console.log('all', v));
