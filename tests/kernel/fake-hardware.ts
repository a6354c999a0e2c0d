// Simulated hardware for running kernel TypeScript under Node: a port bus and device
// models that behave like the real chips closely enough that a wrong driver fails.

import type { Intrinsics } from '../../kernel/arch/intrinsics.ts';

export interface PortDevice {
  read(offset: number): number;
  write(offset: number, value: number): void;
  /** 16-bit accesses, for devices whose ports are wider than a byte (an ATA data port); else two byte accesses. */
  read16?(offset: number): number;
  write16?(offset: number, value: number): void;
}

/**
 * Dispatches port I/O to devices by address range (unclaimed ports read as all ones), and
 * fakes the CPU side of the intrinsics: the interrupt flag, control registers, IRQs the
 * test raises (recorded as the machine records them), the saved trap context, a virtual
 * memory of mapped pages whose misses go to the registered trap dispatcher and are retried
 * as in the guest, the command line and the registered hooks.
 */
export class FakePortBus implements Intrinsics {
  private devices: { base: number; size: number; dev: PortDevice }[] = [];
  readonly log: string[] = [];

  attach(base: number, size: number, dev: PortDevice): this {
    this.devices.push({ base, size, dev });
    return this;
  }

  private find(port: number) {
    return this.devices.find((d) => port >= d.base && port < d.base + d.size);
  }

  outb(port: number, value: number): void {
    this.log.push(`out ${port.toString(16)} ${(value & 0xff).toString(16)}`);
    this.find(port)?.dev.write(port - this.find(port)!.base, value & 0xff);
  }
  inb(port: number): number {
    const d = this.find(port);
    return d ? d.dev.read(port - d.base) & 0xff : 0xff;
  }
  outw(port: number, value: number): void {
    const d = this.find(port);
    if (d?.dev.write16) { d.dev.write16(port - d.base, value & 0xffff); return; }
    this.outb(port, value & 0xff); this.outb(port + 1, (value >> 8) & 0xff);
  }
  inw(port: number): number {
    const d = this.find(port);
    if (d?.dev.read16) return d.dev.read16(port - d.base) & 0xffff;
    return this.inb(port) | (this.inb(port + 1) << 8);
  }
  outl(port: number, value: number): void { this.outw(port, value & 0xffff); this.outw(port + 2, (value >>> 16) & 0xffff); }
  inl(port: number): number { return (this.inw(port) | (this.inw(port + 2) << 16)) >>> 0; }
  /** rep insw / rep outsw: word by word through the port and physical memory (FakeMachine has it). */
  insw(port: number, phys: number, count: number): void {
    for (let i = 0; i < count; i++) this.physWrite16(phys + 2 * i, this.inw(port));
  }
  outsw(port: number, phys: number, count: number): void {
    for (let i = 0; i < count; i++) this.outw(port, this.physRead16(phys + 2 * i));
  }

  // A port bus has no memory or MMU: tests that need them use FakeMachine (tests/mm/fake-machine.ts).
  physRead8(_p: number): number { return noMemory(); }
  physRead16(_p: number): number { return noMemory(); }
  physRead32(_p: number): number { return noMemory(); }
  physWrite8(_p: number, _v: number): void { noMemory(); }
  physWrite16(_p: number, _v: number): void { noMemory(); }
  physWrite32(_p: number, _v: number): void { noMemory(); }
  physFill(_p: number, _b: number, _n: number): void { noMemory(); }
  physCopy(_d: number, _s: number, _n: number): void { noMemory(); }
  readCr3(): number { return noMemory(); }
  writeCr3(_v: number): void { noMemory(); }
  invlpg(_va: number): void { noMemory(); }

  /** What the boot loader would have passed (see `cmdline` below). */
  bootCommandLine(): string { return this.cmdline; }
  /** Where a multiboot information structure would be; tests that read one set it. */
  infoAddress = 0;
  bootInfoAddress(): number { return this.infoAddress; }
  /** Where the native code's memory would end; tests that allocate frames set it. */
  reservedEnd = 0x0040_0000;
  physReservedEnd(): number { return this.reservedEnd; }

