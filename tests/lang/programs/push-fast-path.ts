// Array.prototype.push with one argument is done by the machine itself (no frame): the
// cases it must take (growth, holes, subclasses) and those it must leave to the prelude
// (frozen, sealed, non-extensible, array-likes, a replaced push, no receiver).
const a: number[] = [];
for (let i = 0; i < 100; i++) a.push(i * 2);
console.log(a.length, a[0], a[99], a.push(7), a.length);
const b: any[] = [1];
console.log(b.push('x'), b.push(), b.push(1, 2), b);
const f = Object.freeze([1, 2]);
try { (f as any).push(3); } catch (e) { console.log('frozen', (e as Error).constructor.name, f.length); }
const s = Object.seal([1]);
try { (s as any).push(3); } catch (e) { console.log('sealed', (e as Error).constructor.name, s.length); }
const n = Object.preventExtensions([1]);
try { (n as any).push(3); } catch (e) { console.log('nonext', (e as Error).constructor.name, n.length); }
const o: any = { length: 2, push: Array.prototype.push };
console.log(o.push(9), o.length, o[2]);
class MyArr extends Array<number> {}
const m = new MyArr();
m.push(5);
console.log(m.length, m[0], m instanceof MyArr);
const h: number[] = [];
h[5] = 1;
console.log(h.push(2), h.length, 6 in h, 4 in h);
console.log(Array.prototype.push.call([3], 4));
const big: number[] = [];
for (let i = 0; i < 20000; i++) big.push(i);
let t = 0;
for (const x of big) t += x;
console.log(t, big.length);
const objs: { v: number }[] = [];
for (let i = 0; i < 3000; i++) objs.push({ v: i });
let u = 0;
for (const x of objs) u += x.v;
console.log(u);
const push = a.push;
try { push(1); } catch (e) { console.log('no this', (e as Error).constructor.name); }
const saved = Array.prototype.push;
(Array.prototype as any).push = function (this: any[], v: any) { return saved.call(this, v, v); };
const c: number[] = [];
const r = c.push(1);
Array.prototype.push = saved; // (console.log's own formatting pushes too)
console.log(r, c);
console.log(c.push(2), c);
