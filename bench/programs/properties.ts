// Property access: fields of class instances and object literals, prototype methods,
// globals (Math), arrays' length and elements.
const N = 5000;

class Vec {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  dot(o: Vec): number { return this.x * o.x + this.y * o.y; }
}

const cfg = { scale: 3, offset: 1, count: 0, name: 'cfg' };
const a = new Vec(1, 2);
const pts: Vec[] = [];
for (let i = 0; i < 16; i++) pts.push(new Vec(i, 16 - i));
let acc = 0;
for (let i = 0; i < N; i++) {
  const p = pts[i & 15];
  acc = (acc + p.dot(a) * cfg.scale + cfg.offset) | 0;
  p.x = p.y;
  p.y = i & 255;
  cfg.count++;
  acc = Math.max(acc, pts.length) | 0;
}
console.log(acc, cfg.count, pts[3].x, pts[3].y);