  // ---- the CPU ------------------------------------------------------------------------------
  interruptsOn = false;
  halts = 0;
  tsc = 0;
  cr = { 0: 0x80010033, 2: 0, 4: 0xb0 } as Record<number, number>;
  cli(): void { this.interruptsOn = false; }
  sti(): void { this.interruptsOn = true; }
  hlt(): void { this.halts++; }
  rdtsc(): number { return (this.tsc += 1000); }
  readCr0(): number { return this.cr[0]; }
  writeCr0(v: number): void { this.cr[0] = v >>> 0; }
  readCr2(): number { return this.cr[2]; }
  readCr4(): number { return this.cr[4]; }
  writeCr4(v: number): void { this.cr[4] = v >>> 0; }

  // ---- interrupts and traps -----------------------------------------------------------------
  pending = 0;
  claimed = 0;
  readonly counts: number[] = new Array(16).fill(0);
  readonly context: number[] = new Array(20).fill(0);
  trapDispatcher: ((vector: number, errorCode: number, cr2: number, cpl: number) => void) | undefined;
  interruptHook: (() => void) | undefined;
  /** What the machine does when IRQ `line` fires. */
  raiseIrq(line: number, times = 1): void {
    this.pending |= 1 << line;
    this.counts[line] = (this.counts[line] + times) >>> 0;
  }
  irqTake(): number { const p = this.pending; this.pending = 0; return p; }
  irqCount(line: number): number { return this.counts[line & 15]; }
  irqClaim(mask: number): number { const prev = this.claimed; this.claimed = mask & 0xffff; return prev; }
  contextRead(i: number): number { return this.context[i] ?? 0; }
  contextWrite(i: number, v: number): void { if (i >= 0 && i < 20) this.context[i] = v >>> 0; }
  setTrapDispatcher(f: (vector: number, errorCode: number, cr2: number, cpl: number) => void): void { this.trapDispatcher = f; }
  setInterruptHook(f: () => void): void { this.interruptHook = f; }

  // ---- virtual memory: mapped 4 KiB pages; a miss is a page fault delivered like the machine's
  readonly pages = new Map<number, Uint8Array>();
  map(va: number): Uint8Array {
    const page = new Uint8Array(4096);
    this.pages.set(Math.floor(va / 4096), page);
    return page;
  }
  private virtAccess(va: number, write: boolean): { page: Uint8Array; off: number } {
    for (let attempt = 0; ; attempt++) {
      const page = this.pages.get(Math.floor((va >>> 0) / 4096));
      if (page) return { page, off: (va >>> 0) % 4096 };
      if (!this.trapDispatcher || attempt > 100) throw new Error(`unhandled page fault at 0x${(va >>> 0).toString(16)}`);
      this.context.fill(0);
      this.context[12] = 14;
      this.context[13] = write ? 2 : 0;
      this.context[19] = va >>> 0;
      this.cr[2] = va >>> 0;
      this.trapDispatcher(14, write ? 2 : 0, va >>> 0, 0); // returns: retry; throws: propagates
    }
  }
  virtRead8(va: number): number { const a = this.virtAccess(va, false); return a.page[a.off]; }
  virtRead16(va: number): number { return this.virtRead8(va) | (this.virtRead8(va + 1) << 8); }
  virtRead32(va: number): number { return (this.virtRead16(va) | (this.virtRead16(va + 2) << 16)) >>> 0; }
  virtWrite8(va: number, v: number): void { const a = this.virtAccess(va, true); a.page[a.off] = v & 0xff; }
  virtWrite16(va: number, v: number): void { this.virtWrite8(va, v); this.virtWrite8(va + 1, v >> 8); }
  virtWrite32(va: number, v: number): void { this.virtWrite16(va, v); this.virtWrite16(va + 2, v >>> 16); }

