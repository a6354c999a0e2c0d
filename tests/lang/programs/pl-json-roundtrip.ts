const v = { a: [1, 'two', null, true, { b: 1.5 }], s: 'q"\n\u0001', n: -0 };
const t = JSON.stringify(v);
console.log(t);
console.log(JSON.stringify(JSON.parse(t)) === t, JSON.parse(t));
console.log(JSON.stringify(v, null, 2));
console.log(JSON.stringify({ u: undefined, f() {}, d: [undefined] }), JSON.stringify('x'), JSON.stringify(undefined));
try { JSON.parse('{bad'); } catch (e: any) { console.log(e.name, e.message); }
