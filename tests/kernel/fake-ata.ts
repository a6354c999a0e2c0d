// An ATA channel model for kernel/dev/ata.ts under Node: the task file (0x1F0-0x1F7) and
// the control port (0x3F6) of up to two drives over in-memory images, PIO data through a
// 16-bit data port, READ SECTORS / WRITE SECTORS / IDENTIFY / FLUSH CACHE, an interrupt
// per sector raised on a later turn of the event loop, ERR for a bad sector or a sector
// past the end, SRST, no answer at all from an absent drive, and a "silent" mode that
// never interrupts (a hung drive). It records protocol violations a real drive would
// punish: a command written while one is in progress, data moved without DRQ.
import type { PortDevice } from './fake-hardware.ts';

const ERR = 0x01, DRQ = 0x08, DRDY = 0x40, BSY = 0x80;

export class FakeAtaChannel {
  readonly task: PortDevice;
  readonly control: PortDevice;
  /** The bus-master registers (attach at the base the test hands enableDma). */
  readonly busMaster: PortDevice;
  /** PRD tables the bus-master engine walked: the (address, bytes) entries of each. */
  readonly prdTables: { addr: number; bytes: number }[][] = [];
  private bm = { command: 0, status: 0, prdt: 0 };
  readonly violations: string[] = [];
  readonly commands: number[] = [];
  /** Sectors whose reads and writes fail with ERR (IDNF). */
  readonly badSectors = new Set<number>();
  /** Never raise interrupts (a drive that hangs). */
  silent = false;
  /** IDENTIFY word 47: the largest READ MULTIPLE block (0: no multiple mode). */
  maxMultiple = 0;
  /** The block size SET MULTIPLE chose (0: not set: READ MULTIPLE is aborted). */
  multiple = 0;
  /** Interrupts raised, by command. */
  readonly irqs = new Map<number, number>();
  resets = 0;

  private regs = { count: 0, lba0: 0, lba1: 0, lba2: 0, drive: 0, error: 0, feature: 0 };
  private status = DRDY;
  private buffer = new Uint16Array(256);
  private pos = 0;
  private cmd = -1;
  private lba = 0;
  private left = 0;

  constructor(readonly drives: (Uint8Array | null)[], private readonly raiseIrq: () => void,
    /** Physical memory, for bus-master DMA. */
    private readonly mem?: Uint8Array) {
    const self = this;
    this.busMaster = {
      read: (o) => (o === 0 ? self.bm.command : o === 2 ? self.bm.status : (self.bm.prdt >>> ((o - 4) * 8)) & 0xff),
      write: (o, v) => {
        if (o === 0) self.bmCommand(v);
        else if (o === 2) self.bm.status &= ~(v & 0x06);
        else if (o >= 4 && o < 8) {
          const shift = (o - 4) * 8;
          self.bm.prdt = ((self.bm.prdt & ~(0xff << shift)) | ((v & 0xff) << shift)) >>> 0;
        }
      },
    };
    this.task = {
      read: (o) => self.readTask(o),
      write: (o, v) => self.writeTask(o, v),
      read16: (o) => (o === 0 ? self.readData() : self.readTask(o)),
      write16: (o, v) => (o === 0 ? self.writeData(v) : self.writeTask(o, v & 0xff)),
    };
    this.control = {
      read: () => (this.selected() ? this.status : 0),
      write: (_o, v) => {
        if (v & 0x04) {
          this.resets++;
          this.status = DRDY;
          this.cmd = -1;
          this.left = 0;
        }
      },
    };
  }

  private selected(): Uint8Array | null {
    return this.drives[(this.regs.drive >> 4) & 1] ?? null;
  }

  private irq(): void {
    this.irqs.set(this.cmd, (this.irqs.get(this.cmd) ?? 0) + 1);
    if (!this.silent) setImmediate(this.raiseIrq);
  }

  /** Sectors in the next DRQ block of the command in progress. */
  private blockSectors(): number {
    return this.cmd === 0xc4 ? Math.min(this.multiple, this.left) : 1;
  }

  private readTask(o: number): number {
    switch (o) {
      case 1: return this.regs.error;
      case 2: return this.regs.count;
      case 3: return this.regs.lba0;
      case 4: return this.regs.lba1;
      case 5: return this.regs.lba2;
      case 6: return this.regs.drive;
      case 7: return this.selected() ? this.status : 0;
      default: return 0xff;
    }
  }

  private writeTask(o: number, v: number): void {
    switch (o) {
      case 1: this.regs.feature = v; return;
      case 2: this.regs.count = v; return;
      case 3: this.regs.lba0 = v; return;
      case 4: this.regs.lba1 = v; return;
      case 5: this.regs.lba2 = v; return;
      case 6: this.regs.drive = v; return;
      case 7: this.command(v); return;
    }
  }

  private fail(): void {
    this.status = DRDY | ERR;
    this.regs.error = 0x10;
    this.cmd = -1;
    this.irq();
  }

