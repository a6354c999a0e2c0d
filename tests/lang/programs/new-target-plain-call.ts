// new.target is undefined in a plain call, also right after a `new` (the machine's leftover
// state from constructing must not leak into the next call's frame).
function F(this: unknown): boolean {
  return new.target === undefined;
}
function Y(this: unknown) {}
console.log('before any new:', (F as any)());
new (Y as any)();
console.log('after a new:', (F as any)(), (F as any)() === true);
try {
  new (function Thrower(this: unknown) { throw new Error('x'); } as any)();
} catch (e) {
  console.log('thrown from a constructor:', (e as Error).message);
}
console.log('after a throwing new:', (F as any)());
let v: any;
const u: any = undefined;
console.log(u === v, null === (null as any), v === undefined);
