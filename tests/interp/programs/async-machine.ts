// The machine's Await/Resume without the prelude: a minimal promise runtime registers the
// AsyncFunction* intrinsics (intrinsics.ts Intrinsic 31-34) and drives a job queue with
// __native.resume. Only strings are printed (no number formatting without the prelude).

import { Intrinsic } from '../../../image-builder/bytecode/intrinsics.ts';

interface P {
  state: number; // 0 pending, 1 fulfilled, 2 rejected
  value: unknown;
  waiters: unknown[]; // parked frames
}

const jobs: unknown[] = [];
let head = 0;

function settle(p: P, state: number, value: unknown): void {
  if (p.state !== 0) return;
  p.state = state;
  p.value = value;
  for (let i = 0; i < p.waiters.length; i++) jobs[jobs.length] = [p.waiters[i], value, state === 2];
  p.waiters = [];
}

function isP(v: any): boolean {
  return __native.valueKind(v) === 5 && v.waiters !== undefined;
}

__native.registerIntrinsic(Intrinsic.AsyncFunctionStart, function start(): P {
  return { state: 0, value: undefined, waiters: [] };
});
__native.registerIntrinsic(Intrinsic.AsyncFunctionResolve, function resolve(p: P, v: unknown): void {
  if (isP(v)) {
    (v as P).waiters[(v as P).waiters.length] = undefined; // not used by these tests
  }
  settle(p, 1, v);
});
__native.registerIntrinsic(Intrinsic.AsyncFunctionReject, function reject(p: P, e: unknown): void {
  settle(p, 2, e);
});
__native.registerIntrinsic(Intrinsic.AsyncFunctionAwait, function awaitValue(v: any, frame: unknown): void {
  if (isP(v)) {
    if (v.state === 0) v.waiters[v.waiters.length] = frame;
    else jobs[jobs.length] = [frame, v.value, v.state === 2];
  } else {
    jobs[jobs.length] = [frame, v, false];
  }
});

function out(s: string): void {
  __native.writeStdout(s + '\n');
}

// a "timer": a promise settled by the job loop after n turns
const timers: any[] = [];
function sleep(turns: number, value: string): P {
  const p: P = { state: 0, value: undefined, waiters: [] };
  timers[timers.length] = [turns, p, value];
  return p;
}

async function leaf(name: string, turns: number): Promise<string> {
  out(name + ' starts');
  const v = await sleep(turns, name + ' value');
  out(name + ' woke with ' + v);
  return name + ' done';
}

async function failing(): Promise<string> {
  await null;
  throw 'failure';
}

async function main(): Promise<string> {
  out('main starts');
  const a = leaf('a', 3);
  const b = leaf('b', 1);
  out('main awaits b: ' + (await b));
  out('main awaits a: ' + (await a));
  try {
    await failing();
    out('not reached');
  } catch (e) {
    out('caught ' + e);
  } finally {
    out('finally runs');
    await null;
    out('finally after await');
  }
  let s = '';
  for (let i = 0; i < 200; i++) {
    const parts = ['x', 'y'];
    s = (await parts[i & 1]) + (s.length > 6 ? '' : s);
  }
  out('loop result ' + s);
  return 'main result';
}

const r: any = main();
out('main returned a promise: ' + (r.state === 0 ? 'pending' : 'settled'));
// the event loop: jobs, then timers one turn at a time
for (let turn = 0; turn < 50; turn++) {
  while (head < jobs.length) {
    const j: any = jobs[head];
    jobs[head] = undefined;
    head++;
    __native.resume(j[0], j[1], j[2]);
  }
  for (let i = 0; i < timers.length; i++) {
    const t = timers[i];
    if (t !== undefined && --t[0] === 0) {
      timers[i] = undefined;
      settle(t[1], 1, t[2]);
    }
  }
}
out('final: ' + (r.state === 1 ? 'fulfilled ' + r.value : r.state === 2 ? 'rejected ' + r.value : 'pending'));
export {};
