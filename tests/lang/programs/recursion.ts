function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));
function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(100), isOdd(7));
const memo = new Map<number, number>();
const fastFib = (n: number): number => {
  if (n < 2) return n;
  if (memo.has(n)) return memo.get(n)!;
  const v = fastFib(n - 1) + fastFib(n - 2);
  memo.set(n, v);
  return v;
};
console.log(fastFib(80));
