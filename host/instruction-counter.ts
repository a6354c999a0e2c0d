// v86 counts executed instructions in a 32-bit register that wraps (every few seconds
// of busy guest time). These helpers extend it to a JS number that keeps growing.

const TWO_POW_32 = 0x1_0000_0000;

/**
 * The extended count after reading `raw32` from the wrapping counter, given the
 * extended count at the previous read. Exact as long as fewer than 2^32 instructions
 * ran between the two reads, which is why the reader also samples on a timer.
 */
export function extendCounter(previous: number, raw32: number): number {
  const delta = (raw32 - (previous % TWO_POW_32)) >>> 0;
  return previous + delta;
}

/** Tracks one wrapping 32-bit counter; call `read()` often enough not to miss a wrap. */
export class ExtendedCounter {
  private value = 0;

  constructor(private readonly readRaw: () => number) {}

  read(): number {
    this.value = extendCounter(this.value, this.readRaw() >>> 0);
    return this.value;
  }
}
