// parseInt with every kind of radix, and parseFloat's longest-prefix parsing.
const cases: [string, number | undefined][] = [
  ['42', undefined], ['  42  ', undefined], ['-42', undefined], ['+42', undefined], ['0x1A', undefined], ['0x1A', 16], ['0x1A', 10],
  ['1A', 16], ['-0xff', undefined], ['0xg', undefined], ['0x', undefined], ['0b101', undefined], ['0b101', 2], ['101', 2], ['102', 2],
  ['z', 36], ['Z', 36], ['zz', 36], ['10', 37], ['10', 1], ['10', 0], ['10', -1], ['10', 2.9], ['10', 36.5], ['10', 4294967298],
  ['12abc', undefined], ['abc', undefined], ['', undefined], ['  ', undefined], ['-', undefined], ['08', undefined], ['0.9', undefined],
  ['1e3', undefined], ['Infinity', undefined], ['123', 4], ['777', 8], ['ff', 15], ['-0', undefined], ['9007199254740993', undefined],
  ['123456789012345678901234567890', undefined], ['zzzzzzzzzzzzz', 36], ['11111111111111111111111111111111111111111111111111111111', 2],
  ['\u00a0 7', undefined], ['1_000', undefined],
];
for (const [s, r] of cases) {
  const v = r === undefined ? parseInt(s) : parseInt(s, r);
  console.log(JSON.stringify(s).padEnd(60), String(r).padEnd(10), v, Object.is(v, -0) ? '(-0)' : '');
}
console.log(parseInt(0.0000005 as unknown as string), parseInt(1e21 as unknown as string), parseInt(null as unknown as string, 36), parseInt(undefined as unknown as string), parseInt(-0.9 as unknown as string));
console.log(parseInt('10', '16' as unknown as number), parseInt('11', NaN), parseInt('11', Infinity), Number.parseInt('0o17'));
const floats = ['3.14', '  3.14abc', '-.5', '+.5e1', '.e1', '1e', '1e+', '1e-2x', '0x10', '1.7976931348623157e308', '1.7976931348623159e308', '2e308', '5e-324', '2e-324',
  '3e-324', 'Infinityx', '-Infinity', 'infinity', '  \n-0', '1.2.3', '00012.50', '.', '', 'e5', '123456789012345678901234567890', '0.1e1', '1_5', '12 34'];
for (const s of floats) {
  const v = parseFloat(s);
  console.log(JSON.stringify(s).padEnd(30), v, Object.is(v, -0) ? '(-0)' : '');
}
console.log(parseFloat(Infinity as unknown as string), parseFloat([] as unknown as string), parseFloat(['1.5', '2'] as unknown as string), parseFloat({ toString() { return '7.25e1'; } } as unknown as string));
// Round trips through parseInt with radixes
for (const r of [2, 3, 7, 8, 16, 20, 36]) {
  const n = 123456789;
  const s = n.toString(r);
  console.log(r, s, parseInt(s, r), parseInt(s.toUpperCase(), r), parseInt('-' + s, r));
}
