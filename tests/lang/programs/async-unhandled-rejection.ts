// An unhandled rejection ends the program with status 1 after the microtasks of the turn ran.
console.log('start');
async function fail() {
  await null;
  throw new Error('nobody catches this');
}
fail();
Promise.resolve().then(() => console.log('microtask still runs'));
setTimeout(() => console.log('timer never runs'), 0);
console.log('end of script');
