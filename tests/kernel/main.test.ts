// The kernel entry under Node: the banner goes out through the 16550 driver.
import { afterEach, expect, test } from 'vitest';
import { installIntrinsics, type Intrinsics } from '../../kernel/arch/intrinsics.ts';
import { COM1 } from '../../kernel/dev/uart16550.ts';
import { kernelMain } from '../../kernel/main.ts';
import { FakePortBus, FakeUart16550 } from './fake-hardware.ts';

let previous: Intrinsics | undefined;
afterEach(() => { if (previous) installIntrinsics(previous); });

test('kernelMain initialises COM1 and prints the banner line', () => {
  const uart = new FakeUart16550();
  previous = installIntrinsics(new FakePortBus().attach(COM1, 8, uart));
  kernelMain('9.8.7');
  expect(uart.text()).toBe('tskern 9.8.7 (i386, PAE paging, kernel half at 0xc0000000)\r\n');
  expect(uart.divisor).toBe(1);
});
