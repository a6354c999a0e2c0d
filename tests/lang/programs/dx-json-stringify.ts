// JSON.stringify: indentation, replacer arrays and functions, toJSON, special values, cycles.
const data = {
  id: 7, name: 'Widget "Pro"', tags: ['a', 'b'], price: 12.5, active: true, parent: null,
  dims: { w: 1, h: 2, nested: { deep: [1, { x: [] }, {}] } }, skip: undefined, fn() { return 1; }, neg: -0, big: 1e21, tiny: 1e-7,
};
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data.dims, null, '\t'));
console.log(JSON.stringify([1, [2, []], {}], null, 4));
console.log(JSON.stringify({ a: [1] }, null, 20) === JSON.stringify({ a: [1] }, null, 10), JSON.stringify({ a: 1 }, null, 'abcdefghijklmnop'));
console.log(JSON.stringify({ a: 1, b: [2] }, null, 0), JSON.stringify({ a: 1 }, null, -3), JSON.stringify({ a: 1 }, null, ''), JSON.stringify({ a: 1 }, null, 1.9));
console.log(JSON.stringify(data, ['name', 'dims', 'w', 'nested']));
console.log(JSON.stringify({ 1: 'one', b: 'bee', 2: 'two' }, ['2', 1 as unknown as string, 'b', 'b']));
const seen: string[] = [];
console.log(JSON.stringify({ a: 1, b: { c: 2, d: [3, 4] } }, function (this: unknown, key, value) {
  seen.push(`${key || '(root)'}:${Array.isArray(this) ? 'array' : typeof this}`);
  if (typeof value === 'number') return value * 100;
  return value;
}));
console.log(seen.join(' '));
console.log(JSON.stringify({ keep: 1, drop: 2, nested: { drop: 3, keep: 4 } }, (k, v) => (k === 'drop' ? undefined : v)));
console.log(JSON.stringify([1, 2, 3], (k, v) => (k === '1' ? undefined : v)), JSON.stringify({ a: 1 }, (k, v) => (k === '' ? [v, v] : v)));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(null), JSON.stringify(NaN), JSON.stringify(-Infinity), JSON.stringify('s'), JSON.stringify(true));
console.log(JSON.stringify([undefined, () => 1, NaN, Infinity, null, -0]), JSON.stringify({ u: undefined, f() {}, n: NaN }));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([new Error('e')]));
class Money {
  constructor(public amount: number, public currency: string) {}
  toJSON(key: string) { return `${this.amount.toFixed(2)} ${this.currency}${key ? ' @' + key : ''}`; }
}
console.log(JSON.stringify({ price: new Money(5, 'EUR'), list: [new Money(1.5, 'USD')] }), JSON.stringify(new Money(2, 'GBP')));
console.log(JSON.stringify({ toJSON() { return undefined; } }), JSON.stringify({ a: { toJSON() { return { replaced: true }; } } }, null, 1));
console.log(JSON.stringify('\u2028\u2029\b\f\n\r\t\v\0 "q" \\ /'), JSON.stringify({ 'key "q"': 1, 'new\nline': 2 }));
const cyclic: Record<string, unknown> = { name: 'root', child: { name: 'child' } };
(cyclic.child as Record<string, unknown>).parent = cyclic;
try { JSON.stringify(cyclic); } catch (e) { console.log((e as Error).name); console.log((e as Error).message); }
const arrCycle: unknown[] = [1];
arrCycle.push(arrCycle);
try { JSON.stringify(arrCycle); } catch (e) { console.log((e as Error).name); console.log((e as Error).message); }
const selfRef: Record<string, unknown> = {};
selfRef.self = selfRef;
try { JSON.stringify(selfRef); } catch (e) { console.log((e as Error).message); }
class Node_ { next: Node_ | null = null; constructor(public v: number) {} }
const n1 = new Node_(1), n2 = new Node_(2), n3 = new Node_(3);
n1.next = n2; n2.next = n3; n3.next = n1;
try { JSON.stringify(n1); } catch (e) { console.log((e as Error).message); }
const shared = { s: 1 };
console.log(JSON.stringify({ a: shared, b: shared, c: [shared, shared] }));
const deep: Record<string, unknown> = {};
let cur = deep;
for (let i = 0; i < 50; i++) { const next: Record<string, unknown> = {}; cur['l' + i] = next; cur = next; }
console.log(JSON.stringify(deep).length, JSON.stringify(deep).slice(0, 40));
