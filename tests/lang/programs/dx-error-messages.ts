// TypeError/RangeError messages produced by the language itself, as Node words them.
function report(label: string, f: () => unknown): void {
  try { f(); console.log(label.padEnd(22), 'no error'); } catch (e) { console.log(label.padEnd(22), (e as Error).name + ':', (e as Error).message); }
}
const u = undefined as unknown as { x: { y: number }; m(): void };
const n = null as unknown as { x: number };
const obj = { a: 1, nested: {} as { deep?: { z: number } }, fn: 5 as unknown as () => void };
report('read of undefined', () => u.x);
report('read of null', () => n.x);
report('deep read', () => obj.nested.deep!.z);
report('write to undefined', () => { (u as { x: unknown }).x = 1; });
report('call undefined var', () => (u as unknown as () => void)());
report('call missing method', () => (obj as unknown as { missing(): void }).missing());
report('call number prop', () => obj.fn());
report('call on undefined', () => u.m());
report('new non-constructor', () => new (obj.fn as unknown as new () => unknown)());
report('new arrow', () => new ((() => 1) as unknown as new () => unknown)());
report('instanceof object', () => ({}) instanceof ({} as unknown as new () => unknown));
report('instanceof number', () => ({}) instanceof (5 as unknown as new () => unknown));
report('in on string', () => 'a' in ('str' as unknown as object));
report('in on undefined', () => 'a' in (undefined as unknown as object));
report('class call', () => (class Foo {} as unknown as () => void)());
report('array length', () => { [].length = -1; });
report('toFixed range', () => (1).toFixed(101));
report('toString radix', () => (1).toString(99));
report('repeat count', () => 'x'.repeat(-1));
report('new Array(-1)', () => new Array(-1));
report('frozen write', () => { 'use strict'; const f = Object.freeze({ a: 1 }); (f as { a: number }).a = 2; });
report('frozen add', () => { const f = Object.freeze({ a: 1 }); (f as unknown as { b: number }).b = 2; });
report('defineProperty prim', () => Object.defineProperty(1 as unknown as object, 'x', { value: 1 }));
report('Object.create bad', () => Object.create(5 as unknown as object));
report('reduce empty', () => ([] as number[]).reduce((a, b) => a + b));
report('not iterable', () => { const [a] = 5 as unknown as number[]; return a; });
report('spread not iterable', () => [...({} as unknown as number[])]);
report('Map without new', () => (Map as unknown as () => void)());
report('BigInt-free JSON cycle', () => { const o: Record<string, unknown> = {}; o.o = o; JSON.stringify(o); });
report('JSON.parse', () => JSON.parse('{"a":}'));
report('super not called', () => new (class extends Object { constructor() { if (Math.floor(0.5) === 1) super(); } })());
report('private brand', () => { class P { #x = 1; static get(o: object) { return (o as P).#x; } } return P.get({}); });
report('getter only', () => { class G { get v() { return 1; } } (new G() as { v: number }).v = 2; });
report('symbol-free toPrimitive', () => `${{ toString() { return {}; }, valueOf() { return {}; } }}`);
report('write to primitive', () => { const c = 1; (c as unknown as { v: number }).v = 2; });
