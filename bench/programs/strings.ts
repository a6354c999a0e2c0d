// String building: concatenation, template literals, array join, char codes.
const N = 3000;

let line = '';
let total = 0;
const parts: string[] = [];
for (let i = 0; i < N; i++) {
  line += `${i % 10},`;
  if (line.length > 200) {
    total += line.length;
    line = '';
  }
  parts.push('item' + (i & 63));
  if (parts.length === 32) {
    total += parts.join('-').length;
    parts.length = 0;
  }
  total += String.fromCharCode(65 + (i % 26)).charCodeAt(0);
}
console.log(total, line.length);
