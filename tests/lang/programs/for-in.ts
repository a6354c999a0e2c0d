const o: any = { b: 1, a: 2, 2: 'two', 1: 'one' };
for (const k in o) console.log(k, o[k]);
class P { x = 1; }
const c: any = new P();
c.y = 2;
for (const k in c) console.log('own', k);
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 2;
for (const k in child) console.log(k);
for (const k in [5, 6]) console.log(typeof k, k);
