const s = new Set([3, 1, 3, 2, 1]);
console.log(s, s.size, s.has(2), [...s].join(','));
s.delete(1); s.add(7);
for (const x of s) console.log(x);
console.log([...s.entries()], new Set('hello'));
