const k = 'comp';
const x = 5;
const o: any = {
  x,
  [k + 'uted']: 1,
  [1 + 1]: 'two',
  'quoted key': true,
  method() { return this.x; },
  arrow: () => 'arrow',
  nested: { deep: { deeper: [1, { z: 1 }] } },
};
console.log(o.x, o.computed, o[2], o['quoted key'], o.method(), o.arrow());
console.log(Object.keys(o));
console.log(o.nested);
console.log({ 10: 'a', 2: 'b', b: 1, a: 2 });
console.log(o.method.name, o.arrow.name);
