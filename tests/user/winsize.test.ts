// The console's window size: the host reports its terminal's size in the input (ESC [ 8 ;
// ROWS ; COLS t, as the web page does on every resize); the tty takes it out of the input,
// TIOCGWINSZ gives it and the foreground group gets SIGWINCH when it changes. A C program
// (SIGWINCH handler, TIOCGWINSZ) and `stty` show it in one session; arrow keys (other
// escape sequences) still reach the shell. Needs gcc -m32 (skipped without it, failed in CI).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildProgram, haveGcc32 } from '../proc/oracles.ts';
import { Session } from './session.ts';
import { CI } from '../oracle.ts';

const why = haveGcc32() ? null : 'needs gcc -m32 -static (Debian: gcc-multilib)';
if (why !== null && CI) throw new Error(`CI: ${why}`);

let s: Session;
beforeAll(async () => {
  if (why !== null) return;
  const bin = buildProgram(join('tests', 'user', 'programs', 'winch.c'));
  s = await Session.boot([{ path: 'bin/winch', mode: 0o100755, data: readFileSync(bin) }]);
}, 300_000);
afterAll(async () => { await s?.machine.stop(); });

describe.skipIf(why !== null)('the window size', () => {
  test('a size report changes TIOCGWINSZ and signals SIGWINCH; it is not input', async () => {
    s.send('winch\r');
    await s.until('winch\n');
    expect(await s.until('start: 24 rows 80 cols\n')).toBe('start: 24 rows 80 cols\n');
    s.send('\x1b[8;30;100t');
    expect(await s.until('now: 30 rows 100 cols\n')).toBe('SIGWINCH 1\nnow: 30 rows 100 cols\n');
    s.send('\x1b[8;30;100t'); // the same size again: no signal
    s.send('\x1b[8;40;120t');
    expect(await s.until('now: 40 rows 120 cols\n')).toBe('SIGWINCH 2\nnow: 40 rows 120 cols\n');
    s.send('x\r');
    expect(await s.until('done after 2 changes\n')).toBe('x\r\ndone after 2 changes\n');
    await s.until('tskern:/$ ');
    expect(s.output).not.toContain('[8;');
  }, 180_000);

  test('stty shows and sets the size; arrow keys still work', async () => {
    expect(await s.run('stty size')).toBe('40 120\n');
    expect(await s.run('stty rows 10 cols 50')).toBe('');
    expect(await s.run('stty size')).toBe('10 50\n');
    expect(await s.run('stty rows 0')).toBe('stty: invalid integer argument: 0\n');
    s.send('\x1b[A\x1b[A\r'); // up twice: "stty size" again
    expect(await s.until('\n10 50\ntskern:/$ ', 30_000)).toContain('10 50');
  }, 180_000);
});

test.runIf(why !== null)('the window size: skipped', () => {
  console.log(`skipped: ${why}`);
});
