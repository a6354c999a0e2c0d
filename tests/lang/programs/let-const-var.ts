var v = 1;
let l = 2;
const c = 3;
{
  let l = 20;
  var v = 10;
  console.log(v, l, c);
}
console.log(v, l, c);
function hoisted() { return late; }
var late = 'late';
console.log(hoisted());
for (var i = 0; i < 3; i++) {}
console.log(i);
