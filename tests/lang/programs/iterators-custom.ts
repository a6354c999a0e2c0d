class Range {
  constructor(private lo: number, private hi: number) {}
  [Symbol.iterator]() {
    let i = this.lo;
    const hi = this.hi;
    return {
      next: () => (i < hi ? { value: i++, done: false } : { value: undefined, done: true }),
      return: () => { console.log('closed'); return { value: undefined, done: true }; },
    };
  }
}
console.log([...new Range(0, 4)]);
for (const x of new Range(0, 10)) { if (x === 2) break; console.log(x); }
const [first, second] = new Range(5, 100);
console.log(first, second);
try { for (const x of new Range(0, 3)) { if (x === 1) throw new Error('stop'); } } catch (e) { console.log((e as Error).message); }
function f() { for (const x of new Range(0, 3)) { if (x === 1) return x; } return -1; }
console.log(f());
