class Animal {
  constructor(public name: string) {}
  speak() { return `${this.name} makes a sound`; }
  get kind() { return 'animal'; }
  static create(n: string) { return new this(n); }
}
class Dog extends Animal {
  constructor(name: string, public breed: string) { super(name); }
  speak() { return `${super.speak()} (woof)`; }
}
class Puppy extends Dog {
  speak() { return super.speak() + '!'; }
}
const d = new Puppy('Rex', 'lab');
console.log(d.speak(), d.kind, d instanceof Animal, d);
console.log(Dog.create('x') instanceof Dog, Object.getPrototypeOf(Puppy) === Dog);
class NoCtor extends Animal {}
console.log(new NoCtor('nc').speak());
