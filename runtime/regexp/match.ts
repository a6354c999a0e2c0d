// The backtracking machine that runs a compiled pattern (compile.ts) over a string.
// Nothing recurses on the input: choice points live in an explicit stack (six numbers
// each: kind, pc, position, trail height, two extra) and every register write is logged
// in a trail (register, old value) that backtracking undoes, so a pattern over a long
// string needs heap, not machine stack. Only lookarounds call the machine recursively,
// as deep as they nest in the pattern. Lookarounds are atomic (ECMA-262): once their
// body has matched, its choice points are dropped but its register writes stay on the
// trail, for the enclosing choice points to undo.
//
// Built from the allowed primitives only (runtime/README.md).

import { canonicalLegacy, canonicalUnicode, membersOf } from './case-fold.ts';
import { classEscapeRanges } from './syntax.ts';
import {
  OP_ANY, OP_ASSERT, OP_BACKREF, OP_CHAR, OP_CHARI, OP_CLEAR, OP_JMP, OP_LOOK, OP_LOOP, OP_LOOPEND, OP_MARK, OP_MATCH,
  OP_REPEAT1, OP_SAVE, OP_SET, OP_SETZERO, OP_SPLIT, OP_SUCCEED, type Program,
} from './compile.ts';

/** Choice kinds. */
const C_ALT = 0, C_GREEDY = 1, C_LAZY = 2;

const WORD_RANGES = classEscapeRanges(119, false)!;
const WORD_RANGES_UI = classEscapeRanges(119, true)!;

class Machine {
  p: Program;
  s: string;
  /** The UTF-16 units of s (read far more often than made: one array per string matched). */
  u: number[];
  regs: number[] = [];
  trail: number[] = [];
  /** Height of the trail (entries above it are stale). */
  tl = 0;
  stack: number[] = [];
  sp = 0;
  members: number[] = [];

  constructor(p: Program, s: string) {
    this.p = p;
    this.s = s;
    this.u = unitsOf(s);
  }

  setReg(r: number, v: number): void {
    const t = this.trail;
    t[this.tl] = r;
    t[this.tl + 1] = this.regs[r];
    this.tl += 2;
    this.regs[r] = v;
  }

  undo(height: number): void {
    const t = this.trail;
    let i = this.tl;
    while (i > height) {
      i -= 2;
      this.regs[t[i]] = t[i + 1];
    }
    this.tl = i < height ? i : height;
  }

  push(kind: number, pc: number, pos: number, a: number, b: number): void {
    const st = this.stack;
    const sp = this.sp;
    st[sp] = kind;
    st[sp + 1] = pc;
    st[sp + 2] = pos;
    st[sp + 3] = this.tl;
    st[sp + 4] = a;
    st[sp + 5] = b;
    this.sp = sp + 6;
  }

  /**
   * Runs the single-character instruction at pc at pos: the position after it (before it,
   * backward), or -1.
   */
  step(pc: number, pos: number): number {
    const code = this.p.code;
    const s = this.u;
    const dir = code[pc + 1];
    let c: number;
    let next: number;
    if (dir === 0) {
      if (pos >= s.length) return -1;
      c = s[pos];
      next = pos + 1;
      if (this.p.unicode) {
        if (c >= 0xd800 && c <= 0xdbff && next < s.length) {
          const d = s[next];
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
            next++;
          }
        } else if (c >= 0xdc00 && c <= 0xdfff && pos > 0) {
          // the second half of a pair is not a character of its own (as V8)
          const d = s[pos - 1];
          if (d >= 0xd800 && d <= 0xdbff) return -1;
        }
      }
    } else {
      if (pos <= 0) return -1;
      c = s[pos - 1];
      next = pos - 1;
      if (this.p.unicode) {
        if (c >= 0xdc00 && c <= 0xdfff && next > 0) {
          const d = s[next - 1];
          if (d >= 0xd800 && d <= 0xdbff) {
            c = (d - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
            next--;
          }
        } else if (c >= 0xd800 && c <= 0xdbff && pos < s.length) {
          const d = s[pos];
          if (d >= 0xdc00 && d <= 0xdfff) return -1;
        }
      }
    }
    const op = code[pc];
    if (op === OP_CHAR) return c === code[pc + 2] ? next : -1;
    if (op === OP_CHARI) return this.canon(c) === code[pc + 2] ? next : -1;
    if (op === OP_ANY) return this.p.dotAll || !isLineTerminator(c) ? next : -1;
    // OP_SET
    const idx = code[pc + 2];
    const ranges = this.p.sets[idx];
    let found = inRanges(ranges, c);
    if (!found && this.p.ignoreCase) {
      const m: number[] = [];
      let k = 0;
      const mode = this.p.unicode ? 1 : 0;
      const canon = this.canon(c);
      if (inRanges(ranges, canon)) found = true;
      else {
        membersOf(canon, mode, m);
        for (k = 0; k < m.length; k++) {
          if (inRanges(ranges, m[k])) {
            found = true;
            break;
          }
        }
      }
    }
    return found !== this.p.setNeg[idx] ? next : -1;
  }

