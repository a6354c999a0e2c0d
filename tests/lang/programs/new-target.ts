function F(this: any) { return new.target === undefined ? 'call' : 'construct'; }
console.log((F as any)(), typeof new (F as any)());
class A { kind: string; constructor() { this.kind = new.target.name; } }
class B extends A {}
console.log(new A().kind, new B().kind);
