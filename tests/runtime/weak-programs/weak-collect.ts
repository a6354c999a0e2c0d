// Weak collections across collections: gc() (the harness defines it: Node's --expose-gc
// gc, or the machine's collectGarbage) between tasks, so no WeakRef target is kept by the
// job that made it.
declare const gc: () => void;
export {};

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

const wm = new WeakMap<any, unknown>();
const ws = new WeakSet<object>();
const refs: WeakRef<object>[] = [];
let keep: object[] = [];

function fill(): void {
  for (let i = 0; i < 8; i++) {
    const k = { i };
    wm.set(k, { payload: 'v' + i, back: k }); // a value that refers to its own key
    ws.add(k);
    refs.push(new WeakRef(k));
    if (i % 3 === 0) keep.push(k);
  }
}

// a chain: k1's value holds k2, k2's value holds k3; only k1 is kept
let chainHead: object | undefined = { name: 'k1' };
const chainRefs: WeakRef<object>[] = [];
function chain(): void {
  let k: object = chainHead!;
  for (let i = 2; i <= 4; i++) {
    const next = { name: 'k' + i };
    wm.set(k, { next });
    k = next;
    chainRefs.push(new WeakRef(next));
  }
}

// symbols are weak keys too (not registered ones)
const symRefs: WeakRef<any>[] = [];
function symbols(): void {
  const s = Symbol('dropped');
  wm.set(s, 'sym value');
  symRefs.push(new WeakRef(s as any));
}

// Each step is a function of its own, so that no temporary of the async function (a
// register of its parked frame) holds an object the step dropped: engines differ there.
function step1(): void {
  fill();
  chain();
  symbols();
  gc(); // same job: every target is kept (KeepDuringJob)
  console.log('same job', refs.map((r) => r.deref() !== undefined).join(' '));
}

function step2(): void {
  gc();
  console.log('kept keys', refs.map((r) => r.deref() !== undefined).join(' '));
  console.log('values', keep.map((k) => (wm.get(k) as any).payload).join(' '), keep.every((k) => ws.has(k)));
  console.log('chain alive', chainRefs.map((r) => r.deref() !== undefined).join(' '));
  console.log('symbol', symRefs[0]!.deref());
  chainHead = undefined;
  keep = [keep[0]!];
}

function step3(): void {
  gc();
  console.log('chain after', chainRefs.map((r) => r.deref() !== undefined).join(' '));
  console.log('after drop', refs.map((r) => r.deref() !== undefined).join(' '));
  const k0 = refs[0]!.deref()!;
  console.log('k0', (wm.get(k0) as any).payload, ws.has(k0), wm.delete(k0), wm.has(k0), ws.delete(k0), ws.has(k0));
}

// many short-lived keys: the table keeps working as entries die and are replaced
const big = new WeakMap<object, number>();
const survivors: object[] = [];
function churn(round: number): void {
  for (let i = 0; i < 300; i++) {
    const k = {};
    big.set(k, round * 1000 + i);
    if (i % 100 === 7) survivors.push(k);
  }
}

async function main(): Promise<void> {
  step1();
  await tick();
  step2();
  await tick();
  step3();
  for (let round = 0; round < 5; round++) {
    churn(round);
    await tick();
    gc();
  }
  console.log('survivors', survivors.map((k) => big.get(k)).join(' '));
}

main();
