// new.target is undefined in every plain call, also after constructions; functions that
// branch on it (bound functions, Array, Error) behave the same before and after `new`.
function probe() { return new.target === undefined ? 'call' : 'construct'; }
function tag(this: { name: string } | undefined, suffix = '') { return (this ? this.name : 'none') + suffix; }
const boundTag = tag.bind({ name: 'bound' });
console.log(probe(), boundTag('!'), Array(3).length, Error('e').message);
class Thing { constructor(public id: number) {} }
const t = new Thing(1);
console.log(probe(), boundTag('?'), Array(2).length, Error('f').message, t.id);
console.log(new (probe as unknown as new () => object)() instanceof Object, probe());
const boundThing = Thing.bind(null, 7);
const bt = new (boundThing as unknown as new () => Thing)();
console.log(bt.id, bt instanceof Thing, boundTag(), boundTag.call({ name: 'ignored' }, '#'));
const adder = (function (this: { base: number }, x: number) { return this.base + x; }).bind({ base: 100 });
console.log([1, 2, 3].map((x) => adder(x)), [1, 2, 3].map(adder as unknown as (x: number) => number));
function Legacy(this: { v?: number }, v: number) {
  if (new.target === undefined) return new (Legacy as unknown as new (v: number) => { v: number })(v);
  this.v = v;
}
const l1 = (Legacy as unknown as (v: number) => { v: number })(5);
const l2 = new (Legacy as unknown as new (v: number) => { v: number })(6);
console.log(l1.v, l2.v, l1 instanceof (Legacy as unknown as new () => unknown));
try { new Map(); (Map as unknown as () => void)(); } catch (e) { console.log((e as Error).name); }
