const a = [1, 2, 3];
const b = [0, ...a, 4, ...'hi'];
console.log(b);
console.log(Math.max(...a), Math.min(...a, -1));
function three(x: number, y: number, z: number) { return x + y + z; }
console.log(three(...a));
const o1 = { x: 1, y: 2 };
const o2 = { ...o1, y: 3, z: 4 };
console.log(o2, { ...null, ...undefined, ...'ab' });
class P { constructor(public p: number, public q: number) {} }
console.log(new P(...([5, 6] as [number, number])));
console.log([...new Set([1, 1, 2])], [...new Map([[1, 'a']])]);
