const fs: (() => number)[] = [];
for (let i = 0; i < 3; i++) fs.push(() => i);
console.log(fs.map((f) => f()));
const gs: (() => number)[] = [];
for (var v = 0; v < 3; v++) gs.push(() => v);
console.log(gs.map((f) => f()));
const hs: (() => string)[] = [];
for (const x of ['a', 'b']) hs.push(() => x);
console.log(hs.map((f) => f()));
const ks: (() => number)[] = [];
for (let i = 0; i < 3; i++) { ks.push(() => i); i++; }
console.log(ks.map((f) => f()));
const ws: (() => number)[] = [];
let w = 0;
while (w < 3) { let c = w * 10; ws.push(() => c); w++; }
console.log(ws.map((f) => f()));
