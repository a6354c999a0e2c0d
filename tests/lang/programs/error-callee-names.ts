// "X is not a function" / "X is not a constructor" name the callee expression as V8 prints it.
const o: any = { a: { b: 1 }, arr: [1], s: 'x' };
let x: any = 1;
let y: any;
const i = 0;
function f(): any { return undefined; }
class K {
  #p: any = 1;
  m(): void {
    try { (this as any).nope(); } catch (e: any) { console.log(e.message); }
  }
  q(): void {
    try { this.#p(); } catch (e: any) { console.log(e.message); }
  }
}
class Child extends K {
  m(): void {
    try { (super.m as any)(); } catch (e: any) { console.log('super call', e.message); }
    try { (super['zz' as keyof K] as any)(); } catch (e: any) { console.log(e.message); }
  }
}
new K().m();
new K().q();
new Child().m();
const cases: (() => unknown)[] = [
  () => o.a.b(), () => o.arr[0](), () => o.arr[i](), () => o['s'](), () => y(), () => (1 as any)(), () => ('str' as any)(),
  () => f()(), () => o.a.b.c(), () => (o.a).b(), () => o?.a.b(), () => o.a?.b(), () => (0, o.a.b)(), () => ([1] as any)[0](),
  () => ({} as any).x(), () => new o.a.b(), () => new y(), () => new (f())(), () => (null as any)(), () => (true as any)(),
  () => o.arr[i + 1](), () => o.arr[-1](), () => o[1.5](), () => o.a[o.s](), () => ((() => 1) as any)()(), () => o.a.b(...[1]),
  () => new (i as any)(...[]), () => ([1, 2] as any)[5](), () => (x ? o : f)(), () => (!x as any)(), () => (y = x)(),
  () => f?.()(), () => ((typeof x) as any)(), () => o.a.b.c.d(), () => (-x as any)(), () => o['a']['b'](), () => o['a-b'](),
  () => o[0x10](), () => o[1e3](), () => o[x * 2](), () => (x, y)(), () => (x && y)(), () => (x ?? y)(), () => new o.a(),
  () => (new (class {})() as any).x(), () => o.a.b?.(), () => o[f()](), () => ([] as any)[0](), () => ([x, 'a', [1]] as any)[0](),
  () => (globalThis as any).zz(), () => (Math as any).nope(), () => JSON.parse('1')(), () => (o.arr as any).nope(...o.arr),
];
for (const c of cases) {
  try {
    c();
    console.log('no error');
  } catch (e: any) {
    console.log(e.constructor.name + ': ' + e.message);
  }
}
// builtins report a bad callback by its value, not by a name
try { [1].map(5 as any); } catch (e: any) { console.log(e.message); }
try { [1].forEach(undefined as any); } catch (e: any) { console.log(e.message); }
