// Differential tests: every tests/lang/programs/*.ts runs under Node (bundled by esbuild)
// and through compile + the reference interpreter; stdout and exit status must match.
// Programs in REF_KNOWN_FAILURES still run, as expected failures (test.fails) named with
// the reason, so the gap stays visible and the test turns red once the program passes.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runReference } from '../../image-builder/refvm/index.ts';
import { node, runNode } from './node-oracle.ts';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

/** Programs whose output under the reference interpreter differs from Node's, and why. */
const REF_KNOWN_FAILURES: Record<string, string> = {
};

/** Programs whose Node run starts while the reference interpreter runs the current one. */
const LOOKAHEAD = 4;

async function compare(p: string): Promise<void> {
  // Node runs in its own processes (this program's and the next few) while the reference
  // interpreter runs here.
  const i = programs.indexOf(p);
  const nodeRun = runNode(join(dir, p), programs.slice(i + 1, i + 1 + LOOKAHEAD).map((q) => join(dir, q)));
  const ref = runReference(join(dir, p));
  const out = await nodeRun;
  expect(ref.stdout).toBe(out.stdout);
  expect({ status: ref.status }).toEqual({ status: out.status });
}

node.describe('differential: Node vs compiler + reference interpreter', () => {
  test('there are enough programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(150);
  });

  test('every known failure names an existing program', () => {
    for (const p of Object.keys(REF_KNOWN_FAILURES)) expect(programs).toContain(p);
  });

  for (const p of programs) {
    const reason = REF_KNOWN_FAILURES[p];
    if (reason === undefined) test(p, () => compare(p), 60000);
    else test.fails(`${p} — known difference: ${reason}`, () => compare(p), 60000);
  }
});
