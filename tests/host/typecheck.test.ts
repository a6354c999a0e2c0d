// The whole project type-checks (README, "What is type-checked when"): esbuild, which
// bundles the host, the kernel and the prelude, strips types without checking them, so a
// type error in code the tests run anyway would otherwise go unnoticed (two merged
// branches each compiled and ran while `tsc -p .` failed on a method one of them called).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function typeCheck(project: string): string {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message;
  }
}

describe('tsc', () => {
  it('the project (tsconfig.json) has no type errors', () => {
    expect(typeCheck('.')).toBe('');
  }, 300_000);
  it('the browser page (host/web/page/tsconfig.json) has no type errors', () => {
    expect(typeCheck('host/web/page')).toBe('');
  }, 300_000);
});
