// Shapes (boot/interp/shapes.ts) and the shape-validated inline caches (boot/interp/ic.ts),
// on the shapecheck interpreter: every cache hit validated by a shape compare is also checked
// against the key at the cached index (and a prototype hit against the receiver's own
// table), and a difference stops the machine with "shape check: ..." — a stale shape would
// otherwise be a silent wrong value. The programs that change objects under warmed sites
// (tests/lang/programs/dx-shapes-*.ts) and a spread of the corpus must print what Node
// prints with no such stop. The whole corpus: TSKERN_SHAPECHECK=1 npx vitest run tests/lang/guest.test.ts

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { programOutput } from './run.ts';
import { node, runNode } from '../lang/node-oracle.ts';

const dir = fileURLToPath(new URL('../lang/programs/', import.meta.url));
const PROGRAMS = [
  'dx-shapes-changes.ts', 'dx-shapes-protos.ts', 'delete.ts', 'getters-setters.ts', 'getter-inheritance.ts',
  'pl-define-property.ts', 'class-fields.ts', 'classes-basic.ts', 'dx-object-spread-getters.ts', 'dx-map-set-machine.ts',
];

async function runChecked(file: string): Promise<{ stdout: string; stderr: string; status: number }> {
  const program = encodeModule(compileProgram(join(dir, file)).module);
  const m = await bootImage({ image: assembleKernel({ program, shapeCheck: true }).elf, memoryMiB: 64 });
  try {
    const timeout = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no power-off:\n${m.output}`)), 120_000).unref());
    const status = await Promise.race([m.exited, timeout]);
    return { stdout: programOutput(m.output), stderr: m.errorOutput, status };
  } finally {
    await m.stop();
  }
}

node.describe('shape-validated inline caches on the shapecheck interpreter', () => {
  for (const p of PROGRAMS) {
    test(`${p}: Node's output, no stale shape`, async () => {
      const [out, guest] = await Promise.all([runNode(join(dir, p)), runChecked(p)]);
      expect(guest.stdout + guest.stderr).not.toContain('shape check');
      expect(guest.stdout).toBe(out.stdout);
      expect(guest.status).toBe(out.status);
    }, 150_000);
  }
});
