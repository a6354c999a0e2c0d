// Timers under tsvm wait in real time (nanosleep), in deadline order.
const t0 = Date.now(), p0 = performance.now();
setTimeout(() => console.log('second', Date.now() - t0 >= 120), 120);
setTimeout(() => console.log('first', Date.now() - t0 >= 60, performance.now() - p0 >= 59), 60);
console.log('scheduled', performance.now() < 60000);
