console.log(hoistedFn(), typeof laterVar, laterVar);
var laterVar = 'assigned';
function hoistedFn() { return 'works before declaration'; }
console.log(laterVar);
{
  console.log(blockFn());
  function blockFn() { return 'block-level fn'; }
}
function outer() {
  return inner();
  function inner() { return 'inner hoisted'; }
}
console.log(outer());
