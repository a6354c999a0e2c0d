// V8's TypeError wording: not iterable (naming the expression), destructuring null/undefined, spread, writes to primitives.
const t = (f: () => void) => { try { f(); console.log('no error'); } catch (e) { console.log((e as Error).constructor.name + ': ' + (e as Error).message); } };
const x: any = null, u: any = undefined, o: any = { a: null, b: { c: 1 } };
function f(): any { return null; }
t(() => { const { a } = x; });
t(() => { const { a } = u; });
t(() => { const {} = x; });
t(() => { const { a: { b } } = o; });
t(() => { const { a } = f(); });
t(() => { const { a } = o.a; });
t(() => { const { a } = o['a']; });
t(() => { let a; ({ a } = x); });
t(() => { (function ({ a }: any) {})(null); });
t(() => { (function ({ a }: any) {})(undefined); });
t(() => { const [{ a }] = [null] as any; });
t(() => { const { ...r } = x; });
t(() => { for (const a of x) {} });
t(() => { for (const a of o.b) {} });
t(() => { for (const a of f()) {} });
t(() => { const [a] = o.b; });
t(() => { [...o.b]; });
t(() => { new Set(5 as any); });
t(() => { const [a] = 5 as any; });
t(() => { let a; [a] = o; });
t(() => { Math.max(...o.b); });
t(() => { ((...a: any[]) => a)(...o); });
t(() => { function g([a]: any) {} g(o); });
t(() => { for (const a of 5 as any) {} });
t(() => { for (const a of {} as any) {} });
t(() => { const it = { [Symbol.iterator]() { throw new RangeError('own'); } }; for (const a of it) {} });
t(() => { const [a, b] = [1, 2]; const { c = 3 } = {} as any; console.log(a, b, c); });
t(() => { for (const [k, v] of new Map([[1, 2]])) console.log(k, v); });
t(() => { const xs = [1, 2]; console.log([...xs, ...'ab']); });
{
const t2 = t;
t2(() => { const c: any = 1; c.v = 2; });
t2(() => { const c: any = 'str'; c.len = 2; });
t2(() => { const c: any = true; c['k'] = 2; });
t2(() => { const c: any = Symbol('s'); c.k = 2; });
t2(() => { const c: any = 1.5; c[Symbol.iterator] = 2; });
Object.defineProperty(Number.prototype, 'magic', { set(v) { console.log('setter on', typeof this, v); }, configurable: true });
t2(() => { const c: any = 7; c.magic = 'm'; });
}
