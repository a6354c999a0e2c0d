// A rejection handled before the microtask queue drains is not "unhandled"; one handled in a
// later microtask of the same turn is fine too.
const p = Promise.reject(new Error('handled later in the same turn'));
Promise.resolve()
  .then(() => null)
  .then(() => {
    p.catch((e: Error) => console.log('caught:', e.message));
  });
async function f() {
  throw new Error('awaited by the caller');
}
async function g() {
  try {
    await f();
  } catch (e) {
    console.log('g caught:', (e as Error).message);
  }
}
g();
const q = Promise.reject(new Error('then with a rejection handler'));
q.then(() => {}, (e: Error) => console.log('second argument caught:', e.message));
setTimeout(() => console.log('timers still run: exit status 0'), 1);
