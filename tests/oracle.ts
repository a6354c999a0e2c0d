// Outside oracles (GNU as, QEMU, gcc -m32, e2fsprogs, Chromium, the pinned Node...): a test
// that needs one is skipped, with the reason in its name, where the oracle is missing, except
// under CI (CI set in the environment, as CI services do), where a missing oracle FAILS the
// test: a CI run must never pass by skipping what it was meant to check.
//
//   const qemu = requireTool('qemu-system-i386');
//   qemu.test('boots in QEMU', async () => { ... });      // or qemu.describe(...)
//   const gcc = requireTool('gcc -m32', () => canCompile32()); // a custom probe
//   if (qemu.available) ...

import { spawnSync } from 'node:child_process';
import { describe, test } from 'vitest';

/** Whether missing oracles fail (CI=true, CI=1...) rather than skip. */
export const CI: boolean = ['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase()) === false;

export interface RequiredTool {
  /** What the tests need, as named in messages ("qemu-system-i386", "GNU as"). */
  readonly name: string;
  readonly available: boolean;
  /** Why it is not available ('' if it is). */
  readonly reason: string;
  /** `test` when available; otherwise a skipped test named with the reason, or under CI a
   *  test that fails with the reason. Same arguments as vitest's `test`. */
  readonly test: (name: string, fn: () => unknown, timeout?: number) => void;
  /** The same for a whole `describe` block. */
  readonly describe: (name: string, fn: () => void) => void;
}

/** Whether `command --version` (or `args`) runs and exits 0. */
export function commandRuns(command: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/**
 * An oracle the tests need: `name` is a command probed with `--version`, unless `probe`
 * is given (then name only names it). `probe` may return a string: the reason it is
 * unavailable (false: "<name> not installed").
 */
export function requireTool(name: string, probe: () => boolean | string = () => commandRuns(name)): RequiredTool {
  const r = probe();
  const available = r === true;
  const reason = available ? '' : typeof r === 'string' ? r : `${name} not installed`;
  const missing = () => { throw new Error(`${reason}: with CI set, a missing oracle is a failure, not a skip`); };
  return {
    name,
    available,
    reason,
    test: (title, fn, timeout) => {
      if (available) test(title, fn, timeout);
      else if (CI) test(`${title} (oracle missing: ${reason})`, missing);
      else test.skip(`${title} (skipped: ${reason})`, fn);
    },
    describe: (title, fn) => {
      if (available) describe(title, fn);
      else if (CI) describe(title, () => { test(`oracle missing: ${reason}`, missing); });
      else describe.skip(`${title} (skipped: ${reason})`, fn);
    },
  };
}
