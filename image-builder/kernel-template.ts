// The linked kernel without its program, cached. Assembling and linking the interpreter
// takes a few hundred ms and does not depend on the program's bytes, only on the size of
// the slot reserved for them (program-image.ts); so a kernel is linked once per (kind,
// stats build, slot size) and each program is copied into its slot. The template is kept
// in the process and in build/cache/kernel-KEY.bin, KEY a hash of boot/ and image-builder/.

import type { LinkedImage, LinkedSection } from './x86/index.ts';
import { readCache, sourceHash, writeCache } from './build-cache.ts';

export interface KernelTemplate {
  linked: LinkedImage;
  entry: number;
}

/** Directories (relative to the project root) whose .ts files the linked kernel depends on. */
const INPUT_DIRS = ['boot', 'image-builder'];

const memo = new Map<string, KernelTemplate>();

/**
 * The sources' key, hashed when this module is evaluated: the template is linked from the
 * code this process imported then (boot/, image-builder/), so a key read from disk later
 * (after an edit while a test run goes on) would store old code under the new sources'
 * name, and every later run would use it ("CallNative: no such native" in a fresh build).
 */
const SOURCES_KEY = sourceHash(INPUT_DIRS);

/** Layout: u32 length of a JSON header (sections without data, symbols, entry), the
 *  header, then each section's data in order. */
function encodeTemplate(t: KernelTemplate): Uint8Array {
  const header = Buffer.from(JSON.stringify({
    entry: t.entry,
    sections: t.linked.sections.map(({ data, ...rest }) => ({ ...rest, length: data.length })),
    symbols: [...t.linked.symbols],
  }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([len, header, ...t.linked.sections.map((s) => s.data)]);
}

function decodeTemplate(bytes: Uint8Array): KernelTemplate {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = b.readUInt32LE(0);
  const h = JSON.parse(b.toString('utf8', 4, 4 + n)) as {
    entry: number; symbols: [string, number][];
    sections: (Omit<LinkedSection, 'data'> & { length: number })[];
  };
  let at = 4 + n;
  const sections = h.sections.map(({ length, ...rest }) => {
    const data = new Uint8Array(b.subarray(at, at + length));
    at += length;
    return { ...rest, data };
  });
  if (at !== b.length) throw new Error('kernel template: wrong size');
  return { entry: h.entry, linked: { sections, symbols: new Map(h.symbols) } };
}

/**
 * The template for `params` (a file-name-safe string naming the kind, stats build and slot
 * size): from this process's memo, else from the cache, else made by `link` and stored.
 * Callers must not modify it (copy what they change).
 */
export function kernelTemplate(params: string, link: () => KernelTemplate): KernelTemplate {
  const key = SOURCES_KEY;
  const name = `kernel-${key}-${params}.bin`;
  let t = memo.get(name);
  if (t) return t;
  const stored = readCache(name);
  try {
    t = stored && decodeTemplate(stored);
  } catch {
    t = undefined; // a damaged entry: link again
  }
  if (!t) {
    t = link();
    // Templates of older sources go; those of other parameters stay.
    writeCache(name, encodeTemplate(t), new RegExp(`^kernel-(?!${key}-)\\w+-.*\\.bin$`));
  }
  memo.set(name, t);
  return t;
}
