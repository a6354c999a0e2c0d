function F(this: any) { return new.target === undefined ? 'call' : 'construct'; }
console.log((F as any)(), typeof new (F as any)());
class A { kind: string; constructor() { this.kind = new.target.name; } }
class B extends A {}
console.log(new A().kind, new B().kind);
// a plain call after a construct call still sees new.target === undefined
console.log((F as any)(), [new (F as any)(), (F as any)()].length, (F as any)());
