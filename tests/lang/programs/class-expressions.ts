const Anon = class { v = 1; };
const Named = class Inner { who() { return Inner.name; } };
console.log(new Anon(), Anon.name, new Named().who(), Named.name);
function mixin<T extends new (...a: any[]) => object>(B: T) { return class extends B { mixed = true; }; }
class Plain { p = 1; }
const M = mixin(Plain);
console.log(new M());
const classes = [1, 2].map((n) => class { n = n; });
console.log(classes.map((C) => new C().n));
