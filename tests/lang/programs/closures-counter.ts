function counter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
const a = counter(), b = counter();
a.inc(); a.inc(); b.inc();
console.log(a.get(), b.get());
function adder(x: number) { return (y: number) => (z: number) => x + y + z; }
console.log(adder(1)(2)(3));
let shared = 0;
const bump = () => { shared += 1; };
bump(); bump();
console.log(shared);
function outer() {
  let v = 'outer';
  function inner() { return v; }
  v = 'changed';
  return inner;
}
console.log(outer()());
