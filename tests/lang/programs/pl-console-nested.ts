console.log({ a: { b: { c: { d: 1 } } }, arr: [[1, [2, [3, [4]]]]] });
console.log([{ x: 1, y: 'str' }, null, undefined, true], { 'key-with-dash': 1, valid_id: 2 });
console.log('%s is %d years', 'Bob', 42, 'extra');
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
