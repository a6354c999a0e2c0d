// Script mode: `tskern boot` with stdin on a pipe types it into the console, and the
// shell's `poweroff` ends the run with status 0 (lines after it never run).

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { kernelImageFile } from '../boot/kernel-image.ts';
import { FIRST_PROMPT } from '../../user/lib/prompt.ts';

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));

function tskern(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('piped stdin is a shell script; poweroff ends it with status 0', async () => {
  const run = await tskern(['boot', kernelImageFile(), '--rootfs'], 'echo one two | cat\npoweroff\necho never-printed\n');
  expect(run.code).toBe(0);
  // the command's output follows its line at the prompt
  expect(run.stdout).toContain(`${FIRST_PROMPT}echo one two | cat\none two\n${FIRST_PROMPT}poweroff\n`);
  expect(run.stdout).not.toMatch(/^never-printed$/m);
}, 300_000);

test('each piped line shows once: typeahead is echoed by whoever reads it, not twice', async () => {
  // Every line arrives before the shell reads; a program in canonical mode (cat) echoes the
  // line it reads through the tty, the shell's editor the lines it reads. ^D ends cat's input.
  const run = await tskern(['boot', kernelImageFile(), '--rootfs'], 'echo hi\necho one two | cat\ncat\nline for cat\n\x04echo after\npoweroff\n');
  expect(run.code).toBe(0);
  const P = FIRST_PROMPT;
  const motd = run.stdout.indexOf('Welcome to tskern.');
  expect(motd, run.stdout).toBeGreaterThanOrEqual(0);
  // the whole transcript after the banner, byte for byte
  expect(run.stdout.slice(run.stdout.indexOf('\n', motd) + 1)).toBe(
    `${P}echo hi\nhi\n` +
    `${P}echo one two | cat\none two\n` +
    `${P}cat\nline for cat\r\nline for cat\n` + // the tty's echo (canonical mode), then cat's copy
    `${P}echo after\nafter\n` +
    `${P}poweroff\ntskern: reboot(RB_POWER_OFF): powering off\r\n`,
  );
  // and nothing of the script shows before the first prompt (the tty did not echo it at arrival)
  expect(run.stdout.slice(0, motd)).not.toContain('echo hi');
}, 300_000);

