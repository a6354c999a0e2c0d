class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) { this.x = x; this.y = y; }
  add(p: Point) { return new Point(this.x + p.x, this.y + p.y); }
  toString() { return `(${this.x}, ${this.y})`; }
  static origin() { return new Point(0, 0); }
}
const p = new Point(1, 2).add(new Point(3, 4));
console.log(p, `${p}`, String(Point.origin()));
console.log(typeof Point, Point.name, Object.keys(p), p.constructor === Point);
try { (Point as any)(1, 2); } catch (e) { console.log((e as Error).name); }
console.log(Point);
