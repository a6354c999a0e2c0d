// Differential tests: every tests/lang/programs/*.ts runs under Node (bundled by esbuild)
// and through compile + the reference interpreter; stdout and exit status must match.
// Programs in REF_KNOWN_FAILURES still run, as expected failures (test.fails) named with
// the reason, so the gap stays visible and the test turns red once the program passes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { runReference, type RunResult } from '../../image-builder/refvm/index.ts';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const outDir = mkdtempSync(join(tmpdir(), 'tskern-lang-'));

/** At most this many Node processes at a time (the machine is shared; timer programs need real time). */
const NODE_CONCURRENCY = 6;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(f: () => Promise<T>): Promise<T> {
  if (running >= NODE_CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Programs whose output under the reference interpreter differs from Node's, and why. */
const REF_KNOWN_FAILURES: Record<string, string> = {
  'dx-error-messages.ts': 'machine TypeError messages differ: callee named by value not by expression, instanceof of a primitive, in on a string, not iterable, Map() without new, #<Object2>',
};

/** Bundles and starts one program under Node; called lazily by its test, so that a filtered
 * run (-t) does not bundle every program and the work is not one long synchronous hook. */
function runNode(file: string): Promise<RunResult> {
  return limited(() => runNodeNow(file));
}

function runNodeNow(file: string): Promise<RunResult> {
  const out = join(outDir, file.replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [join(dir, file)], bundle: true, format: 'esm', target: 'esnext', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [out], { stdio: 'pipe', env: { ...process.env, TZ: 'UTC' } }); // the guest's local time is UTC
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}

async function compare(p: string): Promise<void> {
  const nodeRun = limited(() => runNode(p)); // Node runs in its own process while the reference interpreter runs here
  const ref = runReference(join(dir, p));
  const node = await nodeRun;
  expect(ref.stdout).toBe(node.stdout);
  expect({ status: ref.status }).toEqual({ status: node.status });
  if (node.status !== 0 && node.stderr.includes('Uncaught') === false) expect(ref.status).toBe(node.status);
}

describe('differential: Node vs compiler + reference interpreter', () => {
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
