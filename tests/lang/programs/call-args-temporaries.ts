// Arguments live in consecutive registers: expressions that need temporaries (class
// expressions, object literals with spread, nested calls, conditionals) must not shift
// the arguments after them.
function show(...xs: unknown[]) {
  return xs.map((x) => (typeof x === 'function' ? 'fn:' + (x.name || '?') : JSON.stringify(x))).join(' | ');
}
class Point {}
console.log(show(Point, class {}, function named() {}, () => 1));
console.log(show(class A { static x = 1; }, { ...{ a: 1 }, b: [1, 2] }, class extends Point {}, 4));
console.log(show(1, show(class {}, 2, class B {}), 3));
console.log(show(true ? class C {} : 0, [class {}, class D {}].length, 'end'));
console.log(Point, class {}, function named2() {}, () => 1);
const made = [class E {}, class {}].map((c) => new c());
console.log(made.length, made[0] instanceof Object);
