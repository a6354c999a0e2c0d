// Class fields (public, private, static), initialisation order, accessors, static
// inheritance, private methods and brand checks.
const order: string[] = [];
const note = (s: string) => { order.push(s); return s; };

class Base {
  static count = 0;
  static registry: string[] = [];
  a = note('Base.a');
  #secret = note('Base.#secret');
  constructor(public label: string) {
    note('Base.ctor ' + label);
    Base.count++;
    Base.registry.push(label);
  }
  get secret() { return this.#secret.toUpperCase(); }
  set secret(v: string) { this.#secret = v; }
  static create(label: string) { return new this(label); }
  static get summary() { return `${this.name}:${Base.count}`; }
  #helper(x: number) { return x * 2 + this.label.length; }
  useHelper(x: number) { return this.#helper(x); }
  static isBase(o: object) { return #secret in o; }
  describe() { return `Base(${this.label})`; }
}

class Derived extends Base {
  b = note('Derived.b');
  #own = 10;
  static extra = note('Derived.static');
  constructor(label: string, public weight = 3) {
    note('Derived.ctor before super');
    super(label);
    note('Derived.ctor after super');
  }
  get own() { return this.#own; }
  bump() { this.#own += this.weight; return this; }
  describe() { return `Derived<${super.describe()}, ${this.#own}>`; }
}

console.log(order.splice(0).join(' | '));
const d = new Derived('dd');
console.log(order.splice(0).join(' | '));
console.log(d.describe(), d.secret, d.useHelper(5), d.bump().bump().own, d.weight);
d.secret = 'changed';
console.log(d.secret, Base.isBase(d), Base.isBase({}), Base.isBase(new Base('b')));
console.log(Derived.count, Base.count, Derived.summary, Base.summary, Object.keys(d));
const made = Derived.create('via static');
console.log(made instanceof Derived, made.describe(), Base.registry, Object.hasOwn(Derived, 'count'));
console.log(d);

// Static fields are per class; inherited statics are read through the prototype chain
class Counter { static n = 0; static inc() { this.n++; return this.n; } }
class SubCounter extends Counter {}
console.log(Counter.inc(), Counter.inc(), SubCounter.inc(), Counter.n, SubCounter.n, Object.hasOwn(SubCounter, 'n'));

// Field initialisers see `this` and earlier fields; arrow fields bind this
class Fields {
  x = 1;
  y = this.x + 1;
  z = (() => this.x + this.y)();
  arrow = () => this.x;
  'quoted key' = 'yes';
  static s1 = 5;
  static s2 = Fields.s1 * 2;
  static s3 = this.s2 + 1;
}
const f = new Fields();
const detached = f.arrow;
f.x = 42;
console.log(f.y, f.z, detached(), f['quoted key'], Fields.s2, Fields.s3);

// Private fields are per-class: a subclass with the same private name is different
class P1 { #v = 'p1'; read1() { return this.#v; } }
class P2 extends P1 { #v = 'p2'; read2() { return this.#v; } }
const p = new P2();
console.log(p.read1(), p.read2());
try { P2.prototype.read2.call(new P1()); } catch (e) { console.log((e as Error).name, (e as Error).message); }

// Accessor pairs, getter-only and setter-only
class Temperature {
  #c = 0;
  get celsius() { return this.#c; }
  set celsius(v: number) { if (v < -273.15) throw new RangeError('below absolute zero'); this.#c = v; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  set fahrenheit(f: number) { this.celsius = (f - 32) * 5 / 9; }
  get kelvinOnly() { return this.#c + 273.15; }
  set writeOnly(v: number) { this.#c = v * 2; }
}
const t = new Temperature();
t.fahrenheit = 212;
console.log(t.celsius, t.fahrenheit, t.kelvinOnly);
t.writeOnly = 10;
console.log(t.celsius, (t as unknown as { writeOnly: unknown }).writeOnly);
try { t.celsius = -300; } catch (e) { console.log((e as Error).name, (e as Error).message); }
try { (t as unknown as { kelvinOnly: number }).kelvinOnly = 1; } catch (e) { console.log((e as Error).name, (e as Error).message); }
console.log(Object.getOwnPropertyNames(Temperature.prototype));

// Static blocks and private static state
class IdGen {
  static #next: number;
  static prefix: string;
  static {
    IdGen.#next = 100;
    IdGen.prefix = 'id';
  }
  static take() { return IdGen.prefix + IdGen.#next++; }
}
console.log(IdGen.take(), IdGen.take(), IdGen.take());

// Methods are non-enumerable; instances print their fields only
class Shape { kind = 'shape'; area() { return 0; } }
const sh = new Shape();
const keys: string[] = [];
for (const k in sh) keys.push(k);
console.log(keys, Object.keys(Shape.prototype), typeof Shape.prototype.area, sh.constructor.name);
