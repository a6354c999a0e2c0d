// kernel/dev/ata.ts against the ATA model of fake-ata.ts on a FakeMachine: identify,
// queued interrupt-driven PIO reads and writes through insw/outsw, and every failure
// (ERR, absent drive, a drive that never interrupts, past the end) as -errno, never a hang.
import { afterEach, describe, expect, test } from 'vitest';
import { installInterrupts } from '../../kernel/arch/irq.ts';
import { AtaChannel, AtaDisk, TIMEOUT_MS } from '../../kernel/dev/ata.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { boot, type Booted } from '../mm/setup.ts';
import { pattern } from '../ext2/pattern.ts';
import { FakeAtaChannel } from './fake-ata.ts';

let booted: Booted | undefined;
afterEach(() => {
  booted?.restore();
  booted = undefined;
});

const BM_BASE = 0xb400;

function setup(drives: (Uint8Array | null)[]) {
  booted = boot(8);
  const m = booted.m;
  const fake = new FakeAtaChannel(drives, () => {
    m.raiseIrq(14);
    m.interruptHook?.();
  }, m.mem);
  m.attach(0x1f0, 8, fake.task).attach(0x3f6, 1, fake.control).attach(BM_BASE, 8, fake.busMaster);
  installInterrupts();
  const channel = new AtaChannel();
  channel.install();
  return { m, fake, channel, frames: booted.frames };
}

async function disk(channel: AtaChannel, drive: number, scratch: number): Promise<AtaDisk> {
  const d = await channel.probe(drive, scratch);
  if (typeof d === 'number') throw new Error('probe: ' + d);
  return d;
}

