const s1 = Symbol('desc');
const s2 = Symbol('desc');
console.log(s1 === s2, typeof s1, s1.toString(), s1.description);
const o: any = { [s1]: 'sym-val', plain: 1 };
console.log(o[s1], Object.keys(o), o);
