// `tskern run FILE.ts`: compile, boot in v86 without a terminal, COM1 -> stdout,
// COM2 -> stderr, the guest's status as the exit status, 2 for compile errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assembleKernel } from '../../image-builder/build.ts';
import { encodeModule } from '../../image-builder/bytecode/index.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));
const prog = (name: string) => fileURLToPath(new URL(`./programs/${name}`, import.meta.url));

function tskern(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: 'pipe' });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const NATIVES_OUT = ['hi bcd', 'indexOf ok', 'charCodeAt ok', 'compare ok', 'math ok', 'units ok', 'valueKind ok',
  'functionName ok', 'hash ok', 'proto ok', 'frozen ok', 'bits ok', ''].join('\n');

describe('tskern run', () => {
  test('port I/O natives reach the emulated devices, in every width', async () => {
    const r = await tskern(['run', '--no-prelude', prog('port-io.ts')]);
    expect(r.stdout).toBe('scratch ok\nlsr ok\n255 65535 4294967295\n');
    expect(r.code).toBe(0);
  }, 60000);

  test('natives: stdout, stderr and exit status', async () => {
    const r = await tskern(['run', '--no-prelude', prog('natives.ts')]);
    expect(r.stdout).toBe(NATIVES_OUT);
    expect(r.stderr).toBe('err line\n');
    expect(r.code).toBe(3);
  }, 60000);

  test('natives under gcstress, with --stats', async () => {
    const r = await tskern(['run', '--no-prelude', '--stats', '--cmdline', 'gcstress', prog('natives.ts')]);
    expect(r.stdout).toBe(NATIVES_OUT);
    const m = /^err line\ntskern: (\d+) guest instructions, (\d+) bytecode ops \((\d+\.\d) instructions\/op\)\n$/.exec(r.stderr);
    expect(m).not.toBeNull();
    const [instructions, ops, per] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(ops).toBeGreaterThan(10);
    expect(instructions).toBeGreaterThan(ops);
    expect(per).toBeCloseTo(instructions / ops, 1);
    expect(r.code).toBe(3);
  }, 60000);

  test('--stats counts bytecode ops only in the stats build', async () => {
    const plain = await tskern(['run', '--no-prelude', prog('natives.ts')]);
    expect(plain.stderr).toBe('err line\n');
    const program = encodeModule(compileProgram(prog('natives.ts'), { prelude: false }).module);
    const normal = assembleKernel({ program });
    const stats = assembleKernel({ program, stats: true });
    // every dispatch copy gains `add [op_count], 1; adc [op_count_hi], 0` (17 bytes); the
    // file sizes can hide that (sections are placed on page boundaries), .text cannot
    const text = (k: typeof normal) => k.linked.sections.find((x) => x.name === '.text')!.size;
    expect(text(stats)).toBeGreaterThan(text(normal) + 17 * 100);
  }, 60000);

  test('an uncaught exception goes to stderr with status 1', async () => {
    const r = await tskern(['run', '--no-prelude', prog('uncaught.ts')]);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe('Uncaught boom\n');
    expect(r.code).toBe(1);
  }, 60000);

  test('a machine stop goes to stderr with the TypeScript position, never to stdout', async () => {
    const r = await tskern(['run', prog('sparse-stop.ts')]);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^\s*tskern interp: fatal: array index too large: sparse arrays are not implemented \(function \d+, pc \d+\) at .*sparse-stop\.ts:4:1\r?\n$/);
    expect(r.code).toBe(70);
  }, 60000);

  test('the heap grows with --memory: 300 MiB of live data in 1 GiB', async () => {
    const r = await tskern(['run', '--memory', '1024', prog('heap-300.ts')]);
    expect(r.stderr).toBe('');
    // sum over i of (i + (i + 1024)) = 2 * (0 + ... + 299) + 300 * 1024
    expect(r.stdout).toBe(`300 ${299 * 300 + 300 * 1024}\n`);
    expect(r.code).toBe(0);
  }, 240000);

  test('out of memory: Node\'s fatal message on stderr, a non-zero status', async () => {
    const r = await tskern(['run', '--memory', '16', prog('heap-exhaust.ts')]);
    expect(r.stdout).toBe('allocating\n');
    expect(r.stderr).toMatch(/^\s*FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\r?\n/);
    expect(r.code).not.toBe(0);
  }, 120000);

  test('a compile error prints file:line:col and exits 2', async () => {
    // written at test time: a file with a syntax error would break `tsc -p .`
    const bad = join(mkdtempSync(join(tmpdir(), 'tskern-run-')), 'bad-syntax.ts');
    writeFileSync(bad, 'const x = ;\n');
    const r = await tskern(['run', '--no-prelude', bad]);
    expect(r.stderr).toMatch(/bad-syntax\.ts:1:11: /);
    expect(r.code).toBe(2);
  }, 60000);
});
