// runtime/case-mapping.ts against Node's toUpperCase/toLowerCase: every unit of the Basic
// Multilingual Plane on its own, and the final-sigma context rule.
import { describe, expect, test } from 'vitest';
import { caseMapUnits } from '../../runtime/case-mapping.ts';

const mapped = (s: string, upper: boolean): string => {
  const out: number[] = [];
  caseMapUnits(s, upper, out);
  return String.fromCharCode(...out);
};

describe('case mapping', () => {
  test('every BMP unit maps as in Node (upper and lower)', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (mapped(s, true) !== s.toUpperCase()) wrong.push(`upper U+${c.toString(16)}`);
      if (mapped(s, false) !== s.toLowerCase()) wrong.push(`lower U+${c.toString(16)}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
  test('words: Greek final sigma, expansions, mixed scripts', () => {
    for (const s of ['ΟΔΥΣΣΕΥΣ', 'Σ', 'ΑΣ', 'ΑΣΒ', 'ΑΣ.', 'ΑΣ Β', 'straße', 'İstanbul', 'ǰ', 'ŉ', 'Ελληνικά', 'Москва', 'Ǆemal', 'ﬁne', 'ΐ']) {
      expect(mapped(s, true)).toBe(s.toUpperCase());
      expect(mapped(s, false)).toBe(s.toLowerCase());
    }
  });
});