  canon(c: number): number {
    return this.p.unicode ? canonicalUnicode(c) : canonicalLegacy(c);
  }

  isWord(pos: number): boolean {
    if (pos < 0 || pos >= this.u.length) return false;
    const c = this.u[pos];
    return inRanges(this.p.unicode && this.p.ignoreCase ? WORD_RANGES_UI : WORD_RANGES, c);
  }

  assert(k: number, pos: number): boolean {
    const s = this.u;
    if (k === 0) return pos === 0 || (this.p.multiline && isLineTerminator(s[pos - 1]));
    if (k === 1) return pos === s.length || (this.p.multiline && isLineTerminator(s[pos]));
    const b = this.isWord(pos - 1) !== this.isWord(pos);
    return k === 2 ? b : !b;
  }

  /** The position after the back reference to group n at pos, or -1. */
  backref(dir: number, n: number, pos: number): number {
    const start = this.regs[n * 2], end = this.regs[n * 2 + 1];
    if (start < 0 || end < 0) return pos;
    const len = end - start;
    const s = this.u;
    const from = dir === 0 ? pos : pos - len;
    if (from < 0 || from + len > s.length) return -1;
    for (let i = 0; i < len; i++) {
      const a = s[start + i], b = s[from + i];
      if (a !== b && (!this.p.ignoreCase || this.canon(a) !== this.canon(b))) return -1;
    }
    return dir === 0 ? pos + len : pos - len;
  }

  /** Runs from pc at pos until MATCH or SUCCEED (the end position) or failure (-1, registers restored). */
  run(startPc: number, startPos: number): number {
    const code = this.p.code;
    const regs = this.regs;
    const base = this.sp;
    const trailBase = this.tl;
    let pc = startPc;
    let pos = startPos;
    for (;;) {
      let ok = true;
      const op = code[pc];
      switch (op) {
        case OP_CHAR: case OP_CHARI: case OP_ANY: case OP_SET: {
          const n = this.step(pc, pos);
          if (n < 0) ok = false;
          else {
            pos = n;
            pc += op === OP_ANY ? 2 : 3;
          }
          break;
        }
        case OP_SPLIT:
          this.push(C_ALT, code[pc + 2], pos, 0, 0);
          pc = code[pc + 1];
          break;
        case OP_JMP:
          pc = code[pc + 1];
          break;
        case OP_SAVE:
          this.setReg(code[pc + 1], pos);
          pc += 2;
          break;
        case OP_ASSERT:
          if (this.assert(code[pc + 1], pos)) pc += 2;
          else ok = false;
          break;
        case OP_BACKREF: {
          const n = this.backref(code[pc + 1], code[pc + 2], pos);
          if (n < 0) ok = false;
          else {
            pos = n;
            pc += 3;
          }
          break;
        }
        case OP_LOOK: {
          const kind = code[pc + 1];
          const mark = this.tl;
          const r = this.run(pc + 3, pos);
          if ((r >= 0) === ((kind & 1) === 0)) pc = code[pc + 2];
          else {
            this.undo(mark);
            ok = false;
          }
          break;
        }
        case OP_SUCCEED: case OP_MATCH:
          this.sp = base;
          return pos;
        case OP_SETZERO:
          this.setReg(code[pc + 1], 0);
          pc += 2;
          break;
        case OP_LOOP: {
          const n = regs[code[pc + 1]];
          const min = code[pc + 2], max = code[pc + 3];
          const body = pc + 6, exit = code[pc + 5];
          if (n < min) pc = body;
          else if (n >= max) pc = exit;
          else if (code[pc + 4] === 1) {
            this.push(C_ALT, exit, pos, 0, 0);
            pc = body;
          } else {
            this.push(C_ALT, body, pos, 0, 0);
            pc = exit;
          }
          break;
        }
        case OP_MARK:
          this.setReg(code[pc + 1], pos);
          pc += 2;
          break;
        case OP_CLEAR:
          for (let r = code[pc + 1]; r < code[pc + 2]; r++) if (regs[r] !== -1) this.setReg(r, -1);
          pc += 3;
          break;
        case OP_LOOPEND: {
          const cnt = code[pc + 1];
          if (regs[cnt] >= code[pc + 2] && pos === regs[code[pc + 3]]) ok = false;
          else {
            this.setReg(cnt, regs[cnt] + 1);
            pc = code[pc + 4];
          }
          break;
        }
        case OP_REPEAT1: {
          const min = code[pc + 1], max = code[pc + 2], next = code[pc + 4];
          const atom = pc + 5;
          let n = 0;
          let p = pos;
          while (n < min) {
            p = this.step(atom, p);
            if (p < 0) break;
            n++;
          }
          if (p < 0) {
            ok = false;
            break;
          }
          if (code[pc + 3] === 1) {
            const low = p;
            while (n < max) {
              const q = this.step(atom, p);
              if (q < 0) break;
              p = q;
              n++;
            }
            if (p !== low) this.push(C_GREEDY, next, p, low, atom);
          } else if (n < max) {
            this.push(C_LAZY, next, p, max - n, atom);
          }
          pos = p;
          pc = next;
          break;
        }
        default:
          throw new RangeError('regexp: bad instruction');
      }
      if (ok) continue;
      // backtrack
      for (;;) {
        if (this.sp === base) {
          this.undo(trailBase);
          return -1;
        }
        const st = this.stack;
        const e = this.sp - 6;
        this.undo(st[e + 3]);
        const kind = st[e];
        if (kind === C_ALT) {
          pc = st[e + 1];
          pos = st[e + 2];
          this.sp = e;
          break;
        }
        if (kind === C_GREEDY) {
          // give back one character (two units for a pair under u)
          const atom = st[e + 5];
          const backward = code[atom + 1] === 1;
          let p = st[e + 2];
          const low = st[e + 4];
          p = this.stepBack(p, backward, low);
          pc = st[e + 1];
          pos = p;
          if (p === low) this.sp = e;
          else st[e + 2] = p;
          break;
        }
        // C_LAZY: take one more
        const atom = st[e + 5];
        const q = this.step(atom, st[e + 2]);
        if (q < 0) {
          this.sp = e;
          continue;
        }
        const left = st[e + 4] - 1;
        pc = st[e + 1];
        pos = q;
        if (left <= 0) this.sp = e;
        else {
          st[e + 2] = q;
          st[e + 4] = left;
        }
        break;
      }
    }
  }

