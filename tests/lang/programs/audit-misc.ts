// Odds and ends: getters in object literals, delete leaving array holes, typeof of an
// undeclared global, a function expression's name shadowed by its body's var.
const counter = {
  n: 0,
  get next() { return ++this.n; },
  set reset(v: number) { this.n = v; },
};
console.log(counter.next, counter.next);
counter.reset = 10;
console.log(counter.next, Object.keys(counter).join());

const arr = [1, 2, 3, 4];
delete arr[1];
console.log(arr.length, 1 in arr, arr[1], Object.keys(arr).join());
let visited = 0;
arr.forEach(() => visited++);
console.log('forEach visits', visited);
const seen: string[] = [];
for (const k in arr) seen.push(k);
console.log(seen.join());

declare const notDeclaredAnywhere: unknown;
console.log(typeof notDeclaredAnywhere, typeof globalThis, typeof console);
try { console.log(notDeclaredAnywhere); } catch (e) { console.log((e as Error).name, (e as Error).message); }

const named = function inner() {
  // eslint-disable-next-line no-var
  var inner: unknown;
  return typeof inner;
};
console.log(named());
const named2 = function self(self?: number) { return typeof self; };
console.log(named2());
const named3 = function rec(n: number): number { return n <= 0 ? 0 : n + rec(n - 1); };
console.log(named3(4));
