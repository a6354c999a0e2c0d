// for..in over objects whose prototype chain holds an array or a typed array: their elements
// are inherited enumerable keys, after the own ones, shadowed keys skipped (V8's order)
const o = Object.create([1, 2]); o.x = 1;
const a: string[] = []; for (const k in o) a.push(k); console.log(a);
const sparse: any[] = []; sparse[3] = 'd'; const o2 = Object.create(sparse);
const b: string[] = []; for (const k in o2) b.push(k); console.log(b);
const arr: any = [5, 6]; arr.extra = 1; const o3 = Object.create(Object.create(arr)); o3.own = 2; o3[0] = 'shadow';
const c: string[] = []; for (const k in o3) c.push(k); console.log(c);
const t = Object.create(new Uint8Array(2)); const d: string[] = []; for (const k in t) d.push(k); console.log(d);
const e: string[] = []; for (const k in Object.create([])) e.push(k); console.log(e);
// delete on primitives (strict mode, as in a module): a string's indices and length are not
// configurable; undefined and null cannot be converted; anything else deletes nothing, true
const cases: [any, any][] = [[undefined, 0], [null, 'x'], ['abc', 0], ['abc', 'length'], ['abc', 5], ['abc', 'x'], [5, 'x'], [true, 'y'], [Symbol('s'), 'description'], ['abc', '01'], ['abc', 2], ['abc', -0]];
for (const [v, k] of cases) {
  try { console.log(String(v), k, delete v[k]); } catch (e: any) { console.log(String(v), k, e.constructor.name, e.message); }
}
export {};
