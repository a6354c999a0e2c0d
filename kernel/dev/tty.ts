// The console terminal: a 16550 UART with Linux's line discipline on top. Canonical mode
// (ICANON) collects a line with echo, erase (DEL, ^H), kill (^U) and end-of-file (^D);
// ISIG turns ^C, ^\ and ^Z into signals for the foreground process group; raw mode hands
// bytes over as they come (VMIN/VTIME: at least one byte). Output goes to the UART as it
// is (the host's terminal does the newline translation), so program output is byte-exact.
// termios is kept in Linux's i386 layout so TCGETS/TCSETS round-trip what programs set.
//
// Input nobody is waiting for is kept unprocessed (`typeahead`) and goes through the line
// discipline when a reader asks for it, with the termios of that moment: each byte is
// echoed (or not) once, by whoever reads it. Linux processes typeahead at once, with the
// settings in force when it arrives, so a line typed (or piped: `printf ... | tskern boot`)
// before a shell switches to raw mode is echoed by the tty and again by the shell's editor.
// Only as much typeahead is processed as the read needs (one line in canonical mode, `max`
// bytes in raw mode), so the lines after it wait for their own reader. ISIG's characters
// still act when they arrive: ^C must reach a program that never reads.
//
// The window size: TIOCGWINSZ/TIOCSWINSZ, and SIGWINCH to the foreground group when it
// changes. The host (the web page, `npm start`) reports its terminal's size in the input
// itself, as the sequence ESC [ 8 ; ROWS ; COLS t (xterm's "resize to" control sequence,
// which a terminal never sends as a key): the tty takes it out of the input and applies it
// (docs/architecture.md, "Browser"). Other input starting with ESC goes on unchanged.

import { Errno } from '../mm/errno.ts';
import type { Uart16550 } from './uart16550.ts';

export enum Termios {
  // c_iflag
  ICRNL = 0o400,
  IXON = 0o2000,
  // c_oflag
  OPOST = 0o1,
  ONLCR = 0o4,
  // c_cflag
  CS8 = 0o60,
  CREAD = 0o200,
  B38400 = 0o17,
  // c_lflag
  ISIG = 0o1,
  ICANON = 0o2,
  ECHO = 0o10,
  ECHOE = 0o20,
  ECHOK = 0o40,
  ECHOCTL = 0o1000,
  ECHOKE = 0o4000,
  IEXTEN = 0o100000,
}

/** c_cc indices (Linux). */
export enum Cc {
  VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6,
  VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11,
  COUNT = 19,
}

export const SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20, SIGWINCH = 28;

export class Tty {
  iflag = Termios.ICRNL | Termios.IXON;
  oflag = Termios.OPOST | Termios.ONLCR;
  cflag = Termios.B38400 | Termios.CS8 | Termios.CREAD;
  lflag = Termios.ISIG | Termios.ICANON | Termios.ECHO | Termios.ECHOE | Termios.ECHOK | Termios.ECHOCTL | Termios.ECHOKE | Termios.IEXTEN;
  cc: number[] = [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0, 0, 0];
  /** The line being edited (canonical mode). */
  private line: number[] = [];
  /** Bytes ready for readers: finished lines, or raw input. */
  private ready: number[] = [];
  /** Pending end-of-file marks (^D on an empty line), one per read that returns 0. */
  private eofs = 0;
  /** Bytes that arrived while no reader waited, not yet through the line discipline. */
  private typeahead: number[] = [];
  /** The host's input ended while typeahead was queued: end-of-file once it is consumed. */
  private hangupPending = false;
  /** Bytes of what may be a window-size report (ESC [ 8 ; R ; C t), held until it is one or is not. */
  private escape: number[] = [];
  private readonly waiters: (() => void)[] = [];
  /** The foreground process group (TIOCGPGRP/TIOCSPGRP); 0 when none. */
  foregroundPgrp = 0;
  /**
   * Asked before each read (set by kernel/proc/boot.ts, which knows the caller): 0 lets the
   * read go on; a background job's read gets SIGTTIN sent and -EINTR (restarted once it is
   * continued in the foreground), or -EIO when it ignores or blocks SIGTTIN.
   */
  readCheck: (() => number) | null = null;
  /** Window size for TIOCGWINSZ. */
  rows = 24;
  cols = 80;

