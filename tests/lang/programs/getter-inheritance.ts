class Shape {
  get area() { return 0; }
  describe() { return `${this.constructor.name} area=${this.area}`; }
}
class Sq extends Shape {
  constructor(private s: number) { super(); }
  get area() { return this.s * this.s; }
}
class Circle extends Shape {
  constructor(private r: number) { super(); }
  get area() { return Math.round(Math.PI * this.r * this.r); }
}
for (const s of [new Sq(3), new Circle(2), new Shape()]) console.log(s.describe());
const desc = Object.keys(new Sq(1));
console.log(desc);
