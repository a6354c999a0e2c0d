function add(a: number, b: number) { return a + b; }
const mul = function (a: number, b: number) { return a * b; };
const sq = (x: number) => x * x;
console.log(add(2, 3), mul(2, 3), sq(4), add.name, mul.name, sq.name, add.length);
function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(fact(10));
const named = function me(n: number): number { return n ? me(n - 1) + 1 : 0; };
console.log(named(5));
function noReturn() {}
console.log(noReturn());
function many(a?: number, b?: number) { return [a, b]; }
console.log(many(1), many(1, 2, 3 as never));
console.log((function () { return typeof this; })());
