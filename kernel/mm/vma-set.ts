// The areas of one address space, ordered by address: an AVL tree keyed by `start`.
//
// Invariants:
//  - areas are page-aligned, non-empty and pairwise disjoint, so ordering by start is
//    also ordering by end;
//  - the tree is a binary search tree on start and every node's subtrees differ in height
//    by at most 1, so lookup, insert and remove are O(log n);
//  - an area's start may change in place (stack growth) only while no other area lies
//    between the old and the new start, which keeps the order.
// Merges keep the lower area and grow its end, so they never move a key.

import { Errno } from './errno.ts';
import { Page, isPageAligned } from './page.ts';
import { Vm, canMerge, type Vma } from './vma.ts';

class Node {
  left: Node | null = null;
  right: Node | null = null;
  height = 1;
  constructor(public vma: Vma) {}
}

function height(n: Node | null): number {
  return n === null ? 0 : n.height;
}

function fix(n: Node): void {
  const l = height(n.left), r = height(n.right);
  n.height = (l > r ? l : r) + 1;
}

function rotateRight(n: Node): Node {
  const l = n.left as Node;
  n.left = l.right;
  l.right = n;
  fix(n);
  fix(l);
  return l;
}

function rotateLeft(n: Node): Node {
  const r = n.right as Node;
  n.right = r.left;
  r.left = n;
  fix(n);
  fix(r);
  return r;
}

function balance(n: Node): Node {
  // fix(n) and the two heights written out: this runs at every level of every insert and remove
  const ln = n.left, rn = n.right;
  const lh = ln === null ? 0 : ln.height, rh = rn === null ? 0 : rn.height;
  n.height = (lh > rh ? lh : rh) + 1;
  const b = lh - rh;
  if (b > 1) {
    const l = n.left as Node;
    if (height(l.left) < height(l.right)) n.left = rotateLeft(l);
    return rotateRight(n);
  }
  if (b < -1) {
    const r = n.right as Node;
    if (height(r.right) < height(r.left)) n.right = rotateRight(r);
    return rotateLeft(n);
  }
  return n;
}

export class VmaSet {
  private root: Node | null = null;
  private count = 0;
  /**
   * The area findFrom last found containing its address (faults come in runs on one area):
   * always an area of the set (remove clears it); its bounds are tested on each use, so
   * splits, merges and growth of areas need not clear it.
   */
  private last: Vma | null = null;

  get size(): number {
    return this.count;
  }

  /** The area containing va, or null. */
  find(va: number): Vma | null {
    const v = this.floor(va);
    return v !== null && va < v.end ? v : null;
  }

  /** The last area starting at or below va. */
  floor(va: number): Vma | null {
    let n = this.root, best: Vma | null = null;
    while (n !== null) {
      if (n.vma.start <= va) {
        best = n.vma;
        n = n.right;
      } else n = n.left;
    }
    return best;
  }

  /** The first area starting at or above va. */
  ceiling(va: number): Vma | null {
    let n = this.root, best: Vma | null = null;
    while (n !== null) {
      if (n.vma.start >= va) {
        best = n.vma;
        n = n.left;
      } else n = n.right;
    }
    return best;
  }

  /** The first area ending above va (Linux's find_vma): the one containing va or the next. */
  findFrom(va: number): Vma | null {
    const c = this.last;
    if (c !== null && c.start <= va && va < c.end) return c;
    const v = this.floor(va);
    if (v !== null && v.end > va) {
      this.last = v;
      return v;
    }
    return this.ceiling(va + 1);
  }

  /** The area before vma, or null. */
  prev(vma: Vma): Vma | null {
    return vma.start === 0 ? null : this.floor(vma.start - 1);
  }

  /** The area after vma, or null. */
  next(vma: Vma): Vma | null {
    return this.ceiling(vma.start + 1);
  }

  /** The first area intersecting [start, end), or null. */
  checkOverlap(start: number, end: number): Vma | null {
    const v = this.findFrom(start);
    return v !== null && v.start < end ? v : null;
  }

  /** The areas intersecting [start, end), in order. */
  inRange(start: number, end: number): Vma[] {
    const out: Vma[] = [];
    let v = this.findFrom(start);
    while (v !== null && v.start < end) {
      out.push(v);
      v = this.next(v);
    }
    return out;
  }

  /** Every area in address order. */
  toArray(): Vma[] {
    const out: Vma[] = [];
    const walk = (n: Node | null): void => {
      if (n === null) return;
      walk(n.left);
      out.push(n.vma);
      walk(n.right);
    };
    walk(this.root);
    return out;
  }

