// Node, the oracle of the language tests: a program is bundled by esbuild and run by the
// Node running the tests, which must be the version package.json pins ("engines"): Node's
// output (number printing, inspect, error messages) is what the guest must reproduce, and
// it differs between versions. Results are cached in build/cache/node-oracle/, keyed by
// the bundled JavaScript and the Node version, so a program is run again by Node only
// when it (or something it imports) or Node changed.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { requireTool } from '../oracle.ts';

export interface NodeRun {
  stdout: string;
  stderr: string;
  status: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = join(root, 'build', 'cache', 'node-oracle');
const outDir = mkdtempSync(join(tmpdir(), 'tskern-node-'));

/** The Node major version package.json pins (engines.node is "<major>.x"). */
export const PINNED_NODE_MAJOR: number = (() => {
  const range: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const m = /^(\d+)\.x$/.exec(range);
  if (!m) throw new Error(`package.json engines.node should be "<major>.x", not "${range}"`);
  return Number(m[1]);
})();

/** The oracle itself: skipped with the reason under another Node, failed under CI. */
export const node = requireTool(`Node ${PINNED_NODE_MAJOR}.x`, () => process.versions.node.split('.')[0] === String(PINNED_NODE_MAJOR)
  || `Node ${process.versions.node} runs the tests, but the oracle is pinned to Node ${PINNED_NODE_MAJOR}.x (package.json engines)`);

/** At most this many Node processes at a time (the machine is shared; timer programs need real time). */
const NODE_CONCURRENCY = 4;
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

const runs = new Map<string, Promise<NodeRun>>();

/**
 * Node's stdout, stderr and exit status for the program `file` (memoised). `upcoming`:
 * programs the caller will ask for next, started now (at most NODE_CONCURRENCY processes),
 * so that Node runs while the caller works on this one.
 */
export function runNode(file: string, upcoming: string[] = []): Promise<NodeRun> {
  for (const f of [file, ...upcoming]) {
    if (!runs.has(f)) {
      const p = limited(() => runNodeNow(f));
      p.catch(() => {}); // a prefetch nobody awaits must not be an unhandled rejection
      runs.set(f, p);
    }
  }
  return runs.get(file)!;
}

async function runNodeNow(file: string): Promise<NodeRun> {
  const out = join(outDir, basename(file).replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [file], bundle: true, format: 'esm', target: 'esnext', platform: 'neutral', write: false, outfile: out, logLevel: 'silent', absWorkingDir: root });
  const js = r.outputFiles[0].contents;
  const key = createHash('sha256').update(`${process.version}\n${basename(file)}\n`).update(js).digest('hex').slice(0, 32);
  const cached = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as NodeRun;
  } catch {
    // not run yet
  }
  writeFileSync(out, js);
  const result = await new Promise<NodeRun>((resolve, reject) => {
    const child = spawn(process.execPath, [out], { stdio: 'pipe', env: { ...process.env, TZ: 'UTC' } }); // the guest's local time is UTC
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
  if (result.status >= 0) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, cached);
  }
  return result;
}
