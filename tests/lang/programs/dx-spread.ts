// Spread of strings (by code point), Maps, Sets, arrays with holes, into calls, arrays,
// constructors; object spread order and overriding.
const str = 'a😀b\u00e9';
console.log([...str], [...str].length, str.length, [...''], Array.from(str).join('|'));
const m = new Map<string, number>([['x', 1], ['y', 2]]);
console.log([...m], [...m.keys()], [...m.values()], [...m.entries()].map(([k, v]) => k + v));
const s = new Set([3, 1, 3, 2]);
console.log([...s], [...s].reverse(), Math.max(...s), [...new Set('mississippi')].join(''));
const holes = [1, , 3];
const spreadHoles = [...holes];
console.log(spreadHoles, 1 in spreadHoles, holes.length);
function collect(...args: unknown[]) { return args.length + ':' + args.map(String).join(','); }
console.log(collect(...'hey', ...[1, 2], ...new Set([true]), ...m.keys()));
console.log(collect(...[], ...[]), collect(...[undefined, null]));
const nested = [[1, 2], [3], []];
console.log([].concat(...(nested as never[][])), nested.flatMap((x) => [...x, 0]));
class Vec { constructor(public x: number, public y: number, public z = 0) {} }
const coords: [number, number, number] = [1, 2, 3];
console.log(new Vec(...coords), new Vec(...([4, 5] as [number, number])));
const dates = [[2024, 1], [1999, 12]].map(([y, mo]) => `${y}-${String(mo).padStart(2, '0')}`);
console.log(dates);
// Object spread: later wins, order of first appearance kept
const src = { a: 1, b: 2, c: 3 };
const copy = { z: 0, ...src, a: 'override', d: 4 };
console.log(copy, Object.keys(copy));
const anyVal = (v: unknown) => v as object;
console.log({ ...[10, 20] }, { ...anyVal('hi') }, { ...anyVal(null) }, { ...anyVal(undefined) }, { ...anyVal(123) }, { ...anyVal(true) });
const defaults = { color: 'red', size: 'M', tags: ['x'] };
const custom = { ...defaults, size: 'L' };
custom.tags.push('shared');
console.log(custom, defaults.tags, custom.tags === defaults.tags);
// Spreading class instances copies own enumerable fields only
class Pt { x = 1; #hidden = 2; get sum() { return this.x + this.#hidden; } }
console.log({ ...new Pt() });
// Spread in array literals with computed pieces
const parts = ['b', 'c'];
console.log(['a', ...parts, 'd', ...parts.map((p) => p.toUpperCase())]);
// Spread a large array into push in chunks
const big: number[] = [];
for (let i = 0; i < 5000; i++) big.push(i);
const target: number[] = [];
for (let i = 0; i < big.length; i += 1000) target.push(...big.slice(i, i + 1000));
console.log(target.length, target[4999], Math.min(...target), Math.max(...target));
// Spreading a non-iterable throws
try { console.log([...(123 as unknown as number[])]); } catch (e) { console.log((e as Error).name); }
try { console.log(collect(...({} as unknown as number[]))); } catch (e) { console.log((e as Error).name); }
