// Symbol.species: Array, Promise and RegExp subclasses' methods make instances of the
// subclass (or of what its [Symbol.species] says); the builtins' getters return `this`.
const t = (f: () => unknown): void => { try { console.log(f()); } catch (e: any) { console.log(e.constructor.name + ': ' + e.message); } };

class MyArray<T> extends Array<T> {
  sum(): number { return (this as any).reduce((a: number, b: number) => a + b, 0); }
}
const m = MyArray.from([1, 2, 3]) as MyArray<number>;
console.log(m instanceof MyArray, m);
const doubled = m.map((x) => x * 2) as MyArray<number>;
console.log(doubled, doubled instanceof MyArray, doubled.sum());
console.log(m.filter((x) => x > 1), m.slice(1), m.concat([4]), m.flat(), m.flatMap((x) => [x, x]));
console.log(m.splice(0, 1), m, MyArray.of(7, 8) instanceof MyArray);

class PlainSpecies extends Array<number> {
  static get [Symbol.species](): ArrayConstructor { return Array; }
}
const ps = PlainSpecies.from([1, 2]);
console.log(ps instanceof PlainSpecies, ps.map((x) => x) instanceof PlainSpecies, Array.isArray(ps.map((x) => x)));

console.log(Array[Symbol.species] === Array, Promise[Symbol.species] === Promise, RegExp[Symbol.species] === RegExp,
  Map[Symbol.species] === Map, Set[Symbol.species] === Set);
const d = Object.getOwnPropertyDescriptor(Array, Symbol.species)!;
console.log(d.get!.name, d.set, d.enumerable, d.configurable, typeof Symbol.species, Symbol.species.toString());

const bad: any = [1, 2];
bad.constructor = { [Symbol.species]: 5 };
t(() => bad.map((x: number) => x));
const nullSpecies: any = [1];
nullSpecies.constructor = { [Symbol.species]: null };
t(() => Array.isArray(nullSpecies.map((x: number) => x)));

class MyPromise<T> extends Promise<T> {}
const mp = MyPromise.resolve(1).then((x) => x + 1);
console.log(mp instanceof MyPromise, mp.finally(() => {}) instanceof MyPromise, mp.catch(() => {}) instanceof MyPromise);
mp.then((v) => console.log('resolved', v));
const pBad: any = Promise.resolve(1);
pBad.constructor = 5;
t(() => pBad.then(() => {}));
const pBad2: any = Promise.resolve(1);
pBad2.constructor = { [Symbol.species]: 5 };
t(() => pBad2.then(() => {}));

let made = 0;
class MyRegExp extends RegExp {
  constructor(p: any, f?: string) { super(p, f); made++; }
}
console.log('a,b,,c'.split(new MyRegExp(',')), made, [...'abc'.matchAll(new MyRegExp('.', 'g'))].length, made);
