// kernel/mm in the guest: the physical-memory and MMU natives of the x86 interpreter, and the
// synchronous core compiled by our compiler and run on the guest's real page tables
// (`tskern run`, v86 with 64 MiB). The asynchronous part (mm.ts) waits for async/await.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));
const prog = (name: string) => fileURLToPath(new URL(`./programs/${name}`, import.meta.url));

function run(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // 64 MiB, and the kernel's heap (RAM/4): the programs hand out the rest of RAM themselves
    const child = spawn(process.execPath, [launcher, 'run', '--memory', '64', '--cmdline', 'kernelheap', file], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kernel/mm in the guest', () => {
  test('physical memory natives go through the direct map, bounds-checked; CR3 and invlpg', async () => {
    const r = await run(prog('phys-mem.ts'));
    expect(r.stdout).toMatch(new RegExp('^' + [
      'cr3 aligned true',
      'pdpt\\[3\\] present true, pdpt\\[0\\] 0',
      'deadbeef adbe de',
      'ff2345',
      '4294967294',
      'abababab abababab ab 7',
      '1020304 ab 0',
      'cr3 again true',
    ].join('\n') + '\n$'));
    // the machine stop on the program's stderr, with the line that made it
    expect(r.stderr).toMatch(/^\s*tskern interp: fatal: physRead8: physical address beyond the direct map \(function \d+, pc \d+\) at .*phys-mem\.ts:\d+:\d+\r?\n$/);
    expect(r.code).toBe(70);
  }, 60_000);

  test('the page-table range natives do what their TypeScript definition does', async () => {
    const r = await run(prog('pte-ranges.ts'));
    const lines = r.stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
    // 3 cases x 6 operations, then the two refusals (a mapped frame whose count is 0)
    expect(lines.length).toBe(20);
    for (const l of lines.slice(0, 20)) expect(l, l).toMatch(/ result true memory true( refused)?$/);
    expect(lines.filter((l) => l.startsWith('zap ') && !l.endsWith('refused')).length).toBeGreaterThan(0); // some zap freed frames to the end
    expect(lines[18]).toBe('copy of a free frame result true memory true refused');
    expect(lines[19]).toBe('zap of a free frame result true memory true refused');
    // the machine stop goes to the program's stderr, with the line that made it
    expect(r.stderr).toMatch(/tskern interp: fatal: pteZap: entries beyond the direct map .*pte-ranges\.ts:\d+:\d+/);
    expect(r.code).toBe(70);
  }, 60_000);

  test('the synchronous core compiles and runs on real page tables', async () => {
    const r = await run(prog('mm-core.ts'));
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ram 0-[0-9a-f]+ [0-9a-f]+-4000000$/); // v86's memory map for 64 MiB
    expect(lines.slice(1)).toEqual([
      'frames 4084 table 2000000',
      'mmap 8048000 bad EINVAL',
      'fault 0 1',
      'cow true cafef00d',
      'parent cafef00d',
      'running on the child space true',
      '08048000-0804c000 rw-p 00000000 00:00 0',
      'used after free 1 (the zero page)',
      'fault result codes 0 1',
      '',
    ]);
    expect(r.code).toBe(0);
  }, 120_000);
});
