// super.method(), super.accessor, super in static methods, arrows and object literals.
class A {
  name = 'a';
  greet(x: string) { return `A.greet(${x}) on ${this.name}`; }
  get title() { return 'A-title of ' + this.name; }
  static make() { return 'A.make by ' + this.name; }
  static get tag() { return 'A-tag'; }
  toString() { return `[A ${this.name}]`; }
}
class B extends A {
  name = 'b';
  greet(x: string) { return 'B>' + super.greet(x.toUpperCase()); }
  get title() { return 'B-title/' + this.parentTitle(); }
  parentTitle() { return super.title; }
  static make() { return 'B.make>' + super.make(); }
  static get tag() { return 'B-tag/' + this.parentTag(); }
  static parentTag() { return super.tag; }
  later() { const g = super.greet; const f = () => g.call(this, 'arrow'); return f(); }
  viaCall() { return super.greet.call({ name: 'other' }, 'call'); }
  toString() { return 'B:' + super.toString(); }
}
class C extends B {
  name = 'c';
  greet(x: string) { return 'C>' + super.greet(x + '!'); }
  deep() { return [super.title, super.later(), super.viaCall()].join(' | '); }
}
const c = new C();
console.log(c.greet('hi'));
console.log(c.title);
console.log(c.deep());
console.log(C.make(), B.tag, C.tag);
console.log(String(c), `${new B()}`, new A() + '');

// super property lookups start at the home object's prototype, not this's
class Counter {
  count = 0;
  inc() { this.count++; return this; }
}
class Doubler extends Counter {
  inc() { super.inc(); return super.inc(); }
}
console.log(new Doubler().inc().inc().count);

// Methods borrowed keep their home object
const borrowed = C.prototype.greet;
console.log(borrowed.call({ name: 'borrower' } as C, 'x'));

// Missing super method
class NoParentMethod extends A {
  call() { return (super.constructor as unknown as { name: string }).name + ' ' + typeof (super.greet) + ' ' + typeof (super['missing' as 'greet']); }
}
console.log(new NoParentMethod().call());
try {
  class Bad extends A { go() { return (super['missing' as 'greet'] as (x: string) => string)('x'); } }
  new Bad().go();
} catch (e) { console.log((e as Error).name, e instanceof TypeError); }
