// Boxed primitives: new Number/String/Boolean, Object(primitive): typeof, inspect, JSON, arithmetic, ==, toObject of primitives.
const n = new Number(5);
const s = new String('ab');
const b = new Boolean(false);
console.log(typeof n, typeof s, typeof b);
console.log(n, s, b);
console.log(JSON.stringify({ n, s, b }), JSON.stringify([new Number(1.5), new String('x')]));
console.log((n as any) + 1, (s as any) + 'c', (n as any) * 2, b ? 'truthy' : 'falsy', `${n}`);
console.log((n as any) == 5, (n as any) === 5, (s as any) == 'ab', n.valueOf(), s.valueOf(), b.valueOf(), s.length, s[0]);
console.log(n instanceof Number, s instanceof String, b instanceof Boolean, n.toFixed(2), s.toUpperCase());
const o = Object(1);
console.log(typeof o, o, Object('str'), Object(true), Object(1) instanceof Number);
console.log(Object.prototype.toString.call(n), Object.prototype.toString.call(s), String(n), Number(s), Number(new String('12')));
console.log(Object.keys(s), s.hasOwnProperty('0'), 'length' in s);
console.log([n, s, b]);
console.log(new Number(5) == new Number(5) as any, Number(5) === 5, String(3) === '3', Boolean(0));
{
const a: any = new Number(3), b: any = new Number(4);
console.log(a + b, a < b, a * b, -a, a == 3, a != b, a === a, `${a}${b}`, a.toString(2), a.toFixed(1));
const s: any = new String('hey');
(s as any).extra = 1;
console.log(s, s.length, s.charAt(1), s + '!', s == 'hey', [...s], Object.keys(s), JSON.stringify(s));
console.log(Object.getOwnPropertyNames(s), Object.getOwnPropertyNames('ab'), Object.keys('xyz'), Object.values('ab'), Object.entries('ab'));
console.log(Object.assign({}, 'ab'), { ...'cd' }, 'abc'.hasOwnProperty(1), 'abc'.hasOwnProperty('length'), Object.keys(5), Object.entries(true));
class MyNum extends Number { double() { return this.valueOf() * 2; } }
const m = new MyNum(21);
console.log(m, m.double(), m + 1, m instanceof Number, typeof m);
const bf: any = new Boolean(false);
console.log(bf, !bf, bf == false, JSON.stringify([bf, new Boolean(true)]), String(bf), bf.toString());
const sy = Symbol('q');
const so: any = Object(sy);
console.log(typeof so, so, so.description, so.toString(), JSON.stringify({ so }), Object(sy) == sy);
const obj = { x: 1 };
console.log(Object(obj) === obj, new Object(7), typeof new Object('s'));
console.log(JSON.stringify({ n: new Number(NaN), i: new Number(Infinity), e: new String('') }));
console.log(Object.prototype.toString.call(new Boolean(true)), Object.prototype.toString.call(Object(sy)), Object.prototype.toString.call(new String('')));
console.log([new Number(-0)], new String('multi\nline'), new Number(1e21));
}
