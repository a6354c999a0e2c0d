// ToNumber of strings: whitespace, signs, prefixes, exponents, junk, and where it happens
// implicitly (unary +, arithmetic, comparisons, ==, ++).
const inputs = [
  '', ' ', '\t\n ', '0', '-0', '+0', '00', '007', ' 12 ', '\n42\t', '1e3', '1E3', '1e-3', '-1e+3', '.5', '5.', '-.5', '+.5', '.',
  '0x1f', '0X1F', '0x', '-0x10', '+0x10', '0b101', '0B11', '0b2', '0o17', '0o8', '017', '1_000', '1,000', '12px', 'px12',
  'Infinity', '-Infinity', '+Infinity', 'infinity', 'INFINITY', 'NaN', '1e1000', '-1e1000', '1e-400', '9007199254740993',
  '123456789012345678901234567890', '0.1', '0.30000000000000004', '  -3.25e2  ', '\u00a012\u00a0', '\ufeff7', '1 2', 'e5', '5e', '--1',
];
for (const s of inputs) console.log(JSON.stringify(s).padEnd(36), Number(s), +s, Object.is(Number(s), -0) ? '(-0)' : '');
console.log('arithmetic');
const a = '10', b = '3', c = ' 4 ';
console.log(+a + +b, a + b, (a as unknown as number) - (b as unknown as number), (a as unknown as number) * (c as unknown as number), (a as unknown as number) / (b as unknown as number), (a as unknown as number) % (b as unknown as number));
console.log('comparisons');
console.log('10' < '9', (('10' as unknown as number) < 9), ('abc' as unknown as number) < 1, ('abc' as unknown as number) > 1, ('' as unknown as number) < 1, (' ' as unknown as number) == 0);
console.log('1' == (1 as unknown as string), '0x10' == (16 as unknown as string), '1e2' == (100 as unknown as string), '' == (0 as unknown as string), 'a' == (NaN as unknown as string));
let inc: unknown = '41';
(inc as number)++;
console.log(inc, typeof inc);
let dec: unknown = '0x10';
(dec as number)--;
console.log(dec);
let bad: unknown = 'zz';
(bad as number)++;
console.log(bad);
console.log('number to string');
const nums = [0, -0, 1, -1, 0.1, 1 / 3, 2 / 3, 1e21, 1e-7, 123e-20, 1.5e300, -1.5e-300, 2 ** 31, 2 ** 32, 2 ** 53, 4294967295.5, 100, 1e20, 123456789.125];
for (const x of nums) console.log(String(x), `${x}`, x.toString(), [x].join(), Number(String(x)) === x);
console.log(Number(true), Number(false), Number(null), Number(undefined), Number([]), Number(['7']), Number([1, 2]), Number({}), Number('  \r\n'));
