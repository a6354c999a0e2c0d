// setInterval repeats until clearInterval; clearing from inside the callback stops it at once.
// The intervals are far apart (10 ms ticks, 300 ms 'other', the last line at 1.5 s) so that
// the order of the lines survives a host that stalls Node or the guest for 100+ ms.
let n = 0;
const start = Date.now();
const id = setInterval(() => {
  n++;
  console.log('tick', n);
  if (n === 5) {
    clearInterval(id);
    console.log('cleared after', n, 'ticks; at least 5 x 10 ms passed:', Date.now() - start >= 45);
  }
}, 10);

let m = 0;
const seen: string[] = [];
const other = setInterval((label: string) => {
  m++;
  if (seen.length === 0) seen.push(label);
}, 300, 'other');
(async () => {
  while (m < 2) await new Promise((r) => setTimeout(r, 5));
  clearInterval(other);
  console.log('other stopped after running at least twice, with its argument:', seen[0]);
  const before = m;
  setTimeout(() => console.log('no run after clearInterval:', m === before), 100);
})();

let k = 0;
const viaTimeout = setInterval(() => {
  k++;
  if (k === 3) clearTimeout(viaTimeout);
}, 1);
setTimeout(() => console.log('clearTimeout also clears an interval, k =', k), 1500);
