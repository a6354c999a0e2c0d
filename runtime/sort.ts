// Array.prototype.sort: a stable bottom-up merge sort with the spec's SortCompare.
//
// Holes and undefined are taken out first: the defined values are sorted, then written
// back followed by the undefineds, and the remaining tail indices are deleted (holes end
// up last), as SortIndexedProperties requires. Without a comparator values compare by
// their string conversions in code-unit order (numbers through numberToString, other
// non-strings through hooks.stringOf).

import { numberToString } from './number-format.ts';
import { compareStrings } from './primitives.ts';

export type Comparator = (a: unknown, b: unknown) => unknown;

/** What sortArray needs from the array it sorts. */
export interface SortHooks {
  /** HasProperty(a, i). */
  hasIndex(a: unknown[], i: number): boolean;
  /** DeletePropertyOrThrow(a, i). */
  deleteIndex(a: unknown[], i: number): void;
  /** ToString(v) for values that are neither strings nor numbers. */
  stringOf(v: unknown): string;
  /** ToNumber of a comparator's result that is not a number (default: NaN, i.e. equal). */
  toNumber?(v: unknown): number;
}

/** Merge-sorts items[0..n) stably; `before(x, y)` is true when y must come before x. */
export function mergeSort<T>(items: T[], greater: (x: T, y: T) => boolean): T[] {
  let src = items;
  const n = src.length;
  let dst: T[] = [];
  for (let i = 0; i < n; i++) dst.push(src[i]);
  // Insertion-sort runs of 8 first (stable), then merge.
  const RUN = 8;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = lo + RUN < n ? lo + RUN : n;
    for (let i = lo + 1; i < hi; i++) {
      const v = src[i];
      let j = i - 1;
      while (j >= lo && greater(src[j], v)) {
        src[j + 1] = src[j];
        j--;
      }
      src[j + 1] = v;
    }
  }
  for (let width = RUN; width < n; width = width * 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Take from the right run only when strictly smaller: stability.
        if (greater(src[i], src[j])) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function stringOf(v: unknown, hooks: SortHooks): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  return hooks.stringOf(v);
}

/** Array.prototype.sort(compare) on `a` in place; returns a. */
export function sortArray(a: unknown[], compare: Comparator | undefined, hooks: SortHooks): unknown[] {
  const len = a.length;
  const values: unknown[] = [];
  let undefinedCount = 0;
  for (let i = 0; i < len; i++) {
    if (!hooks.hasIndex(a, i)) continue;
    const v = a[i];
    if (v === undefined) undefinedCount++;
    else values.push(v);
  }
  let sorted: unknown[];
  if (compare === undefined) {
    // Convert each value to a string once, then sort the pairs.
    const pairs: { s: string; v: unknown }[] = [];
    for (let i = 0; i < values.length; i++) pairs.push({ s: stringOf(values[i], hooks), v: values[i] });
    const sp = mergeSort(pairs, (x, y) => compareStrings(x.s, y.s) > 0);
    sorted = [];
    for (let i = 0; i < sp.length; i++) sorted.push(sp[i].v);
  } else {
    sorted = mergeSort(values, (x, y) => {
      const r = compare(x, y);
      let n: number;
      if (typeof r === 'number') n = r;
      else if (hooks.toNumber !== undefined) n = hooks.toNumber(r);
      else n = NaN;
      return n > 0;
    });
  }
  let i = 0;
  for (; i < sorted.length; i++) a[i] = sorted[i];
  for (let u = 0; u < undefinedCount; u++) a[i++] = undefined;
  for (; i < len; i++) if (hooks.hasIndex(a, i)) hooks.deleteIndex(a, i);
  return a;
}
