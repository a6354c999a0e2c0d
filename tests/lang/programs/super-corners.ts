// super property access in getters, setters, arrows, object-literal methods, constructors, field initialisers; super assignment; __proto__ in literals; delete a?.b.
{
class A { get x() { return 'A.x'; } set y(v: string) { console.log('A.y=', v); } m() { return 'A.m'; } }
class B extends A {
  get x() { return 'B>' + super.x; }
  set y(v: string) { super.y = v + '!'; }
  m() { const f = () => super.m() + '+arrow'; return f(); }
  static s() { return 'B.s'; }
}
const b = new B();
console.log(b.x, b.m());
b.y = 'v';
const proto = { greet() { return 'proto hi'; } };
const o = { __proto__: proto, greet() { return 'own>' + super.greet(); } };
console.log(o.greet());
const o2 = { greet() { return 'o2>' + super.greet(); } };
Object.setPrototypeOf(o2, proto);
console.log(o2.greet());
const o3 = { get v() { return super.toString === Object.prototype.toString; } };
console.log(o3.v);
}
{
class A {
  tag = 'a';
  get who() { return 'A.who(' + this.tag + ')'; }
  hello(x: string) { return 'A.hello ' + x + ' ' + this.tag; }
  static make() { return 'A.make'; }
  count = 0;
}
class B extends A {
  tag = 'b';
  early = super.hello('field');
  constructor() { super(); console.log('ctor sees', super.who); }
  get who() { return 'B>' + super.who; }
  hello(x: string) {
    const arrow = () => super.hello(x + '!');
    const nested = () => () => super.who;
    return arrow() + ' | ' + nested()();
  }
  bump() { super.count = 5; (this as any).count += 1; return this.count; }
  dyn(k: string) { return (super[k as keyof A] as any); }
  #priv() { return super.hello('#'); }
  callPriv() { return this.#priv(); }
  static make() { const f = () => super.make(); return 'B.make>' + f(); }
}
const b = new B();
console.log(b.who, b.hello('x'), b.bump(), typeof b.dyn('hello'), b.callPriv(), B.make(), b.early);
const base = { greet() { return 'base ' + (this as any).n; }, get g() { return 'g:' + (this as any).n; } };
const lit = {
  __proto__: base,
  n: 1,
  greet() { return 'lit>' + super.greet(); },
  get g() { return 'lit>' + super.g; },
  later() { return [1, 2].map((i) => super.greet() + i); },
};
console.log(lit.greet(), lit.g, lit.later(), Object.getPrototypeOf(lit) === base);
const counter = { __proto__: { v: 10 }, inc() { super.v += 1; return (this as any).v; } } as any;
console.log(counter.inc(), counter.inc(), Object.keys(counter));
const np = { __proto__: null, a: 1 } as any;
console.log(Object.getPrototypeOf(np), np.a);
class RO { get ro() { return 1; } }
class ROB extends RO { tryIt() { try { super.ro = 2; } catch (e) { return (e as Error).message; } return 'no error'; } }
console.log(new ROB().tryIt());
}
{
const a: any = { b: { c: 1 } };
console.log(delete a?.b.c, a);
const n: any = null;
console.log(delete n?.b, delete a?.zz);
console.log(delete a?.b, a);
}
