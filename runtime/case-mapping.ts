// String.prototype.toUpperCase / toLowerCase over UTF-16 units, with the Basic
// Multilingual Plane's mappings from runtime/unicode-case-data.ts (generated from ICU):
// single-unit mappings by binary search over runs, multi-unit ones (ß -> SS) from a short
// list, and the one context rule of the default algorithms that applies here: Greek
// capital sigma lowers to final sigma (ς) at the end of a word. Supplementary-plane
// letters (surrogate pairs) are left unchanged.
//
// Built from the allowed primitives only (runtime/README.md).

import { buildCaseTables, type CaseTables } from './unicode-case-data.ts';

/** The tables, built on the first non-ASCII unit (most programs never need them). */
let tables: CaseTables | undefined;

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
function isCased(t: CaseTables, c: number): boolean {
  return mapSingle(t.upperRuns, c) !== c || mapSingle(t.lowerRuns, c) !== c;
}

/**
 * Σ lowers to ς when a cased letter comes before it and none after it (Unicode's
 * Final_Sigma, without the case-ignorable characters it lets in between).
 */
function isFinalSigma(t: CaseTables, s: string, i: number): boolean {
  if (i === 0 || !isCased(t, s.charCodeAt(i - 1))) return false;
  return i + 1 >= s.length || !isCased(t, s.charCodeAt(i + 1));
}

/** The units of s upper-cased (upper) or lower-cased, appended to out. */
export function caseMapUnits(s: string, upper: boolean, out: number[]): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (upper && c >= 97 && c <= 122) out.push(c - 32);
      else if (!upper && c >= 65 && c <= 90) out.push(c + 32);
      else out.push(c);
      continue;
    }
    if (tables === undefined) tables = buildCaseTables();
    const t = tables;
    if (!upper && c === CAPITAL_SIGMA) {
      out.push(isFinalSigma(t, s, i) ? FINAL_SIGMA : SMALL_SIGMA);
      continue;
    }
    const m = mapMulti(upper ? t.upperMulti : t.lowerMulti, c);
    if (m !== undefined) {
      for (let k = 1; k < m.length; k++) out.push(m[k]);
      continue;
    }
    out.push(mapSingle(upper ? t.upperRuns : t.lowerRuns, c));
  }
}