  constructor(
    private readonly uart: Uart16550,
    /** Delivers a signal to a process group (^C, ^\, ^Z). */
    private readonly signalGroup: (pgrp: number, sig: number) => void,
  ) {}

  /** Output: bytes to the UART as they are. */
  writeBytes(bytes: number[], start: number, n: number): void {
    for (let i = start; i < start + n; i++) this.uart.writeByte(bytes[i]);
  }

  writeByte(b: number): void {
    this.uart.writeByte(b);
  }

  /** Sets the window size; the foreground group gets SIGWINCH when it changed (as Linux's TIOCSWINSZ). */
  setWindowSize(rows: number, cols: number): void {
    if (rows === this.rows && cols === this.cols) return;
    this.rows = rows;
    this.cols = cols;
    if (this.foregroundPgrp !== 0) this.signalGroup(this.foregroundPgrp, SIGWINCH);
  }

  /** A byte arrived from the UART (interrupt handler). */
  receive(b: number): void {
    if (this.escape.length > 0 || b === 0x1b) {
      this.escape.push(b);
      const e = this.escape;
      // ESC [ 8 ; digits ; digits t
      const prefix = [0x1b, 0x5b, 0x38, 0x3b];
      let ok = true;
      for (let i = 0; i < e.length && ok; i++) {
        if (i < prefix.length) ok = e[i] === prefix[i];
        else ok = (e[i] >= 0x30 && e[i] <= 0x39) || e[i] === 0x3b || (e[i] === 0x74 && i === e.length - 1);
      }
      if (ok && b === 0x74) {
        // the digits after the prefix: ROWS ; COLS
        let rows = 0, cols = 0, fields = 1, digits = 0;
        for (let i = prefix.length; i < e.length - 1; i++) {
          if (e[i] === 0x3b) { fields++; digits = 0; continue; }
          digits++;
          if (fields === 1) rows = rows * 10 + (e[i] - 0x30);
          else cols = cols * 10 + (e[i] - 0x30);
          if (digits > 5) fields = 99;
        }
        if (fields === 2 && rows > 0 && cols > 0) {
          this.escape = [];
          this.setWindowSize(rows, cols);
          return;
        }
      }
      if (ok && b !== 0x74 && e.length < 16) return; // maybe more to come
      this.escape = [];
      for (let i = 0; i < e.length; i++) this.input(e[i]);
      return;
    }
    this.input(b);
  }

  /** An input byte that is not part of a window-size report. */
  private input(b: number): void {
    // a signal character acts at once; anything else waits for a reader (the header)
    if ((this.lflag & Termios.ISIG) !== 0 && this.signalChar(b) !== 0) {
      this.process(b);
      return;
    }
    this.typeahead.push(b);
    if (this.waiters.length > 0) this.drainTypeahead();
  }

  /** The signal ISIG makes of byte b (0: none). */
  private signalChar(b: number): number {
    return b === this.cc[Cc.VINTR] ? SIGINT : b === this.cc[Cc.VQUIT] ? SIGQUIT : b === this.cc[Cc.VSUSP] ? SIGTSTP : 0;
  }

  /** Typeahead through the line discipline until a read has something (or none is left). */
  private drainTypeahead(): void {
    while (this.ready.length === 0 && this.eofs === 0 && this.typeahead.length > 0) this.process(this.typeahead.shift()!);
    if (this.typeahead.length === 0 && this.hangupPending) {
      this.hangupPending = false;
      this.hangup();
    }
  }

