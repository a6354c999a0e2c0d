// ATA (IDE) disks on the primary channel, PIO, interrupt-driven (IRQ 14).
//
// One request runs at a time per channel (the two drives share the task file); the rest
// wait in a FIFO queue. A request is a command (READ SECTORS 0x20 or READ MULTIPLE 0xC4,
// WRITE SECTORS 0x30, IDENTIFY 0xEC, SET MULTIPLE 0xC6, FLUSH CACHE 0xE7) on up to 256
// sectors; each DRQ block (a sector, or up to 8 with READ MULTIPLE) moves with one
// `insw`/`outsw` native (rep insw/outsw into the frame through the direct map). The drive
// raises IRQ 14 when a block is ready (read) or taken (write) and when the command ends;
// the handler reads STATUS (which lowers the IRQ), moves the next sector, and settles the
// request's Promise when the last one is done.
//
// Errors are values, never hangs: ERR or DF in STATUS, a status of 0 or 0xFF (no drive,
// floating bus), a drive that never raises DRQ, or no interrupt within TIMEOUT_MS settle
// the request with -EIO, and the channel is reset (SRST) before the next request.
//
// Bus-master DMA when the kernel hands the channel its bus-master registers (enableDma;
// findBusMaster below reads them from the IDE function's BAR4 through PCI): READ DMA /
// WRITE DMA with a PRD table describing the buffer, one interrupt per command. v86 (BAR4
// 0xB400) and QEMU (PIIX3, 0xC040 under SeaBIOS) both have it; PIO is the fallback.

import { inb, insw, outb, outl, outsw, physRead16, physWrite32 } from '../arch/intrinsics.ts';
import { onIrq } from '../arch/irq.ts';
import { Errno } from '../mm/errno.ts';
import { SECTOR_SIZE, type BlockDevice } from './block.ts';
import { bar, enableBusMaster, scanBus0 } from './pci.ts';

export const ATA_PRIMARY = 0x1f0, ATA_PRIMARY_CONTROL = 0x3f6, ATA_PRIMARY_IRQ = 14;

enum Reg { DATA = 0, ERROR = 1, COUNT = 2, LBA0 = 3, LBA1 = 4, LBA2 = 5, DRIVE = 6, STATUS = 7, COMMAND = 7 }
enum Status { ERR = 0x01, DRQ = 0x08, DF = 0x20, DRDY = 0x40, BSY = 0x80 }
export enum Cmd { READ = 0x20, WRITE = 0x30, READ_MULTIPLE = 0xc4, SET_MULTIPLE = 0xc6, READ_DMA = 0xc8, WRITE_DMA = 0xca, FLUSH = 0xe7, IDENTIFY = 0xec }
/** Bus-master IDE registers (from the BAR4 base; the primary channel's are the first 8 ports). */
enum Bm { COMMAND = 0, STATUS = 2, PRDT = 4, START = 0x01, TO_MEMORY = 0x08, ACTIVE = 0x01, ERROR = 0x02, IRQ = 0x04 }
/** A physical region descriptor: 32-bit address, 16-bit byte count (0 = 64 KiB), bit 15 of the last word ends the table. */
const PRD_END = 0x8000_0000;
/** Device control register: SRST resets both drives; nIEN (bit 1) clear lets the drive interrupt. */
enum Control { INTERRUPTS_ON = 0x00, SRST = 0x04 }

/** No interrupt for this long ends a request with EIO. */
export const TIMEOUT_MS = 2000;
/** Status polls while waiting for BSY to clear or DRQ to rise before a command's data. */
const POLL_LIMIT = 100_000;
const LBA28_LIMIT = 0x1000_0000;
/** Largest READ MULTIPLE block we ask for (one page). */
const MAX_MULTIPLE = 8;

interface Request {
  drive: number;
  command: Cmd;
  lba: number;
  count: number;
  phys: number;
  /** Sectors moved so far. */
  done: number;
  /** Sectors per interrupt (a DRQ block): 1, or the drive's multiple for READ MULTIPLE. */
  perIrq: number;
  resolve: (result: number) => void;
}

