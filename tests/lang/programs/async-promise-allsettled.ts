// Promise.allSettled: every outcome reported in input order.
async function main() {
  const results = await Promise.allSettled([
    Promise.resolve(1),
    Promise.reject(new Error('no')),
    2,
    new Promise((r) => setTimeout(() => r('timer'), 5)),
    Promise.reject('plain'),
  ]);
  for (const r of results) {
    if (r.status === 'fulfilled') console.log('fulfilled', r.value);
    else console.log('rejected', r.reason instanceof Error ? (r.reason as Error).message : r.reason);
  }
  console.log(results.length, Object.keys(results[0]), Object.keys(results[1]));
  console.log(await Promise.allSettled([]));
  console.log(JSON.stringify(await Promise.allSettled([1, Promise.reject(2)])));
}
main();
