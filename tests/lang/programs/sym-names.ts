// Functions defined under computed keys get their names at run time (SetFunctionName):
// the key, "[description]" for a symbol, "get "/"set " for accessors; a class's own static
// name wins.
const k = 'dyn';
const s = Symbol('sym');
const anon = Symbol();
const o: any = {
  [Symbol.iterator]() { return [][Symbol.iterator](); },
  get [s]() { return 1; },
  set [s](v) { void v; },
  [anon]: function () {},
  [k + 'Arrow']: () => 1,
  [k + 'Fn']: function () {},
  [k + 'Named']: function inner() {},
  [k + 'Class']: class {},
  [k + 'Static']: class { static name = 'kept'; },
  [1 + 1]() {},
};
const names = [...Object.getOwnPropertyNames(o), ...Object.getOwnPropertySymbols(o)].map((key) => { const d = Object.getOwnPropertyDescriptor(o, key)!; return d.value ? d.value.name : d.get.name + '/' + d.set.name; });
console.log(names);
class C {
  static [s]() {}
  [k]() {}
  get [anon]() { return 1; }
  static get [k + 'S']() { return 1; }
}
console.log((C as any)[s].name, (C.prototype as any)[k].name, Object.getOwnPropertyDescriptor(C.prototype, anon)!.get!.name, Object.getOwnPropertyDescriptor(C, k + 'S')!.get!.name);
console.log(o, C);
