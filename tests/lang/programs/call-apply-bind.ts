function greet(this: any, greeting: string, punct: string) { return `${greeting}, ${this.name}${punct}`; }
const ctx = { name: 'Ann' };
console.log(greet.call(ctx, 'Hi', '!'), greet.apply(ctx, ['Yo', '?']));
const bound = greet.bind(ctx, 'Hey');
console.log(bound('.'), bound.name);
const obj = { v: 42, get() { return this.v; } };
const unbound = obj.get;
try { unbound(); } catch (e) { console.log((e as Error).name); }
console.log(obj.get.call({ v: 7 }));
