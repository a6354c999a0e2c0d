// 16550 UART driver (COM ports), polled transmit. Register offsets from the port base.

import { inb, outb } from '../arch/intrinsics.ts';
import { utf8Encode } from '../lib/utf8.ts';

export const COM1 = 0x3f8;

const THR = 0, RBR = 0, DLL = 0, IER = 1, DLM = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5;
const LCR_DLAB = 0x80, LCR_8N1 = 0x03;
const LSR_DATA_READY = 0x01, LSR_THR_EMPTY = 0x20;
const UART_CLOCK = 115200;

export class Uart16550 {
  constructor(readonly base: number) {}

  /** 8N1 at `baud`, FIFOs on and cleared, receive interrupt enabled (OUT2 gates the IRQ). */
  init(baud = 115200): void {
    const divisor = Math.floor(UART_CLOCK / baud);
    outb(this.base + IER, 0);
    outb(this.base + LCR, LCR_DLAB);
    outb(this.base + DLL, divisor & 0xff);
    outb(this.base + DLM, (divisor >> 8) & 0xff);
    outb(this.base + LCR, LCR_8N1);
    outb(this.base + FCR, 0xc7);
    outb(this.base + MCR, 0x0b);
    outb(this.base + IER, 0x01);
  }

  writeByte(byte: number): void {
    while ((inb(this.base + LSR) & LSR_THR_EMPTY) === 0) { /* transmitter busy */ }
    outb(this.base + THR, byte);
  }

  /** Writes text as UTF-8, turning "\n" into "\r\n" for terminals. */
  write(text: string): void {
    const bytes = utf8Encode(text);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) this.writeByte(0x0d);
      this.writeByte(bytes[i]);
    }
  }

  /** The next received byte, or -1 if none is waiting. */
  readByte(): number {
    if ((inb(this.base + LSR) & LSR_DATA_READY) === 0) return -1;
    return inb(this.base + RBR);
  }
}

/**
 * Interrupt-driven input: the COM IRQ handler calls onInterrupt, which drains the receive
 * FIFO into a queue; readers await bytes in order.
 */
export class SerialInput {
  private readonly bytes: number[] = [];
  private readonly waiters: ((b: number) => void)[] = [];

  constructor(private readonly uart: Uart16550) {}

  onInterrupt(): void {
    for (let b = this.uart.readByte(); b >= 0; b = this.uart.readByte()) {
      const w = this.waiters.shift();
      if (w !== undefined) w(b);
      else this.bytes.push(b);
    }
  }

  /** The next received byte. */
  read(): Promise<number> {
    const b = this.bytes.shift();
    if (b !== undefined) return Promise.resolve(b);
    return new Promise<number>((resolve) => this.waiters.push(resolve));
  }
}
