const o: any = { b: 1, 10: 'x', a: 2, 2: 'y', '-1': 'z' };
console.log(Object.keys(o), Object.values(o));
console.log(Object.entries({ x: 1, y: [2] }));
console.log(Object.fromEntries([['a', 1], ['b', 2]]));
