// await reads `then` once, through getters; an async function returning an object with a
// throwing then getter rejects.
let reads = 0;
const obj = {
  get then() {
    reads++;
    return undefined;
  },
  value: 'not a thenable after all',
};
const bad = {
  get then(): never {
    throw new Error('then getter threw');
  },
};
async function returnsBad() {
  return bad;
}
async function main() {
  const v = await obj;
  console.log(v === obj, v.value, 'then read', reads, 'time(s)');
  try {
    await bad;
  } catch (e) {
    console.log('await bad:', (e as Error).message);
  }
  await returnsBad().catch((e: Error) => console.log('returnsBad:', e.message));
  const ctorGetter = Promise.resolve(1);
  let ctorReads = 0;
  Object.defineProperty(ctorGetter, 'constructor', { get() { ctorReads++; return Promise; } });
  console.log(await ctorGetter, 'constructor read', ctorReads, 'time(s)');
}
main();
