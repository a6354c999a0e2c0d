// About 300 MiB of live data: 300 arrays of 131,072 numbers (8 bytes each, 1 MiB per array)
// held together, then read back.
const keep: number[][] = [];
for (let i = 0; i < 300; i++) {
  const a: number[] = new Array(131072);
  for (let j = 0; j < 131072; j += 1024) a[j] = i + j;
  a[131071] = i;
  keep.push(a);
}
let s = 0;
for (const a of keep) s += a[a.length - 1] + a[1024];
console.log(keep.length, s);

export {}; // a module: its names do not clash with the other test programs' globals
