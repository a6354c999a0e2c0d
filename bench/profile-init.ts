// Where the prelude's initialisation goes: every op executed is charged to the top-level
// statement (file:line of the bundle's top function) running at the time, so a statement
// that calls an installer is charged with the installer's ops (inclusive counts).
//
//   esbuild bench/profile-init.ts ... && node build/bench/profile-init.mjs FILE.ts
import type { CompiledFunction } from '../image-builder/bytecode/index.ts';
import { positionAt } from '../image-builder/bytecode/format.ts';
import { compileProgram } from '../image-builder/compiler/index.ts';
import { VM } from '../image-builder/refvm/vm.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: profile-init FILE.ts');
const compiled = compileProgram(file).module;
const top = compiled.functions[0];
const vm = new VM(compiled);
const byLine = new Map<string, number>();
const byFile = new Map<string, number>();
let current = '?';
type Decoded = { name: string };
const internals = vm as unknown as { decode: (cf: CompiledFunction) => Decoded[] };
const decode = internals.decode.bind(vm);
const cache = new Map<CompiledFunction, Decoded[]>();
const fileName = (i: number) => (compiled as unknown as { files: string[] }).files[i] ?? String(i);
internals.decode = (cf) => {
  let d = cache.get(cf);
  if (d) return d;
  d = new Proxy(decode(cf), {
    get(t, p) {
      const ins = (t as unknown as Record<string | symbol, unknown>)[p];
      if (typeof p === 'string' && ins && typeof ins === 'object' && 'name' in ins) {
        if (cf === top) {
          const pos = positionAt(cf, Number(p));
          current = pos ? `${fileName(pos.file)}:${pos.line}` : '?';
        }
        byLine.set(current, (byLine.get(current) ?? 0) + 1);
        const f = current.replace(/:\d+$/, '');
        byFile.set(f, (byFile.get(f) ?? 0) + 1);
      }
      return ins;
    },
  });
  cache.set(cf, d);
  return d;
};
vm.runMain();
const total = [...byLine.values()].reduce((x, y) => x + y, 0);
const show = (m: Map<string, number>, n: number) => {
  for (const [k, c] of [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, n)) {
    console.log(`${(100 * c / total).toFixed(1).padStart(5)}%  ${String(c).padStart(7)}  ${k}`);
  }
};
console.log(`${total} ops\n\nby file:`);
show(byFile, 30);
console.log('\nby top-level statement:');
show(byLine, 40);
