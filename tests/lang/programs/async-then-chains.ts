// then/catch/finally: pass-through of non-functions, values flowing, throws becoming rejections.
Promise.resolve(1)
  .then(undefined)
  .then(null as any)
  .then(42 as any)
  .then((v) => { console.log('passed through', v); return v + 1; })
  .then((v) => { throw new Error('boom ' + v); })
  .then(() => console.log('skipped'))
  .catch((e: Error) => { console.log('caught', e.message); return 'recovered'; })
  .finally(() => console.log('finally sees no arguments'))
  .then((v) => console.log('after finally', v));

Promise.reject(new Error('r'))
  .then(() => console.log('not called'))
  .then(undefined, (e: Error) => console.log('second arg handler', e.message));

Promise.resolve('x')
  .finally(() => 'ignored return value')
  .then((v) => console.log('finally keeps value', v));

Promise.resolve('y')
  .finally(() => { throw new Error('finally throws'); })
  .catch((e: Error) => console.log('finally replaced result:', e.message));

Promise.reject('z')
  .finally(() => Promise.resolve('also ignored'))
  .catch((v) => console.log('finally keeps reason', v));

const p = Promise.resolve(5);
p.then((v) => console.log('branch 1', v));
p.then((v) => console.log('branch 2', v));
p.then((v) => console.log('branch 3', v));

try {
  Promise.prototype.then.call({}, () => {});
} catch (e) {
  console.log((e as Error).message);
}
console.log(p.then(() => {}) !== p, typeof p.then, typeof p.catch, typeof p.finally);
