// Guest x86 instructions per operation for the costs issue 14 sets aims for, each printed
// beside its aim.
//
//   npm run bench            (builds and runs this file with the others)
//   node build/bench/builtins.mjs [name...]
//
// Each case is a compiled TypeScript program run twice (N iterations and none) next to a
// control program that runs the same loop without the operation (also N and none). The cost
// of one operation is ((op(N) - op(0)) - (control(N) - control(0))) / N: boot, prelude
// start-up, set-up, the loop itself and the final console.log cancel out. The loop case's
// control is the empty program, so its figure is the whole iteration.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeModule } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { assembleKernel } from '../image-builder/build.ts';
import { bootImage } from '../host/v86-runner.ts';

interface Case {
  name: string;
  /** The aim in guest instructions per operation; 0: none, the figure is printed alone. */
  aim: number;
  /** Set-up before the loop (N is defined). */
  setup: string;
  /** The loop body with the operation; `i` is the loop counter, `s` an int accumulator. */
  op: string;
  /** The same loop body without the operation. */
  control: string;
  n: number;
  /** Where the cost goes, printed when the aim is not met. */
  gap: string;
}

const CASES: Case[] = [
  {
    name: 'int loop iteration (s = (s + i) | 0)', aim: 40, n: 200_000,
    setup: '', op: 's = (s + i) | 0;', control: '', 
    gap: 'two fused ops a iteration (AddToInt32 for (s + i) | 0, IncJumpIfLt for i++ and i < N: docs/bytecode.md, "Fused fast paths"); without them 4 ops of ~14 instructions',
  },
  {
    name: 'call + return (f(i) of a plain function)', aim: 100, n: 100_000,
    setup: 'function f(x: number): number { return x; }', op: 's = f(i);', control: 's = i;',
    gap: '',
  },
  {
    name: 'property get + set, class instance (p.x = p.x + 1)', aim: 2 * 15, n: 100_000,
    setup: 'class P { x = 0; y = 1; } const p = new P();', op: 'p.x = p.y + i;', control: 's = 1 + i;',
    gap: "a GetProp or SetProp hit with shapes is 20 instructions (boot/interp/ic.ts): operand decoding 3 (object, ic, destination/source register), the register's tag check and payload 3, the kind check 2, the object's table present/loaded and its shape loaded 4, the shape compare with the entry 2, the value's offset 1, the 8-byte copy 2, dispatch 3; 15 needs the shape word in the object itself (no table load, no presence check, no kind check: a header change for every object kind)",
  },
  {
    name: 'Array push (one argument, growth included)', aim: 60, n: 50_000,
    setup: 'const a: number[] = [];', op: 'a.push(i);', control: 's = i;',
    gap: "GetProp 'push' is a shape-validated prototype hit, ~27 instructions (boot/interp/ic.ts: the array has no table, so its shape is SHAPE_EMPTY; the receiver-shape compare, the prototype's presence, table and shape compare, the copy, dispatch); the Call with the machine's push is ~45 (its operand checks, call_intercept's table ~10, the push ~25) and growth the rest; 60 needs the Call and push path cut by ~12 as well",
  },
  {
    name: 'Map.get (1,024 integer keys)', aim: 150, n: 50_000,
    setup: 'const m = new Map<number, number>(); for (let k = 0; k < 1024; k++) m.set(k, k);',
    op: 's = m.get(i & 1023)!;', control: 's = i & 1023;',
    gap: "the probe is the machine's (coll_op over the prelude's ordered-hash store, ~90 with the call into it: receiver check, store fields, hash, one bucket, the value); GetProp 'get' is a shape-validated prototype hit (~27: the Map's own shape, then Map.prototype's), and the Call ~20",
  },
  {
    name: 'Map.set, existing key (no growth)', aim: 250, n: 50_000,
    setup: 'const m = new Map<number, number>(); for (let k = 0; k < 1024; k++) m.set(k, k);',
    op: 'm.set(i & 1023, i);', control: 's = i & 1023;',
    gap: "as Map.get, and the store write",
  },
  {
    name: 'Map.set, page-address keys (multiples of 4096, no growth)', aim: 250, n: 50_000,
    setup: 'const m = new Map<number, number>(); for (let k = 0; k < 1024; k++) m.set(k * 4096, k);',
    op: 'm.set((i & 1023) * 4096, i);', control: 's = (i & 1023) * 4096;',
    gap: "as Map.get; the page-address keys spread over the buckets as well as small integers (h * 0x9e3779b1, its high half folded in)",
  },
  {
    name: 'setTimeout(f, 0) and its callback run by the event loop', aim: 2000, n: 5_000,
    setup: 'const f = (): void => { s++; };', op: 'setTimeout(f, 0);', control: 's = i;',
    gap: "Node's timer lists in the prelude's TypeScript (runtime/prelude/async.ts), ~95 bytecode ops a timer (bench/profile.ts): setTimeout's frame ~52 ops, the Timeout object ~230 instructions of it (an object, its prototype, the hidden symbol-keyed link to the timer: the link's property table is most of it, and since shapes its add follows a shape transition, ~60 more: 1,982 before them), the timer array ~200, reading the clock ~60; listOnTimeout ~40 ops a timer and the callback's Call; each constant-index element access ~25 instructions",
  },
  {
    name: 'setTimeout(f, 1000) + clearTimeout', aim: 2000, n: 5_000,
    setup: 'const f = (): void => { s++; };', op: 'clearTimeout(setTimeout(f, 1000));', control: 's = i;',
    gap: "the setTimeout above (~1,450 alone) and a clearTimeout of ~1,000: its call from the program ~300 (GetGlobal + Call + Return), clearTimeout's own ~53 ops: the Timeout's timer found by its symbol-keyed property, Node's unenroll (unlink, the emptied list marked dead instead of leaving the heap and the map, refCount, flags); setTimeout then revives the dead list (~17 ops). 2,000 needs cheaper element and property access (shapes: one compare instead of ~25 instructions) or clearTimeout in the machine",
  },
  {
    name: 'string += one character (short strings: reset every 64)', aim: 100, n: 50_000,
    setup: "let t = '';", op: "t += 'x'; if ((i & 63) === 0) t = '';", control: "s = i; if ((i & 63) === 0) t = '';",
    gap: "Add's two-string path (str_concat: allocation and copy) and the collections its garbage brings",
  },
  {
    name: 'string += one character (string grows to N)', aim: 100, n: 50_000,
    setup: "let t = '';", op: "t += 'x';", control: "s = i;",
    gap: '',
  },
  // No aim of their own: built-ins that went through two to four prelude frames each
  // (thisString, toIntegerOrInfinity, toNum) and that the machine now answers itself for
  // the easy arguments (boot/interp/machine-methods.ts), beside an operation's ~30
  {
    name: 'str.charCodeAt(i)', aim: 0, n: 50_000,
    setup: "const str = 'hello world, this is a string';", op: 's = str.charCodeAt(i & 15);', control: 's = i & 15;', gap: '',
  },
  {
    name: 'Math.floor(i / 3)', aim: 0, n: 50_000,
    setup: '', op: 's = Math.floor(i / 3);', control: 's = (i / 3) | 0;', gap: '',
  },
  {
    name: 'Math.max(a, b)', aim: 0, n: 50_000,
    setup: '', op: 's = Math.max(i, 700);', control: 's = i;', gap: '',
  },
  {
    name: 'Array pop + push', aim: 0, n: 50_000,
    setup: 'const a = [1, 2, 3];', op: 'a.push(i); s = a.pop()!;', control: 's = i;', gap: '',
  },
  {
    name: 'str.slice(2, 8)', aim: 0, n: 20_000,
    setup: "const str = 'hello world, this is a string';", op: 's = str.slice(2, 8).length;', control: 's = i;', gap: '',
  },
];

