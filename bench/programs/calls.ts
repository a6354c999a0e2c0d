// Calls: plain functions, recursion, closures, methods and arrows.
const N = 2000;

function add(a: number, b: number): number { return a + b; }
function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function makeCounter(): () => number {
  let c = 0;
  return () => ++c;
}
class Acc {
  total = 0;
  add(x: number): void { this.total += x; }
}

const counter = makeCounter();
const acc = new Acc();
const twice = (f: (x: number) => number, x: number): number => f(f(x));
let s = 0;
for (let i = 0; i < N; i++) {
  s = add(s, fib(7)) | 0;
  s = (s + counter()) | 0;
  acc.add(i);
  s = (s + twice((x) => x + 1, i)) | 0;
}
console.log(s, acc.total);
