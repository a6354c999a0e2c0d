// process.on('exit') and 'beforeExit': order, the exit code they see and set, once/off, work queued by beforeExit.
let rounds = 0;
process.on('beforeExit', (code: number) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('timer from beforeExit', rounds), 1);
});
process.once('exit', (code: number) => console.log('exit once', code, process.exitCode));
const off = (): void => console.log('never: removed');
process.on('exit', off);
process.off('exit', off);
process.on('exit', (code: number) => {
  console.log('exit', code);
  process.exitCode = 3;
});
console.log(process.listenerCount('beforeExit'), process.on('x', () => {}) === process, process.emit('x'), process.emit('nothing'));
try {
  process.on('exit', 5 as any);
} catch (e) {
  console.log((e as Error).name, (e as Error).message);
}
process.exitCode = 2;
Promise.resolve().then(() => console.log('microtask'));
