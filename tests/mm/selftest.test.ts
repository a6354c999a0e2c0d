// `tskern selftest mm`: the kernel image boots with selftest=mm, kernel/mm's self-test runs
// on the machine's real page tables (kernel/mm/selftest.ts) and powers off with its verdict.
// The image is assembled here (not build/tskern.elf, which other test files rebuild).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { bootImage } from '../../host/v86-runner.ts';

/** The checks kernel/mm/selftest.ts makes when the machine has memory for them. */
const SELFTEST_CHECKS = 44;

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));

function selftest(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, 'selftest', ...args], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tskern selftest mm', () => {
  const image = assembleKernel().elf;
  for (const memoryMiB of [64, 256]) {
    test(`every check passes and every frame comes back (${memoryMiB} MiB)`, async () => {
      const m = await bootImage({ image, memoryMiB, cmdline: 'selftest=mm' });
      const code = await m.exited;
      await m.stop();
      const r = { stdout: m.output, code };
      expect(r.stdout).not.toContain('FAIL');
      const verdict = /(\d+) passed, (\d+) failed/.exec(r.stdout);
      expect(verdict, r.stdout).not.toBeNull();
      // Exactly: a check dropped from kernel/mm/selftest.ts must not go unnoticed (update
      // this when adding checks there).
      expect(Number(verdict![1])).toBe(SELFTEST_CHECKS);
      expect(Number(verdict![2])).toBe(0);
      const frames = /frames free before=(\d+) after=(\d+)/.exec(r.stdout);
      expect(frames, r.stdout).not.toBeNull();
      expect(Number(frames![1])).toBeGreaterThan(1000);
      expect(frames![2]).toBe(frames![1]);
      expect(r.code).toBe(0);
    }, 180_000);
  }

  test('an unknown self-test is a usage error', async () => {
    const r = await selftest(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/selftest takes one of: mm/);
  }, 60_000);
});
