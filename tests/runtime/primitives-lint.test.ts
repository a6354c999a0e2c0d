// Keeps runtime/ to the primitives listed in runtime/README.md: the code there runs in
// our interpreter, where the JS builtins exist only as what runtime/ itself implements.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RUNTIME = new URL('../../runtime/', import.meta.url);

/** Source with comments blanked and string literal contents removed (quotes kept). */
export function stripCommentsAndStrings(src: string): { code: string; templates: number[] } {
  let out = '';
  const templates: number[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') line++;
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') {
          line++;
          out += '\n';
        }
        i++;
      }
      i += 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      if (c === '`') templates.push(line);
      out += c;
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') i++;
        i++;
      }
      out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return { code: out, templates };
}

const FORBIDDEN: [RegExp, string][] = [
  [/\.(toString|toFixed|toPrecision|toExponential|toLocaleString|valueOf)\s*\(/, 'number/string conversion methods'],
  [/\bMath\s*\./, 'Math'],
  [/\bJSON\s*\./, 'JSON'],
  [/\b(Number|Object|Array|Reflect|Symbol|Intl|Atomics|Promise|Proxy|Date|RegExp|BigInt)\s*[.(]/, 'builtin namespaces/constructors'],
  [/\bString\s*\((?!\s*\))/, 'String(x) conversion'],
  [/\bString\s*\.(?!fromCharCode\b)/, 'String statics other than fromCharCode'],
  [/\bnew\s+(Map|Set|WeakMap|WeakSet|WeakRef|Array|Object|Date|RegExp|Promise|Proxy|Function|Number|String|Boolean)\b/, 'builtin constructors'],
  [/\b(parseInt|parseFloat|isNaN|isFinite|eval|structuredClone|queueMicrotask|setTimeout|console)\b/, 'global functions'],
  [/\b(Float64Array|Float32Array|Uint8Array|Int8Array|Uint16Array|Int16Array|Uint32Array|Int32Array|Uint8ClampedArray|BigInt64Array|BigUint64Array|DataView|ArrayBuffer|SharedArrayBuffer)\b/, 'typed arrays'],
  [/\.(sort|map|filter|reduce|reduceRight|forEach|slice|splice|concat|join|indexOf|lastIndexOf|includes|find|findIndex|findLast|some|every|pop|shift|unshift|reverse|fill|flat|flatMap|at|keys|values|entries|copyWithin)\s*\(/, 'Array.prototype / String.prototype methods'],
  [/\.(substring|substr|charAt|codePointAt|padStart|padEnd|repeat|trim|trimStart|trimEnd|toUpperCase|toLowerCase|startsWith|endsWith|localeCompare|normalize|split|replace|replaceAll|match|matchAll|search|test|exec)\s*\(/, 'String / RegExp methods'],
  [/\.(call|apply|bind)\s*\(/, 'Function.prototype methods'],
  [/\binstanceof\b/, 'instanceof'],
  [/\bfor\s*\([^;)]*\b(of|in)\b/, 'for-of / for-in (iterators, key enumeration)'],
  [/\.\.\.[A-Za-z_$[(]/, 'spread / rest (iterator protocol)'],
  [/\b(async|await|yield)\b/, 'async / generators'],
  [/(^|[=(,:;!&|?{}]\s*)\/(?![/*])[^/\n]+\/[dgimsuy]*(?=\s*[.,;)\]}]|$)/m, 'regular expression literal'],
];

describe('runtime/ uses only the allowed primitives', () => {
  const files = [
    ...readdirSync(RUNTIME).filter((f) => f.endsWith('.ts')),
    ...readdirSync(new URL('regexp/', RUNTIME)).filter((f) => f.endsWith('.ts')).map((f) => 'regexp/' + f),
  ];
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const f of files) {
    it(f, () => {
      const src = readFileSync(new URL(f, RUNTIME), 'utf8');
      const { code, templates } = stripCommentsAndStrings(src);
      const problems: string[] = [];
      for (const l of templates) problems.push(`${f}:${l}: template literal (numbers would be converted by the builtin)`);
      const lines = code.split('\n');
      lines.forEach((text, n) => {
        if (/^\s*import\b/.test(text)) return;
        for (const [re, what] of FORBIDDEN) if (re.test(text)) problems.push(`${f}:${n + 1}: ${what}: ${text.trim()}`);
      });
      expect(problems).toEqual([]);
    });
  }
  it('the checker catches the obvious cases', () => {
    const bad = [
      'x.toString(16)', 'Math.floor(x)', 'JSON.stringify(x)', 'new Map()', 'a.sort()', 'String(n)', 's.slice(1)', 'Object.keys(o)',
      'for (const x of a) {}', 'f(...args)', 'x instanceof Y', 'Number.isNaN(x)', 'new Float64Array(1)', 's.replace(/a/g, "")',
    ];
    for (const b of bad) {
      const { code } = stripCommentsAndStrings(b);
      expect([b, FORBIDDEN.some(([re]) => re.test(code))]).toEqual([b, true]);
    }
    const { templates } = stripCommentsAndStrings('const s = `a${1}`;');
    expect(templates.length).toBe(1);
    const ok = ['String.fromCharCode(c)', 's.charCodeAt(i)', 'a.push(x)', "x = 'Math.floor(' + y", '// Math.floor', 'a.length'];
    for (const g of ok) {
      const { code } = stripCommentsAndStrings(g);
      expect([g, FORBIDDEN.some(([re]) => re.test(code))]).toEqual([g, false]);
    }
  });
});
