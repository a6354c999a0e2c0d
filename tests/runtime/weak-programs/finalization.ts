// FinalizationRegistry: cleanups of collected targets run in a later task with their held
// values; unregister() cancels; live targets are not reported.
declare const gc: () => void;
export {};

const tick = (ms = 1): Promise<void> => new Promise((r) => setTimeout(r, ms));
const seen: string[] = [];
const registry = new FinalizationRegistry((held: string) => { seen.push(held); });
let live: object[] = [];
const token = {};

function register(): void {
  for (let i = 0; i < 6; i++) {
    const o = { i };
    registry.register(o, 'held' + i, i === 4 ? token : undefined);
    if (i === 1) live.push(o);
  }
}

async function main(): Promise<void> {
  register();
  console.log('unregister', registry.unregister(token), registry.unregister(token));
  await tick();
  gc();
  await tick(20);
  console.log('cleaned', seen.sort().join(' '));
  seen.length = 0;
  live = [];
  await tick();
  gc();
  await tick(20);
  console.log('then', seen.join(' '));
}

main();
