// How many microtask turns each form of "returning a promise" takes (ECMA-262 / V8).
const log: string[] = [];
const ticker = (n: number) => {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) {
    const k = i;
    p = p.then(() => { log.push('tick ' + k); });
  }
  return p;
};

async function returnsValue() { return 1; }
async function returnsPromise() { return Promise.resolve(2); }
async function returnsAwaited() { return await Promise.resolve(3); }
async function returnsThenable() { return { then(r: (v: number) => void) { r(4); } }; }

returnsValue().then((v) => log.push('value ' + v));
returnsPromise().then((v) => log.push('promise ' + v));
returnsAwaited().then((v) => log.push('awaited ' + v));
returnsThenable().then((v) => log.push('thenable ' + v));
new Promise((r) => r(Promise.resolve(5))).then((v) => log.push('resolve(promise) ' + v));
Promise.resolve(Promise.resolve(6)).then((v) => log.push('Promise.resolve(promise) ' + v));
Promise.resolve(7).then((v) => Promise.resolve(v)).then((v) => log.push('then returns promise ' + v));
ticker(6).then(() => console.log(log.join('\n')));
