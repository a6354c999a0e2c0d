// OrdinaryToPrimitive with hint string (toString, then valueOf), objects as property keys,
// instanceof with a right-hand side that is not an object or not callable.
const a = { toString() { return {}; }, valueOf() { return 42; } };
const b = { toString() { return {}; }, valueOf() { return 1.5; } };
const c = { toString: 5, valueOf() { return 'v'; } } as any;
const d = { toString() { return 2.25; } };
const e = { toString() { return {}; }, valueOf() { return {}; } };
console.log(`${a}|${b}|${c}|${d}|${String(a)}|${String(d)}`);
try { console.log(`${e}`); } catch (x: any) { console.log(x.name, x.message); }
try { console.log(String(e)); } catch (x: any) { console.log(x.name, x.message); }
const table: any = {};
const plain = { id: 1 };
table[plain as any] = 'plain';
table[a as any] = 'forty-two';
table[[1, 2] as any] = 'array';
table[d as any] = 'quarter';
console.log(table, Object.keys(table));
console.log(table['[object Object]'], (a as any) in table, delete table[d as any], table);
class Key { constructor(private n: number) {} toString() { return 'key' + this.n; } }
const byKey: Record<string, number> = {};
for (let i = 0; i < 3; i++) byKey[new Key(i) as any] = i * i;
console.log(byKey);
console.log([1, 2] instanceof Array, plain instanceof Object);
for (const r of [5, 'x', {}, null, undefined, [], true]) {
  try { console.log(({} as any) instanceof (r as any)); } catch (x: any) { console.log(x.constructor.name, x.message); }
}
