// An exception thrown by a timer callback is uncaught: the program stops, status 1.
setTimeout(() => console.log('first timer'), 1);
setTimeout(() => {
  Promise.resolve().then(() => console.log('microtask queued before the throw does not run'));
  throw new TypeError('thrown in a timer');
}, 1);
setTimeout(() => console.log('third timer does not run'), 1);
