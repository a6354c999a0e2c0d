// The start-up shortcuts keep Node's behaviour: string constants are the container's string
// records, interned by the image builder's string table (format.ts: slots from
// guestStringHash, the guest's hash), so a key built at run time must find the constant's
// property, for one- and two-byte strings, whoever made it first;
// the prelude's install() is one native (installMethods), whose builtins must still be
// non-enumerable methods and accessors as Node has them, the same in the reference VM and
// the guest, also under gcstress (the native re-reads its source after each definition).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { decodeModule, encodeModule } from '../../image-builder/bytecode/index.ts';
import { guestStringHash } from '../../image-builder/bytecode/format.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runReference } from '../../image-builder/refvm/index.ts';
import { runProgram } from './run.ts';

const SOURCE = `
const o: any = {};
const parts = ['ab', 'cd', 'é', 'ключ', '🙂', ''];
o.abcd = 1; o['abé'] = 2; o['ключ'] = 3; o['x🙂'] = 4; o.ab = 5;
console.log(o[parts[0] + parts[1]], o[parts[0] + parts[2]], o[parts[3] + parts[5]], o['x' + parts[4]], o[parts[0] + parts[5]]);
const made: any = {};
made[parts[0] + parts[1]] = 'a'; made[parts[3].slice(0, 2) + parts[3].slice(2)] = 'b';
console.log(made.abcd, made['ключ'], Object.keys(made).join());
// strings made while running that are no constant (the machine's own intern table: 1,024
// slots, grown past 512 entries), and constants found again after that
const many: any = {};
for (let i = 0; i < 520; i++) many['zz' + i] = i;
let hits = 0;
for (let i = 0; i < 520; i++) if (many['z' + 'z' + String(i)] === i) hits++;
console.log(hits, many.zz519, o[parts[0] + parts[1]], o['ab' + 'cd'], 'abcd' in o, ('ab' + 'cd') in made, Object.keys(many).length);
const describe = (o: any, keys: (string | symbol)[]) => keys.map((k) => {
  const d: any = Object.getOwnPropertyDescriptor(o, k);
  return String(k) + ':' + (d ? [d.enumerable, d.writable, d.configurable, typeof d.value, typeof d.get, typeof d.set].join('/') : 'absent');
}).join(' ');
console.log(describe(Map.prototype, ['get', 'set', 'size', Symbol.iterator, Symbol.toStringTag]));
console.log(describe(Array.prototype, ['push', 'map', Symbol.iterator]), Object.keys(Array.prototype).length);
console.log(describe(Object, ['keys', 'assign']), describe(Date, ['now', 'UTC']), describe(Promise.prototype, ['then', 'finally']));
console.log(describe(Object.getPrototypeOf(Uint8Array.prototype), ['buffer', 'length', 'set']));
console.log(describe(Math, ['max', 'PI']), describe(String.prototype, ['at', 'padStart']), describe(Symbol.prototype, ['description']));
for (const k in Map.prototype) console.log('enumerable', k);
console.log(Map.prototype.get.name, Map.prototype.get.length, [1, 2].map((x) => x * 3).join());
`;

const dir = mkdtempSync(join(tmpdir(), 'tskern-startup-'));
const file = join(dir, 'startup.ts');
writeFileSync(file, SOURCE);

function nodeOutput(f: string): string {
  const out = f.replace(/\.ts$/, '.mjs');
  const r = buildSync({ entryPoints: [f], bundle: true, format: 'esm', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('start-up shortcuts', () => {
  const module = compileProgram(file).module;
  const program = encodeModule(module);
  const expected = nodeOutput(file);

  test('the string table hashes as the guest does (FNV-1a), and the module still decodes', () => {
    // FNV-1a test vectors (32-bit): "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968
    expect(guestStringHash('')).toBe(0x811c9dc5);
    expect(guestStringHash('a')).toBe(0xe40c292c);
    expect(guestStringHash('foobar')).toBe(0xbf9cf968);
    expect(decodeModule(program).constants).toEqual(module.constants);
  });
  test('the reference interpreter matches Node', () => {
    expect(runReference(file).stdout).toBe(expected);
  });
  for (const cmdline of [undefined, 'gcstress']) {
    test(`the guest matches Node${cmdline ? ` (${cmdline})` : ''}`, async () => {
      const r = await runProgram(program, { cmdline, memoryMiB: 64, timeoutMs: 200000 }); // (gcstress: a collection at every allocation)
      expect(r.output).toBe(expected);
      expect(r.status).toBe(0);
    }, 240000);
  }
});
