// JSON.parse: values, whitespace, escapes, numbers, reviver order and effects, errors.
const texts = [
  '{"a":1,"b":[true,false,null],"c":{"d":"e"}}', ' [ 1 , 2 ] ', '"str"', '42', '-0', '1e3', '-1.5E-2', '0.1', '1e400', '-1e400', '123456789012345678901234567890',
  '"\\u00e9\\n\\t\\"\\\\\\/"', '"\\ud83d\\ude00"', '{}', '[]', '[[[]]]', '{"":""}', '{"a":1,"a":2}', '{"__proto__":1}', 'null', ' \n\t\r true ',
];
for (const t of texts) {
  const v = JSON.parse(t);
  console.log(JSON.stringify(t).padEnd(50), typeof v, JSON.stringify(v), Object.is(v, -0) ? '(-0)' : '');
}
const bad = ['', ' ', '{', '}', '[1,]', '{"a":1,}', "{'a':1}", '{a:1}', '01', '1.', '.5', '+1', '-', 'NaN', 'Infinity', 'undefined', '"abc', '"\\x41"', '"\t"', 'tru', 'nul', '[1 2]', '{"a" 1}', '1 2', '"\\u12"', '[', '{"a":}', '\u00a01'];
for (const t of bad) {
  try { JSON.parse(t); console.log('parsed?!', t); } catch (e) { console.log(JSON.stringify(t).padEnd(14), (e as Error).name, (e as Error).message); }
}
const order: string[] = [];
const revived = JSON.parse('{"a":{"b":1,"c":[10,20]},"d":2,"e":"drop"}', function (this: Record<string, unknown>, key, value) {
  order.push(key === '' ? '(root)' : key);
  if (key === 'e') return undefined;
  if (typeof value === 'number') return value + 0.5;
  if (key === 'c') return (value as number[]).join('+');
  return value;
});
console.log(order.join(' '), JSON.stringify(revived), 'e' in revived);
const dates = JSON.parse('{"when":"D:2024-01-02","n":[1,"D:x"]}', (k, v) => (typeof v === 'string' && v.startsWith('D:') ? { date: v.slice(2) } : v));
console.log(dates);
console.log(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v)), JSON.parse('5', (k, v) => [k, v]), JSON.parse('{"x":1}', function (this: unknown, k, v) { return k === '' ? Object.keys(this as object).length : v; }));
// Round trips
const values: unknown[] = [{ a: [1, { b: null }], 'k e y': 'v' }, [0.1, -2, 3e-7], 'multi\nline "quoted" \u0001', { nested: { deeper: { deepest: [[], {}] } } }];
for (const v of values) {
  const s1 = JSON.stringify(v), s2 = JSON.stringify(v, null, 3);
  console.log(JSON.stringify(JSON.parse(s1)) === s1, JSON.stringify(JSON.parse(s2)) === s1, s1.length, s2.length);
}
const big = JSON.parse(JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ i, s: 'x'.repeat(i % 7) }))));
console.log(big.length, big[299], big.reduce((n: number, o: { i: number }) => n + o.i, 0));
console.log(JSON.parse('{"b":1,"a":2,"1":3,"0":4}'), Object.keys(JSON.parse('{"z":1,"10":2,"2":3}')));
