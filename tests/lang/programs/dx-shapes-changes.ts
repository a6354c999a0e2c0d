// Inline caches validated by shapes (boot/interp/ic.ts): every way a warmed site's object can
// change its keys, order or attributes must be seen by the next hit. Each helper is one
// property-access site, warmed in a loop before the change.

function getX(o: any): any { return o.x; }
function getY(o: any): any { return o.y; }
function setX(o: any, v: any): void { o.x = v; }
function warm(f: () => void): void { for (let i = 0; i < 5; i++) f(); }

// delete, then add the key again (it moves to the end)
const a: any = { x: 1, y: 2 };
warm(() => { getX(a); getY(a); setX(a, 1); });
delete a.x;
console.log('deleted', getX(a), getY(a), Object.keys(a));
a.x = 3;
console.log('re-added', getX(a), getY(a), Object.keys(a));
setX(a, 4);
console.log('set after re-add', a.x, a.y);
const a2: any = { x: 10, y: 20 };
console.log('fresh object', getX(a2), getY(a2));

// delete the key in front of a cached one
const b: any = { w: 0, x: 5, y: 6 };
warm(() => { getX(b); getY(b); });
delete b.w;
console.log('front deleted', getX(b), getY(b));

// defineProperty: read-only, then a getter in place of the data property, then data again
const c: any = { x: 1, y: 2 };
warm(() => { getX(c); setX(c, 1); });
Object.defineProperty(c, 'x', { writable: false });
try { setX(c, 99); console.log('no throw'); } catch (e) { console.log('read-only', e instanceof TypeError, c.x); }
Object.defineProperty(c, 'x', { get() { return 'getter'; }, configurable: true });
console.log('getter', getX(c));
Object.defineProperty(c, 'x', { value: 7, writable: true, configurable: true, enumerable: true });
console.log('data again', getX(c));
setX(c, 8);
console.log('written', getX(c), Object.keys(c));

// enumerable only changes: values unchanged
const d: any = { x: 1, y: 2 };
warm(() => { getX(d); getY(d); });
Object.defineProperty(d, 'x', { enumerable: false });
console.log('not enumerable', getX(d), getY(d), Object.keys(d));

// freeze and seal after warmed stores
const e: any = { x: 1, y: 2 };
warm(() => { setX(e, 2); getX(e); });
Object.freeze(e);
try { setX(e, 3); console.log('no throw'); } catch (err) { console.log('frozen', err instanceof TypeError, getX(e)); }
const f: any = { x: 1, y: 2 };
warm(() => { setX(f, 2); });
Object.seal(f);
setX(f, 5);
let deleted = true;
try { delete f.x; } catch (err) { deleted = !(err instanceof TypeError); }
console.log('sealed still writable', getX(f), deleted, getX(f));
const g: any = { x: 1 };
warm(() => { setX(g, 2); });
Object.preventExtensions(g);
setX(g, 6);
console.log('non-extensible still writable', getX(g));

// objects with the same keys built in different orders, through one site
const orders: any[] = [{ x: 1, y: 2 }, { y: 3, x: 4 }, { x: 5 }, { y: 6 }, {}];
const o3: any = {}; o3.y = 7; o3.x = 8; orders.push(o3);
const o4: any = {}; o4.x = 9; o4.y = 10; orders.push(o4);
for (let i = 0; i < 3; i++) console.log('orders', orders.map((o) => `${getX(o)}/${getY(o)}`).join(' '));

// integer and symbol keys in the tables
const sym = Symbol('s');
const h: any = { [sym]: 's', 0: 'zero', 1: 'one', x: 'x' };
const h0: any = {}; h0[0] = 'a'; h0.x = 'h0x';
const h1: any = {}; h1[0] = 'b'; h1.x = 'h1x';
console.log('int key 0 first', getX(h0), getX(h1), h0[0], h1[0]);
warm(() => { getX(h); });
h[2] = 'two';
delete h[1];
console.log('int and symbol keys', getX(h), h[sym], h[2], h[1]);

// many keys (a dictionary-like object) and keys made at run time
const dict: any = {};
for (let i = 0; i < 200; i++) dict['k' + i] = i;
dict.x = 'dx';
warm(() => { getX(dict); });
for (let i = 0; i < 200; i += 2) delete dict['k' + i];
console.log('dictionary', getX(dict), dict.k1, dict.k2, Object.keys(dict).length);
const made: any[] = [];
for (let i = 0; i < 50; i++) { const o: any = {}; o['tmp' + (i % 7)] = i; o.x = i; made.push(o); }
console.log('run-time keys', made.map(getX).join(','));

// own accessors through a site that also sees data properties
let calls = 0;
const acc: any = { get x() { calls++; return 'acc'; } };
for (let i = 0; i < 3; i++) console.log('own accessor', getX(acc), getX(a2), calls);
