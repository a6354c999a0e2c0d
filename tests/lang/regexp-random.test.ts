// Random regular expressions (tests/runtime/regexp-gen.ts, seeded) through RegExp and the
// string methods, as a program: its output under Node against the compiler + reference
// interpreter (1,000 cases) and the x86 interpreter in v86 (a sample of 150). The engine
// itself is also checked directly against Node's RegExp in tests/runtime/regexp.test.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { runReference } from '../../image-builder/refvm/index.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { programOutput } from '../interp/run.ts';
import { randomFlags, randomInput, randomPattern } from '../runtime/regexp-gen.ts';
import { Rng } from '../runtime/rng.ts';
import { node, runNode } from './node-oracle.ts';

const dir = fileURLToPath(new URL('../../build/tmp/regexp-random/', import.meta.url));

const BODY = `
const show = (v: unknown): string => JSON.stringify(v);
for (let k = 0; k < cases.length; k++) {
  const [p, f, s, li] = cases[k];
  let re: RegExp;
  try {
    re = new RegExp(p, f);
  } catch (e) {
    console.log(k, (e as Error).name, (e as Error).message);
    continue;
  }
  re.lastIndex = li;
  const m = re.exec(s);
  console.log(k, show(m), m && m.index, m && show(m.groups), m && show(m.indices), re.lastIndex, re.test(s), re.lastIndex);
  re.lastIndex = 0;
  console.log(k, show(s.replace(re, '[$&|$1|$\\\`|$\\'|$$]')), show(s.split(re)), show(s.match(re)), s.search(re));
  if (re.global) {
    console.log(k, show([...s.matchAll(re)].map((x) => [x.index, x[0]])), show(s.replaceAll(re, (x, ...a) => '<' + x + a.length + '>')));
  }
}
`;

function program(seed: number, n: number): string {
  const rng = new Rng(seed);
  const cases: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const p = randomPattern(rng), f = randomFlags(rng), s = randomInput(rng);
    cases.push([p, f, s, rng.int(s.length + 2)]);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cases-${seed}-${n}.ts`);
  writeFileSync(file, `const cases: [string, string, string, number][] = ${JSON.stringify(cases)};\n${BODY}`);
  return file;
}

node.describe('random regular expressions: Node vs the compiled program', () => {
  test('reference interpreter, 1,000 cases', async () => {
    const file = program(7001, 1000);
    const out = await runNode(file);
    const ref = runReference(file);
    expect(out.stdout.split('\n').length).toBeGreaterThan(2000);
    // Node's stdout is UTF-8 (a lone surrogate became U+FFFD), the reference machine's a JS string
    expect(Buffer.from(ref.stdout, 'utf8').toString('utf8')).toBe(out.stdout);
    expect(ref.status).toBe(out.status);
  }, 300_000);

  test('x86 interpreter in v86, 150 cases', async () => {
    const file = program(7002, 150);
    const out = await runNode(file);
    const m = await bootImage({ image: assembleKernel({ program: encodeModule(compileProgram(file).module) }).elf, memoryMiB: 64 });
    try {
      const status = await m.exited;
      expect(programOutput(m.output)).toBe(out.stdout);
      expect(status).toBe(out.status);
    } finally {
      await m.stop();
    }
  }, 600_000);
});
