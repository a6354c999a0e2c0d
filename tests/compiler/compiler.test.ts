// The compiler: positioned compile errors, the .tsbc round trip and the disassembly.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeModule, encodeModule, FunctionFlag, IC_NONE } from '../../image-builder/bytecode/index.ts';
import { disassemble } from '../../image-builder/bytecode/disasm.ts';
import { CompileError, compileProgram } from '../../image-builder/compiler/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tskern-compiler-'));
let n = 0;
function program(source: string): string {
  const file = join(dir, `p${n++}.ts`);
  writeFileSync(file, source);
  return file;
}
// The programs live in the system temp directory, outside the project: messages and
// stacks name such files by their absolute path (inside the project: relative to it).
const rel = (f: string) => f;

function compileError(source: string): string {
  const file = program(source);
  try {
    compileProgram(file);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    return (e as Error).message.replace(rel(file), 'FILE');
  }
  throw new Error('expected a compile error');
}

describe('compile errors name the original TypeScript position', () => {
  test.each([
    ['const x: number = 1;\nconst r = /a(b+c/;\nconsole.log(x, r);\n', 'FILE:2:11: Invalid regular expression: /a(b+c/: Unterminated group'],
    ['const x: number = 1;\nconst r = /[a-z]/v;\nconsole.log(x, r);\n', 'FILE:2:11: regular expression flag v (unicodeSets) is not supported (/[a-z]/v)'],
    ['const x: number = 1;\nconst r = /\\p{sc=Tglg}/u;\nconsole.log(x, r);\n', 'FILE:2:11: Invalid regular expression: /\\p{sc=Tglg}/u: Unicode property \\p{sc=Tglg} is not supported by this runtime'],
    ['type T = number;\nclass A extends Object {\n  m(): T {\n    return delete super.x ? 1 : 0;\n  }\n}\nconsole.log(A);\n', 'FILE:4:19: delete of a super property is not supported'],
    ['let a: string = "x";\nconst big = 10n;\nconsole.log(a, big);\n', 'FILE:2:13: BigInt literal is not supported'],
    ['const p: Promise<number> = Promise.resolve(1);\nconst x = await p;\nconsole.log(x);\n', 'FILE:2:11: top-level await is not supported'],
    ['const v: number = 2;\nconsole.log(eval("1"));\n', 'FILE:2:13: eval is not supported'],
    ['function f(): number {\n  return arguments.length;\n}\nf();\n', "FILE:2:10: 'arguments' is not supported"],
    ['const t = (s: TemplateStringsArray) => s;\nconsole.log(t`x`);\n', 'FILE:2:13: tagged template is not supported'],
    ['function f(): () => number {\n  return () => arguments.length;\n}\nf();\n', "FILE:2:16: 'arguments' is not supported"],
    // esbuild renames body vars a default could see; a parameter redeclared by `var` stays.
    ['function f(a = 1, g = () => a): number {\n  var a = 2;\n  return g();\n}\nf();\n',
      "FILE:1:29: a parameter default that refers to 'a' (which the function body declares; defaults cannot see the body) is not supported"],
  ])('%#', (src, message) => {
    expect(compileError(src)).toBe(message);
  });

  test('unknown natives and wrong argument counts', () => {
    expect(compileError('declare const __native: any;\n__native.nope(1);\n')).toBe("FILE:2:1: unknown native 'nope' (__native.nope) is not supported");
    expect(compileError('declare const __native: any;\nconst s: string = "a";\n__native.writeStdout(s, s);\n')).toBe('FILE:3:1: __native.writeStdout takes 1 argument(s), not 2');
  });

  test('more than 256 registers in one function', () => {
    const names = Array.from({ length: 300 }, (_, i) => `v${i}`);
    const src = `function huge() {\n${names.map((v, i) => `  let ${v} = ${i};`).join('\n')}\n  return ${names.join(' + ')};\n}\nconsole.log(huge());\n`;
    expect(compileError(src)).toBe("FILE:1:1: function 'huge' needs more than 256 registers");
  });

  test('more captured bindings in one scope than a u16 slot operand numbers', () => {
    const names = Array.from({ length: 65536 }, (_, i) => `v${i}`);
    // inner reads every binding (flat statements: no deep expression), so all are captured
    const src = `function f(): number {\n${names.map((v, i) => `  let ${v} = ${i};`).join('\n')}\n`
      + `  function inner(): void {\n${names.map((v) => `    ${v};`).join('\n')}\n  }\n  inner();\n  return 0;\n}\nconsole.log(f());\n`;
    expect(compileError(src)).toBe('FILE:1:1: a scope with more than 65535 captured bindings is not supported');
  }, 120_000);
});

