// Exceptions crossing many frames: through callbacks of builtins, constructors, getters,
// toString/valueOf, JSON replacers, sort comparators; finally blocks at each level.
const trail: string[] = [];
class AppError extends Error {
  constructor(message: string, public depth: number) { super(message); this.name = 'AppError'; }
}
function level(n: number): number {
  try {
    if (n === 0) throw new AppError('from the bottom', n);
    return [n].map((x) => level(x - 1))[0];
  } finally {
    trail.push('L' + n);
  }
}
try { level(8); } catch (e) { console.log(e instanceof AppError, (e as AppError).name, (e as AppError).message, (e as AppError).depth, trail.join(' ')); }

const sources: [string, () => unknown][] = [
  ['forEach', () => [1, 2, 3].forEach((x) => { if (x === 2) throw new RangeError('forEach ' + x); })],
  ['reduce', () => [1, 2, 3].reduce((a, x) => { if (x === 3) throw new Error('reduce ' + a); return a + x; }, 0)],
  ['sort', () => [3, 1, 2].sort(() => { throw new TypeError('comparator'); })],
  ['map in map', () => [[1]].map((inner) => inner.map(() => { throw new Error('inner map'); }))],
  ['constructor', () => new (class { constructor() { throw new Error('ctor'); } })()],
  ['field init', () => new (class { f = (() => { throw new Error('field initializer'); })(); })()],
  ['getter', () => ({ get g(): number { throw new Error('getter'); } }).g],
  ['setter', () => { const o = { set s(v: number) { throw new Error('setter ' + v); } }; o.s = 5; }],
  ['toString', () => `${{ toString() { throw new Error('toString'); } }}`],
  ['valueOf', () => ({ valueOf() { throw new Error('valueOf'); } } as unknown as number) + 1],
  ['JSON replacer', () => JSON.stringify({ a: 1 }, () => { throw new Error('replacer'); })],
  ['JSON reviver', () => JSON.parse('[1]', () => { throw new Error('reviver'); })],
  ['toJSON', () => JSON.stringify({ toJSON() { throw new Error('toJSON'); } })],
  ['Map.forEach', () => new Map([[1, 1]]).forEach(() => { throw new Error('map forEach'); })],
  ['Array.from', () => Array.from({ length: 2 }, () => { throw new Error('from mapper'); })],
  ['replace fn', () => 'abc'.replace('b', () => { throw new Error('replacer fn'); })],
  ['find', () => [1].find(() => { throw new Error('find'); })],
  ['bound', () => (function (this: { tag: string }) { throw new Error('bound ' + this.tag); }).bind({ tag: 'T' })()],
  ['call', () => Math.max.call(null, 1, { valueOf() { throw new Error('max valueOf'); } } as unknown as number)],
  ['non-error', () => { throw { code: 42, toString() { return 'custom object'; } }; }],
  ['string', () => { throw 'plain string'; }],
  ['undefined', () => { throw undefined; }],
];
for (const [label, f] of sources) {
  try { f(); console.log(label, 'no throw'); } catch (e) {
    const desc = e instanceof Error ? `${e.name}: ${e.message}` : `${typeof e} ${String(e)}`;
    console.log(label.padEnd(14), desc);
  }
}
// Rethrow with cause through several layers
function parseConfig(text: string) {
  try { return JSON.parse(text); } catch (e) { throw new Error('config invalid', { cause: e }); }
}
function loadApp(text: string) {
  try { return parseConfig(text); } catch (e) { throw new AppError('app failed to load', 2); }
  finally { trail.push('loadApp finally'); }
}
try { loadApp('{bad'); } catch (e) { console.log((e as Error).message, trail[trail.length - 1]); }
try { parseConfig('{bad'); } catch (e) { const err = e as Error; console.log(err.message, '<-', (err.cause as Error).name, (err.cause as Error).message); }
// Errors thrown inside catch and finally replace the original
function replaced(): string {
  try {
    try { throw new Error('first'); } catch { throw new Error('second'); } finally { trail.push('inner finally'); }
  } catch (e) { return (e as Error).message; }
}
console.log(replaced());
// Exception in a deep recursion through a getter chain
const chainObj: Record<string, unknown> = {};
let node = chainObj;
for (let i = 0; i < 100; i++) {
  const next: Record<string, unknown> = {};
  const depth = i;
  Object.defineProperty(node, 'next', { get() { if (depth === 99) throw new Error('getter depth ' + depth); return next; } });
  node = next;
}
function walk(o: Record<string, unknown>): number { return 1 + walk(o.next as Record<string, unknown>); }
try { walk(chainObj); } catch (e) { console.log((e as Error).message); }
