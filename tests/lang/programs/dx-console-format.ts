// console.log layout: nesting depth, line breaking, array grouping, quoting, Map/Set,
// sparse arrays, class instances, functions, circular references.
console.log({ l1: { l2: { l3: { l4: 'deep' } } }, arr: [[[['deep array']]]] });
console.log([[1, [2, [3, [4, [5]]]]]], { a: [{ b: { c: {} } }] }, [{}], [[]], { e: {} });
console.log(['it\'s', 'say "hi"', `both ' and "`, 'back`tick', 'new\nline', 'tab\t', '\u0007bell', '']);
console.log('top-level strings are not quoted', 'it\'s', 5, true, null, undefined, -0, 1e21);
console.log({ 'valid_id': 1, 'needs-quotes': 2, '123': 3, 'with space': 4, $dollar: 5, _under: 6, 'ünï': 7, '': 8 });
console.log(Array.from({ length: 7 }, (_, i) => i), Array.from({ length: 26 }, (_, i) => i * 1000));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(Array.from({ length: 30 }, (_, i) => 'item' + i));
console.log(Array.from({ length: 10 }, (_, i) => ({ id: i })));
console.log([1, , 3], [, ,], [1, , , , 5], new Array(5), [undefined, , null]);
const sparse: number[] = [];
sparse[2] = 1; sparse[10] = 2;
console.log(sparse, [1, 2, 3].concat(new Array(200)));
console.log(new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [1, 2]], [null, new Map([[1, 2]])]]), new Set(['x', 1, { y: 2 }, [3]]), new Map(), new Set());
console.log({ m: new Map([['nested', new Set([1])]]), s: new Set([new Map()]) });
class Point { constructor(public x: number, public y: number) {} }
class Empty {}
class WithStatic { static s = 1; inst = [1, 2]; }
console.log(new Point(1, 2), [new Point(3, 4)], { p: new Point(5, 6) }, new Empty(), new WithStatic());
console.log(Point, Empty, class {}, function named() {}, () => 0, { method() {}, arrow: () => 1, fn: function () {} });
console.log([Point, Math.max, console.log], { ctor: Point });
const circ: Record<string, unknown> = { name: 'c', list: [1] };
circ.self = circ;
(circ.list as unknown[]).push(circ);
console.log(circ);
const a: Record<string, unknown> = { n: 'a' }, b: Record<string, unknown> = { n: 'b', a };
a.b = b;
console.log([a, b]);
console.log({ long: 'x'.repeat(100) }, ['y'.repeat(30), 'z'.repeat(30), 'w'.repeat(30)]);
console.log({ k1: 'value number one', k2: 'value number two', k3: 'value number three', k4: 'value four' });
console.log({ short: 1, list: [1, 2, 3], obj: { x: 1 } }, [{ a: 1, b: 2 }, { a: 3, b: 4 }]);
console.log([1.5, -2.25, 1000, 3, 44444, 0.001, 7, 8], ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g'], [true, false, null, undefined, 1, 'mixed', 2.5]);
console.log(Object.create(null), Object.assign(Object.create(null), { x: 1 }), [Object.create(null)]);
console.log({ get g() { return 1; }, set s(v: number) {}, get gs() { return 2; }, set gs(v: number) {} });
console.log({ n: -0, arr: [-0, 0], nan: NaN, inf: -Infinity, big: 123456789012345680000 });
console.log([[1, 2, [3, 4, [5, [6]]]], { x: { y: { z: { w: 1 } } } }]);
