// Running tsvm (the user build of the interpreter, image-builder/tsvm.ts) on the host for
// tests: this machine's Linux cannot execute i386 binaries itself, so tsvm runs under
// qemu-i386 (qemu-user), which emulates the i386 Linux system-call ABI. Without qemu-i386
// the tests skip, naming it, except under CI (tests/oracle.ts' CI), where a missing oracle fails.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleTsvm } from '../../image-builder/tsvm.ts';
import { compileProgram, type CompileOptions } from '../../image-builder/compiler/index.ts';
import { encodeModule, withShebang } from '../../image-builder/bytecode/index.ts';
import { CI } from '../oracle.ts';

export const QEMU_I386 = 'qemu-i386';
export const qemuAvailable = spawnSync(QEMU_I386, ['--version']).status === 0;
if (!qemuAvailable && CI) throw new Error(`${QEMU_I386} (Debian package qemu-user) is required under CI`);
export const skipNote = qemuAvailable ? '' : ` (skipped: ${QEMU_I386} not installed)`;

export const workDir = mkdtempSync(join(tmpdir(), 'tskern-tsvm-'));
let tsvmFile: string | undefined;

/** tsvm, assembled once per test file into the work directory. */
export function tsvm(): string {
  if (!tsvmFile) {
    tsvmFile = join(workDir, 'tsvm');
    writeFileSync(tsvmFile, assembleTsvm().elf);
    chmodSync(tsvmFile, 0o755);
  }
  return tsvmFile;
}

let serial = 0;
/** Compile a program for tsvm (target 'user', as `tskern compile` does) into an executable bytecode file; returns its path. */
export function compileFor(source: string, opts: CompileOptions = {}): string {
  const out = join(workDir, `p${serial++}.tsbc`);
  writeFileSync(out, withShebang(encodeModule(compileProgram(source, { target: 'user', ...opts }).module)));
  chmodSync(out, 0o755);
  return out;
}

/** Write a TypeScript source into the work directory; returns its path. */
export function source(name: string, text: string): string {
  const file = join(workDir, name);
  writeFileSync(file, text);
  return file;
}

export interface TsvmResult { stdout: string; stderr: string; status: number | null; signal: NodeJS.Signals | null }

/** Run `qemu-i386 tsvm ARGS...`, killing it after `timeoutMs`. */
export function runTsvm(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {}): Promise<TsvmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(QEMU_I386, [tsvm(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env, cwd: opts.cwd });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (status, signal) => { clearTimeout(timer); resolve({ stdout, stderr, status, signal }); });
  });
}
