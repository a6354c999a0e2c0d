// End to end: the real launcher (bundling host/cli.ts on demand) booting fixture images.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { echoUntilQ, printAndExit } from './fixture-image.ts';

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

  it('passes the guest panic through to the terminal', async () => {
    const run = await tskern(['boot', '--cmdline', 'test=ud'], '', { stdout: 'panic:', graceMs: 1000 });
    expect(run.stdout).toContain('panic: #UD invalid opcode (vector 6)');
  });
});
