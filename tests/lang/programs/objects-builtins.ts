const o = { a: 1, b: 2 };
console.log(Object.keys(o), Object.values(o), Object.entries(o));
const merged = Object.assign({}, o, { c: 3 });
console.log(merged, o.hasOwnProperty('a'), o.hasOwnProperty('toString'));
const frozen = Object.freeze({ x: 1 });
try { (frozen as any).x = 2; } catch (e) { console.log((e as Error).name); }
console.log(frozen.x);
const proto = { greet() { return 'hi ' + (this as any).name; } };
const child = Object.create(proto);
child.name = 'kid';
console.log(child.greet(), Object.getPrototypeOf(child) === proto);
console.log(Object.fromEntries([['k', 'v']]), String({}));
