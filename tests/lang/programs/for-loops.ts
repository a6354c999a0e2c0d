let s = 0;
for (let i = 0; i < 10; i++) { if (i % 2) continue; s += i; }
console.log(s);
for (let i = 0; ; i++) { if (i > 3) break; console.log('i', i); }
let j = 0;
for (; j < 3;) j++;
console.log(j);
const out: number[] = [];
for (let a = 0, b = 5; a < b; a++, b--) out.push(a * b);
console.log(out);
