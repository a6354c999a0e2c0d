// Recursion 5000 frames deep: plain, mutual, through closures, methods and callbacks,
// with try/finally at every level and an exception thrown from the bottom.
function depth(n: number): number { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log('plain', depth(5000));

function sumTo(n: number): number { if (n === 0) return 0; const rest = sumTo(n - 1); return n + rest; }
console.log('sum', sumTo(5000));

function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
console.log('mutual', isEven(5000), isOdd(4999), isEven(4999));

const viaClosure = (n: number, acc: string[]): string[] => { if (n > 0) { if (n % 1000 === 0) acc.push('at' + n); viaClosure(n - 1, acc); } return acc; };
console.log('closure', viaClosure(5000, []).join(' '));

class Node_ { constructor(public value: number, public next: Node_ | null) {} length(): number { return 1 + (this.next ? this.next.length() : 0); } sum(): number { return this.value + (this.next?.sum() ?? 0); } }
let list: Node_ | null = null;
for (let i = 1; i <= 5000; i++) list = new Node_(i, list);
console.log('method', list!.length(), list!.sum());

let unwound = 0;
function throwAtBottom(n: number): number {
  try {
    if (n === 0) throw new RangeError('bottom reached');
    return throwAtBottom(n - 1) + 1;
  } finally {
    unwound++;
  }
}
try { throwAtBottom(5000); } catch (e) { console.log('caught', (e as Error).name, (e as Error).message, 'unwound', unwound); }

function catchAtMiddle(n: number): string {
  if (n === 0) throw new Error('deep');
  if (n === 2500) { try { return catchAtMiddle(n - 1); } catch (e) { return 'caught at 2500: ' + (e as Error).message; } }
  return catchAtMiddle(n - 1);
}
console.log(catchAtMiddle(5000));

function rethrowEachLevel(n: number): number {
  try { if (n === 0) throw 0; return rethrowEachLevel(n - 1); } catch (e) { throw (e as number) + 1; }
}
try { rethrowEachLevel(3000); } catch (e) { console.log('rethrown', e); }

type Tree = { v: number; kids: Tree[] };
function chain(n: number): Tree { let t: Tree = { v: 0, kids: [] }; for (let i = 1; i < n; i++) t = { v: i, kids: [t] }; return t; }
const countNodes = (t: Tree): number => t.kids.reduce((s, k) => s + countNodes(k), 1);
console.log('through reduce', countNodes(chain(2000)));
const maxDepth = (t: Tree): number => 1 + Math.max(0, ...t.kids.map(maxDepth));
console.log('through map', maxDepth(chain(2000)));

function ackermann(m: number, n: number): number {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
console.log('ackermann', ackermann(2, 3), ackermann(3, 3), ackermann(3, 5));

function buildString(n: number): string { return n === 0 ? '' : buildString(n - 1) + String.fromCharCode(97 + (n % 26)); }
const s = buildString(3000);
console.log('string', s.length, s.slice(0, 30), s.slice(-10));

function hanoi(n: number, from: string, to: string, via: string, moves: string[]): void {
  if (n === 0) return;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
}
const moves: string[] = [];
hanoi(12, 'A', 'C', 'B', moves);
console.log('hanoi', moves.length, moves.slice(0, 8).join(' '), moves.slice(-4).join(' '));
