const it = [1, 2][Symbol.iterator]();
console.log(it.next(), it.next(), it.next());
const e = new Map([[1, 2]]).entries(); console.log(e.next(), e.next());
