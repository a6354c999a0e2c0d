// queueMicrotask shares the job queue with promise reactions, in FIFO order.
const out: string[] = [];
queueMicrotask(() => out.push('m1'));
Promise.resolve().then(() => out.push('p1'));
queueMicrotask(() => {
  out.push('m2');
  queueMicrotask(() => out.push('m2 -> nested'));
  Promise.resolve().then(() => out.push('m2 -> then'));
});
Promise.resolve().then(() => {
  out.push('p2');
  queueMicrotask(() => out.push('p2 -> nested'));
});
(async () => {
  out.push('async sync part');
  await null;
  out.push('async after await');
  queueMicrotask(() => out.push('async -> micro'));
  await null;
  out.push('async after second await');
})();
setTimeout(() => {
  out.push('timeout');
  queueMicrotask(() => out.push('micro from timeout'));
}, 0);
setTimeout(() => {
  out.push('timeout 2');
  console.log(out.join('\n'));
}, 0);
out.push('sync end');
try {
  queueMicrotask(5 as any);
} catch (e) {
  console.log((e as Error).name, (e as any).code, (e as Error).message);
}
console.log(queueMicrotask.length, queueMicrotask.name);
