function a() {
  let x = 1;
  function b() {
    let y = 2;
    function c() {
      let z = 3;
      return () => x + y + z;
    }
    x = 10;
    return c();
  }
  return b();
}
console.log(a()());
function mk() {
  const fns: (() => string)[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const k = `${i}${j}`;
      fns.push(() => k + i + j);
    }
  }
  return fns.map((f) => f());
}
console.log(mk());
