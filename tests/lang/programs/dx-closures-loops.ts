// Closures created in loops: a fresh binding per iteration for let/const, one shared
// binding for var, and what the body's own changes do to the captured binding.
const out = (label: string, fs: (() => unknown)[]) => console.log(label, fs.map((f) => f()).join(' '));

const letFs: (() => number)[] = [];
for (let i = 0; i < 4; i++) letFs.push(() => i);
out('let', letFs);

const varFs: (() => number)[] = [];
for (var v = 0; v < 4; v++) varFs.push(() => v);
out('var', varFs);

const iifeFs: (() => number)[] = [];
for (var w = 0; w < 4; w++) iifeFs.push(((k: number) => () => k)(w));
out('var+iife', iifeFs);

// The increment runs on the next iteration's copy: changes made in the body before the
// copy are carried over, later closures see the incremented value only in their own copy.
const mutFs: (() => number)[] = [];
for (let i = 0; i < 6; i++) { mutFs.push(() => i); i += 1; }
out('let mutated in body', mutFs);

const afterFs: (() => number)[] = [];
for (let i = 0; i < 3; i++) { afterFs.push(() => i * 100); }
out('let times 100', afterFs);

// Closures that mutate their own iteration binding.
const counters: (() => number)[] = [];
for (let i = 0; i < 3; i++) counters.push(() => ++i);
console.log('own copies', counters[0](), counters[0](), counters[1](), counters[2](), counters[0]());

// Closures in the loop test and update expressions capture the per-iteration binding.
const inTest: (() => number)[] = [];
for (let i = 0; inTest.push(() => i), i < 3; i++);
out('closures in test', inTest);

// for..of and for..in with const
const ofFs: (() => string)[] = [];
for (const s of ['x', 'y', 'z']) ofFs.push(() => s.toUpperCase());
out('for-of const', ofFs);
const inFs: (() => string)[] = [];
for (const k in { a: 1, b: 2, c: 3 }) inFs.push(() => k + k);
out('for-in const', inFs);
const ofVar: (() => string)[] = [];
var sv: string = "";
for (sv of ["p", "q"]) ofVar.push(() => sv);
out('for-of var', ofVar);

// while/do-while with block-scoped variables
const whileFs: (() => number)[] = [];
let n = 0;
while (n < 3) { const sq = n * n; whileFs.push(() => sq); n++; }
out('while const', whileFs);
const doFs: (() => string)[] = [];
let m = 0;
do { let tag = 'd' + m; doFs.push(() => tag); m++; } while (m < 3);
out('do let', doFs);

// Nested loops: each closure sees its own i and j
const grid: (() => string)[] = [];
for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) grid.push(() => `${i}${j}`);
out('nested', grid);

// break and continue leave the copies intact
const brk: (() => number)[] = [];
for (let i = 0; i < 10; i++) {
  if (i % 2) continue;
  brk.push(() => i);
  if (i >= 6) break;
}
out('continue/break', brk);

// Closures over a loop variable modified after the closure was created in the same iteration
const late: (() => number)[] = [];
for (let i = 0; i < 3; i++) { const f = () => i; late.push(f); }
out('late', late);

// Event-handler style registration
type Handler = { name: string; fire: () => string };
const handlers: Handler[] = [];
const names = ['open', 'save', 'close'];
for (let idx = 0; idx < names.length; idx++) {
  const name = names[idx];
  let fired = 0;
  handlers.push({ name, fire: () => `${name}#${idx} fired ${++fired}x` });
}
console.log(handlers[1].fire(), handlers[1].fire(), handlers[0].fire(), handlers[2].fire());

// Closures in a switch inside a loop
const sw: (() => string)[] = [];
for (let i = 0; i < 4; i++) {
  switch (i % 2) {
    case 0: { const even = 'even' + i; sw.push(() => even); break; }
    default: sw.push(() => 'odd' + i);
  }
}
out('switch', sw);

// Capture of catch parameters and loop counters together
const caught: (() => string)[] = [];
for (let i = 0; i < 3; i++) {
  try { throw new Error('e' + i); } catch (e) { caught.push(() => (e as Error).message + '@' + i); }
}
out('catch', caught);

// var in a function called per iteration behaves like let
function make(k: number) { var local = k * 2; return () => local; }
const made: (() => number)[] = [];
for (var z = 0; z < 3; z++) made.push(make(z));
out('function var', made);
console.log('var after loops', v, w, sv, z);
