// Map and Set methods the x86 machine runs itself (boot/interp/collections.ts): every key
// type it takes (int32, strings by content, objects and symbols by identity) and every one
// it hands back to the prelude (doubles, -0, NaN, uint32, booleans, null, undefined), the
// receivers it must refuse, growth, shrinking, deletes during iteration.
const out: string[] = [];
const show = (label: string, v: unknown): void => { out.push(label + '=' + String(v)); };

// SameValueZero: NaN, -0, numbers in any representation, strings by content
const m = new Map<unknown, unknown>();
m.set(NaN, 'nan').set(-0, 'zero').set(1, 'one').set(2 ** 31, 'big').set(1.5, 'half');
show('nan', m.get(0 / 0));
show('+0', m.get(0));
show('-0 has', m.has(-0));
show('keys', [...m.keys()].map((k) => Object.is(k, -0) ? '-0' : String(k)).join(','));
show('1.0', m.get(3 / 3));
show('2**31', m.get(2147483647 + 1));
show('uint', m.get(0xffffffff >>> 0));
m.set(0xffffffff >>> 0, 'u32');
show('u32', m.get(4294967295));
const built = ['ab', 'c'].join('') + 'd';
m.set('abcd', 'str');
show('built', m.get(built));
show('two-byte', m.set('h\u00e9\u4e16', 'wide').get(['h', '\u00e9', '\u4e16'].join('')));
show('empty', m.set('', 'e').get(String()));
m.set(true, 'T').set(false, 'F').set(null, 'N').set(undefined, 'U');
show('bools', [m.get(true), m.get(false), m.get(null), m.get(undefined), m.get(1 === 1)].join());
const sym = Symbol('s');
m.set(sym, 'sym');
show('sym', m.get(sym) + ',' + String(m.get(Symbol('s'))));
const k1 = { id: 1 }, k2 = { id: 1 }, fk = (): number => 1, ak: number[] = [];
m.set(k1, 'k1').set(k2, 'k2').set(fk, 'fn').set(ak, 'arr');
show('objs', [m.get(k1), m.get(k2), m.get(fk), m.get(ak), m.get({ id: 1 }), m.get([])].join());
show('size', m.size);
show('set1', m.set('only').get('only') === undefined && m.has('only'));
show('del', [m.delete(NaN), m.delete(NaN), m.delete(-0), m.delete(k1), m.delete('abcd'), m.delete(built), m.delete(sym)].join());
show('after', [...m.keys()].map(String).join('|'));

// int32 keys: page addresses and small numbers, growth and shrinking, order kept
const pages = new Map<number, number>();
for (let i = 0; i < 3000; i++) pages.set(i * 4096, i);
let sum = 0;
for (let i = 0; i < 3000; i++) sum += pages.get(i * 4096)!;
show('pages', sum + ' ' + pages.size + ' ' + pages.has(4096 * 3000) + ' ' + pages.get(1));
for (let i = 0; i < 3000; i += 3) pages.delete(i * 4096);
show('pages left', pages.size + ' ' + [...pages.keys()].slice(0, 5).join() + ' ' + pages.get(4096));
for (let i = 0; i < 2990; i++) pages.delete(i * 4096);
show('shrunk', [...pages].join(';'));
pages.set(-1, -1).set(-2147483648, 7).set(2147483647, 8);
show('extremes', [...pages.keys()].slice(-3).join() + ' ' + pages.get(-2147483648) + pages.get(2147483647));

// deletes and adds while iterating, through the machine's methods
const it = new Map<number, string>();
for (let i = 0; i < 20; i++) it.set(i, 'v' + i);
const seen: string[] = [];
for (const [k] of it) {
  seen.push(String(k));
  if (k % 3 === 0) it.delete(k + 1);
  if (k === 5) { it.delete(0); it.set(0, 'again'); }
  if (k < 4) it.set(100 + k, 'new');
  if (k === 11) { for (let j = 12; j < 19; j++) it.delete(j); }
}
show('iter', seen.join(' '));
show('iter map', [...it].join(' '));

// Sets: add returns the set, values stored as given
const s = new Set<unknown>();
s.add(1).add('1').add(1).add(-0).add(0).add(NaN).add(NaN).add(k1).add(k1);
show('set', [...s].map((v) => Object.is(v, -0) ? '-0' : String(v)).join('|'));
show('set has', [s.has(0), s.has(-0), s.has(NaN), s.has('1'), s.has(2), s.has(k1), s.has(k2)].join());
show('set del', [s.delete(1), s.delete(1), s.delete('1'), s.has('1'), s.size].join());
const big = new Set<string>();
for (let i = 0; i < 500; i++) big.add('k' + i);
for (let i = 0; i < 500; i += 2) big.delete('k' + i);
show('big set', big.size + ' ' + big.has('k1') + big.has('k2') + ' ' + [...big].slice(0, 3).join());
const order = new Set<number>();
for (let i = 0; i < 10; i++) order.add(i);
const sseen: number[] = [];
let once = true;
for (const v of order) { sseen.push(v); if (v === 2 && once) { once = false; order.delete(3); order.delete(2); order.add(2); } }
show('set iter', sseen.join());

// receivers the machine must refuse: the prelude throws as Node does
const tries: [string, () => unknown][] = [
  ['get on Set', () => (Map.prototype.get as any).call(new Set([1]), 1)],
  ['add on Map', () => (Set.prototype.add as any).call(new Map(), 1)],
  ['has on object', () => Map.prototype.has.call({}, 1)],
  ['delete on WeakMap', () => (Map.prototype.delete as any).call(new WeakMap(), {})],
  ['get on Map.prototype', () => Map.prototype.get.call(Map.prototype, 1)],
  ['set on null', () => (Map.prototype.set as any).call(null, 1, 2)],
];
for (const [label, f] of tries) {
  try { show(label, f()); } catch (e) { show(label, (e as Error).constructor.name); }
}
// a subclass, a method taken out, a Map with a replaced prototype
class Counted<K, V> extends Map<K, V> {
  sets = 0;
  set(k: K, v: V): this { this.sets++; return super.set(k, v); }
}
const c = new Counted<number, number>();
c.set(1, 2).set(3, 4);
show('sub', c.sets + ' ' + c.get(3) + ' ' + (c instanceof Map));
const get = Map.prototype.get;
show('call', get.call(c, 1));
Object.setPrototypeOf(c, Set.prototype);
try { show('as set', (c as any).has(1)); } catch (e) { show('as set', (e as Error).constructor.name); }
show('lengths', [Map.prototype.get.length, Map.prototype.set.length, Set.prototype.add.length, Map.prototype.delete.length].join());
console.log(out.join('\n'));
