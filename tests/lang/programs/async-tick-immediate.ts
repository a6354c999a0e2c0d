// process.nextTick and setImmediate ordered as Node orders them: ticks before promise jobs,
// ticks queued by jobs after the job queue drains, immediates in the check phase after the
// timers of the same turn, ticks and microtasks between immediates.
const log: string[] = [];
process.nextTick(() => log.push('tick 1'));
Promise.resolve().then(() => {
  log.push('promise 1');
  process.nextTick(() => log.push('tick from promise'));
  Promise.resolve().then(() => log.push('promise from promise'));
});
process.nextTick((a: number, b: string) => {
  log.push('tick 2 ' + a + b);
  Promise.resolve().then(() => log.push('promise from tick'));
  process.nextTick(() => log.push('tick from tick'));
}, 7, 'x');
queueMicrotask(() => log.push('microtask'));
log.push('sync');
setTimeout(() => {
  log.push('timeout 1');
  setImmediate(() => {
    log.push('immediate from timeout');
    process.nextTick(() => log.push('tick in immediate'));
    Promise.resolve().then(() => log.push('promise in immediate'));
  });
  setImmediate((v: string) => log.push('immediate 2 ' + v), 'arg');
  setTimeout(() => log.push('timeout from timeout'), 0);
  process.nextTick(() => log.push('tick in timeout'));
}, 5);
setTimeout(() => {
  log.push('timeout 2');
  const cancelled = setImmediate(() => log.push('never'));
  clearImmediate(cancelled);
  setImmediate(() => {
    log.push('immediate from timeout 2');
    setImmediate(() => log.push('next-turn immediate'));
    setTimeout(() => {
      log.push('late timeout');
      console.log(log.join('\n'));
    }, 20);
  });
}, 300);
try {
  process.nextTick(5 as any);
} catch (e) {
  console.log((e as Error).name, (e as any).code, (e as Error).message);
}
console.log(typeof setImmediate, typeof clearImmediate, typeof process.nextTick, setImmediate.length, process.nextTick.name);
