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
