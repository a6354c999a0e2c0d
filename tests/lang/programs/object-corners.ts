// Object corners: spread and Object.assign with getters, Object.keys/entries of primitives, defineProperty on frozen/sealed/non-configurable properties, functions' own length/name.
{
// object spread / assign with getters
let calls = 0;
const src = { get g() { calls++; return 'G'; }, plain: 1 };
const sp = { ...src };
console.log(sp, calls, Object.getOwnPropertyDescriptor(sp, 'g'));
const tgt = { set plain(v: number) { console.log('setter', v); } };
Object.assign(tgt, src);
console.log(calls, tgt);
}
{
console.log(Object.keys('ab'), Object.entries('ab'), Object.values('hi'), Object.keys(42), Object.entries(true), Object.getOwnPropertyNames('ab'));
try { Object.keys(null as any); } catch (e) { console.log((e as Error).message); }
try { Object.entries(undefined as any); } catch (e) { console.log((e as Error).message); }
}
{
const fr = Object.freeze({ a: 1 });
try { Object.defineProperty(fr, 'a', { value: 2 }); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
try { Object.defineProperty(fr, 'b', { value: 2 }); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
const s = Object.seal({ a: 1 });
Object.defineProperty(s, 'a', { value: 5 });
console.log(s.a);
try { Object.defineProperty(s, 'a', { enumerable: false }); } catch (e) { console.log((e as Error).message); }
try { Object.defineProperty(s, 'z', { value: 1 }); } catch (e) { console.log((e as Error).message); }
const nc = {};
Object.defineProperty(nc, 'k', { value: 1, configurable: false, writable: false });
try { Object.defineProperty(nc, 'k', { value: 2 }); } catch (e) { console.log((e as Error).message); }
Object.defineProperty(nc, 'k', { value: 1 });
console.log('same value ok');
try { Object.defineProperty(nc, 'k', { get() { return 1; } }); } catch (e) { console.log((e as Error).message); }
const arr = Object.freeze([1, 2]);
try { Object.defineProperty(arr, 0, { value: 9 }); } catch (e) { console.log((e as Error).message); }
try { (fr as any).a = 3; } catch (e) { console.log((e as Error).message); }
try { delete (fr as any).a; } catch (e) { console.log((e as Error).message); }
}
function f(a: number, b = 2, ...c: number[]) { return a; }
const g = function () {};
const h = (x: number, y: number) => x;
class K { constructor(a: number) {} m(p: number) {} static st() {} }
console.log(f.length, f.name, g.name, h.length, h.name, K.length, K.name, K.prototype.m.length, K.prototype.m.name, K.st.name);
console.log(Object.getOwnPropertyNames(f), Object.getOwnPropertyNames(h), Object.getOwnPropertyNames(K));
console.log(Object.getOwnPropertyDescriptor(f, 'length'), f.hasOwnProperty('name'), Reflect.ownKeys(h));
const bound = f.bind(null, 1);
console.log(bound.name, bound.length);
Object.defineProperty(f, 'name', { value: 'renamed' });
console.log(f.name);
