const t = Object.assign({}, { a: 1 }, null, { b: 2 });
const f = Object.freeze({ x: 1 });
console.log(t, Object.isFrozen(f), Object.isFrozen(t));
const c = Object.create({ inherited: 1 }); c.own = 2;
console.log(c.inherited, Object.keys(c), Object.getPrototypeOf(c) !== null);
Object.defineProperty(c, 'hidden', { value: 5 });
console.log(c.hidden, Object.keys(c), c.propertyIsEnumerable('hidden'), c.hasOwnProperty('own'));
