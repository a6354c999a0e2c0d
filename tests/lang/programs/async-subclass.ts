// Promise subclasses: then/catch/finally and the statics construct the subclass.
class Tracked<T> extends Promise<T> {
  static created = 0;
  constructor(executor: (res: (v: T) => void, rej: (e: unknown) => void) => void) {
    super(executor);
    Tracked.created++;
  }
}
async function main() {
  const t = new Tracked<number>((r) => r(1));
  const u = t.then((v) => v + 1);
  console.log(u instanceof Tracked, u instanceof Promise, await u);
  const r = Tracked.resolve(5);
  console.log(r instanceof Tracked, await r);
  const all = Tracked.all([1, 2]);
  console.log(all instanceof Tracked, await all);
  const c = Tracked.reject(new Error('x')).catch(() => 'caught');
  console.log(c instanceof Tracked, await c);
  console.log(Tracked.resolve(t) === t, Promise.resolve(t) === t);
  console.log('constructed', Tracked.created, 'Tracked promises');
  console.log(Object.getPrototypeOf(Tracked) === Promise, Tracked.name);
}
main();
