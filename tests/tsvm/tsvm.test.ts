// tsvm, the user build of the interpreter, as a Linux process (under qemu-i386): its ELF,
// process.argv/env, exit statuses, the heap growing, timers on real time, loading (a #!
// line, bad files), kernel-only natives, and user/lib/sys.ts's system calls.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assembleTsvm } from '../../image-builder/tsvm.ts';
import { compileProgram } from '../../image-builder/compiler/index.ts';
import { CONTAINER_OFFSET, decodeModule, encodeModule, stripShebang, TSVM_SHEBANG } from '../../image-builder/bytecode/index.ts';
import { QEMU_I386, compileFor, qemuAvailable, runTsvm, skipNote, tsvm, workDir } from './run.ts';

const programs = fileURLToPath(new URL('./programs/', import.meta.url));
const prog = (name: string) => join(programs, name);
const compiled = new Map<string, string>();
/** A program of tests/tsvm/programs compiled once. */
function bytecode(name: string): string {
  if (!compiled.has(name)) compiled.set(name, compileFor(prog(name)));
  return compiled.get(name)!;
}
const it = test.skipIf(!qemuAvailable);

describe('the tsvm executable', () => {
  test('is a static ELF32 i386 ET_EXEC with page-aligned PT_LOAD segments and no interpreter', () => {
    const elf = Buffer.from(assembleTsvm().elf);
    expect([...elf.subarray(0, 7)]).toEqual([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
    expect(elf.readUInt16LE(16)).toBe(2); // ET_EXEC
    expect(elf.readUInt16LE(18)).toBe(3); // EM_386
    const phoff = elf.readUInt32LE(28), phnum = elf.readUInt16LE(44);
    const types = [];
    for (let i = 0; i < phnum; i++) {
      const p = phoff + 32 * i;
      types.push(elf.readUInt32LE(p));
      expect(elf.readUInt32LE(p + 8) % 4096).toBe(0); // vaddr
      expect(elf.readUInt32LE(p + 4) % 4096).toBe(0); // offset
    }
    expect(new Set(types)).toEqual(new Set([1])); // PT_LOAD only: no PT_INTERP, no PT_TLS
    const entry = elf.readUInt32LE(24);
    expect(entry).toBe(assembleTsvm().linked.symbols.get('_start'));
  });
});

/** Runs the real launcher: `node bin/tskern.js ARGS...`. */
function tskern(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('tskern compile', () => {
  test(`writes an executable #!/bin/tsvm bytecode file that tsvm runs${skipNote}`, async () => {
    const out = join(workDir, 'compiled.tsbc');
    const r = await tskern(['compile', prog('exit-code.ts'), '-o', out]);
    expect(r).toEqual({ code: 0, stderr: '' });
    const file = readFileSync(out);
    expect(file.subarray(0, TSVM_SHEBANG.length).toString('latin1')).toBe('#!/bin/tsvm\n');
    // NULs after the line, the container page-aligned (tsvm maps it), and every reader finds it there
    expect(file.subarray(TSVM_SHEBANG.length, CONTAINER_OFFSET).every((b) => b === 0)).toBe(true);
    expect(file.subarray(CONTAINER_OFFSET, CONTAINER_OFFSET + 4).toString('latin1')).toBe('TSBC');
    expect(stripShebang(file).byteOffset - file.byteOffset).toBe(CONTAINER_OFFSET);
    expect(decodeModule(file).functions.length).toBeGreaterThan(0);
    expect(statSync(out).mode & 0o777).toBe(0o755);
    if (!qemuAvailable) return;
    const run = await runTsvm([out, 'exit', '6']);
    expect([run.stdout, run.status]).toEqual(['start exit\n', 6]);
  }, 60_000);

  test('rejects a kernel-only native with file:line:col and status 2', async () => {
    const r = await tskern(['compile', prog('kernel-native.ts'), '-o', join(workDir, 'never.tsbc')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kernel-native\.ts:4:13: __native\.inb is kernel-only: user programs \(tsvm\) cannot call it\n$/);
    expect(existsSync(join(workDir, 'never.tsbc'))).toBe(false);
  }, 60_000);
});

describe(`tsvm under ${QEMU_I386}${skipNote}`, () => {
  it('runs a program with process.argv = [tsvm, program, ...args] and process.env', async () => {
    const p = bytecode('args-env.ts');
    const r = await runTsvm([p, 'one', 'two words', 'é€😀'], { env: { ...process.env, TSVM_TEST_VAR: 'v=1', TSVM_TEST_EMPTY: '', TSVM_TEST_UTF8: 'ünï😀' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true true ["one","two words","é€😀"]\nv=1 true undefined\nünï😀 5\n');
    expect(r.status).toBe(0);
  });

  it('exits with process.exit(n) & 0xff, process.exitCode, 1 for an uncaught exception', async () => {
    const p = bytecode('exit-code.ts');
    const [plain, exit3, exit300, code5, thrown, timer] = await Promise.all([
      runTsvm([p]), runTsvm([p, 'exit', '3']), runTsvm([p, 'exit', '300']), runTsvm([p, 'exitCode', '5']),
      runTsvm([p, 'throw']), runTsvm([p, 'timer']),
    ]);
    expect([plain.status, exit3.status, exit300.status, code5.status, thrown.status, timer.status]).toEqual([0, 3, 300 & 0xff, 5, 1, 4]);
    expect(exit3.stdout).toBe('start exit\n');
    expect(thrown.stdout).toBe('start throw\n');
    expect(thrown.stderr.split('\n')[0]).toBe('Uncaught RangeError: thrown at top level');
    expect(timer.stdout).toBe('start timer\ntimer fired\n');
  });

  it('grows its heap for live data far beyond the first semispaces', async () => {
    const r = await runTsvm([bytecode('heap-grow.ts')], { timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    // count, sum of 0..N-1, total text length, sum over blocks of 2000 * i
    const N = 200_000;
    let chars = 0;
    for (let i = 0; i < N; i++) chars += `item-${i}-`.length + (i % 50);
    expect(r.stdout).toBe(`${N} ${(N * (N - 1)) / 2} ${chars} ${2000 * (399 * 400) / 2}\n`);
    expect(r.status).toBe(0);
  }, 130_000);

  it('collects at every allocation with TSVM_OPTIONS=gcstress and prints the same', async () => {
    const p = bytecode('gc-small.ts');
    const [normal, stress] = await Promise.all([runTsvm([p]), runTsvm([p], { env: { ...process.env, TSVM_OPTIONS: 'quiet gcstress' }, timeoutMs: 120_000 })]);
    // sum of 2i^2 for i < 300; 37 keys; w5 = 5 + 42 + ... + 190 (i = 5 mod 37, i < 200)
    const expected = `${2 * (299 * 300 * 599) / 6} 37 ${[5, 42, 79, 116, 153, 190].reduce((x, y) => x + y)} [ 11, 12, 13 ] 50 uvwxyzabcd\n`
      + '{"a":[1,{"b":"c"}],"d":{"x":299,"y":-299}}\n';
    expect(normal.stdout).toBe(expected);
    expect(stress.stdout).toBe(expected);
    expect([normal.status, stress.status]).toEqual([0, 0]);
  }, 130_000);

  it('waits for timers in real time, in deadline order', async () => {
    const t0 = Date.now();
    const r = await runTsvm([bytecode('timers.ts')]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(120);
    expect(r.stdout).toBe('scheduled true\nfirst true true\nsecond true\n');
    expect(r.status).toBe(0);
  });

  it('runs a container with or without the #!/bin/tsvm line', async () => {
    const withLine = bytecode('exit-code.ts');
    expect(readFileSync(withLine, 'latin1').startsWith(TSVM_SHEBANG)).toBe(true);
    const bare = join(workDir, 'bare.tsbc');
    writeFileSync(bare, stripShebang(readFileSync(withLine)));
    const other = join(workDir, 'other-line.tsbc');
    writeFileSync(other, Buffer.concat([Buffer.from('#!/usr/local/bin/tsvm -x\n'), readFileSync(bare)]));
    // a short NUL padding (the container not page-aligned: tsvm reads it) and one cut short
    // by another byte (the container then starts at that byte: bad magic, as stripShebang says)
    const shortPad = join(workDir, 'short-pad.tsbc');
    writeFileSync(shortPad, Buffer.concat([Buffer.from('#!/bin/tsvm\n\0\0\0'), readFileSync(bare)]));
    expect(Buffer.from(stripShebang(readFileSync(shortPad))).equals(readFileSync(bare))).toBe(true);
    const junk = Buffer.from(readFileSync(withLine));
    junk[CONTAINER_OFFSET - 1] = 0x20;
    const junkPath = join(workDir, 'junk-pad.tsbc');
    writeFileSync(junkPath, junk);
    expect(() => decodeModule(junk)).toThrow('bad magic');
    const bad = await runTsvm([junkPath]);
    expect([bad.stderr, bad.status]).toEqual([`tsvm: ${junkPath}: not a tskern bytecode module (bad magic)\n`, 1]);
    for (const f of [withLine, bare, other, shortPad]) {
      const r = await runTsvm([f, 'exit', '9']);
      expect(r.stdout).toBe('start exit\n');
      expect(r.status).toBe(9);
    }
  });

  it('reports a file it cannot run, with a usage or load status', async () => {
    const good = readFileSync(bytecode('exit-code.ts'));
    const files: [string, Buffer | undefined, string][] = [
      ['missing.tsbc', undefined, 'No such file or directory'],
      ['text.tsbc', Buffer.from('console.log("a JavaScript file, not bytecode");\n'), 'not a tskern bytecode module (bad magic)'],
      ['empty.tsbc', Buffer.alloc(0), 'too short for a tskern bytecode module'],
      ['truncated.tsbc', good.subarray(0, good.length - 100), 'truncated or damaged (the header gives another size)'],
      ['unended.tsbc', Buffer.from('#!/bin/tsvm'), 'the #! line does not end'],
    ];
    for (const [name, bytes, reason] of files) {
      const f = join(workDir, name);
      if (bytes) writeFileSync(f, bytes);
      const r = await runTsvm([f]);
      expect(r.stderr).toBe(`tsvm: ${f}: ${reason}\n`);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(1);
    }
    const usage = await runTsvm([]);
    expect(usage.stderr).toBe('usage: tsvm PROGRAM.tsbc [ARGS...]\n');
    expect(usage.status).toBe(2);
  });

  it('has no kernel-only natives: the compiler rejects them, tsvm stops naming them', async () => {
    expect(() => compileProgram(prog('kernel-native.ts'), { target: 'user', root: programs }))
      .toThrow(/^kernel-native\.ts:4:13: __native\.inb is kernel-only: user programs \(tsvm\) cannot call it$/);
    const forKernel = join(workDir, 'kernel-native.tsbc');
    writeFileSync(forKernel, encodeModule(compileProgram(prog('kernel-native.ts')).module));
    const r = await runTsvm([forKernel]);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^tsvm: fatal: native inb is kernel-only: not available in tsvm, the user build \(function \d+, pc \d+\)\n$/);
    expect(r.status).toBe(70);
  });

  it('reaches Linux through user/lib/sys.ts: files, fork/wait4, pipes, execve, kill, mmap', async () => {
    const p = bytecode('sys-calls.ts');
    // the pid tsvm sees is its own process's: a shell passes its pid, then execs qemu-i386
    const res = await runWithOwnPid(p);
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe([
      'open true', 'write 13', 'close 0 -9', 'read "héllo\\nworld\\n"', 'missing -2', 'unlink 0 -2',
      'pid true true',
      'fork+exit true {"exited":true,"code":7,"signal":0}',
      'pipe "child true\\n"',
      'execve {"exited":true,"code":42,"signal":0}',
      'kill 0', 'killed {"exited":false,"code":0,"signal":15}', 'kill none -3',
      'mmap true', 'zeroed true', 'poke 4 "\\u0000abcÿ\\u0000"', 'munmap 0 0',
      'wide RangeError: memWrite: a unit above 255 is not a byte', '',
    ].join('\n'));
    expect(res.status).toBe(0);
  });
});

/** Run sys-calls.ts with its own pid as an argument: a shell execs qemu-i386, keeping the pid it prints. */
function runWithOwnPid(program: string): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `exec "$0" "$1" "$2" "$3" $$`, QEMU_I386, tsvm(), program, workDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => { clearTimeout(timer); resolve({ stdout, stderr, status }); });
  });
}

