// End to end: the real launcher (bundling host/cli.ts on demand) booting fixture images.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { echoUntilQ, printAndExit } from './fixture-image.ts';
import { PANIC_STATUS } from '../../boot/layout.ts';

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));
const fixtureDir = mkdtempSync(join(tmpdir(), 'tskern-cli-'));

function fixture(name: string, image: Uint8Array): string {
  const path = join(fixtureDir, name);
  writeFileSync(path, image);
  return path;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tskern args...` with `input` on a pipe (closed afterwards unless undefined). With
 * `killWhen`, the process is killed `graceMs` after its stdout first contains that text
 * (so a slow start on a busy machine does not change the outcome).
 */
function tskern(args: string[], input?: string, killWhen?: { stdout: string; graceMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let killing = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (killWhen && !killing && stdout.includes(killWhen.stdout)) {
        killing = true;
        setTimeout(() => child.kill('SIGTERM'), killWhen.graceMs);
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
  });
}

describe('tskern boot', () => {
  it('shows guest serial output and exits with the guest status', async () => {
    const run = await tskern(['boot', fixture('hi.elf', printAndExit('hi\n', 7))], '');
    expect(run.stdout).toBe('hi\n');
    expect(run.code).toBe(7);
  });

  it('pipes stdin to the guest', async () => {
    const run = await tskern(['boot', fixture('echo.elf', echoUntilQ())], 'hello q');
    expect(run.stdout).toBe('hello ');
    expect(run.code).toBe(3);
  });

  it('types ^D when stdin ends and keeps the guest running (an IMAGE boots without the root file system)', async () => {
    const run = await tskern(['boot', fixture('echo2.elf', echoUntilQ())], 'abc', { stdout: 'abc\x04', graceMs: 1000 });
    expect(run.stdout).toBe('abc\x04');
    expect(run.code).toBeNull(); // still running until killed
  });

  it('accepts --cmdline and --memory', async () => {
    const image = fixture('opts.elf', printAndExit('ok', 0));
    const run = await tskern(['boot', image, '--cmdline', 'test=x', '--memory=32'], '');
    expect(run.stdout).toBe('ok');
    expect(run.code).toBe(0);
  });

  it('reports a missing image', async () => {
    const run = await tskern(['boot', join(fixtureDir, 'missing.elf')], '');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no such file: .*missing\.elf/);
  });
});

describe('tskern usage', () => {
  it('prints help', async () => {
    const run = await tskern(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/usage: tskern/);
  });

  it.each([
    [['frobnicate']],
    [[]],
    [['boot', 'a.elf', 'b.elf']],
    [['boot', '--memory', 'lots']],
    [['boot', '--bogus']],
    [['start', 'image.elf']],
    [['run', '--bogus', 'x.ts']],
    [['run', '--memory', '3', 'x.ts']],
    [['run', '--memory=4.5', 'x.ts']],
    [['run', 'a.ts', 'b.ts']],
    [['selftest', 'mm', '--memory', '3']],
    [['exec', '--memory', '3', 'prog']],
    [['exec', '--bogus', 'prog']],
    [['selftest', 'mm', '--verbose']],
    [['start', '--memory', '99999']],
    [['disasm']],
    [['disasm', '--bogus', 'x.ts']],
    [['check']],
    [['build', '--fast']],
  ])('rejects %j with status 2', async (args) => {
    const run = await tskern(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tskern: .*\n\nusage: tskern/);
  });
});

describe('tskern build, then boot the kernel', () => {
  it('writes build/tskern.elf and boots it to the banner', async () => {
    const built = await tskern(['build']);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/built .*build\/tskern\.elf/);
    expect(built.stderr).toMatch(/built .*build\/tsvm\n/);
    const run = await tskern(['boot', '--cmdline', 'poweroff'], '');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^tskern \d+\.\d+\.\d+ /);
    expect(run.stdout).toContain('cmdline: init=/sbin/init poweroff'); // the root file system's init, then ours
  });

  it('passes the guest panic through to the terminal and exits with its status', async () => {
    // nothing kills it: the panic powers off, and tskern exits with the panic's status
    const run = await tskern(['boot', '--cmdline', 'test=ud'], '');
    expect(run.stdout).toContain('panic: #UD invalid opcode (vector 6)');
    expect(run.code).toBe(PANIC_STATUS);
  });
});

describe('tskern run, disasm and check on programs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-cli-prog-'));
  const hello = join(dir, 'hello.ts');
  writeFileSync(hello, 'const greeting: string = "hello";\nconsole.log(greeting);\n');
  const typeError = join(dir, 'type-error.ts');
  writeFileSync(typeError, 'const n: number = "one";\nconsole.log(n);\n');

  it('says "no such file" for a missing program, with status 1', async () => {
    for (const command of ['run', 'disasm', 'check']) {
      const run = await tskern([command, join(dir, 'missing.ts')]);
      expect(run.stderr).toBe(`tskern: no such file: ${join(dir, 'missing.ts')}\n`);
      expect(run.code).toBe(1);
    }
  });

  it('runs a program in the least memory --memory accepts', async () => {
    const run = await tskern(['run', '--memory', '4', hello]);
    expect(run.stdout).toBe('hello\n');
    expect(run.code).toBe(0);
  });

  it('--stats counts the same instructions on every run (the clock calibration left out)', async () => {
    const counts = [];
    for (let i = 0; i < 2; i++) {
      const run = await tskern(['run', '--stats', hello]);
      expect(run.stdout).toBe('hello\n');
      const m = /^tskern: (\d+) guest instructions, (\d+) bytecode ops/.exec(run.stderr);
      expect(m, run.stderr).not.toBeNull();
      counts.push([Number(m![1]), Number(m![2])]);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it('disasm shows the program\'s own functions, and the prelude\'s with --all', async () => {
    const own = await tskern(['disasm', hello]);
    expect(own.code).toBe(0);
    const shown = [...own.stdout.matchAll(/^fn#(\d+) /gm)].map((m) => Number(m[1]));
    expect(shown).toHaveLength(1); // the top level: hello.ts declares no functions
    expect(own.stdout).toMatch(new RegExp(`^; fn#0\\.\\.fn#${shown[0] - 1} \\(the runtime prelude\\) not shown$`, 'm'));
    expect(own.stdout).toContain('"hello"');
    const all = await tskern(['disasm', '--all', hello]);
    expect([...all.stdout.matchAll(/^fn#(\d+) /gm)]).toHaveLength(shown[0] + 1);
  });

  it('check reports type errors as tsc does, with status 2', async () => {
    const bad = await tskern(['check', typeError, hello]);
    expect(bad.stdout).toMatch(/type-error\.ts\(1,7\): error TS2322: Type 'string' is not assignable to type 'number'\.\n$/);
    expect(bad.code).toBe(2);
    const good = await tskern(['check', hello]);
    expect(good.stdout).toBe('');
    expect(good.code).toBe(0);
  });
});
