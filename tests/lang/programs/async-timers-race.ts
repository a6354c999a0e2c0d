// Timers racing with promises: microtasks always run before the next timer; a promise chain
// started in a timer completes before the next timer callback.
const out: string[] = [];
function chain(label: string, n: number): Promise<void> {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => { out.push(label + ' step ' + i); });
  return p;
}
setTimeout(() => {
  out.push('timer 1');
  chain('t1', 3);
}, 10);
setTimeout(() => {
  out.push('timer 2');
  chain('t2', 2);
}, 10);
setTimeout(() => out.push('timer 3'), 10);
chain('main', 3);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function racer(name: string, ms: number) {
  await sleep(ms);
  out.push(name + ' woke');
  await null;
  out.push(name + ' after extra await');
  return name;
}
Promise.race([racer('fast', 100), racer('slow', 300)]).then((w) => out.push('race won by ' + w));
setTimeout(() => console.log(out.join('\n')), 500);
