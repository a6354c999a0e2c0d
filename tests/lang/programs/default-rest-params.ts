function f(a: number, b = a * 2, ...rest: number[]) { return [a, b, rest]; }
console.log(f(1), f(1, 5), f(1, undefined, 3, 4), f(1, null as any));
const g = (x = 'dflt', { y = 2, z }: { y?: number; z?: number } = {}) => `${x}-${y}-${z}`;
console.log(g(), g('a', { z: 9 }), g(undefined, { y: 0 }));
let calls = 0;
function h(v = ++calls) { return v; }
console.log(h(), h(10), h(), calls);
function restOnly(...all: unknown[]) { return all.length; }
console.log(restOnly(), restOnly(1, 2, 3));