describe('.tsbc container', () => {
  test('encode/decode round trip', () => {
    const { module } = compileProgram(program('class A { #x = 1; get x() { return this.#x; } }\nconst s = "héllo ☃";\nfunction f(a: number, b = 1, c?: number) { return a + b + (c ?? 0); }\nconsole.log(new A().x, s, 1.5, -0, f(1));\n'));
    const back = decodeModule(encodeModule(module));
    expect(back.entry).toBe(module.entry);
    expect(back.files).toEqual(module.files);
    expect(back.constants.slice(0, module.constants.length)).toEqual(module.constants);
    expect(back.functions.length).toBe(module.functions.length);
    back.functions.forEach((f, i) => {
      const o = module.functions[i];
      expect({ ...f, code: [...f.code] }).toEqual({ ...o, code: [...o.code] });
    });
    expect(back.functions[module.entry].flags & FunctionFlag.TopLevel).toBeTruthy();
    const f = [...back.functions].reverse().find((x) => x.name === 'f')!; // the program comes after the prelude
    expect([f.paramCount, f.length]).toEqual([3, 1]);
  });
});

describe('disassembly', () => {
  test('a loop compiles to a backward jump, with names and positions', () => {
    const file = program('let total = 0;\nfor (let i = 0; i < 10; i++) {\n  total += i;\n}\nconsole.log(total);\n');
    const text = disassemble(compileProgram(file).module);
    expect(text).toMatch(/^fn#0 top {2}params=0 registers=\d+ ics=\d+ flags=TopLevel$/m);
    const jumps = [...text.matchAll(/^\s+(\d+)\s+Jump\s+-> (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(jumps.some(([at, to]) => to < at)).toBe(true);
    expect(text).toContain(`; ${rel(file)}:2:`);
    expect(text).toContain(`; ${rel(file)}:3:`);
    expect(text).toMatch(/GetProp\s+r\d+, r\d+, "log", ic\d+/);
    expect(text).toMatch(/CallNative\s+r\d+, globalObject, r\d+, 0/);
  });

  test('closures capture through Envs', () => {
    const text = disassemble(compileProgram(program('const fs: (() => number)[] = [];\nfor (let i = 0; i < 3; i++) fs.push(() => i);\nconsole.log(fs.length);\n')).module);
    expect(text).toMatch(/EnvNew/);
    expect(text).toMatch(/EnvCopy/);
    expect(text).toMatch(/fn#\d+ <anonymous> {2}params=0 registers=\d+ ics=\d+ flags=Arrow/);
  });

  test('a function whose end is unreachable gets no trailing return of undefined; one that can fall off the end does', () => {
    const src = 'export function f(x: number): number {\n  if (x > 1) return 2;\n  return 3;\n}\n'
      + 'export function g(x: number): void {\n  if (x > 1) console.log(x);\n}\n'
      + 'export function h(): never {\n  throw new Error("h");\n}\n'
      + 'console.log(f(2), h === undefined ? 0 : 1);\ng(3);\n';
    const compiled = compileProgram(program(src));
    const text = disassemble(compiled.module, { from: compiled.firstOwnFunction });
    const body = (name: string) => text.split(/\n(?=fn#)/).find((s) => new RegExp(`^fn#\\d+ ${name} `).test(s))!;
    const ops = (name: string) => [...body(name).matchAll(/^\s+\d+\s+([A-Za-z]+)/gm)].map((m) => m[1]);
    expect(ops('f').slice(-2)).toEqual(['LoadInt', 'Return']);
    expect(ops('f').filter((o) => o === 'LoadUndefined')).toEqual([]);
    expect(ops('h').at(-1)).toBe('Throw');
    expect(ops('h')).not.toContain('Return');
    expect(ops('g').at(-1)).toBe('Return');
  });

  test('Env slots past 255 are u16 operands of EnvLoad/EnvStore', () => {
    const names = Array.from({ length: 300 }, (_, i) => `v${i}`);
    const src = `${names.map((v, i) => `let ${v} = ${i};`).join('\n')}\nfunction read(): number {\n${names.map((v) => `  ${v};`).join('\n')}\n  return v299;\n}\nconsole.log(read());\n`;
    const text = disassemble(compileProgram(program(src)).module);
    const slots = [...text.matchAll(/EnvLoad\s+r\d+, r\d+, (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...slots)).toBeGreaterThan(255);
  });
});

describe('inline-cache operands', () => {
  test('every property-access site has its own, and sites past IC_NONE share IC_NONE (never learned)', () => {
    // the prelude's sites come first; this program adds IC_NONE + 50 more
    const lines = ['const o: any = { a: 1 };', 'let s = 0;'];
    for (let i = 0; i < IC_NONE + 50; i++) lines.push('s += o.a;');
    const text = disassemble(compileProgram(program(lines.join('\n') + '\nconsole.log(s);\n')).module);
    const ics = [...text.matchAll(/^\s+\d+\s+(?:GetProp|SetProp|GetGlobal|SetGlobal)\s.*, ic(\d+)$/gm)].map((m) => Number(m[1]));
    const below = ics.filter((n) => n < IC_NONE);
    expect(new Set(below).size).toBe(below.length); // distinct
    expect(below.length).toBe(IC_NONE); // every number below IC_NONE used once
    expect(ics.filter((n) => n === IC_NONE).length).toBe(ics.length - IC_NONE);
    expect(ics.every((n) => n <= IC_NONE)).toBe(true);
  }, 120_000);
});
