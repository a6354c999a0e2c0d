// A channel: consumers await values that producers send later (timers drive the producers).
class Channel<T> {
  private values: T[] = [];
  private waiters: ((v: T) => void)[] = [];
  send(v: T): void {
    const w = this.waiters.shift();
    if (w) w(v);
    else this.values.push(v);
  }
  receive(): Promise<T> {
    if (this.values.length > 0) return Promise.resolve(this.values.shift()!);
    return new Promise<T>((r) => this.waiters.push(r));
  }
}
const ch = new Channel<number>();
const log: string[] = [];
async function consumer(name: string, n: number) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = await ch.receive();
    log.push(name + ' got ' + v);
    total += v;
  }
  return total;
}
function producer(values: number[], every: number) {
  let i = 0;
  const id = setInterval(() => {
    ch.send(values[i++]);
    if (i === values.length) clearInterval(id);
  }, every);
}
ch.send(100);
const c1 = consumer('c1', 3);
const c2 = consumer('c2', 3);
producer([1, 2, 3, 4, 5], 3);
Promise.all([c1, c2]).then(([a, b]) => {
  console.log(log.join('\n'));
  console.log('totals', a, b, a + b);
});
