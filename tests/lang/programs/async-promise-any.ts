// Promise.any and AggregateError.
async function main() {
  console.log(await Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)]));
  console.log(await Promise.any([new Promise((r) => setTimeout(() => r('late'), 20)), Promise.reject('x')]));
  try {
    await Promise.any([Promise.reject(new Error('e1')), Promise.reject('e2'), Promise.reject(3)]);
  } catch (e) {
    const agg = e as AggregateError;
    console.log(agg instanceof AggregateError, agg instanceof Error, agg.name, agg.message);
    console.log(agg.errors.length, (agg.errors[0] as Error).message, agg.errors[1], agg.errors[2]);
    console.log(Object.keys(agg), String(agg));
  }
  try {
    await Promise.any([]);
  } catch (e) {
    console.log((e as AggregateError).message, (e as AggregateError).errors);
  }
  const own = new AggregateError([1, 2], 'custom', { cause: 'why' });
  console.log(own.message, own.errors, own.cause, AggregateError.name, AggregateError.length);
}
main();
