// Regular expressions over non-ASCII text: the u flag (code points, \u{...}, surrogate
// pairs), case-insensitive matching with and without u, \w and \b, lookbehind.
const words = ['Straße', 'STRASSE', 'Ærø', 'ærØ', 'Σίσυφος', 'ΣΊΣΥΦΟΣ', 'KELVIN', 'kelvin', '\u212aelvin', 'ſtop', 'Stop', 'µ', 'Μ', 'μ', 'ÿ', 'Ÿ'];
for (const w of words) {
  console.log(w, /^straße$/i.test(w), /^ærø$/i.test(w), /^σίσυφος$/i.test(w), /^kelvin$/i.test(w), /^kelvin$/iu.test(w),
    /^stop$/i.test(w), /^stop$/iu.test(w), /^µ$/i.test(w), /^µ$/iu.test(w), /^ÿ$/i.test(w), /[a-z]+/i.exec(w)?.[0], /[à-ÿ]/i.exec(w)?.index);
}
console.log(/\w+/iu.exec('\u212a\u017f!')?.[0], /\w+/i.exec('\u212a\u017f!'), /\bx/iu.test('\u017fx'), /[^\W]/iu.test('\u212a'));
const emoji = 'a😀b😃c';
console.log(emoji.match(/./g), emoji.match(/./gu), emoji.split(/(?:)/u), emoji.replace(/[😀😃]/gu, '?'), emoji.replace(/[😀😃]/g, '?').length);
console.log(/^[\u{1F600}-\u{1F64F}]+$/u.test('😀😃'), /\u{61}/.test('a'), /\u{61}/.test('u'.repeat(61)), /\u{61}/u.test('a'), /^\S$/u.test('😀'), /^\S\S$/.test('😀'));
console.log(/(?<=😀)b/u.exec(emoji)?.index, /(?<!a)😃/u.exec(emoji)?.index, /😀{2}/u.test('😀😀'), /😀{2}/.test('😀😀'), /😀{2}/.test('😀\ude00'));
const re = /\ud83d/gu;
re.lastIndex = 2;
console.log(re.exec('x😀'), re.lastIndex);
const y = /./uy;
y.lastIndex = 2;
console.log(y.exec('x😀'), y.lastIndex);
console.log('ÉCOLE école'.match(/école/gi), 'İstanbul'.match(/i/gi), 'ǅ ǆ Ǆ'.match(/ǆ/gi), 'ﬀ FF'.match(/ﬀ/gi), 'ß ẞ'.match(/ß/giu), 'ß ẞ'.match(/ß/gi));
console.log('Ⅻ ⅻ'.match(/ⅻ/gi), 'Ａ ａ'.match(/ａ/gi), 'ꭰ Ꭰ'.match(/Ꭰ/giu), 'ς σ Σ'.match(/σ/gi), 'ς σ Σ'.match(/[σ]/giu), 'ϐ β'.match(/β/giu));
console.log(/[\s]+/.exec('\u00a0\u2003\ufeff\u3000x')![0].length, /\s/.test('\u180e'), /\d/u.test('٣'), /[\d-x]/.test('-'));
console.log('naïve café résumé'.replace(/[^\x00-\x7f]/g, (c) => '&#' + c.charCodeAt(0) + ';'), 'x\u2028y\rz'.split(/$/m), /^b/m.exec('a\u2029b')?.index);
const mixed = 'Ünïcödé ΑΒΓ абв 123 ٣ 漢字 ひらがな — “quoted” €5 😀!';
console.log(mixed.match(/\p{L}+/gu), mixed.match(/\p{Lu}/gu), mixed.match(/\p{N}+/gu), mixed.match(/[\p{P}\p{S}]/gu));
console.log(mixed.replace(/\P{ASCII}/gu, '?'), mixed.match(/\p{Script=Greek}+|\p{sc=Cyrl}+|\p{Script=Han}+|\p{sc=Hira}+/gu));
console.log(/^\p{Lu}+$/iu.test('abc'), /^[\p{White_Space}]+$/u.test(' \t\u00a0\u3000'), /\p{Emoji_Presentation}/u.exec(mixed)?.index, /\p{gc=Sc}/u.exec(mixed)?.[0]);
try {
  new RegExp('\\p{Letter', 'u');
} catch (e) {
  console.log(String(e));
}
console.log(/\p{L}/.test('p{L}'), /[\p{L}]/.test('{'));
