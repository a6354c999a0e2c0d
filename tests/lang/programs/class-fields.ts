let counter = 0;
class F {
  a = 1;
  b = this.a + 1;
  c = ++counter;
  static s = 'static';
  static t = F.s + '!';
  fn = () => this.a;
  'quoted' = 'q';
  42 = 'num';
}
const f1 = new F(), f2 = new F();
console.log(f1, f2.c, F.s, F.t, f1.fn());
class G extends F { d = this.b * 10; }
console.log(new G());
class Empty {}
console.log(new Empty());
