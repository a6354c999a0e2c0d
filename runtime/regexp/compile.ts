// Turns a parsed pattern (syntax.ts) into a program for the backtracking machine
// (match.ts): a flat array of numbers, one instruction after another. Every
// instruction that reads the input has a direction (0 forward, 1 backward: the bodies
// of lookbehinds are matched right to left, as ECMA-262 specifies, so their sequences
// are emitted in reverse and their groups save the end before the start).
// Quantifiers over one character are a single REPEAT1 instruction; other quantifiers
// are a counted loop with a register for the count and one for the position where the
// iteration started (an iteration past the minimum that matches empty fails).
//
// Built from the allowed primitives only (runtime/README.md).

import { canonicalLegacy, canonicalUnicode } from './case-fold.ts';
import {
  N_ALT, N_ANY, N_ASSERT, N_BACKREF, N_CHAR, N_EMPTY, N_GROUP, N_LOOK, N_QUANT, N_SEQ, N_SET, parsePattern, type Node,
} from './syntax.ts';

export const OP_CHAR = 0, OP_CHARI = 1, OP_ANY = 2, OP_SET = 3, OP_SPLIT = 4, OP_JMP = 5, OP_SAVE = 6, OP_ASSERT = 7,
  OP_BACKREF = 8, OP_LOOK = 9, OP_SUCCEED = 10, OP_SETZERO = 11, OP_LOOP = 12, OP_MARK = 13, OP_CLEAR = 14,
  OP_LOOPEND = 15, OP_REPEAT1 = 16, OP_MATCH = 17;

export interface Program {
  code: number[];
  sets: number[][];
  setNeg: boolean[];
  /** Registers: 2 per capture (group 0 included), then loop counters and marks. */
  registers: number;
  groups: number;
  names: (string | undefined)[];
  hasNames: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
  /** The program's first instruction needs this character (CHAR forward), or -1. */
  firstChar: number;
  /** A forward single-character instruction every match starts with (pc), or -1: a start where it fails is skipped. */
  firstAtom: number;
  /** The machine last used with this program (match.ts reuses it), or undefined. */
  machine: unknown;
}

class Emitter {
  code: number[] = [];
  sets: number[][] = [];
  setNeg: boolean[] = [];
  registers: number;
  ignoreCase: boolean;
  unicode: boolean;

  constructor(registers: number, ignoreCase: boolean, unicode: boolean) {
    this.registers = registers;
    this.ignoreCase = ignoreCase;
    this.unicode = unicode;
  }

  emit(n: Node, dir: number): void {
    const code = this.code;
    switch (n.t) {
      case N_EMPTY:
        return;
      case N_CHAR:
        if (this.ignoreCase) {
          code.push(OP_CHARI);
          code.push(dir);
          code.push(this.unicode ? canonicalUnicode(n.k) : canonicalLegacy(n.k));
        } else {
          code.push(OP_CHAR);
          code.push(dir);
          code.push(n.k);
        }
        return;
      case N_ANY:
        code.push(OP_ANY);
        code.push(dir);
        return;
      case N_SET:
        code.push(OP_SET);
        code.push(dir);
        code.push(this.sets.length);
        this.sets.push(n.ranges);
        this.setNeg.push(n.neg);
        return;
      case N_SEQ:
        if (dir === 0) for (let i = 0; i < n.kids.length; i++) this.emit(n.kids[i], dir);
        else for (let i = n.kids.length - 1; i >= 0; i--) this.emit(n.kids[i], dir);
        return;
      case N_ALT: {
        const jumps: number[] = [];
        for (let i = 0; i < n.kids.length; i++) {
          if (i < n.kids.length - 1) {
            code.push(OP_SPLIT);
            code.push(code.length + 2);
            const hole = code.length;
            code.push(0);
            this.emit(n.kids[i], dir);
            code.push(OP_JMP);
            jumps.push(code.length);
            code.push(0);
            code[hole] = code.length;
          } else this.emit(n.kids[i], dir);
        }
        for (let i = 0; i < jumps.length; i++) code[jumps[i]] = code.length;
        return;
      }
      case N_GROUP:
        if (n.k === 0) {
          this.emit(n.kids[0], dir);
          return;
        }
        code.push(OP_SAVE);
        code.push(n.k * 2 + dir);
        this.emit(n.kids[0], dir);
        code.push(OP_SAVE);
        code.push(n.k * 2 + 1 - dir);
        return;
      case N_BACKREF:
        code.push(OP_BACKREF);
        code.push(dir);
        code.push(n.k);
        return;
      case N_ASSERT:
        code.push(OP_ASSERT);
        code.push(n.k);
        return;
      case N_LOOK: {
        code.push(OP_LOOK);
        code.push((n.neg ? 1 : 0) + (n.behind ? 2 : 0));
        const hole = code.length;
        code.push(0);
        this.emit(n.kids[0], n.behind ? 1 : 0);
        code.push(OP_SUCCEED);
        code[hole] = code.length;
        return;
      }
      case N_QUANT:
        this.quantifier(n, dir);
        return;
    }
  }

