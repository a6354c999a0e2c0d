// Thousands of awaits and promises: frames parked and resumed over and over, promises
// becoming garbage on the way.
async function step(i: number) {
  return i % 7;
}
async function main() {
  let acc = 0;
  for (let i = 0; i < 20000; i++) acc += await step(i);
  console.log('acc', acc);
  const chain = Array.from({ length: 2000 }, (_, i) => i).reduce((p, i) => p.then((v) => v + i), Promise.resolve(0));
  console.log('chain', await chain);
  let live = 0;
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < 100; i++) {
    const q: Promise<void> = (async () => {
      live++;
      for (let k = 0; k < 20; k++) await null;
      live--;
    })();
    pending.add(q);
  }
  await Promise.all(pending);
  console.log('all done, live =', live);
}
main();
