// Weak tables must let their dead entries go: 200 keys, each with half a megabyte of value,
// are made and dropped (100 MB in all, more than the guest's heap holds), while every
// 50th key is kept and keeps its value. A table that held its keys strongly runs out of
// memory here.

const wm = new WeakMap<object, Uint8Array>();
const ws = new WeakSet<object>();
const kept: object[] = [];
for (let i = 0; i < 200; i++) {
  const k = { i };
  const bytes = new Uint8Array(1 << 19);
  bytes[0] = i & 255;
  bytes[bytes.length - 1] = 255 - (i & 255);
  wm.set(k, bytes);
  // a WeakSet key that carries the weight itself
  ws.add({ bytes: new Uint8Array(1 << 18), i });
  if (i % 50 === 0) kept.push(k);
}
console.log(kept.map((k) => { const b = wm.get(k)!; return [b[0], b[b.length - 1], b.length]; }));
console.log(kept.every((k) => wm.has(k)), wm.has({}), ws.has({}));

// a value that refers to its own key does not keep the key alive (ephemeron)
const self = new WeakMap<object, object>();
const anchors: object[] = [];
for (let i = 0; i < 100; i++) {
  const k = { big: new Uint8Array(1 << 19) };
  self.set(k, { owner: k, more: new Uint8Array(1 << 18) });
  if (i === 99) anchors.push(k);
}
console.log((self.get(anchors[0]!) as any).owner === anchors[0], (self.get(anchors[0]!) as any).more.length);
