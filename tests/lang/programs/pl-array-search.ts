const a = [1, NaN, 3, 1, -0];
console.log(a.indexOf(1), a.lastIndexOf(1), a.indexOf(NaN), a.includes(NaN), a.includes(0), a.indexOf(0));
console.log(a.find((x) => x > 1), a.findIndex((x) => x > 1), a.findLast((x) => x === 1), a.findLastIndex((x) => x > 100));
console.log([1, 2, 3].at(-1), [1, 2, 3].at(5));