/** The task file of one channel: the queue, the request in flight, the interrupt handler. */
export class AtaChannel {
  private readonly queue: Request[] = [];
  private current: Request | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** Bus-master registers (0: no DMA) and the frame holding the PRD table. */
  private bm = 0;
  private prdt = 0;
  /** Interrupts that came with no request in flight (a reset, a drive's power-on IRQ). */
  spurious = 0;
  /** Requests ended with EIO, by cause. */
  errors = 0;
  timeouts = 0;

  constructor(readonly base = ATA_PRIMARY, readonly control = ATA_PRIMARY_CONTROL, readonly irq = ATA_PRIMARY_IRQ) {}

  /** Takes the channel's IRQ and enables the drives' interrupts. */
  install(): void {
    outb(this.control, Control.INTERRUPTS_ON);
    onIrq(this.irq, () => this.onInterrupt());
  }

  /**
   * Moves data by bus-master DMA from now on: `bmBase` is the bus-master register block of
   * this channel (the IDE function's BAR4, bus mastering enabled), `prdtFrame` a frame
   * for the descriptor table. One interrupt per command instead of one per DRQ block.
   */
  enableDma(bmBase: number, prdtFrame: number): void {
    this.bm = bmBase;
    this.prdt = prdtFrame;
  }

  get dma(): boolean {
    return this.bm !== 0;
  }

  /**
   * Identifies the drive (0 master, 1 slave) with IDENTIFY DEVICE into the 512 bytes at
   * `scratch`; its disk, or -ENXIO when no ATA drive answers, -EIO on an error.
   */
  async probe(drive: number, scratch: number): Promise<AtaDisk | number> {
    outb(this.base + Reg.DRIVE, 0xa0 | (drive << 4));
    this.settle();
    const s = inb(this.base + Reg.STATUS);
    if (s === 0 || s === 0xff) return -Errno.ENXIO;
    const r = await this.submit(drive, Cmd.IDENTIFY, 0, 1, scratch);
    if (r < 0) return r === -Errno.EIO ? -Errno.ENXIO : r;
    const word = (i: number) => physRead16(scratch + 2 * i);
    const sectors = (word(60) | (word(61) << 16)) >>> 0;
    if (sectors === 0) return -Errno.ENXIO;
    const disk = new AtaDisk(this, drive, sectors);
    // READ MULTIPLE moves a block of sectors per interrupt: word 47 is the largest block.
    // (Writes stay one sector per interrupt: v86 asks for WRITE MULTIPLE's data a sector at a time.)
    const max = word(47) & 0xff;
    let multiple = 1;
    while (multiple * 2 <= max && multiple * 2 <= MAX_MULTIPLE) multiple *= 2;
    if (multiple > 1 && (await this.submit(drive, Cmd.SET_MULTIPLE, 0, multiple, 0)) === 0) disk.multiple = multiple;
    return disk;
  }

  /** Queues a command; settles with 0 or -EIO once the drive has finished it. */
  submit(drive: number, command: Cmd, lba: number, count: number, phys: number, perIrq = 1): Promise<number> {
    return new Promise<number>((resolve) => {
      this.queue.push({ drive, command, lba, count, phys, done: 0, perIrq, resolve });
      if (this.current === null) this.startNext();
    });
  }

  /** About 400 ns for the drive to present its status after a select (four status reads). */
  private settle(): void {
    for (let i = 0; i < 4; i++) inb(this.control);
  }

  /** Polls the alternate status until `mask` bits are clear and `want` bits set; the status, or -1 after POLL_LIMIT polls. */
  private poll(clear: number, want: number): number {
    for (let i = 0; i < POLL_LIMIT; i++) {
      const s = inb(this.control);
      if (s === 0xff || s === 0) return s;
      if ((s & Status.BSY) === 0 && (s & (Status.ERR | Status.DF)) !== 0) return s;
      if ((s & clear) === 0 && (s & want) === want) return s;
    }
    return -1;
  }

