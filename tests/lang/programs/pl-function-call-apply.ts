function f(this: any, a: number, b: number) { return this.base + a + b; }
console.log(f.call({ base: 1 }, 2, 3), f.apply({ base: 10 }, [1, 1]));
const g = f.bind({ base: 100 }, 1);
console.log(g(2), g.name, g.length);
class P { constructor(public v: number) {} }
const BP = P.bind(null, 7) as any; console.log(new BP().v);
