// Unbounded recursion throws a catchable RangeError "Maximum call stack size exceeded", as in
// Node: plain calls, constructors, rest parameters, getters, try/finally on every level; the
// program goes on normally after catching it, and recursion a few thousand deep still works.
function f(n: number): number { return n === 0 ? 0 : 1 + f(n - 1); }
try { console.log(f(1e7)); } catch (e) { console.log('caught', e instanceof RangeError, (e as Error).name, (e as Error).message); }
try { console.log(f(1e7)); } catch (e) { console.log('again', (e as Error).message, 'stack lines', (e as Error).stack!.split('\n').length); }
console.log(f(5000));
class A { d: number; constructor(n: number) { this.d = n === 0 ? 0 : new A(n - 1).d + 1; } }
try { new A(1e6); } catch (e) { console.log('ctor', (e as Error).message); }
function g(...xs: number[]): number { return xs[0] === 0 ? 0 : g(xs[0] - 1, 1, 2) + 1; }
try { g(1e6); } catch (e) { console.log('rest', (e as Error).message); }
const o = { get x(): number { return this.x; } };
try { console.log(o.x); } catch (e) { console.log('getter', (e as Error).message); }
let unwound = 0;
function h(n: number): number { try { return h(n + 1); } finally { unwound++; } }
try { h(0); } catch (e) { console.log('finally', (e as Error).message, unwound > 5000); }
const mutual = (n: number): number => (n % 2 === 0 ? even(n) : odd(n));
function even(n: number): number { return mutual(n + 1); }
function odd(n: number): number { return mutual(n + 1); }
try { mutual(0); } catch (e) { console.log('mutual', (e as Error).constructor === RangeError); }
console.log(f(3000) + f(4000));
