// An exception thrown by a queueMicrotask callback is uncaught: the program stops, status 1.
queueMicrotask(() => console.log('first microtask'));
queueMicrotask(() => {
  throw new Error('thrown in a microtask');
});
queueMicrotask(() => console.log('later microtask does not run'));
setTimeout(() => console.log('timer does not run'), 0);
console.log('sync end');
