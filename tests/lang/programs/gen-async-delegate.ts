// yield* in async generators: inner async and sync iterables, the result of yield*, return()/throw() passed on, a missing throw method.
async function* inner() { try { yield 'i1'; await null; yield 'i2'; return 'inner-ret'; } finally { console.log('inner finally'); } }
async function* outer() { const r = yield* inner(); console.log('yield* gave', r); yield* [Promise.resolve('s1'), 's2']; yield 'last'; }
async function main() {
  const out: unknown[] = [];
  for await (const v of outer()) out.push(v);
  console.log(out);
  const o = outer();
  console.log(await o.next(), await o.return('early'), await o.next());
  async function* catcher() { while (true) { try { yield 'c'; } catch (e) { console.log('inner caught', e); } } }
  async function* wrap() { yield* catcher(); }
  const w = wrap();
  console.log(await w.next(), await w.throw('E1'), await w.return('bye'));
  const noThrow = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return: async () => { console.log('closed'); return { done: true }; } }; } };
  async function* dn() { yield* noThrow; }
  const d = dn();
  await d.next();
  try { await d.throw('z'); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
}
main().then(() => console.log('done'));
