// Long strings built by repeated concatenation (`+=`, `s = s + x`, template literals in a
// loop), then every string operation on them: the machine keeps such strings as slices of a
// shared, growing buffer (boot/interp/layout.ts STRING_SLICE), and every reader must see
// the same units as Node. Strings from one base diverge (two appends to the same string),
// grow past a buffer's room, mix one- and two-byte units and split surrogate pairs across
// the pieces.

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
function show(label: string, s: string): void {
  console.log(label, s.length, fnv(s), JSON.stringify(s.slice(0, 40)), JSON.stringify(s.slice(-40)));
}

// += one character, past several buffer growths
let t = '';
for (let i = 0; i < 3000; i++) t += String.fromCharCode(97 + (i % 26));
show('t', t);
console.log(t.charCodeAt(0), t.charCodeAt(2999), t.charCodeAt(3000), t[1500], t.at(-1), t.codePointAt(77));
console.log(t.indexOf('xyz'), t.indexOf('xyz', 100), t.lastIndexOf('abc'), t.indexOf('zz'), t.includes('mnop'));
console.log(t.startsWith('abc'), t.endsWith('lmn'), t.endsWith('xyz'), t.search(/q+r/), t.slice(1000, 1030));
console.log(t.substring(2990), t.substr(5, 7), t.split('z').length, t.split('').length, t.toUpperCase().slice(0, 30));

// two strings made from the same base: the second append cannot reuse the first's room
const base = t;
const u = base + 'ā';
const v = base + 'b';
const w = base + 'b';
console.log(u === v, v === w, v == w, u.length, v.length, base.length, u.slice(-3), v.slice(-3), base.slice(-3));
console.log(v < u, u > v, base < v, w.localeCompare(v), [u, v, base].sort().map((x) => x.slice(-2)));
let grow = base;
for (let i = 0; i < 50; i++) grow += i;
console.log(base.length, grow.length, grow.slice(2995, 3030), base === t);

// s = s + x and templates, with numbers and two-byte units
let s2 = '';
for (let i = 0; i < 700; i++) s2 = s2 + i + (i % 7 === 0 ? 'é' : ',');
show('s2', s2);
let s3 = '';
for (let i = 0; i < 500; i++) s3 = `${s3}[${i}]${i % 50 === 0 ? 'Ж' : ''}`;
show('s3', s3);
let twoByte = 'Ωmega';
for (let i = 0; i < 400; i++) twoByte += 'x';
for (let i = 0; i < 400; i++) twoByte += i % 2 ? 'ψ' : 'y';
show('twoByte', twoByte);
console.log(twoByte.indexOf('ψ'), twoByte.lastIndexOf('y'), twoByte.charCodeAt(0), twoByte.toUpperCase().slice(-6));

// surrogate pairs split across the pieces
let pairs = '';
for (let i = 0; i < 600; i++) pairs += i % 2 === 0 ? '\ud83d' : '\ude00';
show('pairs', pairs);
console.log([...pairs].length, Array.from(pairs.slice(0, 6)).length, pairs.codePointAt(0), pairs.codePointAt(1));
let cps = 0;
for (const c of pairs) cps += c.length;
console.log(cps, encodeURIComponent(pairs.slice(0, 4)));
console.log(pairs.slice(0, 8));

// property keys, Map and Set keys, in, JSON
const obj: Record<string, number> = {};
obj[t] = 1;
obj[u] = 2;
obj[v] = 3;
console.log(obj[t.slice(0, 1500) + t.slice(1500)], obj[base + 'ā'], obj[w], Object.keys(obj).length, w in obj);
console.log(Object.keys(obj).map((k) => k.length + ':' + k.slice(-2)).join(' '));
const m = new Map<string, number>([[t, 1], [u, 2]]);
m.set(v, 3);
m.set(w, 4);
console.log(m.size, m.get(base), m.get(base + 'ā'), m.get(w), m.has(t.slice(0, 2999)));
const set = new Set([t, base, u, v, w, grow]);
console.log(set.size, set.has(s2), set.has(t + ''));
const parsed = JSON.parse(JSON.stringify({ s2, s3, pairs: pairs.slice(0, 20), k: { [u]: 1 } }));
console.log(parsed.s2 === s2, parsed.s3 === s3, JSON.stringify(parsed.pairs), Object.keys(parsed.k)[0] === u);
console.log(JSON.stringify(s3).length, JSON.stringify([twoByte]).length);

// regexp, replace, split, trim, pad, repeat, String(), numbers
console.log(/xyz(ab)c/.exec(t)?.index, (t.match(/abc/g) ?? []).length, s2.replace(/é/g, 'E').length);
console.log(s2.replaceAll(',', ';').slice(0, 30), s3.split('Ж').length, ('  ' + t + '  ').trim().length);
console.log(String(t).length, `${t}`.length, t.padEnd(3010, '-').slice(-12), t.repeat(2).length, t.concat(u, v).length);
let digits = '';
for (let i = 0; i < 300; i++) digits += i % 10;
console.log(Number(digits.slice(0, 15)), parseInt(digits, 10) > 1e100, Number(digits), digits.length);
let spaced = '';
for (let i = 0; i < 300; i++) spaced += ' ';
spaced += '42';
console.log(Number(spaced), +spaced + 1, spaced.trim());

// strings as switch subjects, in template output, as errors, through console.log directly
switch (base + 'b') {
  case v: console.log('switch v'); break;
  default: console.log('switch default');
}
try {
  throw new Error(s3.slice(0, 200) + s3.slice(200));
} catch (e) {
  console.log((e as Error).message.length, (e as Error).message === s3);
}
console.log(s2);
console.log(twoByte);
console.log(t.slice(0, 200) + '|' + grow.slice(-120));

// t += t and appends to a string both ways
let dbl = 'ab';
for (let i = 0; i < 10; i++) dbl += dbl;
show('dbl', dbl);
let pre = '';
for (let i = 0; i < 400; i++) pre = (i % 10) + pre;
show('pre', pre);
let mix = '';
for (let i = 0; i < 900; i++) mix = i % 3 ? mix + 'x' : 'y' + mix;
show('mix', mix);
