// Compile-time check of regular-expression literals, with the same parser the prelude's
// RegExp runs (runtime/regexp/), so a pattern Node would reject before running the
// program is a compile error carrying V8's message.

import { compilePattern } from '../../runtime/regexp/compile.ts';
import { RegExpSyntaxError } from '../../runtime/regexp/syntax.ts';

/** The error text for `/source/flags`, or undefined when it is valid here. */
export function checkRegExpLiteral(source: string, flags: string): string | undefined {
  const seen = new Set<string>();
  for (const c of flags) {
    if (!'dgimsuvy'.includes(c) || seen.has(c)) return `Invalid regular expression flags (/${source}/${flags})`;
    seen.add(c);
  }
  if (seen.has('v')) return `regular expression flag v (unicodeSets) is not supported (/${source}/${flags})`;
  try {
    compilePattern(source, { ignoreCase: seen.has('i'), multiline: seen.has('m'), dotAll: seen.has('s'), unicode: seen.has('u') });
  } catch (e) {
    if (e instanceof RegExpSyntaxError) return `Invalid regular expression: /${source}/${flags}: ${e.message}`;
    throw e;
  }
  return undefined;
}
