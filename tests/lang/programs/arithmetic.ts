const xs = [7, -7, 2.5, 0, -0];
for (const a of xs) for (const b of [2, -3, 0.5]) console.log(a + b, a - b, a * b, a / b, a % b, a ** b);
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 31, -1 >> 4, -1 >>> 0, -1 >>> 28);
console.log('3' * '4', '3' + 4, 3 + '4', +'12', -'x', +true, 1 + null, 1 + undefined);
console.log(10 % 3, -10 % 3, 10.5 % 3, 2 ** -1, (-8) ** (1 / 3));
