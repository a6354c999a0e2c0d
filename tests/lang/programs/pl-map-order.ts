const m = new Map<any, any>([['z', 1], ['a', 2]]);
m.set(1, 'one').set('z', 9); m.delete('a'); m.set('a', 3);
console.log([...m.keys()], [...m.values()], m.size, m.get('z'), m.has(1), m.get(NaN));
m.set(NaN, 'nan'); m.set(-0, 'zero');
console.log(m.get(NaN), m.get(0), m);
m.forEach((v, k) => console.log(k, v));
