// 16550 UART driver (COM ports), polled transmit. Register offsets from the port base.

import { inb, outb } from '../arch/intrinsics.ts';

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
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c === 0x0a) {
        this.writeByte(0x0d);
        this.writeByte(0x0a);
        continue;
      }
      // Combine a surrogate pair into one code point.
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      this.writeCodePoint(c);
    }
  }

  private writeCodePoint(c: number): void {
    if (c < 0x80) {
      this.writeByte(c);
    } else if (c < 0x800) {
      this.writeByte(0xc0 | (c >> 6));
      this.writeByte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      this.writeByte(0xe0 | (c >> 12));
      this.writeByte(0x80 | ((c >> 6) & 0x3f));
      this.writeByte(0x80 | (c & 0x3f));
    } else {
      this.writeByte(0xf0 | (c >> 18));
      this.writeByte(0x80 | ((c >> 12) & 0x3f));
      this.writeByte(0x80 | ((c >> 6) & 0x3f));
      this.writeByte(0x80 | (c & 0x3f));
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
