console.log(JSON.stringify({ a: 1, b: [1, 'two', null, true], c: { d: undefined, e: 'x' } }));
console.log(JSON.stringify([undefined, () => 1, NaN]), JSON.stringify('q"uote'), JSON.stringify(null));
console.log(JSON.stringify({ n: 1, nested: { arr: [1, 2] } }, null, 2));
console.log(JSON.stringify({ toJSON() { return { custom: true }; } }));
