// Destructuring with defaults, holes, rest, nesting, computed keys; defaults evaluated
// only when the value is undefined, left to right.
const log: string[] = [];
const def = (name: string, v: unknown) => { log.push(name); return v; };

const [a = def('a', 1), , c = def('c', 3), d = def('d', 4), ...rest] = [undefined, 'skipped', null, 0, 5, 6, 7];
console.log(a, c, d, rest, log.splice(0).join(','));
const [h1, h2 = 'dflt', h3] = [, , 'third'];
console.log(h1, h2, h3);
const [, , third = 'none'] = [1, 2];
console.log(third);
const [x1, [y1, y2 = 'y2d'] = [], { z = 'zd' } = {}] = [1, ['y1']] as [number, string[], { z?: string }?];
console.log(x1, y1, y2, z);

const { p = def('p', 'P'), q: { r = def('r', 'R'), s } = def('q', { s: 'from default' }) as { r?: string; s: string }, ...others } =
  { p: null, t: 1, u: 2 } as { p: string | null; q?: { r?: string; s: string }; t: number; u: number };
console.log(p, r, s, others, log.splice(0).join(','));

const key = 'dynamic';
const { [key]: dyn = 'no', [`${key}2`]: dyn2 = 'no2' } = { dynamic: 'yes' } as Record<string, string>;
console.log(dyn, dyn2);

// Defaults can refer to earlier bindings
const [first = 10, second = first * 2, thirdVal = first + second] = [];
console.log(first, second, thirdVal);
const { w = 1, hgt = w * 3 } = { w: 5 } as { w?: number; hgt?: number };
console.log(w, hgt);

// Swaps and rotations
let m = 1, n = 2, o = 3;
[m, n, o] = [n, o, m];
console.log(m, n, o);
const arr = [1, 2, 3, 4];
[arr[0], arr[3]] = [arr[3], arr[0]];
console.log(arr);
const holder = { left: 'L', right: 'R' };
({ left: holder.right, right: holder.left } = holder);
console.log(holder);

// Strings, Maps and Sets destructure through iteration
const [ch1, ch2, ...chRest] = 'héllo😀';
console.log(ch1, ch2, chRest);
const [[mk1, mv1], [mk2]] = new Map([['one', 1], ['two', 2]]);
console.log(mk1, mv1, mk2);
const [s1, ...sRest] = new Set(['a', 'b', 'c']);
console.log(s1, sRest);

// In parameters, with defaults for the whole pattern
function draw({ x = 0, y = 0, label = `(${x},${y})` }: { x?: number; y?: number; label?: string } = {}, [w2 = 1, h2b = w2]: number[] = []) {
  return `${label} ${w2}x${h2b}`;
}
console.log(draw(), draw({ x: 3 }), draw({ y: 4, label: 'L' }, [5]), draw(undefined, [2, 7]));
const fnWithRest = ({ a: first2, ...others2 }: Record<string, number>, ...more: number[]) => [first2, Object.keys(others2), more];
console.log(fnWithRest({ a: 1, b: 2, c: 3 }, 4, 5));

// In loops
const pairs: [string, number][] = [['x', 1], ['y', 2]];
for (const [name, value = 0] of pairs) console.log(name, value);
for (const { id, meta: { tags: [tag1 = 'untagged'] = [] } = {} } of [{ id: 1, meta: { tags: ['hot'] } }, { id: 2 }, { id: 3, meta: {} }] as { id: number; meta?: { tags?: string[] } }[]) console.log(id, tag1);
for (const [i, v] of ['p', 'q'].entries()) console.log(i, v);
const entries = Object.entries({ alpha: 1, beta: 2 });
for (const [k2, v2] of entries) console.log(k2.toUpperCase(), v2 * 10);

// Errors from destructuring null/undefined
for (const bad of [null, undefined]) {
  try { const { anything } = bad as unknown as { anything: number }; console.log(anything); } catch (e) { console.log((e as Error).name); }
  try { const [item] = bad as unknown as number[]; console.log(item); } catch (e) { console.log((e as Error).name); }
}
try { const [v] = {} as unknown as number[]; console.log(v); } catch (e) { console.log((e as Error).name); }
// Primitive sources are boxed for object patterns
const { length: len, toUpperCase } = 'abc';
console.log(len, typeof toUpperCase);
const { toFixed } = 5 as number;
console.log(typeof toFixed);
