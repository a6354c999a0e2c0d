// Object.prototype.toString and Symbol.toStringTag of the builtins (Promise, collections, iterators, typed arrays, Date, JSON, Math, Reflect).
const vals: any[] = [Promise.resolve(1), new Map(), new Set(), Symbol('x'), JSON, Math, [][Symbol.iterator](), new Map().entries(), ''[Symbol.iterator](), new Uint8Array(1), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)), new Date(0), new WeakMap(), Reflect];
for (const v of vals) { try { console.log(Object.prototype.toString.call(v), typeof v === 'object' || typeof v === 'function' ? String(v[Symbol.toStringTag]) : ''); } catch (e) { console.log('err', (e as Error).message); } }
console.log(Promise.prototype[Symbol.toStringTag], Object.getOwnPropertyDescriptor(Promise.prototype, Symbol.toStringTag));
