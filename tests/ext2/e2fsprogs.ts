// e2fsprogs as the outside oracle for ext2 images: `e2fsck -fn` (forced check, change
// nothing) and `debugfs -R` to read files back. Tests that need them skip when they are
// not installed, except under CI (tests/oracle.ts' CI), where a missing oracle fails the test.
import { spawnSync } from 'node:child_process';
import { CI } from '../oracle.ts';

export const e2fsprogsAvailable: boolean = (() => {
  const a = spawnSync('e2fsck', ['-V'], { encoding: 'utf8' });
  const b = spawnSync('debugfs', ['-V'], { encoding: 'utf8' });
  return a.status === 0 && b.status === 0;
})();

/** Whether tests needing e2fsprogs should be skipped (never under CI: there they run and fail). */
export const skipE2fsprogs = !e2fsprogsAvailable && !CI;
export const e2fsprogsNote = e2fsprogsAvailable ? '' : ' (skipped: e2fsprogs not installed)';

/** `e2fsck -fn IMAGE`: its exit status (0: clean) and its report. */
export function e2fsck(image: string): { status: number; output: string } {
  if (!e2fsprogsAvailable) throw new Error('e2fsck is not installed (required under CI)');
  const r = spawnSync('e2fsck', ['-fn', image], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: r.stdout + r.stderr };
}

/** `debugfs -R REQUEST IMAGE`: stdout as bytes. */
export function debugfs(image: string, request: string): Buffer {
  if (!e2fsprogsAvailable) throw new Error('debugfs is not installed (required under CI)');
  const r = spawnSync('debugfs', ['-R', request, image], { maxBuffer: 1 << 30 });
  return r.stdout;
}

/** The names in a directory of the image (`debugfs -R 'ls -p DIR'`), without . and .. */
export function debugfsList(image: string, dir: string): string[] {
  const out = debugfs(image, `ls -p ${dir}`).toString('utf8');
  const names: string[] = [];
  for (const line of out.split('\n')) {
    // /ino/mode/uid/gid/name/size/
    const m = /^\/(\d+)\/(\d+)\/\d+\/\d+\/(.*)\/(\d*)\/$/.exec(line);
    if (m && m[3] !== '.' && m[3] !== '..') names.push(m[3]);
  }
  return names.sort();
}
