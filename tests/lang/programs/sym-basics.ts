// Symbol values: creation, identity, typeof, description, conversions (String works,
// implicit string/number conversions throw), the global registry, equality.
function t(label: string, f: () => unknown): void {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', (e as Error).name, (e as Error).message);
  }
}

const a = Symbol('a');
const a2 = Symbol('a');
const none = Symbol();
const empty = Symbol('');
console.log(typeof a, a === a2, a === a, a.description, none.description, empty.description, JSON.stringify(empty.description));
console.log(a.toString(), none.toString(), empty.toString(), String(a), String(none), [a, none, empty]);
console.log(Symbol(12).description, Symbol(undefined).description, Symbol(null as unknown as string).description);
console.log(Symbol({ toString() { return 'from object'; } } as unknown as string).description);
console.log(Boolean(a), !a, !!none, a ? 'truthy' : 'falsy');
console.log(typeof Symbol, Symbol.name, Symbol.length, typeof Symbol.prototype, Symbol.prototype.constructor === Symbol);
console.log(Object.getPrototypeOf(a) === Symbol.prototype, a.constructor === Symbol, a.valueOf() === a);
console.log(a == a, (a as unknown) == 'Symbol(a)', (a as unknown) == a2, (a as unknown) != 1, a !== a2);
console.log(Object.is(a, a), Object.is(a, a2), [a, a2].indexOf(a2), [a].includes(a), [a, none].includes(Symbol()));

t('new Symbol', () => new (Symbol as any)('x'));
t("'' + sym", () => '' + (a as any));
t('sym + 1', () => (a as any) + 1);
t('template', () => `${a as any}`);
t('Number', () => Number(a));
t('unary +', () => +(a as any));
t('unary -', () => -(a as any));
t('times', () => (a as any) * 2);
t('bitor', () => (a as any) | 0);
t('less', () => (a as any) < 1);
t('inc', () => { let x: any = a; x++; return x; });
t('join', () => [a].join());
t('concat method', () => 'x'.concat(a as any));
t('parseInt', () => parseInt(a as any));
t('isNaN', () => isNaN(a as any));
t('Math.abs', () => Math.abs(a as any));
t('toString.call', () => Symbol.prototype.toString.call('x'));
t('description getter', () => Object.getOwnPropertyDescriptor(Symbol.prototype, 'description')!.get!.call(1));
t('String with new', () => new String(a as any));

// the registry
const r1 = Symbol.for('app.key');
const r2 = Symbol.for('app.key');
console.log(r1 === r2, r1 === Symbol('app.key'), Symbol.keyFor(r1), Symbol.keyFor(a), Symbol.keyFor(Symbol.iterator));
console.log(Symbol.for(undefined as unknown as string).toString(), Symbol.keyFor(Symbol.for('5')), typeof Symbol.keyFor(Symbol.for('5')));
t('keyFor string', () => Symbol.keyFor('app.key' as unknown as symbol));
t('keyFor object', () => Symbol.keyFor({} as unknown as symbol));

// symbols as values in collections
const m = new Map<unknown, string>([[a, 'A'], [a2, 'A2'], [r1, 'R']]);
console.log(m.get(a), m.get(a2), m.get(Symbol.for('app.key')), m.has(Symbol('a')), m.size, m);
const s = new Set([a, a, a2, none]);
console.log(s.size, s.has(a), s.has(none), s);
switch (a as symbol) {
  case a2: console.log('wrong case'); break;
  case a: console.log('right case'); break;
}
const arr = [none, a, r1];
console.log(arr.map((x) => x.description), arr.filter((x) => x === a).length, typeof arr[1]);
