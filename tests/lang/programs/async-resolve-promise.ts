// Resolving a promise with another promise adopts its state (two extra jobs); a promise
// resolved with itself rejects with "Chaining cycle detected".
const out: string[] = [];
const outer = new Promise<string>((resolve) => {
  const inner = new Promise<string>((r) => setTimeout(() => r('inner value'), 5));
  resolve(inner);
});
outer.then((v) => out.push('outer adopted: ' + v));
const rejectedInner = new Promise((resolve) => resolve(Promise.reject(new Error('inner rejection'))));
rejectedInner.catch((e: Error) => out.push('adopted rejection: ' + e.message));
let selfResolve: (v: unknown) => void = () => {};
const self = new Promise((r) => { selfResolve = r; });
selfResolve(self);
self.catch((e: Error) => out.push(e.constructor.name + ': ' + e.message));
const p = Promise.resolve(1);
const q = p.then(() => q);
q.catch((e: Error) => out.push('then returning its own promise: ' + e.message));
console.log(Promise.resolve(p) === p, Promise.resolve(q) === q);
setTimeout(() => console.log(out.join('\n')), 20);
