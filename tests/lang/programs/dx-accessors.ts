// Getters and setters: object literals, defineProperty, inheritance, enumeration, printing.
const account = {
  _balance: 100,
  history: [] as string[],
  get balance() { return this._balance; },
  set balance(v: number) { this.history.push(`${this._balance}->${v}`); this._balance = v; },
  get formatted() { return '$' + this._balance.toFixed(2); },
};
account.balance += 50;
account.balance -= 30;
account.balance++;
console.log(account.balance, account.formatted, account.history);
console.log(account);
console.log(Object.keys(account), JSON.stringify(account));
const desc = Object.getOwnPropertyDescriptor(account, 'balance')!;
console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable, 'value' in desc);

// Getter-only assignment throws in strict code, setter-only read gives undefined
const ro = { get x() { return 1; } };
try { (ro as { x: number }).x = 2; } catch (e) { console.log((e as Error).name, (e as Error).message); }
const wo = { set y(v: number) { console.log('set y', v); } };
wo.y = 5;
console.log((wo as unknown as { y: unknown }).y);

// defineProperty accessors
const point: Record<string, number> = { x: 3, y: 4 };
Object.defineProperty(point, 'length', { get() { return Math.hypot(this.x, this.y); }, enumerable: false });
Object.defineProperty(point, 'scaled', { get() { return this.x * 10; }, set(v: number) { this.x = v / 10; }, enumerable: true, configurable: true });
console.log(point.length, point.scaled, Object.keys(point));
point.scaled = 70;
console.log(point.x, point.length, point);

// Inherited accessors run with the receiver as this
const proto = { get doubled() { return (this as unknown as { n: number }).n * 2; }, set doubled(v: number) { (this as unknown as { n: number }).n = v / 2; } };
const child = Object.create(proto) as { n: number; doubled: number };
child.n = 21;
console.log(child.doubled, Object.keys(child));
child.doubled = 100;
console.log(child.n, Object.hasOwn(child, 'doubled'));

// Shadowing an inherited getter with a data property needs defineProperty
const shadow = Object.create(proto) as { n: number; doubled: number };
Object.defineProperty(shadow, 'doubled', { value: 'own data', enumerable: true });
console.log(shadow.doubled, Object.keys(shadow));

// Lazy getter that replaces itself
let computed = 0;
const lazy = {
  get expensive() {
    computed++;
    const value = [1, 2, 3].map((v) => v * v);
    Object.defineProperty(this, 'expensive', { value, writable: false });
    return value;
  },
};
console.log(lazy.expensive, lazy.expensive, computed);

// Accessors in classes, static and instance, printed
class Box {
  static #made = 0;
  #w: number;
  constructor(w: number) { this.#w = w; Box.#made++; }
  get width() { return this.#w; }
  set width(v: number) { this.#w = Math.max(0, v); }
  static get made() { return Box.#made; }
}
const b = new Box(3);
b.width = -5;
console.log(b.width, Box.made, b, Object.keys(b), 'width' in b, Object.hasOwn(b, 'width'));

// Getters with side effects are evaluated once per access
let reads = 0;
const counterObj = { get v() { return ++reads; } };
const sum = counterObj.v + counterObj.v + counterObj.v;
console.log(sum, reads);
const { v: destructured } = counterObj;
console.log(destructured, reads);
console.log(Object.values(counterObj), reads);
