// Async generators and for await: awaits between yields, queued requests, return()/throw(), finally, sync sources, custom async iterables, tick order.
async function* countdown(n: number) {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 1));
    yield n--;
  }
  return 'liftoff';
}
async function* pipe<T, U>(src: AsyncIterable<T>, f: (x: T) => U) { for await (const x of src) yield f(x); }
async function main() {
  const it = countdown(3);
  console.log(Object.prototype.toString.call(it), typeof it[Symbol.asyncIterator]);
  console.log(await it.next(), await it.next(), await it.next(), await it.next(), await it.next());
  for await (const x of countdown(2)) console.log('for await', x);
  for await (const x of [Promise.resolve('p1'), 'plain', Promise.resolve('p3')]) console.log('sync source', x);
  const out: string[] = [];
  for await (const s of pipe(countdown(3), (n) => `#${n}`)) out.push(s);
  console.log(out);
  // return() runs finally blocks
  async function* guarded() { try { yield 1; yield 2; } finally { console.log('cleanup'); await null; console.log('after await in finally'); } }
  for await (const v of guarded()) { console.log('got', v); break; }
  const g2 = guarded();
  console.log(await g2.next(), await g2.return(42), await g2.next());
  // throw() into a suspended generator, caught inside
  async function* catcher() { while (true) { try { yield 'ready'; } catch (e) { console.log('caught', e); } } }
  const c = catcher();
  await c.next();
  console.log(await c.throw('oops'));
  // errors reject the pending promise
  async function* failing() { yield 1; throw new Error('bad'); }
  const f = failing();
  console.log(await f.next());
  try { await f.next(); } catch (e) { console.log('rejected', (e as Error).message); }
  console.log(await f.next());
  // queued requests are served in order
  const q = countdown(3);
  const results = await Promise.all([q.next(), q.next(), q.next(), q.next()]);
  console.log(results);
  // a custom async iterable
  const custom = { [Symbol.asyncIterator]() { let i = 0; return { next: async () => ({ value: i, done: i++ >= 2 }) }; } };
  for await (const v of custom) console.log('custom', v);
  console.log(countdown, Object.getPrototypeOf(countdown).constructor.name);
}
main().then(() => console.log('main done', order.join(', ')));
const order: string[] = [];
async function* ticks() { order.push('start'); yield 'a'; order.push('after a'); yield 'b'; }
const t = ticks();
t.next().then((r) => order.push('r1 ' + r.value));
t.next().then((r) => order.push('r2 ' + r.value));
Promise.resolve().then(() => order.push('tick1')).then(() => order.push('tick2')).then(() => order.push('tick3'));
