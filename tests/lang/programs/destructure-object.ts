const { a, b: renamed, c = 'def', ...others } = { a: 1, b: 2, d: 4, e: 5 } as any;
console.log(a, renamed, c, others);
const { p: { q, r = 'r0' } = { q: 'qq' } } = {} as any;
console.log(q, r);
let m, n;
({ m, n = 5 } = { m: 1 } as any);
console.log(m, n);
const key = 'dyn';
const { [key]: dynVal } = { dyn: 'dynamic' } as any;
console.log(dynVal);
function f({ x, y = 10 }: { x: number; y?: number }) { return x + y; }
console.log(f({ x: 1 }), f({ x: 1, y: 2 }));
for (const { id, tags: [first] } of [{ id: 1, tags: ['t1'] }, { id: 2, tags: [] as string[] }]) console.log(id, first);
const { length } = 'hello';
console.log(length);
try { const { z } = null as any; console.log(z); } catch (e) { console.log((e as Error).name); }
