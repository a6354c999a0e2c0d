// Function.prototype.toString: the source text of functions, arrows, classes, methods, accessors; builtins and bound functions as native code.
function add(a: number, b: number) { return a + b; }
const arrow = (x: number) => x * 2;
class P { m() { return 1; } static s() { return 2; } get g() { return 3; } async am() {} *gm() {} }
console.log(add.toString());
console.log(String(arrow));
console.log(P.toString());
console.log(P.prototype.m.toString());
console.log(P.s.toString(), String(Object.getOwnPropertyDescriptor(P.prototype, 'g')!.get));
console.log(`${P.prototype.am}`, `${P.prototype.gm}`);
console.log(Math.max.toString(), String(class {}), String(function () {}));
console.log(`${function named() { /* c */ }}`);
const o = { method() { return 'x'; }, fn: function () {}, arr: () => {} };
console.log(String(o.method), String(o.fn), String(o.arr));
console.log(add.bind(null).toString());
