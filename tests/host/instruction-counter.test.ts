import { describe, expect, it } from 'vitest';
import { ExtendedCounter, extendCounter } from '../../host/instruction-counter.ts';

const WRAP = 2 ** 32;

describe('extendCounter', () => {
  it('follows the counter while it does not wrap', () => {
    expect(extendCounter(0, 0)).toBe(0);
    expect(extendCounter(0, 1234)).toBe(1234);
    expect(extendCounter(1234, 5000)).toBe(5000);
  });

  it('adds 2^32 when the raw value wraps', () => {
    expect(extendCounter(WRAP - 10, 5)).toBe(WRAP + 5);
    expect(extendCounter(3 * WRAP + 0xffff_fff0, 0x10)).toBe(4 * WRAP + 0x10);
  });

  it('keeps the high part when the raw value has not moved', () => {
    expect(extendCounter(5 * WRAP + 7, 7)).toBe(5 * WRAP + 7);
  });
});

describe('ExtendedCounter', () => {
  it('accumulates across several wraps when read often enough', () => {
    let raw = 0;
    const counter = new ExtendedCounter(() => raw);
    let expected = 0;
    for (let step = 0; step < 20; step++) {
      const advance = 0xc000_0000; // 3/4 of the range per read
      expected += advance;
      raw = (raw + advance) >>> 0;
      expect(counter.read()).toBe(expected);
    }
    expect(counter.read()).toBeGreaterThan(10 * WRAP);
  });

  it('accepts signed raw values (v86 stores the counter in an Int32Array)', () => {
    const counter = new ExtendedCounter(() => -1);
    expect(counter.read()).toBe(WRAP - 1);
  });
});
