// Random regular expressions and inputs for the differential tests of the regexp engine
// (tests/runtime/regexp.test.ts runs them through the engine under Node; the refvm and
// guest tests compile a program that runs a sample). Patterns come from a small grammar
// over a few letters, so matches and backtracking are frequent; a few are malformed on
// purpose, so error messages are compared too.

import { Rng } from './rng.ts';

const ATOMS = ['a', 'b', 'c', 'A', '.', '\\d', '\\w', '\\s', '\\W', '[ab]', '[^a]', '[a-c]', '[^\\s]', '\\b', '\\B', '^', '$',
  '\\n', 'x', '-', '\\.', '[\\w-]', '\\u0041', '\\x62', 'é', 'É', '\\u{1F600}', '😀', '[😀a]', 'ſ', 'K', 'k', '\u212a', 'σ', 'Σ', 'ς'];
const BAD = ['(', ')', '[', '*', 'a{2,1}', '\\', '(?<n>a)(?<n>b)', '\\k<zz>', '(?x)', '[z-a]', '{', '}', ']', '\\q', '\\1', 'a**',
  '(?<=a)*', '\\u{110000}', '\\c', '(?<1>a)'];

export function randomPattern(rng: Rng, depth = 0): string {
  const n = 1 + rng.int(depth > 1 ? 2 : 4);
  let out = '';
  for (let i = 0; i < n; i++) {
    let atom: string;
    const k = rng.int(depth > 2 ? 10 : 16);
    if (k < 10) atom = rng.pick(ATOMS);
    else if (k < 12) atom = '(' + randomPattern(rng, depth + 1) + ')';
    else if (k === 12) atom = '(?:' + randomPattern(rng, depth + 1) + '|' + randomPattern(rng, depth + 1) + ')';
    else if (k === 13) atom = rng.pick(['(?=', '(?!', '(?<=', '(?<!']) + randomPattern(rng, depth + 1) + ')';
    else if (k === 14) atom = '(?<g' + rng.int(rng.int(2) === 0 ? 3 : 1000) + '>' + randomPattern(rng, depth + 1) + ')';
    else atom = '\\' + (1 + rng.int(3));
    if (!atom.startsWith('(?<=') && !atom.startsWith('(?<!') && !['^', '$', '\\b', '\\B'].includes(atom) && rng.int(3) === 0) {
      atom += rng.pick(['*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?', '??', '{1,2}?']);
    }
    out += atom;
  }
  if (depth === 0 && rng.int(4) === 0) out += '|' + randomPattern(rng, 1);
  if (depth === 0 && rng.int(40) === 0) {
    const bad = rng.pick(BAD);
    const at = rng.int(out.length + 1);
    out = out.slice(0, at) + bad + out.slice(at);
  }
  return out;
}

export function randomFlags(rng: Rng): string {
  let f = '';
  for (const c of ['d', 'g', 'i', 'm', 's', 'u', 'y']) if (rng.int(c === 'y' ? 6 : 3) === 0) f += c;
  return f;
}

const INPUT = ['a', 'b', 'c', 'A', 'B', 'ab', 'aab', ' ', '\n', '1', '2', '-', '_', 'x', 'é', 'É', '😀', '\ud83d', 'ſ', 'S', 's',
  'K', 'k', '\u212a', 'σ', 'Σ', 'ς', '.', '\u0130', '\u0131', 'i', 'I', '\u00ff', '\u0178', '\ude00', '\u{10400}', '\u{10428}', '\b', '\0',
  '\u2028', '\u00a0', '\u01c5', '\u01c4', '\u01c6'];

export function randomInput(rng: Rng): string {
  const n = rng.int(12);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(INPUT);
  return s;
}
