// A function's length counts the parameters before the first default or rest parameter.
function f0() {}
function f1(a: number) { return a; }
function f2(a: number, b = 1, c?: number) { return a + b + (c ?? 0); }
function f3(a: number, b: number, ...rest: number[]) { return a + b + rest.length; }
function f4(a = 1, b?: number) { return a + (b ?? 0); }
function f5({ x }: { x: number }, [y]: number[], z = 3) { return x + y + z; }
function f6(a: number, { x = 1 }: { x?: number }, c: number) { return a + x + c; }
const arrow = (a: number, b = 2) => a + b;
const arrowRest = (...xs: number[]) => xs.length;
const obj = {
  m(a: number, b: number, c = 0) { return a + b + c; },
  get g() { return 1; },
  set s(v: number) { void v; },
};
class C {
  constructor(a: number, b = 2) { void a; void b; }
  method(x: number, y: number) { return x + y; }
  static st(a?: number, b = 1) { return (a ?? 0) + b; }
}
class D extends C {}
class E extends C { constructor(...args: number[]) { super(args[0]); } }
console.log(f0.length, f1.length, f2.length, f3.length, f4.length, f5.length, f6.length);
console.log(arrow.length, arrowRest.length, obj.m.length, C.length, D.length, E.length);
console.log(new C(1).method.length, C.st.length);
console.log(f2.bind(null).length, f2.bind(null, 1).length, f3.bind(null, 1, 2, 3).length);
console.log(f2(1), f3(1, 2, 3, 4), f4(), f5({ x: 1 }, [2]), f6(1, {}, 2), arrow(1), arrowRest(1, 2), obj.m(1, 2), C.st());
