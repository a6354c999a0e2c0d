// Cheap "make"-style staleness check by modification times.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest mtime (ms) of any file under `dirs`; missing directories are skipped. */
export function newestMtimeMs(dirs: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  dirs.forEach(visit);
  return newest;
}

/** True if `target` is missing or older than some file under `sourceDirs`. */
export function isStale(target: string, sourceDirs: string[]): boolean {
  let targetMtime: number;
  try {
    targetMtime = statSync(target).mtimeMs;
  } catch {
    return true;
  }
  return newestMtimeMs(sourceDirs) > targetMtime;
}
