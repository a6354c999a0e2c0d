class Builder {
  private parts: string[] = [];
  add(p: string) { this.parts.push(p); return this; }
  build() { return this.parts.join(' '); }
}
console.log(new Builder().add('a').add('b').add('c').build());
class Vec {
  constructor(readonly x: number, readonly y: number) {}
  plus(o: Vec) { return new Vec(this.x + o.x, this.y + o.y); }
  get len() { return Math.hypot(this.x, this.y); }
}
const v = [new Vec(1, 2), new Vec(2, 2)].reduce((a, b) => a.plus(b));
console.log(v, v.len);
