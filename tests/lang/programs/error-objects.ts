const e = new Error('msg');
console.log(e.name, e.message, e instanceof Error, String(e), typeof e.stack);
const t = new TypeError('bad type');
console.log(t.name, t.message, t instanceof TypeError, t instanceof Error, `${t}`);
const r = new RangeError();
console.log(r.name, JSON.stringify(r.message), String(r));
console.log(ReferenceError.name, new SyntaxError('s').name);
class AppError extends Error {
  constructor(message: string) { super(message); this.name = 'AppError'; }
}
const ae = new AppError('app');
console.log(ae.name, ae.message, String(ae), ae instanceof AppError);
