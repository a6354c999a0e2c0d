// Property keys made at run time are interned; the intern table must not keep the ones no
// object uses any more (issue 14: "interned property keys no longer leak"). 100 keys stay
// on `kept` while 200,000 others come and go (each ~40 bytes of string and table entry, far
// more than a small machine's heap holds at once); then the kept keys, made again from
// scratch, must still find their properties, in insertion order.
const kept: Record<string, number> = {};
for (let i = 0; i < 100; i++) kept['p' + i] = i;
const temp: Record<string, number> = {};
let total = 0;
for (let i = 0; i < 200_000; i++) {
  const k = 'k' + i;
  temp[k] = i;
  total += temp[k];
  delete temp[k];
}
let found = 0;
for (let i = 0; i < 100; i++) if (kept['p' + String(i)] === i && ('p' + i) in kept) found++;
const keys = Object.keys(kept);
console.log(total, Object.keys(temp).length, found, keys.length, keys[0], keys[99]);
