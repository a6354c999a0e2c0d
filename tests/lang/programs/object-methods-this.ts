const calc = {
  total: 0,
  add(n: number) { this.total += n; return this; },
  sub(n: number) { this.total -= n; return this; },
};
console.log(calc.add(5).sub(2).add(10).total);
const m = calc.add;
const other = { total: 100, m };
console.log(other.m(1).total);
const arr = [calc.add];
try { arr[0](1); } catch (e) { console.log('this is array?', (e as Error).name); }
