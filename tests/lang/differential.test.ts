// Differential tests: every tests/lang/programs/*.ts runs under Node (bundled by esbuild)
// and through compile + the reference interpreter; stdout and exit status must match.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { runReference, type RunResult } from '../../image-builder/refvm/index.ts';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const outDir = mkdtempSync(join(tmpdir(), 'tskern-lang-'));
const nodeResults = new Map<string, Promise<RunResult>>();

function runNode(file: string): Promise<RunResult> {
  const out = join(outDir, file.replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [join(dir, file)], bundle: true, format: 'esm', target: 'esnext', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [out], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}

describe('differential: Node vs compiler + reference interpreter', () => {
  // Bundling every program for Node is synchronous esbuild work: generous on a busy machine.
  beforeAll(() => {
    for (const p of programs) nodeResults.set(p, runNode(p));
  }, 180_000);

  test('there are enough programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(60);
  });

  test.each(programs)('%s', async (p) => {
    const ref = runReference(join(dir, p));
    const node = await nodeResults.get(p)!;
    expect(ref.stdout).toBe(node.stdout);
    expect({ status: ref.status }).toEqual({ status: node.status });
    if (node.status !== 0 && node.stderr.includes('Uncaught') === false) expect(ref.status).toBe(node.status);
  });
});
