console.log([1, [2, 3], null, undefined, 'x'].join('-'), String([1, [2, 3]]), [1, 2].toString());
console.log([1, 2].concat([3, [4]], 5), Array.of(7, 8), Array.isArray([]), Array.isArray({}));
console.log(Array.from([1, 2], (x) => x * 2), Array.from({ length: 2 }), Array.from(new Set([1, 1, 2])));
console.log([...[1, 2].entries()], [...['a', 'b'].keys()], [...['a'].values()]);