  private startNext(): void {
    const req = this.queue.shift();
    if (req === undefined) {
      this.current = null;
      return;
    }
    this.current = req;
    outb(this.base + Reg.DRIVE, 0xe0 | (req.drive << 4) | ((req.lba >>> 24) & 0x0f));
    this.settle();
    const ready = this.poll(Status.BSY, 0);
    if (ready < 0 || ready === 0 || ready === 0xff || (ready & Status.BSY) !== 0) {
      this.finish(-Errno.EIO);
      return;
    }
    outb(this.base + Reg.COUNT, req.count & 0xff);
    outb(this.base + Reg.LBA0, req.lba & 0xff);
    outb(this.base + Reg.LBA1, (req.lba >>> 8) & 0xff);
    outb(this.base + Reg.LBA2, (req.lba >>> 16) & 0xff);
    const dma = req.command === Cmd.READ_DMA || req.command === Cmd.WRITE_DMA;
    const direction = req.command === Cmd.READ_DMA ? Bm.TO_MEMORY : 0;
    if (dma) {
      this.buildPrdt(req.phys, req.count * SECTOR_SIZE);
      outl(this.bm + Bm.PRDT, this.prdt);
      outb(this.bm + Bm.STATUS, Bm.ERROR | Bm.IRQ); // write-one-to-clear
      outb(this.bm + Bm.COMMAND, direction);
    }
    outb(this.base + Reg.COMMAND, req.command);
    this.timer = setTimeout(() => this.onTimeout(req), TIMEOUT_MS);
    if (dma) outb(this.bm + Bm.COMMAND, direction | Bm.START);
    if (req.command === Cmd.WRITE) {
      // The first sector goes out without an interrupt, as soon as the drive asks (DRQ).
      const s = this.poll(Status.BSY, Status.DRQ);
      if (s <= 0 || s === 0xff || (s & (Status.ERR | Status.DF)) !== 0 || (s & Status.DRQ) === 0) {
        this.finish(-Errno.EIO);
        return;
      }
      outsw(this.base + Reg.DATA, req.phys, SECTOR_SIZE / 2);
    }
  }

  /** The PRD table for one physically contiguous buffer: entries never cross a 64 KiB boundary. */
  private buildPrdt(phys: number, bytes: number): void {
    let at = this.prdt;
    while (bytes > 0) {
      let n = 0x1_0000 - (phys % 0x1_0000);
      if (n > bytes) n = bytes;
      bytes -= n;
      physWrite32(at, phys);
      physWrite32(at + 4, (n & 0xffff) | (bytes === 0 ? PRD_END : 0));
      phys += n;
      at += 8;
    }
  }

  private onInterrupt(): void {
    const s = inb(this.base + Reg.STATUS); // reading STATUS acknowledges the drive's interrupt
    const req = this.current;
    if (req === null) {
      this.spurious++;
      return;
    }
    if (s === 0xff || s === 0 || (s & (Status.ERR | Status.DF)) !== 0) {
      this.finish(-Errno.EIO);
      return;
    }
    if ((s & Status.BSY) !== 0) return; // not for us yet
    switch (req.command) {
      case Cmd.READ_DMA:
      case Cmd.WRITE_DMA: {
        const bs = inb(this.bm + Bm.STATUS);
        outb(this.bm + Bm.COMMAND, 0);
        outb(this.bm + Bm.STATUS, Bm.ERROR | Bm.IRQ);
        this.finish((bs & Bm.ERROR) !== 0 ? -Errno.EIO : 0);
        return;
      }
      case Cmd.READ:
      case Cmd.READ_MULTIPLE:
      case Cmd.IDENTIFY: {
        if ((s & Status.DRQ) === 0) { this.finish(-Errno.EIO); return; }
        let n = req.count - req.done;
        if (n > req.perIrq) n = req.perIrq;
        insw(this.base + Reg.DATA, req.phys + req.done * SECTOR_SIZE, (n * SECTOR_SIZE) / 2);
        req.done += n;
        if (req.done === req.count) this.finish(0);
        return;
      }
      case Cmd.WRITE:
        req.done++;
        if (req.done === req.count) { this.finish(0); return; }
        if ((s & Status.DRQ) === 0) { this.finish(-Errno.EIO); return; }
        outsw(this.base + Reg.DATA, req.phys + req.done * SECTOR_SIZE, SECTOR_SIZE / 2);
        return;
      default:
        this.finish(0);
    }
  }

