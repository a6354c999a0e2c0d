import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EscapeDecoder, ESCAPE_HELP, QUIT_HINT, EXIT_USER_QUIT, runOnTerminal } from '../../host/terminal.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { echoUntilQ, printAndExit } from './fixture-image.ts';
import { FIRST_PROMPT } from '../../user/lib/prompt.ts';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const sent = (s: string) => ({ kind: 'send', bytes: bytes(s) });

describe('EscapeDecoder', () => {
  it('passes ordinary bytes through, Ctrl-C included', () => {
    expect(new EscapeDecoder().feed(bytes('ls\x03\r'))).toEqual([sent('ls\x03\r')]);
  });

  it('turns Ctrl-A Ctrl-A into one Ctrl-A', () => {
    expect(new EscapeDecoder().feed(bytes('a\x01\x01b'))).toEqual([sent('a\x01b')]);
  });

  it('recognises quit and help, and drops what follows quit', () => {
    expect(new EscapeDecoder().feed(bytes('a\x01hb\x01xcd'))).toEqual([
      sent('a'), { kind: 'help' }, sent('b'), { kind: 'quit' },
    ]);
  });

  it('keeps the escape state across chunks and ignores unknown commands', () => {
    const decoder = new EscapeDecoder();
    expect(decoder.feed(bytes('a\x01'))).toEqual([sent('a')]);
    expect(decoder.feed(bytes('zb'))).toEqual([sent('b')]);
    expect(decoder.feed(bytes('\x01'))).toEqual([]);
    expect(decoder.feed(bytes('x'))).toEqual([{ kind: 'quit' }]);
  });
});

/** Streams standing in for process.stdin/stdout/stderr; `tty` fakes an interactive stdin. */
function fakeTerminal(tty: boolean) {
  const rawModes: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), tty ? { isTTY: true, setRawMode: (raw: boolean) => rawModes.push(raw) } : {});
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = (s: PassThrough) => () => (s.read() ?? '').toString('latin1');
  return { io: { stdin, stdout, stderr }, rawModes, stdout: text(stdout), stderr: text(stderr) };
}

describe('runOnTerminal', () => {
  it('returns the guest status and copies its output', async () => {
    const term = fakeTerminal(false);
    const status = await runOnTerminal(await bootImage({ image: printAndExit('hi\n', 7) }), term.io);
    expect(status).toBe(7);
    expect(term.stdout()).toBe('hi\n');
  });

  it('in raw mode handles Ctrl-A commands and restores the terminal', async () => {
    const term = fakeTerminal(true);
    const machine = await bootImage({ image: echoUntilQ() });
    const done = runOnTerminal(machine, term.io);
    expect(term.rawModes).toEqual([true]);
    term.io.stdin.write('a\x01\x01b\x01h');
    await machine.waitForOutput('a\x01b');
    term.io.stdin.write('\x01x');
    expect(await done).toBe(EXIT_USER_QUIT);
    expect(term.rawModes).toEqual([true, false]);
    expect(term.stdout()).toBe('a\x01b');
    expect(term.stderr()).toBe(QUIT_HINT + ESCAPE_HELP);
  });

  it('without a TTY passes Ctrl-A through, types ^D at the end of input and survives it', async () => {
    const term = fakeTerminal(false);
    const machine = await bootImage({ image: echoUntilQ() });
    const done = runOnTerminal(machine, term.io);
    term.io.stdin.end('\x01x');
    await machine.waitForOutput('\x01x\x04'); // the input, then the ^D that ends a script
    await new Promise((r) => setTimeout(r, 100));
    machine.sendSerial('q'); // still running: the host can still talk to it
    expect(await done).toBe(3);
    expect(term.rawModes).toEqual([]);
  });

  it('on a terminal, tells the guest its size after the first prompt and at every resize', async () => {
    const term = fakeTerminal(true);
    const stdout = Object.assign(term.io.stdout, { rows: 30, columns: 100 });
    const machine = await bootImage({ image: echoUntilQ() });
    const done = runOnTerminal(machine, { ...term.io, stdout });
    term.io.stdin.write('ab');
    await machine.waitForOutput('ab');
    // no prompt yet, so nothing is sent: checked positively by the whole output below, where
    // the echo of the first size follows the prompt directly
    term.io.stdin.write(FIRST_PROMPT); // the echo fixture prints it back: a prompt on the console
    await machine.waitForOutput(FIRST_PROMPT + '\x1b[8;30;100t');
    stdout.rows = 20;
    stdout.columns = 90;
    stdout.emit('resize');
    await machine.waitForOutput('\x1b[8;20;90t');
    term.io.stdin.write('\x01x');
    expect(await done).toBe(EXIT_USER_QUIT);
    expect(machine.output).toBe('ab' + FIRST_PROMPT + '\x1b[8;30;100t\x1b[8;20;90t');
  });
});
