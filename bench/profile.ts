// Where a program's bytecode ops go: executed ops by opcode and by function, counted by
// running the compiled program in the reference VM (the x86 interpreter runs the same
// bytecode, so the counts are the guest's).
//
//   npm run bench (builds it), then node build/bench/profile.mjs FILE.ts [N]
//
// With N, the program's `const N = <n>;` line is replaced first (as bench/programs.ts does).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CompiledFunction } from '../image-builder/bytecode/index.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { VM } from '../image-builder/refvm/vm.ts';

let file = process.argv[2];
if (!file) throw new Error('usage: profile FILE.ts [N]');
if (process.argv[3] !== undefined) {
  const copy = join(mkdtempSync(join(tmpdir(), 'tskern-profile-')), basename(file));
  writeFileSync(copy, readFileSync(file, 'utf8').replace(/^const N = \d+;/m, `const N = ${process.argv[3]};`));
  file = copy;
}
const compiled = compileProgram(file).module;
const vm = new VM(compiled);
const byOp = new Map<string, number>();
const byFn = new Map<CompiledFunction, number>();
type Decoded = { name: string };
const internals = vm as unknown as { decode: (cf: CompiledFunction) => Decoded[] };
const decode = internals.decode.bind(vm);
const cache = new Map<CompiledFunction, Decoded[]>();
// The run loop fetches each instruction it executes once from the decoded array.
internals.decode = (cf) => {
  let d = cache.get(cf);
  if (d) return d;
  d = new Proxy(decode(cf), {
    get(t, p) {
      const ins = (t as unknown as Record<string | symbol, unknown>)[p];
      if (typeof p === 'string' && ins && typeof ins === 'object' && 'name' in ins) {
        const name = (ins as Decoded).name;
        byOp.set(name, (byOp.get(name) ?? 0) + 1);
        byFn.set(cf, (byFn.get(cf) ?? 0) + 1);
      }
      return ins;
    },
  });
  cache.set(cf, d);
  return d;
};
const status = vm.runMain();
const total = [...byOp.values()].reduce((x, y) => x + y, 0);
console.log(`exit status ${status}, ${total} ops`);
const show = <K>(m: Map<K, number>, name: (k: K) => string, n: number) => {
  for (const [k, c] of [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, n)) {
    console.log(`${(100 * c / total).toFixed(1).padStart(5)}%  ${String(c).padStart(9)}  ${name(k)}`);
  }
};
console.log('\nby opcode:');
show(byOp, (k) => k, 40);
console.log('\nby function:');
show(byFn, (cf) => `fn#${compiled.functions.indexOf(cf)} ${cf.name ?? '<anonymous>'}`, 25);
