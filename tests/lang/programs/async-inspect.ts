// console.log of promises and async functions.
async function named() {}
const anon = [async () => {}][0];
class K {
  async m() {}
}
console.log(Promise.resolve(1), Promise.resolve('s'), Promise.resolve({ a: [1, 2] }));
console.log(new Promise(() => {}));
const rejected = Promise.reject(new Error('r'));
rejected.catch(() => {});
const rejectedValue = Promise.reject(3);
rejectedValue.catch(() => {});
console.log(rejectedValue);
console.log(named, anon, new K().m, typeof named);
console.log({ p: Promise.resolve(undefined), f: named });
console.log([Promise.resolve(null)]);
const withProps: any = Promise.resolve(7);
withProps.extra = 'x';
console.log(withProps);
console.log(Promise, Promise.prototype.then, String(Object.keys(Promise)));
console.log(Object.prototype.toString.call(Promise.resolve()).length > 0);
(async () => {
  const p = (async () => 5)();
  console.log(p);
  await p;
  console.log(p);
})();
