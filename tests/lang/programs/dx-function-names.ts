// Function names: declarations, expressions, arrows, methods, accessors, classes, bound
// functions, inferred names from bindings and properties, and the builtins' own names.
function decl() {}
const expr = function () {};
const namedExpr = function inner() {};
const arrow = () => {};
let later: () => void;
later = () => {};
const obj = {
  method() {}, arrowProp: () => {}, fnProp: function () {}, 'quoted key'() {}, 42() {},
  get acc() { return 1; }, set acc(v: number) {},
};
class K { m() {} static s() {} get g() { return 1; } #p() {} pName() { return this.#p.name; } }
const Anon = class {};
const NamedClass = class Real {};
const accDesc = Object.getOwnPropertyDescriptor(obj, 'acc')!;
const gDesc = Object.getOwnPropertyDescriptor(K.prototype, 'g')!;
console.log(decl.name, expr.name, namedExpr.name, arrow.name, later.name);
console.log(obj.method.name, obj.arrowProp.name, obj.fnProp.name, obj['quoted key'].name, obj[42].name, accDesc.get!.name, accDesc.set!.name);
console.log(K.name, new K().m.name, K.s.name, gDesc.get!.name, new K().pName(), Anon.name, NamedClass.name);
console.log(decl.bind(null).name, arrow.bind(null).name, decl.bind(null).bind(null).name, (() => {}).name === '', (function () {}).name === '');
const holder: Record<string, () => void> = {};
holder.assigned = () => {};
holder['computed'] = function () {};
console.log(holder.assigned.name === '', holder.computed.name === '', [function () {}][0].name === '');
const { dflt = () => {} } = {} as { dflt?: () => void };
console.log(dflt.name);
function withDefault(cb = () => {}) { return cb.name; }
console.log(withDefault());
console.log(parseInt.name, parseFloat.name, isNaN.name, isFinite.name, Number.parseInt === parseInt, Number.parseFloat.name);
console.log(String.name, Number.name, Boolean.name, Object.name, Array.name, Function.name, Map.name, Set.name, Error.name, TypeError.name, RangeError.name);
console.log(Math.max.name, Math.floor.name, JSON.stringify.name, JSON.parse.name, Object.keys.name, Array.isArray.name, Array.from.name, String.fromCharCode.name);
console.log([].push.name, [].map.name, 'a'.slice.name, (1).toFixed.name, new Map().get.name, new Set().add.name, console.log.name, Object.prototype.hasOwnProperty.name);
console.log(Function.prototype.call.name, Function.prototype.bind.name, decl.call.name, typeof decl.toString);
