// The well-known symbols the runtime honours: Symbol.toPrimitive (with the hint of each
// conversion), Symbol.hasInstance, Symbol.toStringTag. (The others throw when read:
// tests/interp/symbols.test.ts.)
function t(label: string, f: () => unknown): void {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', (e as Error).name, (e as Error).message);
  }
}

const hints: string[] = [];
const money: any = {
  [Symbol.toPrimitive](hint: string) {
    hints.push(hint);
    return hint === 'number' ? 42 : hint === 'string' ? 'forty-two' : 'default!';
  },
  valueOf() { hints.push('valueOf (never)'); return 0; },
  toString() { hints.push('toString (never)'); return ''; },
};
console.log(money + 1, money * 2, +money, -money, `${money}`, String(money), money == 'default!', money < 43, money > 41);
console.log(money - 0, money / 2, money % 5, money | 1, ~money, money >= 42, [money].join(), 'x'.concat(money));
const obj: any = {};
obj[money] = 'keyed';
let m2 = money;
m2++;
console.log(Object.keys(obj), m2, Number(money), parseInt(money), isNaN(money), hints.join(','));

const symKey = Symbol('as key');
const toSym: any = { [Symbol.toPrimitive]: () => symKey };
const holder: any = {};
holder[toSym] = 'symbol key via toPrimitive';
console.log(holder[symKey], Object.getOwnPropertySymbols(holder), toSym in holder);
t('toPrimitive returns object', () => ({ [Symbol.toPrimitive]: () => ({}) } as any) + 1);
t('toPrimitive not callable', () => ({ [Symbol.toPrimitive]: 5 } as any) * 1);
t('toPrimitive string', () => `${{ [Symbol.toPrimitive]: 'x' } as any}`);
t('toPrimitive null falls back', () => ({ [Symbol.toPrimitive]: null, valueOf: () => 7 } as any) * 2);
t('toPrimitive throws', () => ({ [Symbol.toPrimitive]() { throw new Error('no conversion'); } } as any) + '');
t('toPrimitive getter', () => ({ get [Symbol.toPrimitive]() { return () => 'from getter'; } } as any) + '!');
t('inherited toPrimitive', () => { class Temp { [Symbol.toPrimitive](h: string) { return h === 'number' ? 20 : '20°'; } } const x: any = new Temp(); return [x + '', x * 1, `${x}`]; });
t('symbol toPrimitive', () => [Symbol.prototype[Symbol.toPrimitive].call(symKey, 'default') === symKey, Symbol.prototype[Symbol.toPrimitive].name]);
t('valueOf getter', () => ({ get valueOf() { return () => 3; } } as any) * 3);
t('toString getter', () => `${{ get toString() { return () => 'str'; } } as any}`);

// Symbol.hasInstance
class Even {
  static [Symbol.hasInstance](n: unknown) { return typeof n === 'number' && n % 2 === 0; }
}
console.log(2 instanceof (Even as any), 3 instanceof (Even as any), 'x' instanceof (Even as any));
const duck = { [Symbol.hasInstance]: (v: any) => v !== null && typeof v === 'object' && 'quack' in v };
console.log({ quack: 1 } instanceof (duck as any), {} instanceof (duck as any), [] instanceof Array, new Even() instanceof Object);
const truthy = { [Symbol.hasInstance]: () => 'yes' };
console.log(1 instanceof (truthy as any), typeof Function.prototype[Symbol.hasInstance], Function.prototype[Symbol.hasInstance].name);
console.log(Function.prototype[Symbol.hasInstance].call(Array, []), Function.prototype[Symbol.hasInstance].call({}, []));
class Base {}
class Derived extends Base {}
console.log(new Derived() instanceof Base, Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance)!.writable);
t('hasInstance not callable', () => 1 instanceof ({ [Symbol.hasInstance]: 'no' } as any));
t('not an object', () => 1 instanceof (5 as any));
t('not callable', () => 1 instanceof ({} as any));
t('non-object prototype', () => { function F() {} F.prototype = 5 as any; return {} instanceof F; });
t('inherited default hasInstance', () => ({} instanceof (Object.create(Function.prototype) as any)));

// Symbol.toStringTag
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
const plainTag = { [Symbol.toStringTag]: 'Plain' };
const hiddenTag = Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' });
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()), `${plainTag}`, Object.prototype.toString.call(hiddenTag));
console.log(new Tagged(), plainTag, hiddenTag);
console.log(Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Set()), Object.prototype.toString.call(Math));
console.log(Object.prototype.toString.call(JSON), Object.prototype.toString.call(Symbol()), Object.prototype.toString.call([]));
console.log(Object.prototype.toString.call(null), Object.prototype.toString.call(() => 1), Object.prototype.toString.call(new Error('e')));
console.log(Math, JSON, Symbol.prototype[Symbol.toStringTag], (Map.prototype as any)[Symbol.toStringTag]);
class MyMap extends Map<string, number> {}
console.log(new MyMap([['k', 1]]), new (class extends Set<number> {})([1]));

// the well-known symbols themselves
console.log(Symbol.iterator, Symbol.toPrimitive, Symbol.hasInstance, Symbol.toStringTag, typeof Symbol.iterator);
console.log(Symbol.iterator.description, Symbol.keyFor(Symbol.iterator), Object.getOwnPropertyDescriptor(Symbol, 'iterator'));
