const m = new Map([[1, 'a'], [2, 'b']]);
const out: any[] = [];
for (const [k, v] of m) { out.push(k + v); if (k === 1) m.set(3, 'c'); }
console.log(out, [...m.entries()], Array.from(m));
const s = new Set([1]); for (const x of s) { if (x < 5) s.add(x + 1); } console.log([...s]);
