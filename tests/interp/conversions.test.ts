// ToNumber of strings (natively and through the prelude's Number), ToPrimitive of objects
// (valueOf / toString through calls from handlers), spreading iterables (ArraySpread with
// the iterator protocol) and for..in over inherited keys: whole programs compiled with the
// runtime prelude, checked against Node, also under gcstress.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runProgram } from './run.ts';

const SOURCE = `
const xs = ['', '  ', ' 12 ', '-0', '+5', '0x1F', '0b101', '0o17', '-0x10', 'Infinity', '-Infinity', '1.5', '1e3',
  '9007199254740993', '9007199254740992', 'abc', '12abc', '\\t\\n42\\r', '0x', '.5', '5.', 'infinity', '\\u00a07', '1_000', '00012'];
const out: string[] = [];
for (const s of xs) { const v = s as any; out.push(String(v * 1), String(1 / -v), String(v | 0), String(v == 12)); }
console.log(out.join(' '));
const calls: string[] = [];
const o = { valueOf() { calls.push('v'); return 7; }, toString() { calls.push('s'); return 'x'; } };
const p = { valueOf() { calls.push('pv'); return {}; }, toString() { calls.push('ps'); return '3'; } };
console.log((o as any) + 1, (o as any) + 'a', (p as any) * 2, (o as any) < (p as any), (p as any) == 3, calls.join(','));
const q = { valueOf() { return {}; }, toString() { return {}; } };
try { console.log((q as any) + 1); } catch (e) { console.log((e as Error).name, (e as Error).message); }
let n = 0; const cnt = { valueOf() { return ++n; } };
for (let i = 0; i < 3; i++) console.log((cnt as any) + 0, (cnt as any) > 1, (cnt as any) | 0, -(cnt as any), ~(cnt as any));
let d: any = { valueOf() { return '2'; } }; d++; console.log(d, [1] == (1 as any), (function f() {} as any) * 1);
const m = new Map<string, number>([['a', 1], ['b', 2]]);
class Range { constructor(private k: number) {} next() { return this.k > 0 ? { done: false, value: this.k-- } : { done: true, value: 0 }; } }
console.log([...m], [...new Set([3, 4, 3])], [...'h\\u{1F600}i'].length, [...m.keys()], Math.max(...new Set([1, 9, 2])));
const proto = { p1: 1, shadow: 2, 5: 'five' };
const child: any = Object.create(proto); child.own = 3; child[1] = 'one';
Object.defineProperty(child, 'shadow', { value: 9, enumerable: false });
const keys: string[] = []; for (const k in child) keys.push(k); console.log(keys.join());
class A { a = 1; } class B extends A { b = 2; } (A.prototype as any).onA = 1;
const ks: string[] = []; for (const k in new B()) ks.push(k); console.log(ks.join());
void Range;
console.log({ ...'ab', ...['x'] }, { ...'\u{1F600}' });
`;

const dir = mkdtempSync(join(tmpdir(), 'tskern-conv-'));
const file = join(dir, 'conversions.ts');
writeFileSync(file, SOURCE);

function nodeOutput(): string {
  const out = join(dir, 'conversions.mjs');
  const r = buildSync({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('conversions and iteration in the guest', () => {
  const program = encodeModule(compileProgram(file).module);
  const expected = nodeOutput();
  for (const cmdline of [undefined, 'gcstress']) {
    test(`match Node${cmdline ? ` (${cmdline})` : ''}`, async () => {
      // gcstress collects at every allocation: minutes of CPU when the machine is shared
      const r = await runProgram(program, { cmdline, memoryMiB: 64, timeoutMs: 150_000 });
      expect(r.output).toBe(expected);
      expect(r.status).toBe(0);
    }, 180_000);
  }
});
