// Integer-like keys up to 2^32-2 are array indices: they come first, ascending, before the
// other string keys (which keep insertion order); 2^32-1 and beyond, and non-canonical
// forms, are ordinary string keys.
const o: Record<string, number> = {};
o.b = 1;
o['4294967294'] = 2; // 2^32-2, the largest index
o['4294967295'] = 3; // 2^32-1: not an index
o['2147483648'] = 4; // 2^31
o['2147483647'] = 5; // 2^31-1
o['3000000000'] = 6;
o['1'] = 7;
o['a'] = 8;
o['02147483648'] = 9; // not canonical
o['4294967296'] = 10;
o['0'] = 11;
console.log(Object.keys(o));
console.log(JSON.stringify(o));
const seen: string[] = [];
for (const k in o) seen.push(k);
console.log(seen.join(','));
console.log(Object.entries(o).map(([k, v]) => k + '=' + v).join(' '));
console.log(Reflect.ownKeys(o));
console.log(o);
const sym = Symbol('s');
const p: any = { [sym]: 1, z: 1, 3000000001: 1, 2999999999: 1, 10: 1 };
console.log(Object.getOwnPropertyNames(p), Reflect.ownKeys(p));
delete o['2147483648'];
console.log(Object.keys(o).slice(0, 5));
console.log(Object.assign({}, { x: 1, 4000000000: 2, 5: 3 }));
