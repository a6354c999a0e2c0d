// Symbols as property keys: never converted to strings, skipped by the string-key
// enumerations, copied by Object.assign and spread, listed by getOwnPropertySymbols.
function t(label: string, f: () => unknown): void {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', (e as Error).name, (e as Error).message);
  }
}

const s1 = Symbol('one');
const s2 = Symbol('two');
const anon = Symbol();
const o: any = { a: 1, [s1]: 'S1', b: 2, [anon]: 'anon', 10: 'ten', [s2]: 'S2' };
console.log(o[s1], o[s2], o[anon], o['Symbol(one)'], o[Symbol('one')]);
console.log(Object.keys(o), Object.values(o), Object.entries(o), JSON.stringify(o));
console.log(Object.getOwnPropertyNames(o), Object.getOwnPropertySymbols(o));
const seen: string[] = [];
for (const k in o) seen.push(k);
console.log(seen, s1 in o, 'Symbol(one)' in o, Symbol('one') in o, o.hasOwnProperty(s2), Object.hasOwn(o, anon));
console.log(o);

// assignment, deletion, re-adding moves the key to the end
o[s1] = 'S1 again';
delete o[s2];
o[s2] = 'S2 back';
console.log(o[s1], s2 in o, Object.getOwnPropertySymbols(o), o);
console.log(delete o[s1], s1 in o, Object.getOwnPropertySymbols(o).length, delete o[Symbol('missing')]);

// descriptors
const d: any = {};
Object.defineProperty(d, s1, { value: 'hidden', enumerable: false });
Object.defineProperty(d, s2, { get() { return 'got'; }, enumerable: true, configurable: true });
d[anon] = 3;
console.log(Object.getOwnPropertyDescriptor(d, s1), Object.getOwnPropertyDescriptor(d, s2), d[s2]);
console.log(d.propertyIsEnumerable(s1), d.propertyIsEnumerable(anon), Object.getOwnPropertySymbols(d), d);
console.log(Object.keys(Object.getOwnPropertyDescriptors(d)), Object.getOwnPropertySymbols(Object.getOwnPropertyDescriptors(d)));
t('write read-only', () => { 'use strict'; d[s1] = 1; });
const props: any = { [s1]: { value: 1, enumerable: true }, plain: { value: 2, enumerable: true } };
console.log(Object.defineProperties({}, props));

// Object.assign and spread copy enumerable symbol keys (after the string keys)
const src: any = { [s1]: 'x', z: 1 };
Object.defineProperty(src, s2, { value: 'not enumerable', enumerable: false });
const assigned = Object.assign({ first: 0 }, src);
const spread = { ...src, last: true };
console.log(assigned, spread, Object.getOwnPropertySymbols(assigned), Object.getOwnPropertySymbols(spread));
const { [s1]: picked, ...restOf } = src;
console.log(picked, restOf, Object.getOwnPropertySymbols(restOf));

// frozen objects
const frozen = Object.freeze({ [s1]: 1 });
t('assign frozen', () => { (frozen as any)[s1] = 2; });
t('add to frozen', () => { (frozen as any)[s2] = 2; });
t('delete frozen', () => delete (frozen as any)[s1]);
console.log(Object.isFrozen(frozen), Object.isSealed(frozen), (frozen as any)[s1]);
const sealed = Object.seal({ [s1]: 1 });
console.log(Object.isFrozen(sealed), Object.isSealed(sealed));

// inherited symbol keys, classes
const proto: any = { [s1]: 'from proto' };
const child = Object.create(proto);
console.log(child[s1], s1 in child, Object.getOwnPropertySymbols(child), child.hasOwnProperty(s1));
class Box {
  [s1]() { return 'method ' + String(s1); }
  get [s2]() { return 'getter'; }
  set [s2](v: string) { console.log('setter got', v); }
  static [anon]() { return 'static'; }
}
const box: any = new Box();
box[s2] = 'value';
console.log(box[s1](), box[s2], (Box as any)[anon](), Object.getOwnPropertySymbols(Box.prototype), Object.getOwnPropertyNames(Box.prototype));
console.log(box, Object.getOwnPropertySymbols(box), Box.prototype.hasOwnProperty(s1));

// keys of other kinds next to symbols
const arr: any = [1, 2];
arr[s1] = 'on array';
console.log(arr[s1], arr.length, Object.keys(arr), Object.getOwnPropertySymbols(arr), arr);
const fn: any = function named() {};
fn[s1] = 'on function';
console.log(fn[s1], Object.getOwnPropertySymbols(fn));
t('key of undefined', () => (undefined as any)[s1]);
t('set on null', () => { (null as any)[s1] = 1; });
t('in on a number', () => s1 in (5 as any));
t('in on a symbol', () => 'x' in (s1 as any));
console.log(('abc' as any)[s1], (5 as any)[s1], (s1 as any)[s2], (s1 as any).description);
