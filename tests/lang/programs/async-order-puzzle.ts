// The classic ordering puzzle: sync code, microtasks (then, await, queueMicrotask) and timers.
console.log('script start');

setTimeout(() => console.log('setTimeout'), 0);

async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}

async function async2() {
  console.log('async2');
}

async1();

new Promise<void>((resolve) => {
  console.log('promise1');
  resolve();
}).then(() => {
  console.log('promise2');
}).then(() => {
  console.log('promise3');
});

queueMicrotask(() => console.log('microtask'));

Promise.resolve().then(() => console.log('then a')).then(() => console.log('then b'));

console.log('script end');
