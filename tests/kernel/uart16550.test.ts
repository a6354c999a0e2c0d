// The kernel's 16550 driver, run under Node against the simulated UART.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installIntrinsics, type Intrinsics } from '../../kernel/arch/intrinsics.ts';
import { COM1, Uart16550 } from '../../kernel/dev/uart16550.ts';
import { FakePortBus, FakeUart16550 } from './fake-hardware.ts';

let uart: FakeUart16550;
let previous: Intrinsics;
beforeEach(() => {
  uart = new FakeUart16550(3);
  previous = installIntrinsics(new FakePortBus().attach(COM1, 8, uart));
});
afterEach(() => { installIntrinsics(previous); });

describe('Uart16550', () => {
  test('init programs 115200 8N1 with the receive interrupt and OUT2', () => {
    new Uart16550(COM1).init();
    expect(uart.divisor).toBe(1);
    expect(uart.lineControl).toBe(0x03); // DLAB cleared again
    expect(uart.interruptEnable).toBe(0x01);
    expect(uart.modemControl & 0x08).toBe(0x08);
  });

  test('a slower baud rate sets the divisor', () => {
    new Uart16550(COM1).init(9600);
    expect(uart.divisor).toBe(12);
  });

  test('write waits for the transmitter, so no byte is lost', () => {
    const u = new Uart16550(COM1);
    u.init();
    u.write('tskern says hi');
    expect(uart.lost).toEqual([]);
    expect(uart.text()).toBe('tskern says hi');
  });

  test('newlines become CR LF and text is sent as UTF-8', () => {
    const u = new Uart16550(COM1);
    u.write('a\nb é → 😀\n');
    expect(uart.text()).toBe('a\r\nb é → 😀\r\n');
  });

  test('readByte returns received bytes in order, then -1', () => {
    const u = new Uart16550(COM1);
    u.init();
    uart.receive('ok');
    expect([u.readByte(), u.readByte(), u.readByte()]).toEqual([0x6f, 0x6b, -1]);
  });
});
