/**
 * The pass/fail tally of the in-kernel self-tests (`selftest=mm`, `selftest=ext2`): each
 * check that fails prints one `FAIL ...` line naming what it expected; the totals go on
 * the self-test's last line, which the host test reads.
 */

import { type Errno, errnoName } from '../mm/errno.ts';

export class Checks {
  passed = 0;
  failed = 0;
  constructor(private readonly out: (line: string) => void) {}

  ok(cond: boolean, what: string): void {
    if (cond) this.passed++;
    else {
      this.failed++;
      this.out('FAIL ' + what);
    }
  }

  equal(actual: number | string | boolean, expected: number | string | boolean, what: string): void {
    this.ok(actual === expected, what + ': got ' + String(actual) + ', expected ' + String(expected));
  }

  /** r is a count or a success (>= 0); a -errno fails, named. */
  result(r: number, what: string): void {
    this.ok(r >= 0, what + (r < 0 ? ': ' + errnoName(r) : ''));
  }

  /** r is exactly -e. */
  errno(r: unknown, e: Errno, what: string): void {
    this.ok(r === -e, what + ': got ' + (typeof r === 'number' ? (r < 0 ? errnoName(r) : String(r)) : 'an inode') + ', expected ' + errnoName(-e));
  }
}
