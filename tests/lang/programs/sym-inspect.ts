// How console.log prints symbols and symbol-keyed properties, and how JSON.stringify
// skips them.
const s = Symbol('s');
const plain = Symbol();
const spaced = Symbol('with space');
const quoted = Symbol("it's");
const reg = Symbol.for('registered');

console.log(s, plain, spaced, quoted, reg, Symbol.iterator);
console.log([s, plain], [[spaced]], { v: s }, { nested: { deeper: { v: quoted } } });
console.log({ [s]: 1, [plain]: 2, [spaced]: 3, [quoted]: 4, [Symbol.iterator]: 5, normal: 6 });
console.log({ [s]: { [plain]: [1, 2, { [reg]: 'deep' }] } });
console.log({ [Symbol('tab\there')]: 1, [Symbol('back\\slash "q"')]: Symbol('new\nline'), [Symbol('\x01\x7f')]: 2 });
console.log(new Map<unknown, unknown>([[s, plain], ['k', { [s]: s }]]), new Set([s, reg]));
console.log('%s and %s', s, plain, 'rest', s);
console.log('%d %i %f', s, s, s);
console.log('%o', { [s]: 1 }, '%O', { [s]: [s] });
console.log('%j', { [s]: 1, a: s }, 'x');
console.log('%%', s);

// non-enumerable symbol keys are not shown; accessors are
const o: any = { a: 1 };
Object.defineProperty(o, s, { value: 'hidden', enumerable: false });
Object.defineProperty(o, plain, { get: () => 1, enumerable: true });
Object.defineProperty(o, spaced, { set: (_v: unknown) => undefined, enumerable: true });
console.log(o);

// long lines break as Node breaks them
const wide: any = {};
for (let i = 0; i < 8; i++) wide[Symbol('symbol number ' + i)] = i * 1000;
console.log(wide);
const arr: any = [1, 2, 3];
arr[s] = 'sym on array';
arr.extra = true;
console.log(arr, [arr]);
class Point {
  x = 1;
  [Symbol.iterator]() { return [this.x][Symbol.iterator](); }
}
const p: any = new Point();
p[s] = 'own symbol';
console.log(p, [...p]);
const fn: any = () => 1;
fn[s] = 1;
console.log(fn, { fn });
const err: any = new Error('boom');
err[s] = 'on error';
console.log(Object.getOwnPropertySymbols(err), err[s]);

// JSON.stringify skips symbol keys and symbol values (null in arrays)
console.log(JSON.stringify({ a: s, [s]: 1, b: [s, plain, 1], c: { [plain]: true } }), JSON.stringify(s), JSON.stringify([s]));
console.log(JSON.stringify({ a: 1, b: s }, null, 2), JSON.stringify({ k: s }, (_k, v) => (typeof v === 'symbol' ? v.toString() : v)));
console.log(JSON.stringify({ a: 1, [s]: 2 }, [s as unknown as string, 'a']));
const replacerSaw: string[] = [];
JSON.stringify({ [s]: 1, z: 2 }, (k, v) => { replacerSaw.push(typeof k + ':' + k); return v; });
console.log(replacerSaw);
console.log(String([s].map(String)), [s].map((x) => x.toString()).join('|'), `${String(s)}!`);
