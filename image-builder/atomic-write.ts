// Build outputs are read by other processes while they are being made (test workers share
// build/): a file is written under a temporary name and renamed into place, so a reader sees
// the old file or the whole new one, never a partial one.

import { renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(path: string, data: Uint8Array | string, mode?: number): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
  renameSync(tmp, path);
}
