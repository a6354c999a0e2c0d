// build/cache/: results of the image builder that are costly to make and depend only on
// source files (the compiled prelude, the linked kernel without its program). An entry is
// named by a hash of its inputs, so a stale entry is never read: it just stops being used,
// and is removed when its replacement is written.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { projectRoot } from './paths.ts';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/**
 * A hash of the names and contents of every .ts file under `dirs` (relative to the project
 * root), of the esbuild and typescript versions, and of `extra`. A few ms for 1 MB.
 */
export function sourceHash(dirs: string[], extra = '', root = projectRoot()): string {
  const h = createHash('sha256');
  h.update(`esbuild ${packageVersion('esbuild')} typescript ${packageVersion('typescript')} ${extra}\n`);
  for (const f of dirs.flatMap((d) => tsFiles(join(root, d))).sort()) {
    h.update(`${relative(root, f)}\n`);
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 20);
}

const cacheDir = (root: string) => join(root, 'build', 'cache');

/** The bytes of cache entry `name`, or undefined if there is none (or it cannot be read). */
export function readCache(name: string, root = projectRoot()): Uint8Array | undefined {
  try {
    return readFileSync(join(cacheDir(root), name));
  } catch {
    return undefined;
  }
}

/**
 * Stores cache entry `name` and removes the other entries whose names match `stale` (the
 * older versions of the same thing). Written under a temporary name and renamed, so a
 * concurrent reader (parallel test files) sees the whole file or none. Failing to write
 * (a read-only checkout) only loses the saving.
 */
export function writeCache(name: string, bytes: Uint8Array, stale?: RegExp, root = projectRoot()): void {
  const dir = cacheDir(root);
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    if (stale) for (const old of readdirSync(dir)) if (old !== name && stale.test(old)) rmSync(join(dir, old), { force: true });
  } catch {
    // not cached: made again next time
  }
}
