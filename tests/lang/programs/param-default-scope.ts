// Parameter defaults run left to right in their own scope: later parameters are in TDZ,
// closures in defaults see the parameters.
function report(label: string, f: () => unknown): void {
  try { console.log(label, 'ok', f()); } catch (e) { console.log(label, (e as Error).name, (e as Error).message); }
}
function later(a = b, b = 1) { return [a, b]; }
report('later-missing', () => later());
report('later-given', () => later(5));
function self(a: number = a) { return a; }
report('self', () => self());
report('self-given', () => self(2));
function earlier(a = 1, b = a + 1) { return [a, b]; }
report('earlier', () => earlier());
function closureLater(a = () => b, b = 2) { return a(); }
report('closure-later', () => closureLater());
function closureEarlyCall(f = () => c, x = f(), c = 3) { return [x, c]; }
report('closure-early-call', () => closureEarlyCall());
report('closure-early-call-given', () => closureEarlyCall(undefined, 9));
function destr({ a, b = a }: { a: number; b?: number }, c = a + b) { return [a, b, c]; }
report('destructure', () => destr({ a: 1 }));
function destrLater({ a = d }: { a?: number }, d = 4) { return [a, d]; }
report('destructure-later', () => destrLater({}));
function assignLater(a = (b = 2), b = 1) { return [a, b]; }
report('assign-later', () => assignLater());
function typeofLater(a = typeof b, b = 1) { return [a, b]; }
report('typeof-later', () => typeofLater());
const arrowLater = (a = b, b = 1) => [a, b];
report('arrow-later', () => arrowLater());
class K { m(a = this.v, b = a) { return [a, b]; } v = 'v'; }
report('method', () => new K().m());
function captured(a = 1, b = () => a) { a = 10; return b(); }
report('captured', () => captured());
function rest(a = 1, ...r: number[]) { return [a, r.length]; }
report('rest', () => rest(undefined, 2, 3));
// Defaults do not see the body's declarations (esbuild renames the body's).
function bodyVar(a = () => typeof x) { var x = 1; return [a(), x]; }
report('body-var', () => bodyVar());
const outerName = 'outer';
function shadowed(a = outerName) { var outerName = 'body'; return [a, outerName]; }
report('shadowed', () => shadowed());
function bodyFn(a = () => typeof inner) { function inner() {} return [a(), typeof inner]; }
report('body-function', () => bodyFn());
