// The shape of Promise: names, lengths, property order, receivers that are not promises.
console.log(Promise.name, Promise.length, Object.getOwnPropertyNames(Promise.prototype));
console.log(Object.getOwnPropertyNames(Promise).filter((k) => k !== 'length' && k !== 'name' && k !== 'prototype'));
console.log(['all', 'allSettled', 'any', 'race', 'resolve', 'reject'].map((k) => (Promise as any)[k].length));
console.log(['then', 'catch', 'finally'].map((k) => (Promise.prototype as any)[k].length));
console.log(Object.keys(Promise.resolve(1)), Object.keys(Promise), Promise.prototype.constructor === Promise);
try {
  Promise.resolve.call(undefined as any, 1);
} catch (e) {
  console.log((e as Error).name, (e as Error).message);
}
try {
  Promise.reject.call(5 as any, 1);
} catch (e) {
  console.log((e as Error).name);
}
const p = Promise.resolve(1);
const r = Promise.reject(p);
console.log(Promise.resolve(p) === p, r === p);
r.catch((v) => console.log('reject does not unwrap:', v === p));
console.log(typeof Promise.prototype.then.call(p, undefined), p instanceof Object);
