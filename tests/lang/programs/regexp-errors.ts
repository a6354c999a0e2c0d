// Bad patterns and flags throw SyntaxError with V8's messages; misuse throws TypeError.
const patterns: [string, string?][] = [['('], [')'], ['[a'], ['*'], ['a**'], ['a{2,1}'], ['\\'], ['(?<n>a)(?<n>b)'], ['\\k<x>(?<y>.)'],
  ['(?x)'], ['[z-a]'], ['{', 'u'], ['\\q', 'u'], ['\\1', 'u'], ['(?<=a)*'], ['\\u{110000}', 'u'], ['\\c', 'u'], ['(?<1>a)'], ['[\\d-a]', 'u'],
  ['a{', 'u'], ['(?:'], ['x', 'gg'], ['x', 'q'], ['{'], ['}'], [']'], ['a{2'], ['\\1(a)'], ['\\8'], ['[\\1]'], ['\\k'], ['(?<a>.)\\k']];
for (const [p, f] of patterns) {
  try {
    const r = new RegExp(p, f);
    console.log('ok', r, r.test('a{'));
  } catch (e) {
    console.log((e as Error).name + ': ' + (e as Error).message, e instanceof SyntaxError);
  }
}
for (const f of [() => RegExp.prototype.exec.call({}, 'a'), () => (RegExp.prototype as any).global, () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source')!.get!.call({})]) {
  try {
    console.log(f());
  } catch (e) {
    console.log((e as Error).name + ': ' + (e as Error).message);
  }
}
for (const name of ['includes', 'startsWith', 'endsWith'] as const) {
  try {
    console.log('abc'[name](/b/ as any));
  } catch (e) {
    console.log((e as Error).name + ': ' + (e as Error).message);
  }
  const fake = { [Symbol.match]: false, toString: () => 'b' };
  console.log('abc'[name](fake as any), 'abc'[name]('b'), 'abc'[name]('c', 1), String.prototype[name].length, String.prototype[name].name);
}
class Tagged extends RegExp {
  exec(s: string): RegExpExecArray | null {
    console.log('exec called on', s);
    return super.exec(s);
  }
}
const t = new Tagged('o', 'g');
console.log(t, 'foo'.replace(t, '0'), t.test('xo'), 'a-o-o'.split(t), t instanceof RegExp, Object.prototype.toString.call(t));
