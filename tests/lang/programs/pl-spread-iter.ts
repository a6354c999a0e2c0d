const m = new Map([['a', 1]]);
console.log([...'abc'], [...new Set([1, 2])], [...m], Math.max(...[1, 5, 3]));
const [x, ...rest] = new Set([1, 2, 3]); console.log(x, rest);
