for (const x of [1, 2, 3]) console.log(x);
for (const ch of 'héy') console.log(ch);
for (const [k, v] of new Map([['a', 1], ['b', 2]])) console.log(k, v);
for (const v of new Set([3, 3, 4])) console.log(v);
let last;
for (last of [7, 8, 9]);
console.log(last);
const arr = [1, 2];
for (const x of arr) { if (arr.length < 5) arr.push(x * 10); }
console.log(arr);