  // ---- boot ---------------------------------------------------------------------------------
  cmdline = '';
  bootReports = 0;
  commandLine(): string { return this.cmdline; }
  bootReport(): void { this.bootReports++; }

  // ---- user mode: no ring 3 under Node; a run ends at once with #UD, as the reference VM's --
  runUserHook: (() => boolean) | undefined;
  gdt: number[] = [];
  enterUser(_ctx: number): number { return 6; }
  gdtSetTls(index: number, lo: number, hi: number): number {
    if (index < 6 || index > 8) return -1;
    this.gdt[index * 2] = lo;
    this.gdt[index * 2 + 1] = hi;
    return 0;
  }
  setRunUserHook(f: () => boolean): void { this.runUserHook = f; }
}

function noMemory(): never {
  throw new Error('FakePortBus has no physical memory or MMU (use FakeMachine from tests/mm/fake-machine.ts)');
}

/** The two 8259s' data ports (the interrupt masks) and command ports (EOIs are counted). */
export class FakePic implements PortDevice {
  mask = 0xff;
  eois = 0;
  read(offset: number): number { return offset === 1 ? this.mask : 0; }
  write(offset: number, value: number): void {
    if (offset === 1) this.mask = value & 0xff;
    else if (value === 0x20) this.eois++;
  }
}

/**
 * A 16550 model: divisor latch behind LCR.DLAB, a receive FIFO, and a transmitter that
 * stays busy for `txBusyReads` LSR reads after each byte (so a driver that does not wait
 * for THR-empty loses bytes, as on real hardware).
 */
export class FakeUart16550 implements PortDevice {
  readonly transmitted: number[] = [];
  readonly lost: number[] = [];
  private rx: number[] = [];
  private regs = { ier: 0, lcr: 0, mcr: 0, dll: 0, dlm: 0, fcr: 0, scr: 0 };
  private busy = 0;

  constructor(private txBusyReads = 2) {}

  get divisor(): number { return this.regs.dll | (this.regs.dlm << 8); }
  get lineControl(): number { return this.regs.lcr; }
  get interruptEnable(): number { return this.regs.ier; }
  get modemControl(): number { return this.regs.mcr; }
  text(): string { return Buffer.from(this.transmitted).toString('utf8'); }
  receive(bytes: string | number[]): void {
    this.rx.push(...(typeof bytes === 'string' ? [...Buffer.from(bytes, 'utf8')] : bytes));
  }

  read(offset: number): number {
    const dlab = (this.regs.lcr & 0x80) !== 0;
    switch (offset) {
      case 0: return dlab ? this.regs.dll : (this.rx.shift() ?? 0);
      case 1: return dlab ? this.regs.dlm : this.regs.ier;
      case 2: return this.rx.length && (this.regs.ier & 1) ? 0xc4 : 0xc1; // FIFOs on; RX data pending or no interrupt
      case 3: return this.regs.lcr;
      case 4: return this.regs.mcr;
      case 5: {
        if (this.busy > 0) this.busy--;
        return (this.rx.length ? 0x01 : 0) | (this.busy === 0 ? 0x60 : 0);
      }
      case 6: return 0xb0;
      default: return this.regs.scr;
    }
  }

  write(offset: number, value: number): void {
    const dlab = (this.regs.lcr & 0x80) !== 0;
    switch (offset) {
      case 0:
        if (dlab) { this.regs.dll = value; return; }
        (this.busy > 0 ? this.lost : this.transmitted).push(value);
        this.busy = this.txBusyReads;
        return;
      case 1: if (dlab) this.regs.dlm = value; else this.regs.ier = value & 0x0f; return;
      case 2: this.regs.fcr = value; if (value & 0x02) this.rx = []; return;
      case 3: this.regs.lcr = value; return;
      case 4: this.regs.mcr = value; return;
      case 7: this.regs.scr = value; return;
    }
  }
}