  private command(c: number): void {
    const disk = this.selected();
    if (!disk) return; // nobody answers
    if (this.cmd !== -1) this.violations.push(`command 0x${c.toString(16)} written while 0x${this.cmd.toString(16)} is in progress`);
    this.commands.push(c);
    this.regs.error = 0;
    this.lba = this.regs.lba0 | (this.regs.lba1 << 8) | (this.regs.lba2 << 16) | ((this.regs.drive & 0x0f) << 24);
    this.left = this.regs.count === 0 ? 256 : this.regs.count;
    switch (c) {
      case 0xec: {
        this.buffer.fill(0);
        const sectors = disk.length / 512;
        this.buffer[60] = sectors & 0xffff;
        this.buffer[61] = sectors >>> 16;
        this.buffer[47] = this.maxMultiple ? 0x8000 | this.maxMultiple : 0;
        this.left = 1;
        this.cmd = c;
        this.pos = 0;
        this.status = DRDY | DRQ;
        this.irq();
        return;
      }
      case 0x20:
        this.cmd = c;
        this.loadSector(disk);
        return;
      case 0xc4:
        if (this.multiple === 0) return this.fail();
        this.cmd = c;
        this.loadSector(disk);
        return;
      case 0xc6:
        if (this.regs.count === 0 || this.regs.count > this.maxMultiple || (this.regs.count & (this.regs.count - 1)) !== 0) return this.fail();
        this.multiple = this.regs.count;
        this.status = DRDY;
        this.irq();
        return;
      case 0x30:
        if (this.lba + this.left > disk.length / 512) return this.fail();
        this.cmd = c;
        this.pos = 0;
        this.status = DRDY | DRQ; // the first sector is asked for without an interrupt
        return;
      case 0xe7:
        this.status = DRDY;
        this.irq();
        return;
      case 0xc8:
      case 0xca:
        if (this.lba + this.left > disk.length / 512) return this.fail();
        this.cmd = c;
        this.status = DRDY | DRQ; // waiting for the bus-master engine
        return;
      default:
        this.fail();
    }
  }

  /** The bus-master command register: start (bit 0) runs the DMA command in progress. */
  private bmCommand(v: number): void {
    const starting = (v & 1) !== 0 && (this.bm.command & 1) === 0;
    this.bm.command = v & 0x09;
    if (!starting) return;
    if (this.cmd !== 0xc8 && this.cmd !== 0xca) {
      this.violations.push('bus master started without a DMA command');
      return;
    }
    if (((v & 0x08) !== 0) !== (this.cmd === 0xc8)) this.violations.push('bus-master direction does not match the command');
    if (!this.mem) throw new Error('FakeAtaChannel: DMA needs physical memory');
    const mem = this.mem, view = new DataView(mem.buffer);
    const entries: { addr: number; bytes: number }[] = [];
    for (let at = this.bm.prdt; ; at += 8) {
      const addr = view.getUint32(at, true), w = view.getUint32(at + 4, true);
      const bytes = (w & 0xffff) || 0x1_0000;
      if (Math.floor(addr / 0x1_0000) !== Math.floor((addr + bytes - 1) / 0x1_0000)) this.violations.push('PRD entry crosses a 64 KiB boundary');
      entries.push({ addr, bytes });
      if (w & 0x8000_0000) break;
      if (entries.length > 512) { this.violations.push('PRD table without an end'); return; }
    }
    this.prdTables.push(entries);
    const disk = this.selected()!;
    const total = entries.reduce((n, e) => n + e.bytes, 0);
    if (total !== this.left * 512) this.violations.push(`PRD table covers ${total} bytes for ${this.left} sectors`);
    this.bm.status |= 0x01;
    this.status = BSY;
    setImmediate(() => {
      let pos = this.lba * 512;
      const bad = [...this.badSectors].some((s) => s >= this.lba && s < this.lba + this.left);
      if (!bad) {
        for (const e of entries) {
          if (this.cmd === 0xc8) mem.set(disk.subarray(pos, pos + e.bytes), e.addr);
          else disk.set(mem.subarray(e.addr, e.addr + e.bytes), pos);
          pos += e.bytes;
        }
      }
      this.bm.status = (this.bm.status & ~0x01) | 0x04 | (bad ? 0x02 : 0);
      this.status = bad ? DRDY | ERR : DRDY;
      this.irq();
      this.cmd = -1;
    });
  }

  private loadSector(disk: Uint8Array): void {
    const n = this.blockSectors();
    for (let s = this.lba; s < this.lba + n; s++) if (s >= disk.length / 512 || this.badSectors.has(s)) return this.fail();
    this.buffer = new Uint16Array(disk.slice(this.lba * 512, (this.lba + n) * 512).buffer);
    this.pos = 0;
    this.status = DRDY | DRQ;
    this.irq();
  }

  private readData(): number {
    if ((this.status & DRQ) === 0 || (this.cmd !== 0x20 && this.cmd !== 0xc4 && this.cmd !== 0xec)) {
      this.violations.push('data read without DRQ');
      return 0;
    }
    const w = this.buffer[this.pos++];
    if (this.pos === this.buffer.length) {
      const n = this.buffer.length / 256;
      this.left -= n;
      this.lba += n;
      if (this.left === 0) {
        this.status = DRDY;
        this.cmd = -1;
      } else {
        this.status = BSY;
        setImmediate(() => this.loadSector(this.selected()!));
      }
    }
    return w;
  }

  private writeData(v: number): void {
    if ((this.status & DRQ) === 0 || this.cmd !== 0x30) {
      this.violations.push('data written without DRQ');
      return;
    }
    this.buffer[this.pos++] = v;
    if (this.pos < 256) return;
    const disk = this.selected()!;
    const failed = this.badSectors.has(this.lba);
    if (!failed) disk.set(new Uint8Array(this.buffer.buffer.slice(0)), this.lba * 512);
    this.left--;
    this.lba++;
    this.pos = 0;
    this.status = BSY;
    setImmediate(() => {
      if (failed) return this.fail();
      if (this.left === 0) {
        this.status = DRDY;
        this.cmd = -1;
      } else {
        this.status = DRDY | DRQ;
      }
      this.irq();
    });
  }
}
