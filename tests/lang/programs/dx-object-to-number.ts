// Objects where a number is needed: ** and typed-array element stores convert them with
// ToPrimitive (valueOf may run code) before the arithmetic or the store; spread of iterables
// into calls and constructors; for..in under a String wrapper two levels up.
const o: any = { valueOf() { return 3; } };
console.log(+o, o | 0, o * 2, -o, ~o, o - 1, o ** 2, o % 2, o >> 1, o >>> 0, o < 5, o == 3);
let p: any = { valueOf() { return 1; } }; p++; console.log(p);
let q: any = { valueOf() { return 1; } }; q += 1; console.log(q);
const u = new Uint8Array(2); u[0] = o; console.log(u[0], new Uint8Array([o])[0]);
const arr = [10, 20, 30, 40]; console.log(arr[o], Math.floor(o), Number(o), isNaN(o));
class A { a: number[]; constructor(...a: number[]) { this.a = a; } }
class B extends A { constructor(...a: number[]) { super(...a); } }
console.log(new A(...new Set([1, 2])).a, new B(...'ab' as any).a);
function* g() { yield 1; yield 2; }
console.log(Math.max(...g()), [...g()], new A(...g()).a);
const s2 = Object.create(Object.create(new String('ab')));
const ks: string[] = []; for (const k in s2) ks.push(k); console.log(ks);
const f = function () {}; const ks2: string[] = []; for (const k in Object.create(Object.create(f))) ks2.push(k); console.log(ks2);
const obj = { m(...a: any[]) { return a.length; } }; console.log(obj.m(...new Map([[1, 2]])));
console.log(o == '3', o != 4, null == o);
const d = new Date(0); console.log(d - (d as any), +d);
{
const u = new Uint8Array(4); const o: any = { valueOf() { return 7; } };
u[1] = o; u.fill(o, 2); console.log([...u]);
u.set([o, o]); console.log([...u], Uint8Array.from([o])[0], Uint8Array.of(o)[0]);
const dv = new DataView(new ArrayBuffer(4)); dv.setUint8(0, o); console.log(dv.getUint8(0));
u[3] += o; console.log(u[3]);
const f = new Float64Array(1); f[0] = { valueOf() { return 1.5; } } as any; console.log(f[0]);
let count = 0; const side: any = { valueOf() { count++; return 2; } }; u[10] = side; console.log(count);
console.log(2 ** o, o ** o, [1] ** 2, ({} as any) ** 1);
try { u[0] = Symbol() as any; } catch (e: any) { console.log(e.message); }
try { const bad: any = { valueOf() { return {}; }, toString() { return {}; } }; u[0] = bad; } catch (e: any) { console.log(e.message); }
try { (2 as any) ** Symbol(); } catch (e: any) { console.log(e.message); }
}
export {};
