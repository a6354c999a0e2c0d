// tsvm against Node: each differential program of tests/lang/programs/ that passes on the
// kernel image's interpreter (tests/lang/guest-programs.ts; the same interpreter source) is
// compiled for tsvm and run as `qemu-i386 tsvm prog.tsbc`; stdout, the exit status and the
// report of an uncaught exception (tsvm's "Uncaught X" against the X under Node's caret) must agree.

import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { DEFAULT_REASON, GUEST_PASSING, REASONS, UNCAUGHT_DIFFERS, machineUncaught, nodeUncaught } from '../lang/guest-programs.ts';
import { compileFor, qemuAvailable, runTsvm, skipNote, workDir } from './run.ts';

const dir = fileURLToPath(new URL('../lang/programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

interface Outcome { stdout: string; uncaught: string | undefined; status: number | null }


function runNode(file: string): Promise<Outcome> {
  const out = join(workDir, file.replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [join(dir, file)], bundle: true, format: 'esm', target: 'esnext', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [out], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, uncaught: nodeUncaught(stderr), status }));
  });
}

async function runOnTsvm(file: string): Promise<Outcome> {
  const program = compileFor(join(dir, file));
  const r = await runTsvm([program]);
  return { stdout: r.stdout, uncaught: machineUncaught(r.stderr), status: r.status };
}


describe('differential: Node vs tsvm (qemu-i386)', () => {
  for (const p of programs) {
    if (GUEST_PASSING.has(p) && qemuAvailable) {
      test(p, async () => {
        const [node, vm] = await Promise.all([runNode(p), runOnTsvm(p)]);
        expect(vm.stdout).toBe(node.stdout);
        if (!UNCAUGHT_DIFFERS[p]) expect(vm.uncaught).toBe(node.uncaught);
        expect(vm.status).toBe(node.status);
      }, 60000);
    } else {
      test.skip(`${p} — ${!qemuAvailable ? skipNote : REASONS[p] ?? DEFAULT_REASON}`, () => {});
    }
  }
});