describe('ATA driver', () => {
  test('identify, then writes and reads of many sectors land where they should', async () => {
    const image = new Uint8Array(1 << 20);
    const { m, fake, channel, frames } = setup([null, image]);
    const buf = 0x30_0000, back = 0x34_0000;
    expect(await channel.probe(0, buf)).toBe(-Errno.ENXIO);
    const hdb = await disk(channel, 1, buf);
    expect(hdb.name).toBe('hdb');
    expect(hdb.sectors).toBe(2048);
    const data = pattern(300 * 512, 3);
    m.mem.set(data, buf);
    // 300 sectors: two commands (256 + 44).
    expect(await hdb.write(100, 300, buf)).toBe(0);
    expect(Buffer.compare(Buffer.from(image.subarray(100 * 512, 400 * 512)), Buffer.from(data))).toBe(0);
    expect(await hdb.read(100, 300, back)).toBe(0);
    expect(Buffer.compare(Buffer.from(m.mem.subarray(back, back + data.length)), Buffer.from(data))).toBe(0);
    expect(await hdb.flush()).toBe(0);
    expect(fake.commands.filter((c) => c === 0x30)).toHaveLength(2);
    expect(fake.violations).toEqual([]);
    expect(frames.freeCount).toBeGreaterThan(0);
  });

  test('requests issued together are queued: one command at a time, each completes', async () => {
    const image = pattern(64 * 512, 4);
    const { m, fake, channel } = setup([image, null]);
    const hda = await disk(channel, 0, 0x30_0000);
    const rs = await Promise.all([0, 1, 2, 3].map((i) => hda.read(i * 8, 8, 0x30_0000 + i * 4096)));
    expect(rs).toEqual([0, 0, 0, 0]);
    expect(Buffer.compare(Buffer.from(m.mem.subarray(0x30_0000, 0x30_0000 + 32 * 512)), Buffer.from(image.subarray(0, 32 * 512)))).toBe(0);
    expect(fake.violations).toEqual([]);
  });

  test('a drive error is EIO, the channel is reset, and the next request works', async () => {
    const image = pattern(64 * 512, 5);
    const { fake, channel } = setup([image, null]);
    const hda = await disk(channel, 0, 0x30_0000);
    fake.badSectors.add(5);
    expect(await hda.read(4, 4, 0x30_0000)).toBe(-Errno.EIO);
    expect(await hda.write(5, 1, 0x30_0000)).toBe(-Errno.EIO);
    expect(fake.resets).toBe(2);
    expect(await hda.read(8, 4, 0x30_0000)).toBe(0);
    expect(await hda.read(64, 1, 0x30_0000)).toBe(-Errno.EINVAL); // past the end: no command at all
    expect(channel.errors).toBe(2);
    expect(fake.violations).toEqual([]);
  });

  test('READ MULTIPLE: with a multiple mode, one interrupt per block of 8 sectors', async () => {
    const image = pattern(512 * 512, 7);
    const { m, fake, channel } = setup([image, null]);
    fake.maxMultiple = 16;
    const hda = await disk(channel, 0, 0x30_0000);
    expect(hda.multiple).toBe(8);
    expect(fake.multiple).toBe(8);
    // 300 sectors: 256 + 44 in two commands, 32 + 6 interrupts.
    expect(await hda.read(10, 300, 0x30_0000)).toBe(0);
    expect(Buffer.compare(Buffer.from(m.mem.subarray(0x30_0000, 0x30_0000 + 300 * 512)), Buffer.from(image.subarray(10 * 512, 310 * 512)))).toBe(0);
    expect(fake.commands.filter((c) => c === 0xc4)).toHaveLength(2);
    expect(fake.irqs.get(0xc4)).toBe(38);
    expect(fake.violations).toEqual([]);
  });

  test('a drive without multiple mode is read a sector per interrupt', async () => {
    const { fake, channel } = setup([pattern(64 * 512, 8), null]);
    const hda = await disk(channel, 0, 0x30_0000);
    expect(hda.multiple).toBe(1);
    expect(await hda.read(0, 16, 0x30_0000)).toBe(0);
    expect(fake.commands).not.toContain(0xc6);
    expect(fake.irqs.get(0x20)).toBe(16);
  });

  test('bus-master DMA: one interrupt per command, PRD entries split at 64 KiB, errors are EIO', async () => {
    const image = new Uint8Array(1 << 20);
    const { m, fake, channel, frames } = setup([image, null]);
    const hda = await disk(channel, 0, 0x30_0000);
    channel.enableDma(BM_BASE, frames.alloc());
    const data = pattern(200 * 512, 9);
    const at = 0x30_8000; // 100 KiB from here crosses the 64 KiB boundaries at 0x310000 and 0x320000
    m.mem.set(data, at);
    expect(await hda.write(7, 200, at)).toBe(0);
    expect(Buffer.compare(Buffer.from(image.subarray(7 * 512, 207 * 512)), Buffer.from(data))).toBe(0);
    m.mem.fill(0, at, at + data.length);
    expect(await hda.read(7, 200, at)).toBe(0);
    expect(Buffer.compare(Buffer.from(m.mem.subarray(at, at + data.length)), Buffer.from(data))).toBe(0);
    // 100 KiB from 0x308000: up to 0x310000, a whole 64 KiB, then the last 4 KiB.
    expect(fake.prdTables[0]).toEqual([{ addr: at, bytes: 0x8000 }, { addr: 0x31_0000, bytes: 0x1_0000 }, { addr: 0x32_0000, bytes: 0x1000 }]);
    expect(fake.irqs.get(0xc8)).toBe(1);
    expect(fake.irqs.get(0xca)).toBe(1);
    fake.badSectors.add(20);
    expect(await hda.read(16, 8, at)).toBe(-Errno.EIO);
    expect(await hda.read(0, 8, at)).toBe(0);
    expect(fake.violations).toEqual([]);
  });

  test(`a drive that never interrupts: EIO after ${TIMEOUT_MS} ms, not a hang`, async () => {
    const { fake, channel } = setup([pattern(64 * 512, 6), null]);
    const hda = await disk(channel, 0, 0x30_0000);
    fake.silent = true;
    const t0 = Date.now();
    expect(await hda.read(0, 1, 0x30_0000)).toBe(-Errno.EIO);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(channel.timeouts).toBe(1);
    fake.silent = false;
    expect(await hda.read(0, 1, 0x30_0000)).toBe(0);
  }, 10_000);
});
