// The outside tools the process tests compare against: gcc -m32 (static i386 programs)
// and an i386 Linux to run them on. This machine's kernel cannot execute i386 binaries
// itself (no IA32 emulation), so the Linux oracle is qemu-user's qemu-i386, which runs
// them on the host's kernel with i386 system-call semantics; where the host can run them
// natively, it does.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CI } from '../oracle.ts';

const cache = new Map<string, boolean>();

function works(cmd: string, args: string[]): boolean {
  const key = cmd + ' ' + args.join(' ');
  if (!cache.has(key)) cache.set(key, spawnSync(cmd, args, { stdio: 'ignore' }).status === 0);
  return cache.get(key) as boolean;
}

/** Whether gcc can build static i386 programs (gcc-multilib). */
export function haveGcc32(): boolean {
  if (!works('gcc', ['--version'])) return false;
  const dir = join('build', 'test-programs');
  mkdirSync(dir, { recursive: true });
  const probe = join(dir, 'probe.c');
  execFileSync('sh', ['-c', `printf 'int main(void){return 0;}' > ${probe}`]);
  return works('gcc', ['-m32', '-static', '-o', join(dir, 'probe'), probe]);
}

/** The command prefix that runs a static i386 program on Linux, or null. */
export function linuxRunner(): string[] | null {
  if (works('qemu-i386', ['--version'])) return ['qemu-i386'];
  return null;
}

/**
 * Why a test that needs these tools cannot run, or null when it can. Under CI (CI set) a
 * missing tool is an error: the CI script installs them.
 */
export function missingOracle(): string | null {
  const missing: string[] = [];
  if (!haveGcc32()) missing.push('gcc -m32 -static (Debian: gcc-multilib)');
  if (linuxRunner() === null) missing.push('qemu-i386 (Debian: qemu-user)');
  if (missing.length === 0) return null;
  const why = 'needs ' + missing.join(' and ');
  if (CI) throw new Error(`CI: ${why}`);
  return why;
}

/** Builds tests/proc/programs/NAME.c (when newer than the binary) and returns the binary's path. */
export function buildProgram(source: string, extra: string[] = []): string {
  const dir = join('build', 'test-programs');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, basename(source, '.c'));
  let fresh = false;
  try {
    fresh = statSync(out).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    fresh = false;
  }
  if (!fresh) execFileSync('gcc', ['-m32', '-march=i686', '-static', '-O2', '-o', out, source, ...extra], { stdio: 'pipe' });
  return out;
}
