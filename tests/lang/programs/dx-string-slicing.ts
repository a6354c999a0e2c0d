// slice, substring, substr-free slicing, at, charAt, charCodeAt, indexOf family with odd
// arguments: negatives, NaN, fractions, swapped and out-of-range positions.
const s = 'Hello, World';
const args: (number | undefined)[][] = [[], [3], [-3], [3, 7], [7, 3], [-5, -1], [-1, -5], [0, 100], [100], [-100], [NaN], [NaN, 4], [2.9, 5.1], [undefined, 4], [4, undefined], [-0, 2], [Infinity], [-Infinity, 3]];
for (const a of args) {
  const [x, y] = a;
  console.log(JSON.stringify(a).padEnd(18), JSON.stringify(s.slice(x, y)).padEnd(16), JSON.stringify(s.substring(x!, y)));
}
console.log(s.at(0), s.at(-1), s.at(12), s.at(-13), s.at(1.7), JSON.stringify(s.charAt(12)), JSON.stringify(s.charAt(-1)), s.charAt(1.9), (s.charAt as () => string)());
console.log(s.charCodeAt(0), s.charCodeAt(-1), s.charCodeAt(100), (s.charCodeAt as () => number)(), s.charCodeAt(4.99), s.codePointAt(1), s.codePointAt(99));
console.log(s.indexOf('o'), s.indexOf('o', 5), s.indexOf('o', -5), s.indexOf('o', 100), s.indexOf(''), s.indexOf('', 5), s.indexOf('', 100), s.indexOf('xyz'), s.indexOf('World', 7.5));
console.log(s.lastIndexOf('o'), s.lastIndexOf('o', 5), s.lastIndexOf('o', -5), s.lastIndexOf('o', 100), s.lastIndexOf(''), s.lastIndexOf('', 3), s.lastIndexOf('H', 0), s.lastIndexOf('o', NaN));
console.log(s.includes('World'), s.includes('world'), s.includes(''), s.includes('o', 9), s.includes('H', -5), s.startsWith('Hell'), s.startsWith('World', 7), s.startsWith('', 100), s.startsWith('H', -1));
console.log(s.endsWith('World'), s.endsWith('Hello', 5), s.endsWith('o', 5), s.endsWith('', 0), s.endsWith('d', 100), s.endsWith('H', 1), s.endsWith('Hello', -1));
console.log('abc'.indexOf(undefined as unknown as string), 'undefined'.indexOf(undefined as unknown as string), 'null'.includes(null as unknown as string), 'a1b'.indexOf(1 as unknown as string));
// Counting occurrences with indexOf
function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}
console.log(countOf('banana', 'an'), countOf('aaaa', 'aa'), countOf('abc', 'd'), countOf('the cat sat on the mat', 'at'));
// Extracting fields with slice/indexOf
const line = 'key1=value one; key2 = value two ;key3=;=novalue; bare';
const fields = line.split(';').map((part) => {
  const eq = part.indexOf('=');
  return eq < 0 ? [part.trim(), null] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
});
console.log(fields);
// Indexing strings directly
const str = 'xyz';
console.log(str[0], str[2], str[3], str[-1], str['1' as unknown as number], str.length, 'x'.concat(str, '!', String(5)));
const words = 'the quick brown fox';
console.log(words.slice(words.lastIndexOf(' ') + 1), words.slice(0, words.indexOf(' ')), words.substring(words.length, 4));
