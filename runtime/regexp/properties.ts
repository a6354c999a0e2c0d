// \p{...} and \P{...} under the u flag: General_Category values (short and long names,
// with or without gc= / General_Category=), a few binary properties (Alphabetic,
// White_Space, Uppercase, Lowercase, hex digits, Emoji...; Any, ASCII, Assigned) and
// scripts (Script= / sc=, Latin, Greek, Cyrillic, Han, ...), from the tables generated out
// of Node's ICU (runtime/unicode-property-data.ts). Other names are a SyntaxError saying
// they are not supported here.
//
// Built from the allowed primitives only (runtime/README.md).

import { propertyData, type PropertyData } from '../unicode-property-data.ts';

/** Long names and groups of General_Category values: [name, member categories...]. */
const gcNames = (): string[][] => [
  ['L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo'], ['Letter', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo'], ['LC', 'Lu', 'Ll', 'Lt'], ['Cased_Letter', 'Lu', 'Ll', 'Lt'],
  ['Uppercase_Letter', 'Lu'], ['Lowercase_Letter', 'Ll'], ['Titlecase_Letter', 'Lt'], ['Modifier_Letter', 'Lm'], ['Other_Letter', 'Lo'],
  ['M', 'Mn', 'Mc', 'Me'], ['Mark', 'Mn', 'Mc', 'Me'], ['Combining_Mark', 'Mn', 'Mc', 'Me'], ['Nonspacing_Mark', 'Mn'], ['Spacing_Mark', 'Mc'],
  ['Enclosing_Mark', 'Me'], ['N', 'Nd', 'Nl', 'No'], ['Number', 'Nd', 'Nl', 'No'], ['Decimal_Number', 'Nd'], ['digit', 'Nd'],
  ['Letter_Number', 'Nl'], ['Other_Number', 'No'], ['P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po'], ['Punctuation', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po'],
  ['punct', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po'], ['Connector_Punctuation', 'Pc'], ['Dash_Punctuation', 'Pd'], ['Open_Punctuation', 'Ps'],
  ['Close_Punctuation', 'Pe'], ['Initial_Punctuation', 'Pi'], ['Final_Punctuation', 'Pf'], ['Other_Punctuation', 'Po'],
  ['S', 'Sm', 'Sc', 'Sk', 'So'], ['Symbol', 'Sm', 'Sc', 'Sk', 'So'], ['Math_Symbol', 'Sm'], ['Currency_Symbol', 'Sc'], ['Modifier_Symbol', 'Sk'],
  ['Other_Symbol', 'So'], ['Z', 'Zs', 'Zl', 'Zp'], ['Separator', 'Zs', 'Zl', 'Zp'], ['Space_Separator', 'Zs'], ['Line_Separator', 'Zl'],
  ['Paragraph_Separator', 'Zp'], ['C', 'Cc', 'Cf', 'Cs', 'Co', 'Cn'], ['Other', 'Cc', 'Cf', 'Cs', 'Co', 'Cn'], ['Control', 'Cc'], ['cntrl', 'Cc'],
  ['Format', 'Cf'], ['Surrogate', 'Cs'], ['Private_Use', 'Co'], ['Unassigned', 'Cn'],
];

const binaryAliases = (): string[][] => [['Alpha', 'Alphabetic'], ['WSpace', 'White_Space'], ['space', 'White_Space'], ['Upper', 'Uppercase'],
  ['Lower', 'Lowercase'], ['AHex', 'ASCII_Hex_Digit'], ['Hex', 'Hex_Digit'], ['EPres', 'Emoji_Presentation'],
  ['ExtPict', 'Extended_Pictographic'], ['Ideo', 'Ideographic'], ['Dia', 'Diacritic'], ['NChar', 'Noncharacter_Code_Point']];

const scriptCodes = (): string[][] => [['Latn', 'Latin'], ['Grek', 'Greek'], ['Cyrl', 'Cyrillic'], ['Armn', 'Armenian'], ['Hebr', 'Hebrew'], ['Arab', 'Arabic'],
  ['Deva', 'Devanagari'], ['Beng', 'Bengali'], ['Thai', 'Thai'], ['Geor', 'Georgian'], ['Hang', 'Hangul'], ['Hira', 'Hiragana'],
  ['Kana', 'Katakana'], ['Hani', 'Han'], ['Zyyy', 'Common'], ['Zinh', 'Inherited'], ['Qaai', 'Inherited']];

/** The numbers of an encoded table (see unicode-property-data.ts). */
function decode(t: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xe000) {
      out.push((c - 0xe000) * 0x8000 + (t.charCodeAt(i + 1) - 0x30));
      i++;
    } else out.push(c - 0x30);
  }
  return out;
}

/** Inclusive ranges from (gap, length) pairs. */
function rangesOf(t: string): number[] {
  const d = decode(t);
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < d.length; i += 2) {
    const lo = next + d[i];
    out.push(lo);
    out.push(lo + d[i + 1]);
    next = lo + d[i + 1] + 1;
  }
  return out;
}

