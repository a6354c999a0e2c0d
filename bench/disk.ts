// Disk throughput of the kernel's ATA driver (kernel/dev/ata.ts) in v86: the kernel boots
// with `selftest=ext2 diskbench` and a scratch ext2 image as hdb, reads 4096 sectors with
// 8 and 128 sectors per request and writes 1024 with 8, by PIO and then by bus-master DMA,
// then reads a 2 MiB file page by page through ext2 and a cold page cache (DMA), without
// and with read-ahead. Prints
// guest instructions per sector (v86's exact counter), sectors/s in the guest's own clock
// (v86's clock follows the host's, so it varies with the load like the wall time; the
// instruction counts do not), and host wall time. Figures only, no assertions.
//
//   npm run bench   (or: npx esbuild bench/disk.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=build/bench/disk.mjs && node build/bench/disk.mjs)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { mkfs } from '../image-builder/ext2/mkfs.ts';
import { MarkerRecorder } from '../host/bench-markers.ts';
import { bootImage } from '../host/v86-runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'tskern-diskbench-'));
const disk = join(dir, 'hdb.img');
const BENCH_FILE_BYTES = 2 << 20;
writeFileSync(disk, mkfs({
  kind: 'dir',
  entries: new Map([
    ['data', { kind: 'dir', entries: new Map([['cold.bin', { kind: 'file', data: new Uint8Array(12288) }]]) }],
    ['bench.bin', { kind: 'file', data: new Uint8Array(BENCH_FILE_BYTES).map((_, i) => i * 7) }],
  ]),
}, { size: 8 << 20 }));
const machine = await bootImage({ image: assembleKernel().elf, cmdline: 'selftest=ext2 diskbench', hdb: { path: disk } });
const recorder = new MarkerRecorder(machine);
const wall = new Map<string, number>();
machine.onSerialLine((line) => {
  const m = /^@@([BE]) (\S+)/.exec(line);
  if (m) wall.set(m[1] + m[2], performance.now());
});
await machine.exited.catch(() => {});
await machine.stop();
rmSync(dir, { recursive: true, force: true });

console.log('ATA in v86 (kernel/dev/ata.ts): PIO (READ MULTIPLE, 8 sectors per interrupt; writes a sector per interrupt), then bus-master DMA (an interrupt per request)');
const guestMs = (pattern: RegExp): number => Number(pattern.exec(machine.output)?.[1] ?? NaN);
for (const s of recorder.segments) {
  const hostMs = (wall.get('E' + s.name) ?? NaN) - (wall.get('B' + s.name) ?? NaN);
  if (/^(pio|dma)_/.test(s.name)) {
    const [, mode, kind, per] = /^(pio|dma)_(read|write)_(\d+)$/.exec(s.name)!;
    const ms = guestMs(new RegExp(`^${mode} ${kind} ${per} sectors/request: ${s.ops} sectors in (\\d+) ms`, 'm'));
    console.log(
      `${s.name.padEnd(16)} ${String(s.ops).padStart(5)} sectors  ${s.perOp.toFixed(0).padStart(7)} guest instructions/sector  ` +
      `${(s.ops / (ms / 1000)).toFixed(0).padStart(7)} sectors/s guest clock  ${(s.ops / (hostMs / 1000)).toFixed(0).padStart(7)} sectors/s host wall time`,
    );
  } else {
    const ahead = s.name.replace('seq_read_ra', '');
    const ms = guestMs(new RegExp(`^sequential read, read-ahead ${ahead}: ${s.ops} pages in (\\d+) ms`, 'm'));
    const mib = (s.ops * 4096) / (1 << 20);
    console.log(
      `${s.name.padEnd(16)} ${String(s.ops).padStart(5)} pages    ${s.perOp.toFixed(0).padStart(7)} guest instructions/page    ` +
      `${(mib / (ms / 1000)).toFixed(2).padStart(7)} MiB/s guest clock    ${(mib / (hostMs / 1000)).toFixed(2).padStart(7)} MiB/s host wall time`,
    );
  }
}
if (recorder.segments.length === 0) console.log('no benchmark markers: the guest said\n' + machine.output);
