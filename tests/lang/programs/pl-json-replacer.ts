console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3 } }, ['a', 'c']));
console.log(JSON.stringify({ a: 1, b: 'x' }, (k, v) => (typeof v === 'number' ? v * 2 : v)));
console.log(JSON.stringify({ toJSON() { return { custom: true }; } }), JSON.stringify([1]));
console.log(JSON.parse('[1,{"a":[]}]', (k, v) => (k === 'a' ? 'replaced' : v)));
