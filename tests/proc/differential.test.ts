// Static i386 C programs run on Linux (qemu-i386 where the host cannot run i386 itself) and
// under `tskern exec` as PID 1 of the kernel: the same stdout and the same exit status.
// The programs print facts about what the system did (statuses, errno names, contents), not
// addresses or timings, so the two runs compare byte for byte.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec } from '../../host/exec.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, linuxRunner, missingOracle } from './oracles.ts';

interface Case {
  name: string;
  args?: string[];
  /** Arguments for the Linux run when they differ (a scratch directory on the host). */
  linuxArgs?: () => string[];
  stdin?: string;
}

const CASES: Case[] = [
  { name: 'fork-wait' },
  { name: 'pipes' },
  { name: 'signals' },
  { name: 'memory' },
  { name: 'files', args: ['/tmp'], linuxArgs: () => [mkdtempSync(join(tmpdir(), 'tskern-files-'))] },
  { name: 'misc', args: ['one', 'two words'] },
  { name: 'abort' },
  { name: 'preempt' },
  { name: 'jobs' },
  { name: 'stdin-echo', stdin: 'first line\nsecond line\nno newline at the end' },
];

const why = missingOracle();
const ENV = ['HOME=/', 'TERM=linux'];

/** The program on Linux: stdout and the shell's status (128 + N for signal N). */
function onLinux(path: string, args: string[], stdin: string): { stdout: string; status: number } {
  const runner = linuxRunner() as string[];
  const r = spawnSync('env', ['-i', ...ENV, ...runner, path, ...args], { input: stdin, encoding: 'utf8', timeout: 120_000 }); // a hung oracle fails the test, never hangs it
  return { stdout: r.stdout, status: r.status ?? 128 + (r.signal ? osSignal(r.signal) : 0) };
}

function osSignal(name: string): number {
  const table: Record<string, number> = { SIGABRT: 6, SIGSEGV: 11, SIGKILL: 9, SIGTERM: 15, SIGBUS: 7, SIGFPE: 8, SIGILL: 4, SIGPIPE: 13 };
  return table[name] ?? 0;
}

async function onTskern(path: string, args: string[], stdin: string): Promise<{ stdout: string; stderr: string; status: number }> {
  const m = await bootExec({
    image: kernelImage().elf, program: path, argv: [path, ...args], memoryMiB: 128,
    ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new TextEncoder().encode(stdin),
  });
  const status = await m.exited;
  await m.stop();
  return { stdout: m.output, stderr: m.errorOutput, status };
}

describe.skipIf(why !== null)('static i386 programs: Linux and tskern exec agree', () => {
  for (const c of CASES) {
    // one retry: a few checks (a 20 ms sleep, fault counts) depend on timing when the host is loaded
    test(c.name, { retry: 1, timeout: 180_000 }, async () => {
      const bin = buildProgram(join('tests', 'proc', 'programs', c.name + '.c'));
      const linux = onLinux(bin, c.linuxArgs ? c.linuxArgs() : c.args ?? [], c.stdin ?? '');
      const ours = await onTskern(bin, c.args ?? [], c.stdin ?? '');
      expect(ours.stdout, 'stdout (stderr: ' + ours.stderr + ')').toBe(linux.stdout);
      expect(ours.status).toBe(linux.status);
    });
  }
});

test.runIf(why !== null)('static i386 programs against Linux: skipped', () => {
  console.log(`skipped: ${why}`);
});

