// Parameters of async functions: defaults, destructuring, rest; errors in them reject the promise.
async function f({ a, b = 2 }: { a: number; b?: number }, [c, ...rest]: number[], d = a + c, ...more: string[]) {
  await null;
  return [a, b, c, rest, d, more];
}
async function badDefault(x = (() => { throw new Error('default threw'); })()) {
  return x;
}
async function badPattern({ p }: any) {
  return p;
}
async function main() {
  console.log(await f({ a: 1 }, [3, 4, 5]));
  console.log(await f({ a: 1, b: 9 }, [3], 100, 'x', 'y'));
  const p = badDefault();
  console.log('no synchronous throw, got a promise:', p instanceof Promise);
  await p.catch((e: Error) => console.log('rejected:', e.message));
  await badPattern(undefined).catch((e: Error) => console.log('rejected:', e.constructor.name));
  const { x, y: [z] } = await Promise.resolve({ x: 'X', y: ['Z'] });
  console.log(x, z);
  let [m, n] = [0, 0];
  [m, n] = await Promise.all([Promise.resolve(1), 2]);
  console.log(m, n);
  console.log(f.length, badDefault.length, (async (a: number, b?: number, ...c: number[]) => a).length);
}
main();
