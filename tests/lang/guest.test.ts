// Guest differential tests: each tests/lang/programs/*.ts compiled (with the runtime
// prelude) and run in the x86 interpreter under v86 must print what Node prints and exit
// with Node's status. Programs that do not pass yet are listed below as skipped, each
// with the reason, so the gap stays visible; move a program to GUEST_PASSING when it passes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { programOutput } from '../interp/run.ts';
import { DEFAULT_REASON, GUEST_PASSING, REASONS } from './guest-programs.ts';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const outDir = mkdtempSync(join(tmpdir(), 'tskern-guest-'));


function runNode(file: string): Promise<{ stdout: string; status: number }> {
  const out = join(outDir, file.replace(/\.ts$/, '.mjs'));
  const r = buildSync({ entryPoints: [join(dir, file)], bundle: true, format: 'esm', target: 'esnext', platform: 'neutral', write: false, outfile: out, logLevel: 'silent' });
  writeFileSync(out, r.outputFiles[0].contents);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [out], { stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, status: status ?? -1 }));
  });
}

async function runGuest(file: string): Promise<{ stdout: string; status: number }> {
  const program = encodeModule(compileProgram(join(dir, file)).module);
  const m = await bootImage({ image: assembleKernel({ program }).elf, memoryMiB: 64 });
  try {
    const timeout = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no power-off in 30 s:\n${m.output}`)), 30000).unref());
    const status = await Promise.race([m.exited, timeout]);
    return { stdout: programOutput(m.output), status };
  } finally {
    await m.stop();
  }
}

describe('differential: Node vs the x86 interpreter in v86', () => {
  for (const p of programs) {
    if (GUEST_PASSING.has(p)) {
      test(p, async () => {
        const [node, guest] = await Promise.all([runNode(p), runGuest(p)]);
        expect(guest.stdout).toBe(node.stdout);
        expect(guest.status).toBe(node.status);
      }, 60000);
    } else {
      test.skip(`${p} — ${REASONS[p] ?? DEFAULT_REASON}`, () => {});
    }
  }
});