  quantifier(n: Node, dir: number): void {
    const code = this.code;
    const body = n.kids[0];
    if (n.max === 0) return;
    if (body.t === N_CHAR || body.t === N_ANY || body.t === N_SET) {
      code.push(OP_REPEAT1);
      code.push(n.min);
      code.push(n.max);
      code.push(n.neg ? 1 : 0);
      const hole = code.length;
      code.push(0);
      this.emit(body, dir);
      code[hole] = code.length;
      return;
    }
    const cnt = this.registers++;
    const mark = this.registers++;
    code.push(OP_SETZERO);
    code.push(cnt);
    const loop = code.length;
    code.push(OP_LOOP);
    code.push(cnt);
    code.push(n.min);
    code.push(n.max);
    code.push(n.neg ? 1 : 0);
    const exitHole = code.length;
    code.push(0);
    code.push(OP_MARK);
    code.push(mark);
    if (n.capHi > n.capLo) {
      code.push(OP_CLEAR);
      code.push(n.capLo * 2);
      code.push(n.capHi * 2);
    }
    this.emit(body, dir);
    code.push(OP_LOOPEND);
    code.push(cnt);
    code.push(n.min);
    code.push(mark);
    code.push(loop);
    code[exitHole] = code.length;
  }
}

/** Flags as a RegExp has them. */
export interface Flags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
}

/** Parses and compiles; throws RegExpSyntaxError (syntax.ts) for a bad pattern. */
export function compilePattern(source: string, flags: Flags): Program {
  const pattern = parsePattern(source, flags.unicode, flags.ignoreCase);
  const e = new Emitter((pattern.groups + 1) * 2, flags.ignoreCase, flags.unicode);
  e.code.push(OP_SAVE);
  e.code.push(0);
  e.emit(pattern.root, 0);
  e.code.push(OP_SAVE);
  e.code.push(1);
  e.code.push(OP_MATCH);
  const firstChar = e.code[2] === OP_CHAR && e.code[3] === 0 && e.code[4] < 0x10000 ? e.code[4] : -1;
  let firstAtom = -1;
  const op = e.code[2];
  if ((op === OP_CHAR || op === OP_CHARI || op === OP_SET || op === OP_ANY) && e.code[3] === 0) firstAtom = 2;
  else if (op === OP_REPEAT1 && e.code[3] >= 1 && e.code[8] === 0) firstAtom = 7;
  return {
    code: e.code, sets: e.sets, setNeg: e.setNeg, registers: e.registers, groups: pattern.groups, names: pattern.names,
    hasNames: pattern.hasNames, ignoreCase: flags.ignoreCase, multiline: flags.multiline, dotAll: flags.dotAll,
    unicode: flags.unicode, firstChar, firstAtom, machine: undefined,
  };
}
