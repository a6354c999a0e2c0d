// An unhandled rejection with a value that is not an error also ends the program (status 1).
console.log('rejecting with a number');
Promise.reject(42);
setTimeout(() => console.log('never'), 5);
