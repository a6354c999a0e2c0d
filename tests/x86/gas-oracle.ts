// GNU as (binutils) as an outside oracle for the assembler's encodings.
// Assembles Intel-syntax lines with `as --32` and returns each line's bytes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const gasAvailable: boolean = (() => {
  const r = spawnSync('as', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /GNU assembler/.test(r.stdout);
})();

/** Run `as --32` on Intel-syntax source lines and return the .text bytes of the object. */
function assembleText(src: string[], extract: (dir: string, obj: string) => string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tskern-gas-'));
  try {
    writeFileSync(join(dir, 'a.s'), ['.intel_syntax noprefix', '.code32', '.text', ...src].join('\n') + '\n');
    execFileSync('as', ['--32', '-o', join(dir, 'a.o'), join(dir, 'a.s')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return extract(dir, join(dir, 'a.o'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sectionBytes(dir: string, obj: string, section: string): Buffer {
  const out = join(dir, `${section.slice(1)}.bin`);
  execFileSync('objcopy', ['-O', 'binary', '-j', section, obj, out]);
  return readFileSync(out);
}

/**
 * Assemble a whole program and return its .text bytes as hex. References to labels are
 * left in the object file as section offsets (REL addends), i.e. as if .text were linked
 * at address 0.
 */
export function gasAssembleProgram(lines: string[]): string {
  return assembleText(lines, (dir, obj) => [sectionBytes(dir, obj, '.text').toString('hex')])[0];
}

/**
 * Assemble each line separately (in one `as` run) and return its bytes as hex.
 * Each line is placed between labels so its bytes can be cut out of the section.
 */
export function gasAssemble(lines: string[]): string[] {
  const src: string[] = [];
  lines.forEach((l, i) => src.push(`.Lb${i}:`, l));
  src.push(`.Lb${lines.length}:`);
  // Emit the offsets of the labels as data in another section, to split the bytes.
  // .offsets has relocations against .text; in an object file the addends hold the offsets
  // (REL format keeps them in the section data), which is exactly what we want.
  src.push('.section .offsets,"a"');
  for (let i = 0; i <= lines.length; i++) src.push(`.long .Lb${i}`);
  return assembleText(src, (dir, obj) => {
    const text = sectionBytes(dir, obj, '.text');
    const off = sectionBytes(dir, obj, '.offsets');
    return lines.map((_, i) => text.subarray(off.readUInt32LE(i * 4), off.readUInt32LE(i * 4 + 4)).toString('hex'));
  });
}
