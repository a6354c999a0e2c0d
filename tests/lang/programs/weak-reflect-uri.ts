// WeakMap/WeakSet/WeakRef (as Node shows them), Reflect, and the URI functions.
const k1 = {}, k2 = [1], sym = Symbol('s');
const wm = new WeakMap<object, number>([[k1, 1]]);
wm.set(k2, 2).set(sym as any, 3);
console.log(wm.get(k1), wm.get(k2), wm.get(sym as any), wm.get({}), wm.has(k1), wm.has(1 as any), wm.delete(k1), wm.has(k1), wm.delete(k1));
const ws = new WeakSet([k1]);
console.log(ws.has(k1), ws.add(k2) === ws, ws.has(k2), ws.delete(k2), ws.has(k2), ws.has('x' as any));
const ref = new WeakRef(k1);
console.log(ref.deref() === k1, wm, ws, [wm], Object.prototype.toString.call(wm), String(ws), Object.prototype.toString.call(ref));
for (const f of [() => wm.set(1 as any, 1), () => ws.add('a' as any), () => new WeakRef(3 as any), () => wm.set(Symbol.for('reg') as any, 1)]) {
  try { f(); console.log('no error'); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }
}
// Reflect
class P { #x = 1; get v(): number { return this.#x * 10; } set v(n: number) { this.#x = n; } }
const o: any = { a: 1, get g() { return this.a + 1; } };
console.log(Reflect.get(o, 'a'), Reflect.get(o, 'g'), Reflect.get(o, 'g', { a: 41 }), Reflect.has(o, 'a'), Reflect.has(o, 'toString'), Reflect.has(o, 'zz'));
console.log(Reflect.set(o, 'b', 2), o.b, Reflect.ownKeys({ x: 1, [sym]: 2, 3: 0 }), Reflect.getPrototypeOf([]) === Array.prototype);
console.log(Reflect.defineProperty(o, 'c', { value: 3 }), Object.getOwnPropertyDescriptor(o, 'c'), Reflect.getOwnPropertyDescriptor(o, 'a'));
console.log(Reflect.defineProperty(Object.freeze({ z: 1 }), 'z', { value: 2 }), Reflect.set(Object.freeze({ z: 1 }), 'z', 5), Reflect.deleteProperty(o, 'a'), o.a);
console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function (this: any, x: number) { return this.k + x; }, { k: 1 }, [2]));
const made = Reflect.construct(Date, [0]) as Date;
console.log(made.getTime(), Reflect.construct(P, []).v, Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(o, {}));
const p = new P();
Reflect.set(p, 'v', 7);
console.log(Reflect.get(p, 'v'), Object.prototype.toString.call(Reflect));
for (const f of [() => Reflect.get(1 as any, 'a'), () => Reflect.ownKeys(1 as any), () => Reflect.apply(1 as any, null, [])]) {
  try { f(); console.log('no error'); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }
}
// URIs
const text = 'a b&c=d/é?ü#€😀;,+$@:\'()*!~_.-';
console.log(encodeURIComponent(text));
console.log(encodeURI(text));
console.log(decodeURIComponent(encodeURIComponent(text)) === text, decodeURI(encodeURI(text)) === text, decodeURI('%3B%2F%41%C3%A9'), decodeURIComponent('%3B%2F%41%C3%A9'));
for (const f of [() => decodeURIComponent('%'), () => decodeURIComponent('%E0%A4%A'), () => decodeURIComponent('%C0%80'), () => encodeURIComponent('\uD800'), () => decodeURIComponent('%ED%A0%80'), () => decodeURI('%zz')]) {
  try { console.log(f()); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }
}
console.log(encodeURIComponent(123 as any), encodeURIComponent(undefined as any), decodeURIComponent('%F0%9F%98%80'));
