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

function runNode(file: string): Promise<RunResult> {
  return limited(() => runNodeNow(file));
}

function runNodeNow(file: string): Promise<RunResult> {
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
  beforeAll(() => {
    for (const p of programs) nodeResults.set(p, runNode(p));
  });

  test('there are enough programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(60);
  });

  test.each(programs)('%s', { timeout: 120_000 }, async (p) => {
    const ref = runReference(join(dir, p));
    const node = await nodeResults.get(p)!;
    expect(ref.stdout).toBe(node.stdout);
    expect({ status: ref.status }).toEqual({ status: node.status });
    if (node.status !== 0 && node.stderr.includes('Uncaught') === false) expect(ref.status).toBe(node.status);
  });
});
