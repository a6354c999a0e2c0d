// The VM inspector's channel on real processes: a program maps and touches memory and forks;
// the host reads each process's page tables from guest memory (host/inspect) through the
// kernel's inspect channel and classifies the pages: written pages private, read pages the
// zero page, the parent's written pages copy-on-write after the fork, the child's own copy
// private, untouched pages absent.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootExec } from '../../host/exec.ts';
import { readChannel } from '../../host/inspect/channel.ts';
import { inspectSpace } from '../../host/inspect/inspect.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import { buildProgram, missingOracle } from './oracles.ts';

const why = missingOracle();
const BASE = 0x4000_0000;

describe.skipIf(why !== null)('the inspect channel shows processes', () => {
  test('page kinds of a forked process', async () => {
    const bin = buildProgram(join('tests', 'proc', 'programs', 'inspect-me.c'));
    const m = await bootExec({
      image: kernelImage().elf, program: bin, argv: [bin], memoryMiB: 128,
      ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
    });
    const text = await m.waitForOutput(/child (\d+) ready[\s\S]*parent \d+ ready|parent \d+ ready[\s\S]*child \d+ ready/, 120_000);
    const childPid = Number(/child (\d+) ready/.exec(text)![1]);
    const parentPid = Number(/parent (\d+) ready/.exec(text)![1]);
    // the channel is republished 50 ms after a change: wait until both spaces show the area
    const read = (addr: number, len: number) => m.readPhys(addr, len);
    let snapshot = readChannel(read, m.inspectChannel()!);
    for (let i = 0; i < 50 && !snapshot.spaces.some((s) => s.pid === childPid && s.maps.includes('40000000-40008000')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      snapshot = readChannel(read, m.inspectChannel()!);
    }
    const kinds = (pid: number) => {
      const space = snapshot.spaces.find((s) => s.pid === pid);
      expect(space, `pid ${pid} published`).toBeDefined();
      const proc = inspectSpace(read, snapshot, space!);
      const out: string[] = [];
      for (let i = 0; i < 8; i++) out.push(proc.pages.find((pg) => pg.va === BASE + i * 4096)?.kind ?? 'absent');
      return out;
    };
    expect(kinds(parentPid)).toEqual(['cow', 'cow', 'cow', 'cow', 'zero', 'zero', 'absent', 'absent']);
    expect(kinds(childPid)).toEqual(['private', 'cow', 'cow', 'cow', 'zero', 'zero', 'absent', 'absent']);
    expect(await m.exited).toBe(0);
    await m.stop();
  }, 300_000);
});
