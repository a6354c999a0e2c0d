// A class's plain methods defined in runs (the compiler's DefineMethods with home objects):
// keys, order, descriptors, names, lengths, super from methods of a run, statics apart.
class Base { hello() { return 'base'; } static sb() { return 'sb'; } }
class A extends Base {
  a() { return 1; }
  b(x: number, y = 2) { return x + y; }
  hello() { return 'A>' + super.hello(); }
  get g() { return 'g'; }
  c() { return this instanceof A; }
  static s1() { return 's1'; }
  static s2() { return 's2>' + super.sb(); }
  'str-key'() { return 'sk'; }
  7() { return 7; }
  *gen() { yield 1; }
  async am() { return 1; }
  name() { return 'nm'; }
  static name2() { return 'n2'; }
}
const p = A.prototype as any;
console.log(Reflect.ownKeys(p).map(String).join(), Reflect.ownKeys(A).map(String).join());
for (const k of Reflect.ownKeys(p)) { const d: any = Object.getOwnPropertyDescriptor(p, k); console.log(String(k), d.enumerable, d.writable, d.configurable, typeof d.value === 'function' ? d.value.name + '/' + d.value.length : typeof d.get); }
const x: any = new A();
console.log(x.a(), x.b(1), x.hello(), x.g, x.c(), A.s1(), (A as any).s2(), x['str-key'](), x[7](), [...x.gen()].join(), x.name(), (A as any).name2(), A.name);
console.log('prototype' in x.a, (() => { try { new x.a(); return 'ok'; } catch (e: any) { return e.constructor.name; } })());
for (const k in x) console.log('enum', k);
