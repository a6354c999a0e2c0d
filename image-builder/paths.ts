// Where the project lives on disk. This code runs both from host/ (tests) and bundled
// into build/host/ (the CLI), so the root is found by looking for tskern's package.json.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isTskernPackage(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no tskern package.json above ${from}`);
  }
}

function isTskernPackage(path: string): boolean {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).name === 'tskern';
  } catch {
    return false; // missing or unreadable: keep looking
  }
}

/** The kernel image that `tskern build` writes and `tskern boot` boots by default. */
export const defaultImagePath = (root = projectRoot()) => join(root, 'build', 'tskern.elf');

/** Directories whose contents end up in the kernel image. */
export const imageSourceDirs = (root = projectRoot()) =>
  ['boot', 'image-builder', 'kernel', 'runtime'].map((d) => join(root, d));
