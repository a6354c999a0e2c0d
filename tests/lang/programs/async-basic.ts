// Async functions: return values, awaiting values and promises, the order of the sync part.
async function double(x: number): Promise<number> {
  return x * 2;
}

async function main(): Promise<string> {
  console.log('main starts');
  const a = await double(3);
  console.log('a =', a);
  const b = await 10;
  console.log('b =', b);
  const c = await Promise.resolve('c');
  console.log('c =', c);
  const d = await undefined;
  console.log('d =', d);
  const e = await null;
  console.log('e =', e);
  return 'done';
}

console.log('before');
const p = main();
console.log('after call, p is a promise:', p instanceof Promise);
p.then((v) => console.log('main resolved with', v));
console.log('end of script');

const arrow = async (x: number) => x + 1;
const expr = async function named(x: number) {
  return (await arrow(x)) + (await arrow(x));
};
expr(1).then((v) => console.log('expr', v));
console.log(typeof arrow, typeof expr, expr.name, expr.length, arrow.name);