function program(c: Case, body: string, n: number): string {
  return `const N = ${n};\nlet s = 0;\n${c.setup}\nfor (let i = 0; i < N; i++) { ${body} }\nconsole.log(s);\n`;
}

const tmp = mkdtempSync(join(tmpdir(), 'tskern-builtins-'));
let fileNo = 0;
async function instructions(source: string): Promise<number> {
  const file = join(tmp, `p${fileNo++}.ts`);
  writeFileSync(file, source);
  const image = assembleKernel({ program: encodeModule(compileProgram(file).module) });
  const m = await bootImage({ image: image.elf, memoryMiB: 64, cmdline: 'quiet' });
  try {
    const status = await m.exited;
    if (status !== 0) throw new Error(`exit status ${status}\n${source}\n${m.output}\n${m.errorOutput}`);
    return m.instructionCountSinceMark();
  } finally {
    await m.stop();
  }
}

const only = process.argv.slice(2).filter((x) => !x.startsWith('--'));
console.log('builtins and core operations (bench/builtins.ts): guest instructions per operation, beside the aim of issue 14');
for (const c of CASES.filter((x) => only.length === 0 || only.some((o) => x.name.includes(o)))) {
  const op = (await instructions(program(c, c.op, c.n))) - (await instructions(program(c, c.op, 0)));
  const control = c.control === '' && c.setup === ''
    ? 0
    : (await instructions(program(c, c.control, c.n))) - (await instructions(program(c, c.control, 0)));
  const per = (op - control) / c.n;
  if (c.aim === 0) {
    console.log(`  ${c.name.padEnd(62)} ${per.toFixed(1).padStart(9)}   (no aim)`);
    continue;
  }
  const verdict = per <= c.aim ? 'met' : `NOT met (${(per / c.aim).toFixed(1)}x the aim)`;
  console.log(`  ${c.name.padEnd(62)} ${per.toFixed(1).padStart(9)}   aim <= ${String(c.aim).padStart(4)}   ${verdict}`);
  if (per > c.aim && c.gap !== '') console.log(`      why: ${c.gap}`);
}
