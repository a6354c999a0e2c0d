// Template literals: nested templates, expressions of every type, escapes, multi-line.
const user = { name: 'Ada', langs: ['en', 'fr'], age: 36, address: null as null | { city: string } };
console.log(`${user.name} (${user.age}) speaks ${user.langs.length} languages: ${user.langs.join(' & ')}`);
console.log(`nested ${`level2 ${`level3 ${1 + 2}`}`} done`);
console.log(`cond: ${user.age > 18 ? `adult ${user.age >= 65 ? 'senior' : 'not senior'}` : 'minor'}`);
console.log(`city: ${user.address?.city ?? 'unknown'}, first lang upper: ${user.langs[0].toUpperCase()}`);
console.log(`values: ${null} ${undefined} ${true} ${0} ${-0} ${NaN} ${Infinity} ${1e21} ${0.1 + 0.2} ${2 ** 31}`);
console.log(`arrays: ${[1, [2, [3]]]} ${[]} ${[null, undefined]} objects: ${{}} ${{ toString: () => 'custom' }}`);
console.log(`fn: ${typeof (() => 1)} ${[1, 2, 3].map((x) => `<${x}>`).join('')}`);
const rows = [['id', 'name'], [1, 'alpha'], [22, 'beta']];
console.log(rows.map((r) => `| ${r.map((c) => String(c).padEnd(6)).join(' | ')} |`).join('\n'));
console.log(`escapes: \` \$ \${not} \\ \t| \u0041 \x42 \u{1F600} '"`);
console.log(`multi
line
  indented`);
const obj = { valueOf() { return 42; }, toString() { return 'str'; } };
console.log(`${obj}`, '' + obj, String(obj), (obj as unknown as number) + 1);
let count = 0;
const tick = () => ++count;
console.log(`${tick()}-${tick()}-${tick()}`, count);
const html = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
console.log(html(['a', 'b']), html([]));
const width = 20;
const center = (s: string) => `${' '.repeat(Math.floor((width - s.length) / 2))}${s}`;
console.log(`[${center('title')}]`, `[${center('a much longer title')}]`);
console.log(`${`${`${'deep'}`}`}`.length, `${''}`.length, ``.length);
console.log(`${1}${2}` === '12', `${'a'}${1 + 1}${'b'}`, `x${[1, 2].length > 1 ? 's' : ''}`);
try { console.log(`${{ toString() { throw new Error('toString failed'); } }}`); } catch (e) { console.log((e as Error).message); }
