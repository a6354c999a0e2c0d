// for..in enumerates own then inherited enumerable string keys, skipping shadowed and
// non-enumerable ones, with integer keys first on every level.
const grand = { g1: 1, shared: 'grand', 5: 'five', gz: true };
const parent = Object.create(grand);
parent.p1 = 2;
parent.shared = 'parent';
parent[3] = 'three';
Object.defineProperty(parent, 'hiddenP', { value: 'h', enumerable: false });
const child = Object.create(parent);
child.c1 = 3;
child[10] = 'ten';
child.gz = 'own gz';
Object.defineProperty(child, 'g1', { value: 'non-enumerable shadow', enumerable: false });
const keys: string[] = [];
for (const k in child) keys.push(`${k}=${child[k]}`);
console.log(keys.join(' '));
console.log(Object.keys(child), 'g1' in child, child.hiddenP, Object.hasOwn(child, 'shared'));
// Classes: methods are non-enumerable, fields are own
class Base { baseField = 1; baseMethod() { return 1; } }
class Sub extends Base { subField = 2; subMethod() { return 2; } }
const s = new Sub();
(Sub.prototype as unknown as Record<string, unknown>).protoData = 'on prototype';
const sk: string[] = [];
for (const k in s) sk.push(k);
console.log(sk);
// Arrays with extra properties and inherited ones
const arr = ['a', 'b'] as string[] & { extra?: string };
arr.extra = 'x';
(Array.prototype as unknown as Record<string, unknown>).polluted = 'bad';
const ak: string[] = [];
for (const k in arr) ak.push(k);
console.log(ak);
delete (Array.prototype as unknown as Record<string, unknown>).polluted;
const ak2: string[] = [];
for (const k in arr) ak2.push(k);
console.log(ak2);
// Object.prototype additions show up everywhere
(Object.prototype as unknown as Record<string, unknown>).everywhere = 1;
const ok: string[] = [];
for (const k in { a: 1 }) ok.push(k);
console.log(ok);
delete (Object.prototype as unknown as Record<string, unknown>).everywhere;
// Strings iterate their indices
const sk2: string[] = [];
for (const k in 'hey' as unknown as object) sk2.push(k);
console.log(sk2);
// Guarded for-in copying own properties only
function ownCopy(src: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in src) if (Object.prototype.hasOwnProperty.call(src, k)) out[k] = (src as Record<string, unknown>)[k];
  return out;
}
console.log(ownCopy(child), ownCopy(s));
// null/undefined give no iterations; numbers and booleans none either
let n = 0;
for (const k in null as unknown as object) n++;
for (const k in undefined as unknown as object) n++;
for (const k in 42 as unknown as object) n++;
console.log('iterations over null/undefined/42:', n);
// Keys are strings even for array indices
for (const k in [7]) console.log(typeof k, k, k + 1);
// Order with many integer and string keys on two levels
const lower = Object.create({ z: 1, 2: 'b', a: 2, 1: 'a' });
Object.assign(lower, { y: 3, 0: 'o', 3: 'c', b: 4 });
const lk: string[] = [];
for (const k in lower) lk.push(k);
console.log(lk.join(','));
