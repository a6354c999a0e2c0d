// replace/replaceAll with string patterns, $-patterns and function replacers.
const s = 'the cat sat on the mat with the cat';
console.log(s.replace('cat', 'dog'), '|', s.replaceAll('cat', 'dog'));
console.log(s.replace('the', '[$&]'), '|', s.replaceAll('the', '<$&>'));
console.log('abc'.replace('b', "[$`]"), 'abc'.replace('b', "[$']"), 'abc'.replace('b', '[$$]'), 'abc'.replace('b', '[$]'), 'abc'.replace('b', '[$1]'), 'abc'.replace('b', '[$<name>]'), 'abc'.replace('b', '[$0]'), 'abc'.replace('b', '$$$&$$'));
console.log('aXbXc'.replaceAll('X', "$'"), 'aXbXc'.replaceAll('X', '$`'), 'price: 5'.replace('5', '$$5.00'));
console.log('abc'.replace('', '-'), 'abc'.replaceAll('', '-'), ''.replace('', 'x'), ''.replaceAll('', 'x'), 'abc'.replace('z', 'y'), 'aaa'.replaceAll('aa', 'b'));
const calls: string[] = [];
const out = 'a-b-c'.replaceAll('-', (match, offset, whole) => { calls.push(`${match}@${offset}/${whole.length}`); return offset % 2 ? '+' : '*'; });
console.log(out, calls);
console.log('a-b-c'.replace('-', (m, off) => `(${m}${off})`), 'x'.replace('x', () => '$&'), 'x'.replace('x', (() => undefined) as unknown as () => string), 'x'.replace('x', (() => 42) as unknown as () => string));
console.log('aaa'.replace('a', 'b'), 'abcabc'.replace('c', (m) => m.toUpperCase()), 'one two'.replace(' ', '\n').split('\n'));
console.log('1 + 1'.replaceAll('+', 'plus'), 'a.b.c'.replaceAll('.', '/'), '(x)'.replaceAll('(', '[').replaceAll(')', ']'), 'a*b'.replace('*', '$&$&'));
console.log('x'.replace(1 as unknown as string, 'y'), '1x1'.replaceAll(1 as unknown as string, 'one'), 'null'.replace(null as unknown as string, 'N'), 'undefined'.replace(undefined as unknown as string, 'U'));
// Template substitution engine with {{name}} placeholders
function render(tpl: string, vars: Record<string, string | number>): string {
  let outStr = tpl;
  for (const [k, v] of Object.entries(vars)) outStr = outStr.replaceAll('{{' + k + '}}', String(v));
  return outStr;
}
console.log(render('Hello {{name}}, you have {{n}} new {{what}}. Bye {{name}}! {{missing}}', { name: 'Ann', n: 3, what: 'messages' }));
console.log(render('cost: {{price}}', { price: '$5 and $& and $$' }));
// HTML escaping via chained replaceAll, and via a function replacer
const esc = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
console.log(esc('<a href="x">Tom & Jerry</a>'));
// Simple slug
const slug = (t: string) => t.toLowerCase().split(' ').filter(Boolean).join('-').replaceAll('--', '-');
console.log(slug('  Hello   World From  TS  '), slug('A - B'));
// Replace only the nth occurrence
function replaceNth(t: string, find: string, rep: string, nth: number): string {
  let count = 0;
  return t.replaceAll(find, (m) => (++count === nth ? rep : m));
}
console.log(replaceNth('x.x.x.x', 'x', 'Y', 3), replaceNth('abc', 'z', 'Y', 1));
try { 'abc'.replaceAll('b', 5 as unknown as string); console.log('ok non-string replacement', 'abc'.replaceAll('b', 5 as unknown as string)); } catch (e) { console.log((e as Error).name); }
