// String.prototype.toUpperCase / toLowerCase over UTF-16 units, with the Basic
// Multilingual Plane's mappings from runtime/unicode-case-data.ts (generated from ICU):
// single-unit mappings by binary search over runs, multi-unit ones (ß -> SS) from a short
// list, and the one context rule of the default algorithms that applies here: Greek
// capital sigma lowers to final sigma (ς) at the end of a word. Supplementary-plane
// letters (surrogate pairs) are left unchanged.
//
// Built from the allowed primitives only (runtime/README.md).

import { LOWER_MULTI, LOWER_RUNS, UPPER_MULTI, UPPER_RUNS } from './unicode-case-data.ts';

const CAPITAL_SIGMA = 0x3a3;
const SMALL_SIGMA = 0x3c3;
const FINAL_SIGMA = 0x3c2;

/** The single-unit mapping of c in runs, or c itself. */
function mapSingle(runs: number[], c: number): number {
  let lo = 0;
  let hi = runs.length / 4 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = runs[mid * 4];
    if (c < start) {
      hi = mid - 1;
      continue;
    }
    const count = runs[mid * 4 + 1];
    const step = runs[mid * 4 + 3];
    const offset = c - start;
    if (offset > (count - 1) * step) {
      lo = mid + 1;
      continue;
    }
    return offset % step === 0 ? c + runs[mid * 4 + 2] : c;
  }
  return c;
}

/** The multi-unit mapping of c, or undefined. */
function mapMulti(multi: number[][], c: number): number[] | undefined {
  for (let i = 0; i < multi.length; i++) if (multi[i][0] === c) return multi[i];
  return undefined;
}

/** A letter with case: it changes under one of the mappings. */
function isCased(c: number): boolean {
  return mapSingle(UPPER_RUNS, c) !== c || mapSingle(LOWER_RUNS, c) !== c;
}

/**
 * Σ lowers to ς when a cased letter comes before it and none after it (Unicode's
 * Final_Sigma, without the case-ignorable characters it lets in between).
 */
function isFinalSigma(s: string, i: number): boolean {
  if (i === 0 || !isCased(s.charCodeAt(i - 1))) return false;
  return i + 1 >= s.length || !isCased(s.charCodeAt(i + 1));
}

/** The units of s upper-cased (upper) or lower-cased, appended to out. */
export function caseMapUnits(s: string, upper: boolean, out: number[]): void {
  const runs = upper ? UPPER_RUNS : LOWER_RUNS;
  const multi = upper ? UPPER_MULTI : LOWER_MULTI;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (upper && c >= 97 && c <= 122) out.push(c - 32);
      else if (!upper && c >= 65 && c <= 90) out.push(c + 32);
      else out.push(c);
      continue;
    }
    if (!upper && c === CAPITAL_SIGMA) {
      out.push(isFinalSigma(s, i) ? FINAL_SIGMA : SMALL_SIGMA);
      continue;
    }
    const m = mapMulti(multi, c);
    if (m !== undefined) {
      for (let k = 1; k < m.length; k++) out.push(m[k]);
      continue;
    }
    out.push(mapSingle(runs, c));
  }
}
