// The regular-expression engine (runtime/regexp/) under Node against Node's own RegExp:
// random patterns and inputs (seeded, tests/runtime/regexp-gen.ts), flags included, and
// error messages for malformed patterns; plus the case-insensitive tables over the BMP.

import { describe, expect, it } from 'vitest';
import { canonicalLegacy, canonicalUnicode, membersOf } from '../../runtime/regexp/case-fold.ts';
import { compilePattern } from '../../runtime/regexp/compile.ts';
import { matchAt } from '../../runtime/regexp/match.ts';
import { RegExpSyntaxError } from '../../runtime/regexp/syntax.ts';
import { propertyData } from '../../runtime/unicode-property-data.ts';

const { binary: BINARY, categories: CATEGORIES, scripts: SCRIPTS } = propertyData();
import { randomFlags, randomInput, randomPattern } from './regexp-gen.ts';
import { Rng } from './rng.ts';

/** What our engine says: the error message, or the match as [index, ...captures]. */
function ours(p: string, flags: string, s: string, lastIndex: number): unknown {
  let prog;
  try {
    prog = compilePattern(p, { ignoreCase: flags.includes('i'), multiline: flags.includes('m'), dotAll: flags.includes('s'), unicode: flags.includes('u') });
  } catch (e) {
    if (e instanceof RegExpSyntaxError) return 'Invalid regular expression: /' + p + '/' + flags + ': ' + e.message;
    throw e;
  }
  const global = flags.includes('g') || flags.includes('y');
  const start = global ? lastIndex : 0;
  if (start > s.length) return null;
  const r = matchAt(prog, s, start, flags.includes('y'), global);
  if (r === undefined) return null;
  const out: unknown[] = [r[0]];
  for (let i = 0; i < r.length; i += 2) out.push(r[i] < 0 || r[i + 1] < 0 ? undefined : s.slice(r[i], r[i + 1]));
  return out;
}

function node(p: string, flags: string, s: string, lastIndex: number): unknown {
  let re: RegExp;
  try {
    re = new RegExp(p, flags);
  } catch (e) {
    return (e as Error).message;
  }
  re.lastIndex = lastIndex;
  const m = re.exec(s);
  if (m === null) return null;
  return [m.index, ...m];
}

describe('regexp engine vs Node', () => {
  it('matches 40,000 random patterns as Node does', () => {
    const rng = new Rng(20261207);
    const failures: string[] = [];
    for (let i = 0; i < 40000; i++) {
      const p = randomPattern(rng);
      const f = randomFlags(rng);
      const s = randomInput(rng);
      const li = rng.int(s.length + 2);
      const want = node(p, f, s, li);
      const got = ours(p, f, s, li);
      if (JSON.stringify(got) !== JSON.stringify(want) && failures.length < 20) {
        failures.push(JSON.stringify({ p, f, s, li, want, got }));
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('case-insensitive matching: every BMP character and the supplementary letters', () => {
  it('agrees with Node on which characters match each other under /i and /iu', () => {
    const chars: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) chars.push(c);
    for (let c = 0x10000; c < 0x1f000; c++) {
      const s = String.fromCodePoint(c);
      if (s.toLowerCase() !== s || s.toUpperCase() !== s) chars.push(c);
    }
    const esc = (c: number): string => '\\u{' + c.toString(16) + '}';
    const failures: string[] = [];
    for (const c of chars) {
      const s = String.fromCodePoint(c);
      const candidates = new Set<number>([c]);
      for (const t of [s.toUpperCase(), s.toLowerCase(), s.toUpperCase().toLowerCase(), s.toLowerCase().toUpperCase()]) {
        if ([...t].length === 1) candidates.add(t.codePointAt(0)!);
      }
      for (const u of [false, true]) {
        const members: number[] = [];
        membersOf(u ? canonicalUnicode(c) : canonicalLegacy(c), u ? 1 : 0, members);
        for (const m of members) candidates.add(m);
        const re = new RegExp('^[' + esc(c) + ']$', u ? 'iu' : 'i');
        for (const d of candidates) {
          if (!u && (c > 0xffff || d > 0xffff)) continue;
          const want = u ? re.test(String.fromCodePoint(d)) : new RegExp('^[\\u' + c.toString(16).padStart(4, '0') + ']$', 'i').test(String.fromCharCode(d));
          const got = u ? canonicalUnicode(c) === canonicalUnicode(d) : canonicalLegacy(c) === canonicalLegacy(d);
          if (want !== got && failures.length < 20) failures.push(`${c.toString(16)} ~ ${d.toString(16)} ${u ? 'iu' : 'i'}: Node ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('\\p{...}: every supported property over every code point', () => {
  const names = [...CATEGORIES, 'L', 'Letter', 'LC', 'M', 'N', 'Number', 'P', 'punct', 'S', 'Z', 'C', 'Other', 'digit', 'Decimal_Number',
    'gc=Lu', 'General_Category=Nd', 'Any', 'ASCII', 'Assigned', ...BINARY, 'Alpha', 'WSpace', 'Hex', ...SCRIPTS.map((s) => 'Script=' + s),
    'sc=Grek', 'sc=Hani'];
  it('matches the same code points as Node, and \\P the others', () => {
    const failures: string[] = [];
    for (const name of names) {
      const node = new RegExp('^\\p{' + name + '}$', 'u');
      const prog = compilePattern('^[\\p{' + name + '}]$', { ignoreCase: false, multiline: false, dotAll: false, unicode: true });
      const neg = compilePattern('^\\P{' + name + '}$', { ignoreCase: false, multiline: false, dotAll: false, unicode: true });
      for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : cp < 0x30000 ? 7 : 97) {
        const s = String.fromCodePoint(cp);
        const want = node.test(s);
        if ((matchAt(prog, s, 0, true, false) !== undefined) !== want || (matchAt(neg, s, 0, true, false) !== undefined) === want) {
          if (failures.length < 10) failures.push(`${name} U+${cp.toString(16)}: Node ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
  it('names it does not know are a SyntaxError', () => {
    expect(() => compilePattern('\\p{Script=Tagalog}', { ignoreCase: false, multiline: false, dotAll: false, unicode: true })).toThrow(RegExpSyntaxError);
    expect(() => compilePattern('\\p{L', { ignoreCase: false, multiline: false, dotAll: false, unicode: true })).toThrow('Invalid property name');
  });
});
