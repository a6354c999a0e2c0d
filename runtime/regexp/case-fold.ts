// Case-insensitive matching for the regular-expression engine (ECMA-262 22.2.2.7.3
// Canonicalize). Without the u flag a character's canonical form is its single-unit
// upper-case mapping, except that nothing outside ASCII maps into ASCII; with u it is
// its simple case folding, which we take as lower(upper(c)) (the folding of every BMP
// letter but the Turkish dotted and dotless i, which fold to themselves). Two characters
// match when their canonical forms are equal; character classes also need the other
// direction (every character with a given canonical form), from a sorted table built
// on first use. The case tables cover the BMP; the few supplementary-plane scripts with
// case are a short list of runs here.
//
// Built from the allowed primitives only (runtime/README.md).

import { buildCaseTables, type CaseTables } from '../unicode-case-data.ts';

let tables: CaseTables | undefined;

function runsMap(runs: number[], c: number): number {
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

/** Sorted first units of the multi-unit mappings (upper [0], lower [1]), made with the tables. */
let multiKeys: number[][] | undefined;

function sortedKeys(multi: number[][]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < multi.length; i++) {
    let j = keys.length;
    keys.push(0);
    while (j > 0 && keys[j - 1] > multi[i][0]) {
      keys[j] = keys[j - 1];
      j--;
    }
    keys[j] = multi[i][0];
  }
  return keys;
}

function hasMulti(keys: number[], c: number): boolean {
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === c) return true;
    if (keys[mid] < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function caseTables(): CaseTables {
  if (tables === undefined) {
    tables = buildCaseTables();
    multiKeys = [sortedKeys(tables.upperMulti), sortedKeys(tables.lowerMulti)];
  }
  return tables;
}

function upperOf(t: CaseTables, c: number): number {
  return hasMulti(multiKeys![0], c) ? c : runsMap(t.upperRuns, c);
}

function lowerOf(t: CaseTables, c: number): number {
  return hasMulti(multiKeys![1], c) ? c : runsMap(t.lowerRuns, c);
}

/**
 * The supplementary-plane letters with a simple case folding (Deseret, Osage, Vithkuqi, Old
 * Hungarian, Garay, Warang Citi, Medefaidrin, Beria Erfe, Adlam, from Node 20's ICU):
 * groups of three (first capital, delta to its small letter, count).
 */
const SUPPLEMENTARY = [66560, 40, 40, 66736, 40, 36, 66928, 39, 11, 66940, 39, 15, 66956, 39, 7, 66964, 39, 2, 68736, 64, 51,
  68944, 32, 22, 71840, 32, 32, 93760, 32, 32, 93856, 27, 25, 125184, 34, 34];

function foldSupplementary(c: number): number {
  for (let i = 0; i < SUPPLEMENTARY.length; i += 3) {
    if (c >= SUPPLEMENTARY[i] && c < SUPPLEMENTARY[i] + SUPPLEMENTARY[i + 2]) return c + SUPPLEMENTARY[i + 1];
  }
  return c;
}

/** Canonicalize(c) for /i without u (c a UTF-16 unit). */
export function canonicalLegacy(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  if (c > 0xffff) return c;
  const u = upperOf(caseTables(), c);
  return u < 128 ? c : u;
}

/** Simple case folding of c for /iu (a code point). */
export function canonicalUnicode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c > 0xffff) return foldSupplementary(c);
  if (c === 0x130 || c === 0x131) return c;
  const t = caseTables();
  return lowerOf(t, upperOf(t, c));
}

/** Pairs [canonical, member] sorted by canonical, one table per mode (0 legacy, 1 unicode). */
const inverse: number[][] = [];

function buildInverse(mode: number): number[] {
  const t = caseTables();
  const chars: number[] = [];
  const lists = [t.upperRuns, t.lowerRuns];
  for (let l = 0; l < 2; l++) {
    const runs = lists[l];
    for (let i = 0; i < runs.length; i += 4) {
      for (let k = 0; k < runs[i + 1]; k++) {
        const c = runs[i] + k * runs[i + 3];
        chars.push(c);
        chars.push(c + runs[i + 2]);
      }
    }
  }
  if (mode === 1) {
    for (let i = 0; i < SUPPLEMENTARY.length; i += 3) {
      for (let k = 0; k < SUPPLEMENTARY[i + 2]; k++) chars.push(SUPPLEMENTARY[i] + k);
      for (let k = 0; k < SUPPLEMENTARY[i + 2]; k++) chars.push(SUPPLEMENTARY[i] + SUPPLEMENTARY[i + 1] + k);
    }
  }
  const pairs: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    pairs.push(mode === 0 ? canonicalLegacy(c) : canonicalUnicode(c));
    pairs.push(c);
  }
  // sort the pairs by (canonical, member), then drop duplicates
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  const sorted = sortIndices(idx, pairs);
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const j = sorted[i];
    const n = out.length;
    if (n > 0 && out[n - 2] === pairs[j] && out[n - 1] === pairs[j + 1]) continue;
    out.push(pairs[j]);
    out.push(pairs[j + 1]);
  }
  return out;
}

/** Bottom-up merge sort of pair offsets by (key, member). */
function sortIndices(a: number[], pairs: number[]): number[] {
  let src = a;
  let dst: number[] = [];
  for (let width = 1; width < src.length; width *= 2) {
    dst = [];
    for (let lo = 0; lo < src.length; lo += 2 * width) {
      const mid = lo + width < src.length ? lo + width : src.length;
      const hi = lo + 2 * width < src.length ? lo + 2 * width : src.length;
      let i = lo, j = mid;
      while (i < mid || j < hi) {
        if (j >= hi || (i < mid && !pairGreater(pairs, src[i], src[j]))) dst.push(src[i++]);
        else dst.push(src[j++]);
      }
    }
    src = dst;
  }
  return src;
}

function pairGreater(p: number[], x: number, y: number): boolean {
  return p[x] > p[y] || (p[x] === p[y] && p[x + 1] > p[y + 1]);
}

/**
 * Every character whose canonical form (mode 0 legacy, 1 unicode) is `canon`, appended
 * to out; at least `canon`'s own class members that the case tables know of.
 */
export function membersOf(canon: number, mode: number, out: number[]): void {
  if (inverse[mode] === undefined) inverse[mode] = buildInverse(mode);
  const t = inverse[mode];
  let lo = 0, hi = t.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid * 2] < canon) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < t.length / 2 && t[i * 2] === canon; i++) out.push(t[i * 2 + 1]);
}
