// Numbers used as property keys become their string form: NaN, fractions, negatives,
// exponents, -0, Infinity; arrays only treat canonical indices as elements.
const o: Record<string, string> = {};
const keys = [1.5, -1, NaN, 1e21, Infinity, -Infinity, -0, 0.1 + 0.2, 2 ** 32, 2 ** 31, 4294967294, 1e-7, 100];
for (const k of keys) o[k as unknown as string] = 'v' + String(k);
console.log(Object.keys(o));
console.log(o['1.5'], o['-1'], o.NaN, o['1e+21'], o.Infinity, o['-Infinity'], o['0'], o['0.30000000000000004'], o['4294967296'], o['1e-7']);
console.log(o[1.5 as unknown as string], o[NaN as unknown as string], o[0.30000000000000004 as unknown as string]);
console.log('1.5' in o, (1.5 as unknown as string) in o, delete o[1.5 as unknown as string], '1.5' in o);
const arr: string[] = [];
arr[0] = 'zero';
arr[1.5 as unknown as number] = 'fraction';
arr[-1] = 'negative';
arr['2' as unknown as number] = 'two from string';
arr['03' as unknown as number] = 'not an index';
arr[4294967295] = 'too big for an index';
console.log(arr.length, Object.keys(arr), arr[1.5 as unknown as number], arr[-1], arr[2], arr['03' as unknown as number]);
console.log(arr);
const counts: Record<string, number> = {};
for (const x of [0.5, 0.25, 0.5, 1 / 3, -2, -2, NaN, NaN, 0, -0]) counts[x as unknown as string] = (counts[x as unknown as string] ?? 0) + 1;
console.log(counts);
const lookup = { [1.5]: 'a', [-3]: 'b', [NaN]: 'c', [1e21]: 'd', [2 ** 40]: 'e' };
console.log(lookup, Object.keys(lookup));
const m = new Map<number, string>([[1.5, 'map key stays a number']]);
console.log(m.get(1.5), m.has('1.5' as unknown as number));
