// Object-literal methods defined in runs (the compiler's DefineMethods): keys, order,
// descriptors, names, lengths, closures per evaluation, and the members that stay on the
// general path (accessors, computed, numeric and __proto__ keys, generators, super) between them.
const describe = (o: any): string => Reflect.ownKeys(o).map((k) => {
  const d: any = Object.getOwnPropertyDescriptor(o, k);
  const v = d.value;
  const kind = d.get || d.set ? 'accessor' : typeof v;
  return `${String(k)}:${kind}:${d.enumerable ? 'e' : '-'}${d.writable ? 'w' : '-'}${d.configurable ? 'c' : '-'}` +
    (typeof v === 'function' ? `:${v.name}/${v.length}` : '');
}).join(' ');

let outer = 10;
const base = { hello() { return 'base hello'; } };
const o: any = {
  a() { return 1; },
  b(x: number, y = 2) { return x + y + outer; },
  'c-d'(...rest: number[]) { return rest.length; },
  get g() { return 'getter'; },
  e() { return this === o; },
  f: 5,
  async am(p: number) { return p * 2; },
  m3() { return 3; },
  *gen() { yield 1; },
  [`comp${1}`]() { return 'computed'; },
  7() { return 'seven'; },
  '8'() { return 'eight'; },
  toString() { return 'custom'; },
  constructor() { return 'not a constructor'; },
  a2() { return 'dup first'; },
  a3() { return 'x'; },
  a2b() { return 'dup?'; },
};
console.log(describe(o));
console.log(Object.keys(o).join(), JSON.stringify(o));
outer = 20;
console.log(o.a(), o.b(1), o['c-d'](1, 2, 3), o.g, o.e(), o.m3(), [...o.gen()].join(), o.comp1(), o[7](), o[8](), String(o), o.constructor());
o.am(21).then((v: number) => console.log('async', v));
console.log('prototype' in o.a, (() => { try { new o.a(); return 'constructed'; } catch (e: any) { return e.constructor.name; } })());

// duplicates: the last definition wins, in the first one's place
const dup: any = { x() { return 1; }, y() { return 2; }, x2() { return 0; }, x() { return 3; } } as any;
console.log(describe(dup), dup.x());

// each evaluation makes new closures over that evaluation's bindings
const made: any[] = [];
for (let i = 0; i < 3; i++) made.push({ get() { return i; }, twice() { return i * 2; }, self() { return this; } });
console.log(made.map((m) => m.get() + ':' + m.twice()).join(), made[0].get === made[1].get, made[2].self() === made[2]);

// super in a literal method stays on the general path (a home object)
const child: any = {
  __proto__: base,
  one() { return 1; },
  hello() { return 'child+' + super.hello(); },
  two() { return 2; },
  three() { return 3; },
};
console.log(describe(child), child.hello(), child.one() + child.two() + child.three(), Object.getPrototypeOf(child) === base);

// a literal passed along, then its methods copied
const target: any = {};
Object.assign(target, { p() { return 'p'; }, q() { return 'q'; } });
console.log(describe(target), target.p() + target.q());

// many methods in one literal
const big: any = {
  m0() { return 0; }, m1() { return 1; }, m2() { return 2; }, m3() { return 3; }, m4() { return 4; },
  m5() { return 5; }, m6() { return 6; }, m7() { return 7; }, m8() { return 8; }, m9() { return 9; },
};
let sum = 0;
for (const k of Object.keys(big)) sum += big[k]();
console.log(Object.keys(big).join(), sum, big.m7.name, big.m7.length);
for (const k in big) if (k === 'm5') console.log('for-in sees', k);
