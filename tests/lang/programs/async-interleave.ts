// Two tasks awaiting timers interleave; a third reacts to both (like the kernel's main loop).
const trace: string[] = [];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function task(name: string, period: number, count: number) {
  for (let i = 1; i <= count; i++) {
    await sleep(period);
    trace.push(name + ' ' + i);
  }
  return name + ' finished';
}
async function watcher(tasks: Promise<string>[]) {
  for (const t of tasks) trace.push(await t);
}
const a = task('A', 200, 3);
const b = task('B', 500, 2);
watcher([a, b]).then(() => console.log(trace.join('\n')));
