// Promise.all: values, promises, thenables, order of results, the first rejection wins.
const delay = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
const thenable = { then(resolve: (v: string) => void) { resolve('thenable'); } };

async function main() {
  console.log(await Promise.all([1, Promise.resolve(2), delay(20, 3), thenable, delay(5, 'five')]));
  console.log(await Promise.all([]));
  console.log(await Promise.all('abc'));
  console.log(await Promise.all(new Set([1, 2, 2, 3])));
  try {
    await Promise.all([delay(30, 'slow'), Promise.reject(new Error('fast failure')), delay(5, 'x')]);
  } catch (e) {
    console.log('rejected:', (e as Error).message);
  }
  for (const bad of [undefined, null, 5, {}]) {
    try {
      await Promise.all(bad as any);
    } catch (e) {
      console.log((e as Error).name + ': ' + (e as Error).message);
    }
  }
  const order: number[] = [];
  await Promise.all([3, 1, 2].map(async (n) => {
    await delay(n * 100, null);
    order.push(n);
  }));
  console.log('completion order', order);
  const r = Promise.all([Promise.resolve(1)]);
  console.log(r instanceof Promise);
}
main();
