// Promise.race: the first to settle wins; later settlements are ignored; an empty race never settles.
const delay = <T>(ms: number, v: T, fail = false) =>
  new Promise<T>((res, rej) => setTimeout(() => (fail ? rej(v) : res(v)), ms));

async function main() {
  console.log(await Promise.race([delay(300, 'slow'), delay(5, 'fast')]));
  console.log(await Promise.race([delay(300, 'slow'), 'immediate']));
  try {
    await Promise.race([delay(300, 'slow'), delay(5, 'fast failure', true)]);
  } catch (e) {
    console.log('race rejected:', e);
  }
  let settled = false;
  Promise.race([]).then(() => { settled = true; });
  await delay(10, null);
  console.log('empty race settled?', settled);
  const winner = await Promise.race([Promise.resolve('a'), Promise.resolve('b')]);
  console.log('first of two resolved:', winner);
  // timeout pattern
  const withTimeout = <T>(p: Promise<T>, ms: number) =>
    Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout after ' + ms)), ms))]);
  console.log(await withTimeout(delay(5, 'in time'), 300));
  await withTimeout(delay(500, 'too late'), 20).catch((e: Error) => console.log(e.message));
}
main();
