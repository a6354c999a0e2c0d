// The 8254 PIT, channel 0: the periodic interrupt (IRQ 0) that is the kernel's time base.
import { outb } from '../arch/intrinsics.ts';

export const PIT_INPUT_HZ = 1193182;
const CH0 = 0x40, CMD = 0x43;

/** Programs channel 0 as a rate generator at about `hz` interrupts a second; returns the exact rate. */
export function setPitFrequency(hz: number): number {
  let divisor = Math.round(PIT_INPUT_HZ / hz);
  if (divisor < 1) divisor = 1;
  if (divisor > 65535) divisor = 65535;
  outb(CMD, 0x34); // channel 0, lobyte/hibyte, mode 2
  outb(CH0, divisor & 0xff);
  outb(CH0, divisor >> 8);
  return PIT_INPUT_HZ / divisor;
}
