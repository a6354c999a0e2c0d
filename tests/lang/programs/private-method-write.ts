// Assigning to a private method throws; reading one from a foreign object has its own message.
class A {
  #m() { return 'm'; }
  static #s() { return 's'; }
  #f = 1;
  write(o: A) { (o as unknown as { '#m': number }); (o as any).x = 0; this.#assign(o); }
  #assign(o: A) { (o.#m as unknown) = 1; }
  inc(o: A) { (o.#m as any)++; }
  compound(o: A) { (o.#m as any) += 1; }
  destructure(o: A) { [o.#m as any] = [1]; }
  staticWrite() { (A.#s as unknown) = 2; }
  read(o: A) { return o.#m; }
  call(o: A) { return o.#m(); }
  staticRead(o: unknown) { return (o as typeof A).#s; }
  field(o: A) { return o.#f; }
  has(o: object) { return #m in o; }
  order(o: A) { let evaluated = false; try { (o.#m as unknown) = (evaluated = true); } finally { console.log('rhs evaluated', evaluated); } }
}
const C = class {
  #p() { return 1; }
  read(o: object) { return (o as any).#p; }
};

function report(label: string, f: () => unknown): void {
  try { console.log(label, 'ok', f()); } catch (e) { console.log(label, (e as Error).name, (e as Error).message); }
}
const a = new A();
report('write', () => a.write(new A()));
report('inc', () => a.inc(a));
report('compound', () => a.compound(a));
report('destructure', () => a.destructure(a));
report('static-write', () => a.staticWrite());
report('order', () => a.order(a));
report('write-foreign', () => a.inc({} as A));
report('read', () => typeof a.read(a));
report('call', () => a.call(a));
report('read-foreign', () => a.read({} as A));
report('call-foreign', () => a.call({} as A));
report('static-read', () => typeof a.staticRead(A));
report('static-read-foreign', () => a.staticRead({}));
report('field-foreign', () => a.field({} as A));
report('has', () => [a.has(a), a.has({})].join());
report('anonymous-class', () => new C().read({}));
report('primitive-receiver', () => a.read(5 as unknown as A));
