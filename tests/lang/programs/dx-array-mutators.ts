// push pop shift unshift splice reverse fill with negative indices, holes and odd arguments.
const a = [1, 2, 3];
console.log(a.push(), a.push(4, 5), a, a.pop(), a.shift(), a, a.unshift(), a.unshift(-1, 0), a);
const empty: number[] = [];
console.log(empty.pop(), empty.shift(), empty.length, empty);
// splice in every shape
const base = () => ['a', 'b', 'c', 'd', 'e', 'f'];
const spliceCases: [string, (x: string[]) => string[]][] = [
  ['(2)', (x) => x.splice(2)], ['(-2)', (x) => x.splice(-2)], ['(1, 2)', (x) => x.splice(1, 2)], ['(-3, 1)', (x) => x.splice(-3, 1)],
  ['(1, 0, X, Y)', (x) => x.splice(1, 0, 'X', 'Y')], ['(1, -1)', (x) => x.splice(1, -1)], ['(10, 1, Z)', (x) => x.splice(10, 1, 'Z')],
  ['(-10, 2)', (x) => x.splice(-10, 2)], ['(2, 100)', (x) => x.splice(2, 100)], ['(0, 6, Q)', (x) => x.splice(0, 6, 'Q')],
  ['(1.7, 1.9)', (x) => x.splice(1.7, 1.9)], ['(NaN, 2)', (x) => x.splice(NaN, 2)], ['()', (x) => (x.splice as () => string[])()],
  ['(3, undefined)', (x) => x.splice(3, undefined)], ['(-1, 1, P, Q, R)', (x) => x.splice(-1, 1, 'P', 'Q', 'R')],
];
for (const [label, f] of spliceCases) {
  const arr = base();
  const removed = f(arr);
  console.log(label.padEnd(18), JSON.stringify(removed).padEnd(34), JSON.stringify(arr));
}
// splice and holes
const holey = [1, , 3, , 5];
const removedHoles = holey.splice(1, 2);
console.log(removedHoles, 0 in removedHoles, holey, holey.length);
// reverse with holes keeps holes
const rev = [1, , 3, 4, , ];
rev.reverse();
console.log(rev, rev.length, Object.keys(rev));
// fill with negative and out of range indices
console.log([1, 2, 3, 4, 5].fill(0, -2), [1, 2, 3, 4, 5].fill(9, 1, -1), [1, 2, 3].fill(7, 5), [1, 2, 3].fill(7, -10, 1), new Array(4).fill(null), [1, 2, 3].fill(8, NaN, NaN));
const filled = new Array(3).fill([]);
filled[0].push('shared');
console.log(filled);
// unshift order and return values
const q: string[] = ['c'];
console.log(q.unshift('a', 'b'), q, q.unshift('z'), q);
// push/pop as a stack, shift/push as a queue
const stack: number[] = [];
for (let i = 0; i < 10; i++) { stack.push(i * i); if (i % 3 === 2) stack.pop(); }
console.log(stack);
const queue = [1, 2, 3];
const served: number[] = [];
while (queue.length) { const x = queue.shift()!; served.push(x); if (x < 5) queue.push(x + 3); }
console.log(served);
// length assignment
const len = [1, 2, 3, 4, 5];
len.length = 2;
console.log(len, len[3]);
len.length = 4;
console.log(len, 3 in len);
len[9] = 10;
console.log(len, len.length);
try { len.length = -1; } catch (e) { console.log((e as Error).name, (e as Error).message); }
try { len.length = 1.5; } catch (e) { console.log((e as Error).name, (e as Error).message); }
// Mutators return the array itself
console.log(a.reverse() === a, a.fill(0) === a, a.sort() === a);
