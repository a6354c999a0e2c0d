const o = { get a() { return 1; }, set b(v: number) {}, get c() { return 2; }, set c(v: number) {} };
console.log(o, Object.keys(o));
class C { #p = 1; get p() { return this.#p; } static s = 2; }
console.log(new C(), C);
