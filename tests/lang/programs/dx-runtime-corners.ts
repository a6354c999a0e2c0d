// Wording corners checked against Node: assignments to getter-only, read-only and
// non-extensible targets name the object as V8 does; push onto frozen/sealed arrays; an
// error's stack is formatted when first read (its header shows the name and message then).
const t = (label: string, f: () => unknown): void => {
  try { console.log(label, f()); } catch (e: any) { console.log(label, e.constructor.name + ': ' + e.message); }
};
class Foo { get x() { return 1; } }
t('getter-only', () => { (new Foo() as any).x = 2; });
t('getter-only obj', () => { const o = { get y() { return 1; } }; (o as any).y = 2; });
t('getter-only proto', () => { const o = Object.create({ get z() { return 1; } }); o.z = 2; });
t('getter-only array', () => { const a: any = []; Object.defineProperty(a, 'g', { get() { return 1; } }); a.g = 1; });
t('getter-only null proto', () => { const o = Object.create(null); Object.defineProperty(o, 'g', { get() { return 1; } }); o.g = 1; });
t('frozen push', () => Object.freeze([] as number[]).push(1));
t('frozen push 2', () => Object.freeze([1, 2] as number[]).push(3));
t('sealed push', () => Object.seal([1] as number[]).push(3));
t('prevent push', () => Object.preventExtensions([1] as number[]).push(3));
t('frozen obj add', () => { const o: any = Object.freeze({}); o.q = 1; });
t('frozen index set', () => { const a: any = Object.freeze([1]); a[0] = 2; });
t('frozen class', () => { class A { v = 1; } const a: any = Object.freeze(new A()); a.v = 2; });
t('readonly prop', () => { const o = {}; Object.defineProperty(o, 'r', { value: 1 }); (o as any).r = 2; });
t('frozen beyond', () => { const a: any = Object.freeze([1]); a[5] = 2; });
t('caught then ok', () => { const o: any = {}; o.k = 1; return o.k; });
const e = new Error('m');
e.message = 'changed';
console.log(e.stack!.split('\n')[0]);
e.message = 'again';
console.log(e.stack!.split('\n')[0], Object.keys(e), JSON.stringify(e), 'stack' in e, Object.prototype.hasOwnProperty.call(e, 'stack'));
const d = Object.getOwnPropertyDescriptor(new Error('x'), 'stack')!;
console.log(typeof d.value, d.value.split('\n')[0], d.writable, d.enumerable, d.configurable, 'get' in d);
class MyErr extends Error { constructor(m: string) { super(m); this.name = 'MyErr'; } }
console.log(new MyErr('q').stack!.split('\n')[0]);
const e2 = new TypeError('tt'); e2.name = 'Renamed';
console.log(e2.stack!.split('\n')[0]);
const e3 = new Error('z'); e3.stack = 'custom'; console.log(e3.stack, Object.getOwnPropertyDescriptor(e3, 'stack'));
const e4 = new RangeError('w'); console.log(Object.getOwnPropertyNames(e4));
try { null!.x; } catch (err: any) { err.message = 'edited'; console.log(err.stack.split('\n')[0]); }
const e5 = new Error('p'); e5.message = 'late';
console.log(String(e5), e5.stack!.split('\n')[0]);
const e6 = new Error('shown'); e6.message = 'changed before print';
console.log(String(e6).length > 0);
// the expression V8 prints: esbuild (the bundler Node gets) writes undefined as void 0
const u = (f: () => unknown): void => { try { f(); } catch (e: any) { console.log(e.message); } };
u(() => Math.max(...(undefined as any)));
u(() => (undefined as any)());
u(() => [...(undefined as any)]);
u(() => (void 'x' as any)());
u(() => { for (const x of (undefined as any)) console.log(x); });
u(() => { const f = (...a: any[]) => a; return f(...(null as any)); });
u(() => { const v: any = undefined; return Math.max(...v); });
// a parameter called as a function is named by the parameter (its call may be a function's first instruction)
function callIt(f: any): unknown { return f(); }
u(() => callIt(5));
u(() => callIt(undefined));
{
  // frozen and sealed errors
  const e = Object.freeze(new Error('frozen'));
  console.log(e.stack!.split('\n')[0], e.stack === e.stack, Object.isFrozen(e));
  const d = Object.getOwnPropertyDescriptor(e, 'stack')!;
  console.log(typeof d.value === 'string' || typeof d.get === 'function', d.configurable);
  const s = Object.seal(new TypeError('sealed'));
  console.log(s.stack!.split('\n')[0]);
  try { throw Object.freeze(new RangeError('thrown frozen')); } catch (x: any) { console.log(String(x), x.stack.split('\n')[0]); }
}
