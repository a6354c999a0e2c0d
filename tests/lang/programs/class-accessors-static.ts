class Registry {
  static #items = new Map<string, number>();
  static register(name: string) { Registry.#items.set(name, Registry.#items.size); return this; }
  static get size() { return Registry.#items.size; }
  static #secret() { return 'secret'; }
  static reveal() { return Registry.#secret(); }
}
Registry.register('a').register('b');
console.log(Registry.size, Registry.reveal());
class Counter { static count = 0; constructor() { Counter.count++; } }
new Counter(); new Counter();
console.log(Counter.count);
