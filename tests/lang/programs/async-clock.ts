// Date.now and performance.now: integers and monotonic milliseconds that agree with timers.
const t0 = Date.now();
const p0 = performance.now();
console.log(Number.isInteger(t0), t0 > 1.6e12, typeof p0, p0 >= 0);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function main() {
  let last = Date.now();
  let monotonic = true;
  for (let i = 0; i < 5; i++) {
    await sleep(3);
    const now = Date.now();
    if (now < last) monotonic = false;
    last = now;
  }
  console.log('monotonic', monotonic);
  const before = performance.now();
  await sleep(30);
  const waited = performance.now() - before;
  console.log('slept at least ~30 ms:', waited >= 29, 'elapsed since start >= 40:', Date.now() - t0 >= 40);
  const deadline = Date.now() + 5;
  let spins = 0;
  while (Date.now() < deadline) spins++;
  console.log('busy-waiting on Date.now ends', spins > 0);
}
main();
