// File faults in v86 (bench/filefault.c under `tskern exec --disk`): major faults from the
// disk without read-ahead (every other page) and with it (pages in order), minor faults on
// page-cache pages, and sequential read(2) of 4 KiB, each in guest instructions per page
// (v86's exact counter, marker cost removed), MiB/s on the guest clock (which follows the
// host's in v86, so it moves with the load) and host wall time per page. Figures only.
//
//   npm run bench   (or: npx esbuild bench/filefault.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=build/bench/filefault.mjs && node build/bench/filefault.mjs)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { mkfs } from '../image-builder/ext2/mkfs.ts';
import { projectRoot } from '../image-builder/paths.ts';
import { MarkerRecorder } from '../host/bench-markers.ts';
import { bootExec } from '../host/exec.ts';

const root = projectRoot();
const outDir = join(root, 'build', 'bench');
mkdirSync(outDir, { recursive: true });
const bin = join(outDir, 'filefault');
try {
  execFileSync('gcc', ['-m32', '-march=i686', '-static', '-O2', '-o', bin, join(root, 'bench', 'filefault.c')], { stdio: 'pipe' });
} catch (err) {
  console.log(`filefault: skipped (gcc -m32 -static failed) ${(err as Error).message.split('\n')[0]}`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tskern-filefault-'));
const disk = join(dir, 'hdb.img');
const FILE_BYTES = 6 << 20;
writeFileSync(disk, mkfs({
  kind: 'dir',
  entries: new Map([['data.bin', { kind: 'file', data: new Uint8Array(FILE_BYTES).map((_, i) => i * 13) }]]),
}, { size: 16 << 20, blockSize: 4096 }));
const machine = await bootExec({
  image: assembleKernel().elf, program: bin, argv: ['/init'], memoryMiB: 128, disk, cmdline: 'writeback=0',
  ttys: { stdin: false, stdout: false, stderr: false }, stdinBytes: new Uint8Array(0),
});
const recorder = new MarkerRecorder(machine);
const wall = new Map<string, number>();
machine.onSerialLine((line) => {
  const m = /^@@([BE]) (\S+)/.exec(line);
  if (m) wall.set(m[1] + m[2], performance.now());
});
const status = await machine.exited.catch(() => -1);
await machine.stop();
rmSync(dir, { recursive: true, force: true });

console.log(`file faults in v86 (bench/filefault.c as PID 1, a 6 MiB file on ext2 with 4 KiB blocks, bus-master DMA; status ${status})`);
console.log('segment                       pages   guest instr/page   MiB/s guest clock   host ms/page');
for (const s of recorder.segments) {
  const hostMs = (wall.get('E' + s.name) ?? NaN) - (wall.get('B' + s.name) ?? NaN);
  const us = Number(new RegExp(`^${s.name}: ${s.ops} pages in (\\d+) us`, 'm').exec(machine.output)?.[1] ?? NaN);
  const mib = (s.ops * 4096) / (1 << 20);
  console.log(`${s.name.padEnd(28)} ${String(s.ops).padStart(6)} ${s.perOp.toFixed(0).padStart(18)} ${(mib / (us / 1e6)).toFixed(2).padStart(19)} ${(hostMs / s.ops).toFixed(3).padStart(14)}`);
}
if (recorder.segments.length === 0) console.log('no benchmark markers: the guest said\n' + machine.output);
