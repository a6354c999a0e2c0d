// Nested awaits through several layers, sequential and concurrent.
async function leaf(name: string, value: number): Promise<number> {
  console.log('leaf', name, 'start');
  await null;
  console.log('leaf', name, 'after one await');
  await Promise.resolve();
  console.log('leaf', name, 'end');
  return value;
}

async function middle(name: string): Promise<number> {
  const a = await leaf(name + '.a', 1);
  const b = await leaf(name + '.b', 2);
  return a + b;
}

async function top(): Promise<number> {
  const [x, y] = await Promise.all([middle('x'), middle('y')]);
  console.log('x + y =', x + y);
  const z = await (async () => (await middle('z')) * 10)();
  return x + y + z;
}

top().then((v) => console.log('top ->', v));

async function deep(n: number): Promise<number> {
  if (n === 0) return 0;
  return 1 + (await deep(n - 1));
}
deep(200).then((v) => console.log('deep ->', v));
