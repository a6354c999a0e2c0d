// Object spread and Object.assign read getters once, copy the value (not the accessor),
// and skip non-enumerable and inherited properties.
let reads = 0;
const src = { a: 1, get b() { reads++; return 'b' + reads; }, c: 3 };
const copy = { z: 0, ...src, a: 'override', d: 4 };
console.log(copy, reads, Object.keys(copy));
const desc = Object.getOwnPropertyDescriptor(copy, 'b')!;
console.log(desc.value, 'get' in desc, desc.writable, desc.enumerable);
const again = { ...src };
console.log(again.b, reads);
const assigned = Object.assign({}, src);
console.log(assigned, reads);
const proto = { inherited: 1 };
const withProto = Object.create(proto, { own: { value: 2, enumerable: true }, hidden: { value: 3, enumerable: false } });
console.log({ ...withProto }, Object.assign({}, withProto));
class Temp { #c = 20; get f() { return this.#c * 9 / 5 + 32; } unit = 'C'; }
console.log({ ...new Temp() });
const withGetterThrowing = { ok: 1, get bad(): number { throw new Error('getter threw'); } };
try { console.log({ ...withGetterThrowing }); } catch (e) { console.log((e as Error).message); }
