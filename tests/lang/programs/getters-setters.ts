const o = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(n: number) { this._v = n; },
  get only() { return 'ro'; },
};
console.log(o.v);
o.v = 5;
console.log(o.v, o._v, o.only);
console.log(o);
class Temp {
  #c = 0;
  get f() { return this.#c * 9 / 5 + 32; }
  set f(v: number) { this.#c = (v - 32) * 5 / 9; }
  static get unit() { return 'C'; }
}
const t = new Temp();
t.f = 212;
console.log(t.f, Temp.unit);
try { (o as any).only = 1; } catch (e) { console.log((e as Error).name); }