let data: PropertyData | undefined;
let runs: number[] | undefined;

/** The ranges of the code points whose category is one of `cats` (indices into CATEGORIES). */
function categoryRanges(cats: number[]): number[] {
  if (runs === undefined) {
    const d = decode(data!.categoryRuns);
    runs = [];
    let start = 0;
    for (let i = 0; i < d.length; i += 2) {
      start += d[i];
      runs.push(start);
      runs.push(d[i + 1]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    let wanted = false;
    for (let k = 0; k < cats.length; k++) if (cats[k] === runs[i + 1]) wanted = true;
    if (!wanted) continue;
    const lo = runs[i];
    const hi = i + 2 < runs.length ? runs[i + 2] - 1 : 0x10ffff;
    const n = out.length;
    if (n > 0 && out[n - 1] + 1 === lo) out[n - 1] = hi;
    else {
      out.push(lo);
      out.push(hi);
    }
  }
  return out;
}

function indexIn(list: string[], name: string): number {
  for (let i = 0; i < list.length; i++) if (list[i] === name) return i;
  return -1;
}

function generalCategory(value: string): number[] | undefined {
  const CATEGORIES = data!.categories;
  const k = indexIn(CATEGORIES, value);
  if (k >= 0) return categoryRanges([k]);
  const GC_NAMES = gcNames();
  for (let i = 0; i < GC_NAMES.length; i++) {
    if (GC_NAMES[i][0] !== value) continue;
    const cats: number[] = [];
    for (let j = 1; j < GC_NAMES[i].length; j++) cats.push(indexIn(CATEGORIES, GC_NAMES[i][j]));
    return categoryRanges(cats);
  }
  return undefined;
}

function startsWith(s: string, prefix: string): boolean {
  if (s.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (s.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  return true;
}

function rest(s: string, from: number): string {
  let out = '';
  for (let i = from; i < s.length; i++) out += String.fromCharCode(s.charCodeAt(i));
  return out;
}

/** The sorted inclusive ranges of property `name` (the text between the braces), or undefined if not supported. */
export function propertyRanges(name: string): number[] | undefined {
  if (data === undefined) data = propertyData();
  const d = data;
  if (startsWith(name, 'General_Category=')) return generalCategory(rest(name, 17));
  if (startsWith(name, 'gc=')) return generalCategory(rest(name, 3));
  let script: string | undefined;
  if (startsWith(name, 'Script=')) script = rest(name, 7);
  else if (startsWith(name, 'sc=')) script = rest(name, 3);
  if (script !== undefined) {
    const codes = scriptCodes();
    for (let i = 0; i < codes.length; i++) if (codes[i][0] === script) script = codes[i][1];
    const k = indexIn(d.scripts, script);
    return k < 0 ? undefined : rangesOf(d.scriptRanges[k]);
  }
  const gc = generalCategory(name);
  if (gc !== undefined) return gc;
  if (name === 'Any') return [0, 0x10ffff];
  if (name === 'ASCII') return [0, 0x7f];
  if (name === 'Assigned') {
    const cn = categoryRanges([indexIn(d.categories, 'Cn')]);
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < cn.length; i += 2) {
      if (cn[i] > next) {
        out.push(next);
        out.push(cn[i] - 1);
      }
      next = cn[i + 1] + 1;
    }
    if (next <= 0x10ffff) {
      out.push(next);
      out.push(0x10ffff);
    }
    return out;
  }
  let binary = name;
  const aliases = binaryAliases();
  for (let i = 0; i < aliases.length; i++) if (aliases[i][0] === name) binary = aliases[i][1];
  const k = indexIn(d.binary, binary);
  return k < 0 ? undefined : rangesOf(d.binaryRanges[k]);
}
