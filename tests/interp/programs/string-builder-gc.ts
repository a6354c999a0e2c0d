// tests/interp/string-builder.test.ts runs this under gcstress (every allocation collects):
// dx-string-builder.ts's cases in small, so that the run stays short. Strings past 256 units
// (the shortest slice: 256 units, boot/interp/layout.ts SLICE_MIN_LENGTH) grow through several buffers,
// diverge, widen to two-byte units, split surrogate pairs, and meet every kind of reader.

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

let t = '';
for (let i = 0; i < 300; i++) t += String.fromCharCode(97 + (i % 26));
console.log(t.length, fnv(t), t.slice(250, 270), t.charCodeAt(299), t[200], t.indexOf('xyz', 200), t.lastIndexOf('abc'));
const u = t + 'ā';
const v = t + 'b';
const w = t + 'b';
console.log(u.length, v === w, u < v, v < u, t.slice(-2), u.slice(-2), v.slice(-2), fnv(u), fnv(v));
let s2 = '';
for (let i = 0; i < 100; i++) s2 = s2 + i + (i % 9 === 0 ? 'é' : ',');
let s3 = '';
for (let i = 0; i < 70; i++) s3 = `${s3}[${i}]${i % 13 === 0 ? 'Ж' : ''}`;
console.log(s2.length, fnv(s2), s3.length, fnv(s3), s3.slice(-20));
let pairs = '';
for (let i = 0; i < 300; i++) pairs += i % 2 === 0 ? '\ud83d' : '\ude00';
console.log([...pairs].length, pairs.codePointAt(0), pairs.slice(0, 4));
const o: Record<string, number> = {};
o[t] = 1;
o[u] = 2;
const m = new Map<string, number>([[v, 3]]);
console.log(o[t.slice(0, 150) + t.slice(150)], o[t + 'ā'], m.get(w), Object.keys(o).length, new Set([v, w, t]).size);
console.log(JSON.parse(JSON.stringify(s3)) === s3, /xyz(ab)/.exec(t)?.index, s2.split(',').length, s2.replace(/é/g, 'E').length);
let digits = '';
for (let i = 0; i < 300; i++) digits += i % 10;
console.log(Number(digits.slice(0, 12)), digits.toUpperCase() === digits, String(digits).length, `${digits}!`.length);
let dbl = 'ab';
for (let i = 0; i < 8; i++) dbl += dbl;
console.log(dbl.length, fnv(dbl));
console.log(s2);
console.log(pairs);