  /** One byte through the line discipline: signals, echo, editing, the ready queue. */
  private process(b: number): void {
    if ((this.iflag & Termios.ICRNL) !== 0 && b === 0x0d) b = 0x0a;
    if ((this.lflag & Termios.ISIG) !== 0) {
      const sig = b === this.cc[Cc.VINTR] ? SIGINT : b === this.cc[Cc.VQUIT] ? SIGQUIT : b === this.cc[Cc.VSUSP] ? SIGTSTP : 0;
      if (sig !== 0) {
        this.line = [];
        if ((this.lflag & Termios.ECHO) !== 0) this.echoText('^' + String.fromCharCode(b + 0x40) + '\n');
        if (this.foregroundPgrp !== 0) this.signalGroup(this.foregroundPgrp, sig);
        return;
      }
    }
    if ((this.lflag & Termios.ICANON) === 0) {
      this.ready.push(b);
      if ((this.lflag & Termios.ECHO) !== 0) this.uart.writeByte(b);
      this.wake();
      return;
    }
    if (b === this.cc[Cc.VERASE] || b === 0x08) {
      if (this.line.length > 0) {
        this.line.pop();
        if ((this.lflag & Termios.ECHO) !== 0) this.echoText('\b \b');
      }
      return;
    }
    if (b === this.cc[Cc.VKILL]) {
      if ((this.lflag & Termios.ECHO) !== 0) for (let i = 0; i < this.line.length; i++) this.echoText('\b \b');
      this.line = [];
      return;
    }
    if (b === this.cc[Cc.VEOF]) {
      if (this.line.length === 0) this.eofs++;
      this.flushLine();
      return;
    }
    this.line.push(b);
    if ((this.lflag & Termios.ECHO) !== 0) {
      if (b === 0x0a) this.echoText('\r\n');
      else this.uart.writeByte(b);
    }
    if (b === 0x0a) this.flushLine();
  }

  /** The host's input ended: readers see end-of-file from now on. */
  hangup(): void {
    if (this.typeahead.length > 0) {
      this.hangupPending = true;
      return;
    }
    this.flushLine();
    this.eofs = 1_000_000_000;
    this.wake();
  }

  private flushLine(): void {
    for (let i = 0; i < this.line.length; i++) this.ready.push(this.line[i]);
    this.line = [];
    this.wake();
  }

  private echoText(s: string): void {
    for (let i = 0; i < s.length; i++) this.uart.writeByte(s.charCodeAt(i));
  }

  private wake(): void {
    const ws = this.waiters.splice(0, this.waiters.length);
    for (let i = 0; i < ws.length; i++) ws[i]();
  }

  /** Resolves when input (or end-of-file) is available. */
  private waitInput(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Whether a read would not block. */
  get hasInput(): boolean {
    this.drainTypeahead();
    return this.ready.length > 0 || this.eofs > 0;
  }

  /**
   * Up to `max` bytes of input: in canonical mode at most one line (with its newline); 0
   * bytes at end-of-file. Waits while there is none (or returns -EAGAIN when nonblocking).
   */
  async read(max: number, nonblock: boolean, cancelled: () => boolean = () => false): Promise<number[] | number> {
    while (!this.hasInput) {
      if (nonblock) return -Errno.EAGAIN;
      await this.waitInput();
      // the reader was interrupted (or killed) while it waited: leave the input to others
      if (cancelled()) return -Errno.EINTR;
    }
    if (this.ready.length === 0) {
      this.eofs--;
      return [];
    }
    const canon = (this.lflag & Termios.ICANON) !== 0;
    // raw mode: as much typeahead as the read takes (canonical mode stops at the line drained)
    if (!canon) while (this.ready.length < max && this.typeahead.length > 0) this.process(this.typeahead.shift()!);
    let n = 0;
    while (n < this.ready.length && n < max) {
      n++;
      if (canon && this.ready[n - 1] === 0x0a) break;
    }
    return this.ready.splice(0, n);
  }
}
