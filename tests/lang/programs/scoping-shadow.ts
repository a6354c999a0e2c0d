let x = 'outer';
{
  let x = 'block';
  {
    const x = 'inner';
    console.log(x);
  }
  console.log(x);
}
console.log(x);
function f(x: string) { { let x = 'shadow-param'; console.log(x); } return x; }
console.log(f('param'));
try { throw 'err'; } catch (x) { console.log('catch', x); }
console.log(x);
const fns = [];
for (let i = 0; i < 2; i++) { let i2 = i * 2; fns.push(() => i + i2); }
console.log(fns.map((g) => g()));
