// typeof, instanceof and `in` across values, prototype chains and edge cases.
class Animal { legs = 4; speak() { return 'generic'; } }
class Dog extends Animal { bark() { return 'woof'; } }
class Puppy extends Dog {}
const values: [string, unknown][] = [
  ['number', 1], ['nan', NaN], ['string', 's'], ['empty', ''], ['true', true], ['undef', undefined], ['null', null], ['object', {}], ['array', []],
  ['arrow', () => 1], ['function', function f() {}], ['class', Dog], ['instance', new Puppy()], ['map', new Map()], ['set', new Set()], ['error', new TypeError('t')],
  ['Math', Math], ['JSON', JSON], ['globalThis', globalThis], ['builtin fn', Math.max], ['bound', (() => 1).bind(null)], ['method', [].push],
];
for (const [label, v] of values) {
  console.log(label.padEnd(10), typeof v, v instanceof Object, v instanceof Function, v instanceof Array, v instanceof Animal, v instanceof Error, v instanceof Map);
}
const p = new Puppy();
console.log(p instanceof Puppy, p instanceof Dog, p instanceof Animal, new Dog() instanceof Puppy, Object.getPrototypeOf(p) === Puppy.prototype, Puppy.prototype instanceof Dog);
console.log(Dog instanceof Function, Dog instanceof Object, Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Animal) === Function.prototype);
// Changing the prototype chain changes instanceof
const obj = {};
console.log(obj instanceof Animal);
Object.setPrototypeOf(obj, Dog.prototype);
console.log(obj instanceof Animal, obj instanceof Dog, (obj as Dog).bark(), (obj as Dog).legs);
const bare = Object.create(null);
console.log(bare instanceof Object, typeof bare, 'toString' in bare);
const viaCreate = Object.create(Animal.prototype) as Animal;
console.log(viaCreate instanceof Animal, viaCreate.speak(), viaCreate.legs);
// Function-style constructors
function Legacy(this: { v: number }, v: number) { this.v = v; }
const legacy = new (Legacy as unknown as new (v: number) => { v: number })(5);
console.log(legacy instanceof (Legacy as unknown as new () => unknown), legacy.v, typeof Legacy.prototype, Object.keys(legacy));
// Errors from instanceof
for (const rhs of [{}, 5, null, 'str', undefined]) {
  try { console.log(({}) instanceof (rhs as unknown as new () => unknown)); } catch (e) { console.log((e as Error).name, e instanceof TypeError); }
}
// The `in` operator
const o = { own: 1, undef: undefined, nul: null, 0: 'zero', [1]: 'one' };
console.log('own' in o, 'undef' in o, 'nul' in o, 'missing' in o, 0 in o, '0' in o, 1 in o, 'toString' in o, 'hasOwnProperty' in o, 'constructor' in o);
const arr = [10, , 30];
console.log(0 in arr, 1 in arr, 2 in arr, 3 in arr, '2' in arr, 'length' in arr, 'push' in arr, -1 in arr);
console.log('legs' in p, 'bark' in p, 'speak' in p, 'constructor' in p, 'prototype' in Dog, 'name' in Dog, 'length' in Dog, 'call' in Dog);
const m = new Map([['k', 1]]);
console.log('k' in m, 'size' in m, 'get' in m, m.has('k'));
for (const rhs of ['str', 5, null, undefined, true]) {
  try { console.log('length' in (rhs as unknown as object)); } catch (e) { console.log((e as Error).name, e instanceof TypeError); }
}
// typeof on undeclared identifiers and in expressions
declare const notDeclared: unknown;
console.log(typeof notDeclared, typeof typeof 1, typeof (1 + '1'), typeof (1 - ('1' as unknown as number)), typeof [].length, typeof (5).valueOf(), typeof String(1), typeof !String(''));
const kinds = values.map(([, v]) => typeof v);
console.log([...new Set(kinds)].sort().join(','));
// Narrowing helpers used by real code
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array(${v.length})`;
  if (v instanceof Map) return `map(${v.size})`;
  if (v instanceof Error) return `error(${v.name})`;
  if (typeof v === 'object') return `object{${Object.keys(v).join(',')}}`;
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  return `${typeof v}:${String(v)}`;
}
console.log(values.filter(([, v]) => v !== globalThis).map(([, v]) => describe(v)).join(' | '));
