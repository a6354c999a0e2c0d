// Connects a running guest's COM1 to the host terminal: guest output to stdout, keyboard
// (or piped) input to the guest. On an interactive terminal, Ctrl-A starts a QEMU-style
// escape command, since every other key (Ctrl-C included) belongs to the guest.

import type { GuestMachine } from './v86-runner.ts';
import { FIRST_PROMPT } from '../user/lib/prompt.ts';

/** Exit status when the user quits with Ctrl-A x (as if interrupted by SIGINT). */
export const EXIT_USER_QUIT = 130;
/** Exit status when v86 itself failed; the guest never reported a status. */
export const EXIT_EMULATOR_FAILED = 125;
/** Exit status when stdout went away (e.g. `tskern boot | head`), as if killed by SIGPIPE. */
export const EXIT_OUTPUT_CLOSED = 141;

const CTRL_A = 0x01;
const CTRL_D = 0x04;

export const ESCAPE_HELP = [
  'C-a h    print this help',
  'C-a x    exit the emulator',
  'C-a C-a  send C-a to the guest',
].join('\n') + '\n'; // the tty driver adds the \r even in Node's raw mode (ONLCR stays on)

export type EscapeAction =
  | { kind: 'send'; bytes: Uint8Array }
  | { kind: 'help' }
  | { kind: 'quit' };

/** Turns raw keyboard bytes into bytes for the guest and escape commands. */
export class EscapeDecoder {
  private armed = false;

  feed(chunk: Uint8Array): EscapeAction[] {
    const actions: EscapeAction[] = [];
    let pending: number[] = [];
    const flush = () => {
      if (pending.length) actions.push({ kind: 'send', bytes: Uint8Array.from(pending) });
      pending = [];
    };
    for (const byte of chunk) {
      if (!this.armed) {
        if (byte === CTRL_A) this.armed = true;
        else pending.push(byte);
        continue;
      }
      this.armed = false;
      if (byte === CTRL_A) {
        pending.push(CTRL_A);
      } else if (byte === 0x78 /* x */) {
        flush();
        actions.push({ kind: 'quit' });
        return actions; // anything typed after quitting is not for the guest
      } else if (byte === 0x68 /* h */) {
        flush();
        actions.push({ kind: 'help' });
      } // other commands are unknown and ignored, like QEMU does
    }
    flush();
    return actions;
  }
}

/** Printed when the terminal goes raw: Ctrl-C now reaches the guest, so say how to leave. */
export const QUIT_HINT = 'tskern: Ctrl-A x quits, Ctrl-A h lists the other keys\r\n';

export interface TerminalIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** A terminal's stdout has its size (rows, columns) and emits 'resize'. */
  stdout: NodeJS.WritableStream & { rows?: number; columns?: number };
  stderr: NodeJS.WritableStream;
}

/**
 * Runs the guest on the terminal until it powers off (returns its status), the user
 * quits (EXIT_USER_QUIT) or v86 fails (EXIT_EMULATOR_FAILED). The terminal mode is
 * restored before returning.
 */
export async function runOnTerminal(machine: GuestMachine, io: TerminalIO = process): Promise<number> {
  const { stdin, stdout, stderr } = io;
  const interactive = Boolean(stdin.isTTY && stdin.setRawMode);
  const decoder = new EscapeDecoder();
  let quit!: (status: number) => void;
  const quitRequested = new Promise<number>((resolve) => { quit = resolve; });
  const onOutputError = () => quit(EXIT_OUTPUT_CLOSED);

  // The guest learns the terminal's size as the web page tells it (docs/architecture.md,
  // "User space"): ESC [ 8 ; ROWS ; COLS t typed into the console once the shell's first
  // prompt is out, and again at every resize.
  const sized = interactive && typeof stdout.rows === 'number' && typeof stdout.columns === 'number';
  let prompted = false, seen = '';
  const reportSize = () => {
    if (sized && prompted) machine.sendSerial(`\x1b[8;${stdout.rows};${stdout.columns}t`);
  };
  const unsubscribe = machine.onSerial((bytes) => {
    stdout.write(bytes);
    if (!sized || prompted) return;
    seen = (seen + Buffer.from(bytes).toString('latin1')).slice(-64);
    if (seen.includes(FIRST_PROMPT)) {
      prompted = true;
      reportSize();
    }
  });
  if (sized) stdout.on('resize', reportSize);
  stdout.on('error', onOutputError);
  const onInput = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!interactive) return machine.sendSerial(bytes);
    for (const action of decoder.feed(bytes)) {
      if (action.kind === 'send') machine.sendSerial(action.bytes);
      else if (action.kind === 'help') stderr.write(ESCAPE_HELP);
      else quit(EXIT_USER_QUIT);
    }
  };
  stdin.on('data', onInput);
  // Piped input (a script): at its end type ^D, the terminal's end-of-file, so the shell
  // sees the end of its input and the guest powers off with its status.
  const onEnd = () => machine.sendSerial(Uint8Array.of(CTRL_D));
  if (!interactive) stdin.on('end', onEnd);
  const restore = interactive ? enterRawMode(stdin) : () => {};
  // Raw mode passes Ctrl-C to the guest, so say once how to get out.
  if (interactive) stderr.write(QUIT_HINT);
  stdin.resume();

  try {
    return await Promise.race([machine.exited, quitRequested]);
  } catch (err) {
    stderr.write(`\ntskern: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_EMULATOR_FAILED;
  } finally {
    await machine.stop();
    stdin.off('data', onInput);
    stdin.off('end', onEnd);
    stdin.pause();
    unsubscribe();
    stdout.off('resize', reportSize);
    restore();
    // Let buffered guest output reach the terminal before the caller exits the process.
    if (stdout.writable) await new Promise<void>((resolve) => stdout.write('', () => resolve()));
    stdout.off('error', onOutputError);
  }
}

/** Puts the terminal in raw mode; returns the function that undoes it (idempotent). */
function enterRawMode(stdin: TerminalIO['stdin']): () => void {
  stdin.setRawMode!(true);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdin.setRawMode!(false);
    process.off('exit', restore);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  };
  // Leave a usable terminal behind even if the process is ended some other way.
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.on('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  return restore;
}
