// Recursive async functions and many sequential awaits (parked frames kept alive by promises).
async function fib(n: number): Promise<number> {
  if (n < 2) return n;
  const [a, b] = await Promise.all([fib(n - 1), fib(n - 2)]);
  return a + b;
}
async function countdown(n: number): Promise<number> {
  let steps = 0;
  while (n > 0) {
    n = await Promise.resolve(n - 1);
    steps++;
  }
  return steps;
}
async function sumTo(n: number): Promise<number> {
  return n === 0 ? 0 : n + (await sumTo(n - 1));
}
async function main() {
  console.log('fib(12) =', await fib(12));
  console.log('countdown steps =', await countdown(3000));
  console.log('sumTo(500) =', await sumTo(500));
  const many: Promise<number>[] = [];
  for (let i = 0; i < 300; i++) many.push((async (k: number) => { await null; await null; return k * k; })(i));
  const squares = await Promise.all(many);
  console.log('sum of squares', squares.reduce((x, y) => x + y, 0));
}
main();
