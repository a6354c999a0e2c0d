// Thenables: adoption takes an extra job; then getters run once; throwing thenables reject;
// a thenable calling both callbacks only counts the first.
const log: string[] = [];
const tick = (label: string) => Promise.resolve().then(() => log.push(label + ' 1')).then(() => log.push(label + ' 2')).then(() => log.push(label + ' 3'));

let getterCalls = 0;
const withGetter = {
  get then() {
    getterCalls++;
    return (res: (v: string) => void) => res('from getter thenable');
  },
};

const throwing = { then() { throw new Error('then threw'); } };
const both = {
  then(res: (v: string) => void, rej: (e: string) => void) {
    res('resolved first');
    rej('then rejected');
    res('resolved again');
  },
};
const getterThrows = { get then(): any { throw new Error('getter threw'); } };
const notCallable = { then: 42 };

async function main() {
  tick('T');
  Promise.resolve(withGetter).then((v) => log.push(String(v)));
  Promise.resolve(throwing).catch((e: Error) => log.push('rejected: ' + e.message));
  Promise.resolve(both).then((v) => log.push(String(v)));
  Promise.resolve(getterThrows).catch((e: Error) => log.push('getter rejection: ' + e.message));
  Promise.resolve(notCallable).then((v) => log.push('plain object: ' + JSON.stringify(v)));
  log.push('await thenable: ' + (await withGetter));
  log.push('await both: ' + (await both));
  try {
    await throwing;
  } catch (e) {
    log.push('await throwing: ' + (e as Error).message);
  }
  await new Promise((r) => setTimeout(r, 1));
  console.log(log.join('\n'));
  console.log('getter calls', getterCalls);
}
main();
