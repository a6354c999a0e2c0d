console.log(1, -0, 1.5, 1e21, 0x10, 'a', "b", true, false, null, undefined);
console.log([1, 'two', [3]], { a: 1, 'b-c': 2, 3: 'x' });
console.log(`x${1 + 1}y${'z'}`, typeof `a`);
console.log(0.1 + 0.2, 2 ** 53, -Infinity, NaN, 1 / 3);
