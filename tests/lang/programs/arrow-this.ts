class Timer {
  ticks = 0;
  run() {
    const step = () => { this.ticks++; return this; };
    [1, 2, 3].forEach(() => step());
    return this.ticks;
  }
}
console.log(new Timer().run());
const obj = {
  name: 'obj',
  regular() { return [1].map(() => this.name); },
  nested() { return () => () => this.name; },
};
console.log(obj.regular(), obj.nested()()());
function Legacy(this: any) { this.v = 1; const f = () => this.v; return f; }
console.log((Legacy as any).call({ v: 'called' })());
