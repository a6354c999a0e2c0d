const k1 = {}, k2 = {};
const m = new Map<any, any>([[k1, 1], [k2, 2], ['1', 'str'], [1, 'num']]);
console.log(m.get(k1), m.get(k2), m.get('1'), m.get(1), m.size);
m.clear(); console.log(m.size, m);
const ws = new Set([k1, k1, k2]); console.log(ws.size);