  /** Adds an area; it must not overlap any other (a kernel bug otherwise). */
  insert(vma: Vma): void {
    if (vma.start >= vma.end || !isPageAligned(vma.start) || !isPageAligned(vma.end)) {
      throw new Error('vma set: bad area ' + vma.start + '-' + vma.end);
    }
    if (this.checkOverlap(vma.start, vma.end) !== null) throw new Error('vma set: overlapping insert at ' + vma.start);
    this.root = this.insertAt(this.root, vma);
    this.count++;
  }

  /** Removes this area (the very object). */
  remove(vma: Vma): void {
    if (this.find(vma.start) !== vma) throw new Error('vma set: remove of an area not in the set');
    this.root = this.removeAt(this.root, vma.start);
    this.count--;
    if (this.last === vma) this.last = null;
  }

  /**
   * Splits vma at `at` (page-aligned, strictly inside): vma keeps [start, at), a new area
   * with the same flags and backing takes [at, end) with its offset moved on. Returns the
   * new upper area.
   */
  split(vma: Vma, at: number): Vma {
    if (!(at > vma.start && at < vma.end) || !isPageAligned(at)) throw new Error('vma set: bad split at ' + at);
    const upper = vma.copy(at, vma.end, vma.pgoff + ((at - vma.start) >>> Page.SHIFT));
    vma.end = at;
    this.root = this.insertAt(this.root, upper);
    this.count++;
    return upper;
  }

  /**
   * Merges vma with the area right after it when Linux's rules allow (see canMerge):
   * vma grows over it and it leaves the set. Returns the absorbed area, or null.
   */
  mergeNext(vma: Vma): Vma | null {
    const next = this.next(vma);
    if (next === null || !canMerge(vma, next)) return null;
    this.remove(next);
    vma.end = next.end;
    return next;
  }

  /**
   * Top-down search for a free range of `length` bytes (page-aligned) inside [low, high):
   * the highest start address such that the range touches no area and, when the area right
   * after it grows down, ends `guardGap` bytes below it (the stack guard gap, Linux's
   * vm_start_gap). -ENOMEM if there is none.
   * Walks the gaps from `high` down: O(k log n) for k areas looked at.
   */
  findFreeTopDown(length: number, low: number, high: number, guardGap: number): number {
    let limit = high;
    const above = this.ceiling(high);
    if (above !== null && (above.flags & Vm.GROWSDOWN) !== 0 && above.start - guardGap < limit) {
      limit = above.start - guardGap;
    }
    let v = high === 0 ? null : this.floor(high - 1);
    for (;;) {
      const floorAddr = v !== null && v.end > low ? v.end : low;
      if (limit - length >= floorAddr) return limit - length;
      if (v === null) return -Errno.ENOMEM;
      // The gap below v is bounded by v alone (less its guard gap), and by `high`.
      const gapTop = (v.flags & Vm.GROWSDOWN) !== 0 ? v.start - guardGap : v.start;
      limit = gapTop < high ? gapTop : high;
      v = this.prev(v);
    }
  }

  /** Checks every invariant (tests); throws on the first violation. */
  check(): void {
    const all = this.toArray();
    if (all.length !== this.count) throw new Error('vma set: count ' + this.count + ' but ' + all.length + ' areas');
    for (let i = 0; i < all.length; i++) {
      const v = all[i];
      if (v.start >= v.end || !isPageAligned(v.start) || !isPageAligned(v.end)) throw new Error('vma set: bad area');
      if (i > 0 && all[i - 1].end > v.start) throw new Error('vma set: areas overlap or are out of order');
    }
    const depth = (n: Node | null): number => {
      if (n === null) return 0;
      const l = depth(n.left), r = depth(n.right);
      if (l - r > 1 || r - l > 1) throw new Error('vma set: unbalanced');
      const h = (l > r ? l : r) + 1;
      if (h !== n.height) throw new Error('vma set: stale height');
      return h;
    };
    depth(this.root);
  }

  private insertAt(n: Node | null, vma: Vma): Node {
    if (n === null) return new Node(vma);
    if (vma.start < n.vma.start) n.left = this.insertAt(n.left, vma);
    else n.right = this.insertAt(n.right, vma);
    return balance(n);
  }

  private removeAt(n: Node | null, start: number): Node | null {
    if (n === null) throw new Error('vma set: missing key');
    if (start < n.vma.start) n.left = this.removeAt(n.left, start);
    else if (start > n.vma.start) n.right = this.removeAt(n.right, start);
    else {
      if (n.left === null) return n.right;
      if (n.right === null) return n.left;
      // Replace by the smallest area of the right subtree.
      let m = n.right;
      while (m.left !== null) m = m.left;
      n.vma = m.vma;
      n.right = this.removeAt(n.right, m.vma.start);
    }
    return balance(n);
  }
}