  private onTimeout(req: Request): void {
    if (this.current !== req) return;
    this.timeouts++;
    this.timer = undefined;
    this.finish(-Errno.EIO);
  }

  /** Software reset of both drives (SRST): after an error the task file is in an unknown state. */
  private reset(): void {
    outb(this.control, Control.SRST);
    this.settle();
    outb(this.control, Control.INTERRUPTS_ON);
    this.poll(Status.BSY, 0);
  }

  private finish(result: number): void {
    const req = this.current;
    if (req === null) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.current = null;
    if (result < 0) {
      this.errors++;
      if (this.bm !== 0) outb(this.bm + Bm.COMMAND, 0);
      this.reset();
    }
    req.resolve(result);
    this.startNext();
  }
}

/** One drive of a channel, as a BlockDevice. */
export class AtaDisk implements BlockDevice {
  readonly name: string;
  readonly dev: number;
  /** Sectors per interrupt of READ MULTIPLE (set by probe), 1 when the drive has no multiple mode. */
  multiple = 1;
  /** Commands issued (reads, writes) and sectors moved, for statistics. */
  commands = 0;

  constructor(readonly channel: AtaChannel, readonly drive: number, readonly sectors: number) {
    this.name = drive === 0 ? 'hda' : 'hdb';
    this.dev = (3 << 8) | (drive * 64);
  }

  read(sector: number, count: number, phys: number): Promise<number> {
    if (this.channel.dma) return this.transfer(Cmd.READ_DMA, sector, count, phys);
    return this.transfer(this.multiple > 1 ? Cmd.READ_MULTIPLE : Cmd.READ, sector, count, phys);
  }

  write(sector: number, count: number, phys: number): Promise<number> {
    return this.transfer(this.channel.dma ? Cmd.WRITE_DMA : Cmd.WRITE, sector, count, phys);
  }

  flush(): Promise<number> {
    return this.channel.submit(this.drive, Cmd.FLUSH, 0, 0, 0);
  }

  /** Splits a transfer into commands of at most 256 sectors (an ATA count of 0 means 256). */
  private async transfer(command: Cmd, sector: number, count: number, phys: number): Promise<number> {
    if (!Number.isInteger(sector) || !Number.isInteger(count) || sector < 0 || count < 0) return -Errno.EINVAL;
    if (sector + count > this.sectors || sector + count > LBA28_LIMIT) return -Errno.EINVAL;
    while (count > 0) {
      const n = count > 256 ? 256 : count;
      this.commands++;
      const r = await this.channel.submit(this.drive, command, sector, n, phys, command === Cmd.READ_MULTIPLE ? this.multiple : 1);
      if (r < 0) return r;
      sector += n;
      count -= n;
      phys += n * SECTOR_SIZE;
    }
    return 0;
  }
}

/**
 * The primary channel's bus-master register base of the first IDE controller on PCI bus 0
 * that can master the bus (programming interface bit 7, an I/O BAR4), with bus mastering
 * enabled; 0 when there is none.
 */
export function findBusMaster(): number {
  const fns = scanBus0();
  for (let i = 0; i < fns.length; i++) {
    const f = fns[i];
    if (f.classCode !== 1 || f.subclass !== 1 || (f.progIf & 0x80) === 0) continue;
    const b = bar(f, 4);
    if ((b & 1) === 0 || (b & 0xfffc) === 0) continue;
    enableBusMaster(f);
    return b & 0xfffc;
  }
  return 0;
}
