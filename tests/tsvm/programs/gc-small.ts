// A little of everything that allocates, kept live across collections: with
// TSVM_OPTIONS=gcstress every allocation collects, so a stale pointer shows.
class Point { constructor(public x: number, public y: number) {} norm() { return this.x * this.x + this.y * this.y; } }
const pts: Point[] = [];
for (let i = 0; i < 300; i++) pts.push(new Point(i, -i));
const words = new Map<string, number>();
for (let i = 0; i < 200; i++) words.set('w' + (i % 37), (words.get('w' + (i % 37)) ?? 0) + i);
const adders = [1, 2, 3].map((k) => (v: number) => v + k);
let s = '';
for (let i = 0; i < 50; i++) s += String.fromCharCode(97 + (i % 26));
console.log(pts.reduce((a, p) => a + p.norm(), 0), words.size, words.get('w5'), adders.map((f) => f(10)), s.length, s.slice(20, 30));
console.log(JSON.stringify({ a: [1, { b: 'c' }], d: pts[299] }));
