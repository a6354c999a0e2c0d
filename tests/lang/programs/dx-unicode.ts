// Non-ASCII text and UTF-16: lengths, code units vs code points, surrogate pairs, slicing
// through a pair, fromCharCode/charCodeAt/codePointAt, iteration, case mapping.
const samples = ['café', 'naïve', 'Ω≈ç√', '日本語', '😀', 'a😀b', '👍🏽', 'e\u0301', '\u{1F600}\u{1F601}', 'Ünïcödé'];
for (const s of samples) {
  const units = [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i).toString(16));
  console.log(JSON.stringify(s), s, s.length, [...s].length, units.join(' '), s.codePointAt(0)!.toString(16));
}
const pair = '😀';
console.log(pair.charCodeAt(0), pair.charCodeAt(1), pair.codePointAt(0), pair.codePointAt(1), String.fromCharCode(0xd83d, 0xde00) === pair);
console.log(String.fromCharCode(72, 0x10069), String.fromCharCode(65.9, -1 >>> 16), String.fromCharCode(), String.fromCharCode(0xe9, 0x3a9, 0x65e5).length);
const mixed = 'x😀y😁z';
console.log(mixed.slice(0, 2).length, mixed.slice(1, 3) === pair, mixed.split(''), [...mixed], Array.from(mixed).reverse().join(''));
console.log(mixed.indexOf('😁'), mixed.includes('\ude00'), mixed.at(1)!.charCodeAt(0).toString(16), mixed.at(-2)!.length);
for (const ch of 'a€😀') console.log(ch, ch.length, ch.codePointAt(0));
const composed: string = 'é', decomposed: string = 'e\u0301';
console.log(composed === decomposed, 'é'.length, 'e\u0301'.length, 'ß'.toUpperCase(), 'ÿ'.toUpperCase(), 'Å'.toLowerCase(), 'µ'.toUpperCase());
console.log(['é', 'e', 'z', 'É', 'a', 'ä', '😀', 'Z'].sort(), 'é' > 'z', '😀' > '\uffff', 'a' < 'ä');
console.log(JSON.stringify('😀 é \u0000 \u001f \u007f \u2028'), JSON.stringify('\ud800'), JSON.stringify('\udc00x'), JSON.parse('"\\ud83d\\ude00"') === '😀');
const counts = new Map<string, number>();
for (const ch of 'mañana 😀😀 ñ') counts.set(ch, (counts.get(ch) ?? 0) + 1);
console.log(counts);
console.log('Grüße aus Köln'.split(' '), 'Grüße'.padStart(8, '·'), 'ü'.repeat(3), 'ÀB'.toLowerCase(), 'àb'.toUpperCase());
const reversedNaive = 'a😀b'.split('').reverse().join('');
console.log(reversedNaive.length, [...reversedNaive].length, reversedNaive.charCodeAt(1).toString(16));
console.log({ 'ключ': 'значение', '日本': [1, 2], emoji: '😀' });
console.log(['ü', 'naïve', "it's", 'say "hi"', 'back\\slash', 'tab\there', 'new\nline']);