  /** One character back from p toward low (forward when the atom reads backward). */
  stepBack(p: number, backward: boolean, low: number): number {
    const s = this.u;
    if (!backward) {
      if (this.p.unicode && p - 2 >= low) {
        const a = s[p - 2], b = s[p - 1];
        if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) return p - 2;
      }
      return p - 1;
    }
    if (this.p.unicode && p + 2 <= low) {
      const a = s[p], b = s[p + 1];
      if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) return p + 2;
    }
    return p + 1;
  }
}

let unitAt: (s: string, i: number) => number = (s, i) => s.charCodeAt(i);

/** How to read one unit of a string: the prelude gives the machine's native (a method call costs ten times more there). */
export function setUnitReader(f: (s: string, i: number) => number): void {
  unitAt = f;
}

function unitsOf(s: string): number[] {
  const u: number[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) u[i] = unitAt(s, i);
  return u;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function inRanges(r: number[], c: number): boolean {
  let lo = 0, hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < r[mid * 2]) hi = mid - 1;
    else if (c > r[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Matches p against s at `start` (sticky) or at the first position from `start` where it
 * matches. Returns the capture registers (start, end pairs, -1 for a group that did not
 * take part; group 0 first), or undefined. Under u, with `stepBack` (a global or sticky
 * regexp, whose lastIndex may fall inside a surrogate pair), a start between the two
 * halves of a pair is first tried one unit earlier, as V8 does; positions then advance by
 * units, and no character starts at the second half of a pair.
 */
export function matchAt(p: Program, s: string, start: number, sticky: boolean, stepBack: boolean): number[] | undefined {
  let m = p.machine as Machine | undefined;
  if (m === undefined || m.sp !== 0) {
    // a fresh machine when none is cached or the cached one is busy (a replacer function
    // running this program again from inside a match cannot happen: matches finish first)
    m = new Machine(p, s);
    p.machine = m;
  }
  if (m.s !== s) {
    m.s = s;
    m.u = unitsOf(s);
  }
  const u = m.u;
  if (p.unicode && stepBack && start > 0 && start < s.length) {
    const a = u[start - 1], b = u[start];
    if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) {
      const r = attempt(m, start - 1);
      if (r !== undefined) return r;
    }
  }
  const first = p.firstAtom;
  let i = start;
  while (i <= s.length) {
    if (!sticky) {
      if (p.firstChar >= 0) {
        // skip to the next occurrence of the first character
        while (i < u.length && u[i] !== p.firstChar) i++;
        if (i >= s.length) return undefined;
      } else if (first >= 0) {
        while (i < s.length && m.step(first, i) < 0) i++;
        if (i >= s.length) return undefined;
      }
    }
    const r = attempt(m, i);
    if (r !== undefined || sticky) return r;
    i++;
  }
  return undefined;
}

function attempt(m: Machine, i: number): number[] | undefined {
  const p = m.p;
  const regs = m.regs;
  for (let r = 0; r < p.registers; r++) regs[r] = -1;
  m.sp = 0;
  m.tl = 0;
  if (m.run(0, i) < 0) return undefined;
  const out: number[] = [];
  for (let r = 0; r < (p.groups + 1) * 2; r++) out.push(regs[r]);
  return out;
}
