// Inline-cache hits on prototypes (boot/interp/ic.ts): the receiver's shape and its
// prototype's are checked; every change to either (or to which object is the prototype)
// must be seen by a warmed site.

function getM(o: any): any { return o.m; }
function callM(o: any): any { return o.m(); }
function getName(o: any): any { return o.name; }
function getProto(o: any): any { return o.prototype; }
function warm(f: () => void): void { for (let i = 0; i < 5; i++) f(); }

class A { m(): string { return 'A.m'; } }
class B { m(): string { return 'B.m'; } }
const o: any = new A();
warm(() => { callM(o); getM(o); });
Object.setPrototypeOf(o, B.prototype);
console.log('setPrototypeOf', callM(o));
Object.setPrototypeOf(o, A.prototype);
console.log('set back', callM(o));
o.m = () => 'own m';
console.log('shadowed by own', callM(o), callM(new A()));
delete o.m;
console.log('own deleted', callM(o));
(A.prototype as any).m = function (): string { return 'A.m replaced'; };
console.log('prototype method replaced', callM(o));
delete (A.prototype as any).m;
console.log('prototype method deleted', getM(o));
Object.defineProperty(A.prototype, 'm', { get() { return () => 'from getter'; }, configurable: true });
console.log('prototype getter', callM(o));
Object.setPrototypeOf(o, null);
console.log('null prototype', getM(o));

// Array.prototype.push replaced while a push site is warm
const arr: number[] = [];
function push(a: number[], v: number): void { a.push(v); }
warm(() => push(arr, 1));
const saved = Array.prototype.push;
(Array.prototype as any).push = function (this: number[], v: number): number { console.log('custom push', v); return saved.call(this, v * 10); };
push(arr, 2);
Array.prototype.push = saved;
push(arr, 3);
console.log('array', arr.join(','));
const own: any = [1];
own.push = (v: number) => console.log('own push', v);
push(own, 4);
push(arr, 5);
console.log('array again', arr.length, own.length);

// Map.prototype.get shadowed on one instance
const m1 = new Map<number, string>([[1, 'one']]);
const m2 = new Map<number, string>([[1, 'uno']]);
function get1(m: Map<number, string>): any { return m.get(1); }
warm(() => { get1(m1); get1(m2); });
(m2 as any).get = () => 'shadowed';
console.log('map get', get1(m1), get1(m2));
delete (m2 as any).get;
console.log('map get restored', get1(m1), get1(m2));
class MyMap extends Map<number, string> { get(k: number): string { return 'sub ' + super.get(k); } }
const m3 = new MyMap([[1, 'eins']]);
console.log('subclass', get1(m1), get1(m3), get1(m2));

// inheritance two levels deep, class fields, getters on the chain
class Base { base = 'base field'; get g(): string { return 'Base.g'; } hello(): string { return 'Base.hello'; } }
class Mid extends Base { mid = 1; }
class Leaf extends Mid { leaf = 2; get g(): string { return 'Leaf.g ' + super.g; } }
function getG(x: any): any { return x.g; }
function hello(x: any): any { return x.hello(); }
const leaf = new Leaf(), mid = new Mid(), base = new Base();
for (let i = 0; i < 3; i++) console.log('chain', getG(leaf), getG(mid), getG(base), hello(leaf), hello(mid));
(Mid.prototype as any).hello = function (): string { return 'Mid.hello'; };
console.log('inserted in the middle', hello(leaf), hello(mid), hello(base));
Object.defineProperty(Leaf.prototype, 'g', { value: 'Leaf.g data', configurable: true });
console.log('getter became data', getG(leaf), getG(mid));

// functions: virtual name and prototype against a prototype that has those keys
const named: any = { name: 'proto name', prototype: 'proto prototype' };
const plain = Object.create(named);
function fn(): void {}
warm(() => { getName(plain); getProto(plain); });
Object.setPrototypeOf(fn, named);
console.log('function keys', getName(plain), getName(fn), getProto(plain), typeof getProto(fn), getProto(fn) === fn.prototype);
const arrow = (): void => {};
Object.setPrototypeOf(arrow, named);
console.log('arrow', getName(arrow), getProto(arrow));

// strings through String.prototype
function len(s: any): any { return s.length; }
function up(s: any): any { return s.toUpperCase(); }
warm(() => { len('abc'); up('abc'); len([1, 2]); len({ length: 5 }); });
console.log('strings', len('abcd'), up('xy'), len([1, 2, 3]), len({ length: 6 }), len(new Uint8Array(4)));
(String.prototype as any).toUpperCase = function (this: string): string { return 'patched ' + this; };
console.log('String.prototype patched', up('q'));
