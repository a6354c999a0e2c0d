// Symbols in the guest: a symbol-heavy program compiled with the runtime prelude, checked
// against Node, also under gcstress (every allocation collects, so the collector must trace
// symbol cells, their descriptions and symbol keys in property tables); and the
// well-known symbols the runtime does not honour, which throw instead of doing nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runReference } from '../../image-builder/refvm/index.ts';
import { runProgram } from './run.ts';

const SOURCE = `
const syms: symbol[] = [];
for (let i = 0; i < 40; i++) syms.push(Symbol('s' + i));
const o: any = {};
syms.forEach((s, i) => { o[s] = 'v' + i; o['k' + i] = i; });
let ok = 0;
syms.forEach((s, i) => { if (o[s] === 'v' + i && s.description === 's' + i) ok++; });
console.log(ok, Object.getOwnPropertySymbols(o).length, Object.keys(o).length, String(syms[7]), syms[39].toString());
const m = new Map<symbol, number>();
syms.forEach((s, i) => m.set(s, i * i));
console.log(m.get(syms[12]), m.size, [...m.keys()].slice(0, 3), Symbol.for('x' + 1) === Symbol.for('x1'), Symbol.keyFor(Symbol.for('reg')));
const copy = { ...o };
console.log(Object.getOwnPropertySymbols(copy).length, Object.assign({}, o)[syms[3]], delete copy[syms[0]], syms[0] in copy);
class Bag {
  items: number[] = [];
  [Symbol.iterator]() { let i = 0; const items = this.items; return { next: () => ({ value: items[i], done: i++ >= items.length }) }; }
  get [Symbol.toStringTag]() { return 'Bag'; }
  [Symbol.toPrimitive](hint: string) { return hint === 'number' ? this.items.length : 'bag of ' + this.items.length; }
}
const bag = new Bag();
for (let i = 0; i < 30; i++) bag.items.push(i);
let sum = 0;
for (const x of bag) sum += x;
console.log(sum, [...bag].length, Array.from(bag, (x) => x * 2)[29], String(bag), +bag, \`\${bag}\`, Object.prototype.toString.call(bag));
const keyed: any = {};
keyed[bag as any] = 1;
console.log(Object.keys(keyed), { [syms[1]]: { [syms[2]]: [syms[3]] } });
try { (null as any)[syms[5]] = 1; } catch (e) { console.log((e as Error).message); }
try { Object.freeze(o)[syms[6]] = 0; } catch (e) { console.log((e as Error).message); }
try { console.log('' + (syms[8] as any)); } catch (e) { console.log((e as Error).message); }
`;

const dir = mkdtempSync(join(tmpdir(), 'tskern-sym-'));
const file = join(dir, 'symbols.ts');
writeFileSync(file, SOURCE);

function nodeOutput(f: string): string {
  const out = f.replace(/\.ts$/, '.mjs');
  const r = buildSync({ entryPoints: [f], bundle: true, format: 'esm', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('symbols in the guest', () => {
  const program = encodeModule(compileProgram(file).module);
  const expected = nodeOutput(file);
  test('the reference interpreter matches Node', () => {
    expect(runReference(file).stdout).toBe(expected);
  });
  for (const cmdline of [undefined, 'gcstress']) {
    test(`match Node${cmdline ? ` (${cmdline})` : ''}`, async () => {
      const r = await runProgram(program, { cmdline, memoryMiB: 64, timeoutMs: 100000 });
      expect(r.output).toBe(expected);
      expect(r.status).toBe(0);
    }, 120000);
  }

  // Node has these, but nothing in this runtime would act on them (the regular-expression
  // ones, match/matchAll/replace/search/split, are honoured: regexp.ts): reading one is a
  // TypeError rather than a symbol that silently does nothing.
  test('well-known symbols that are not honoured throw when read', async () => {
    const unsupported = join(dir, 'unsupported.ts');
    writeFileSync(unsupported, `
for (const name of ['isConcatSpreadable', 'unscopables']) {
  try { console.log((Symbol as any)[name]); } catch (e) { console.log((e as Error).name + ': ' + (e as Error).message); }
}
console.log(Object.getOwnPropertyNames(Symbol).includes('unscopables'), String(Symbol.species));
`);
    // (Symbol.species is honoured: tests/lang/programs/species.ts)
    const want = ['isConcatSpreadable', 'unscopables']
      .map((n) => `TypeError: Symbol.${n} is not supported (nothing in this runtime acts on it)\n`).join('') + 'true Symbol(Symbol.species)\n';
    expect(runReference(unsupported).stdout).toBe(want);
    const r = await runProgram(encodeModule(compileProgram(unsupported).module), { memoryMiB: 64, timeoutMs: 30000 });
    expect(r.output).toBe(want);
  }, 60000);
});
