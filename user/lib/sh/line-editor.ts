// Reading a command line on a terminal in raw mode: the shell echoes and edits the line
// itself (backspace, left/right, history with up/down, ^U, ^C cancels, ^D on an empty line
// ends the input). Without a terminal (input from a file or pipe) it just reads a line.
//
// Input is read one byte per read(2), so bytes after the newline stay in the terminal (or
// pipe) for the programs the line starts, as a Unix shell leaves them.

import { read, write, utf8Decode } from '../sys.ts';
import { LFLAG, lflagOf, tcgets, tcsets, withLflag } from '../posix.ts';

export type LineResult = { line: string } | { eof: true } | { cancelled: true };

function readByte(fd: number): number {
  const b = read(fd, 1);
  if (typeof b === 'number') return b === -4 /* EINTR */ ? readByte(fd) : -1;
  return b === '' ? -1 : b.charCodeAt(0);
}

export class LineEditor {
  private history: string[] = [];
  /** The terminal's settings as the shell found them (canonical mode), or null: no terminal. */
  readonly saved: string | null;

  constructor(private readonly fd: number) {
    const t = tcgets(fd);
    this.saved = typeof t === 'string' ? t : null;
  }

  get interactive(): boolean { return this.saved !== null; }

  /** Put the terminal back as it was (before running a program). */
  restore(): void {
    if (this.saved !== null) tcsets(this.fd, this.saved);
  }

  /** One line after printing `prompt` (a terminal) or read plainly (no terminal). */
  readLine(prompt: string): LineResult {
    if (this.saved === null) return this.readPlain();
    tcsets(this.fd, withLflag(this.saved, lflagOf(this.saved) & ~(LFLAG.ICANON | LFLAG.ECHO | LFLAG.ISIG)));
    write(1, prompt);
    try {
      return this.edit(prompt);
    } finally {
      this.restore();
    }
  }

  private readPlain(): LineResult {
    let bytes = '';
    for (;;) {
      const b = readByte(this.fd);
      if (b < 0) return bytes === '' ? { eof: true } : { line: utf8Decode(bytes) };
      if (b === 0x0a) return { line: utf8Decode(bytes) };
      bytes += String.fromCharCode(b);
    }
  }

  private edit(prompt: string): LineResult {
    let line = '';       // the text (UTF-16)
    let cursor = 0;      // position in line
    let pending = '';    // bytes of an incomplete UTF-8 character
    let browse = this.history.length; // history index while browsing with up/down
    const draft: string[] = [];
    const redraw = () => {
      let s = '\r' + prompt + line + '\x1b[K';
      if (line.length > cursor) s += `\x1b[${line.length - cursor}D`;
      write(1, s);
    };
    for (;;) {
      const b = readByte(this.fd);
      if (b < 0) {
        if (line !== '') { write(1, '\n'); return this.accept(line); }
        return { eof: true };
      }
      if (b === 0x0d || b === 0x0a) { write(1, '\n'); return this.accept(line); }
      if (b === 0x03) { write(1, '^C\n'); return { cancelled: true }; }
      if (b === 0x04) {
        if (line === '') { write(1, '\n'); return { eof: true }; }
        continue;
      }
      if (b === 0x7f || b === 0x08) {
        if (cursor === 0) continue;
        line = line.slice(0, cursor - 1) + line.slice(cursor);
        cursor--;
        if (cursor === line.length) write(1, '\b \b');
        else redraw();
        continue;
      }
      if (b === 0x15) { line = ''; cursor = 0; redraw(); continue; }
      if (b === 0x1b) {
        if (readByte(this.fd) !== 0x5b /* [ */) continue;
        const k = readByte(this.fd);
        if (k === 0x44 /* D left */ && cursor > 0) { cursor--; write(1, '\x1b[D'); }
        else if (k === 0x43 /* C right */ && cursor < line.length) { cursor++; write(1, '\x1b[C'); }
        else if (k === 0x41 /* A up */ || k === 0x42 /* B down */) {
          const to = k === 0x41 ? browse - 1 : browse + 1;
          if (to < 0 || to > this.history.length) continue;
          draft[browse] = line;
          browse = to;
          line = draft[browse] ?? (browse < this.history.length ? this.history[browse] : '');
          cursor = line.length;
          redraw();
        }
        continue;
      }
      if (b < 0x20) continue; // other control keys do nothing
      pending += String.fromCharCode(b);
      const text = utf8Decode(pending);
      if (b >= 0x80 && (text.indexOf('\ufffd') >= 0 && pending.length < 4)) {
        // wait for the rest of a multi-byte character
        const lead = pending.charCodeAt(0);
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (pending.length < need) continue;
      }
      pending = '';
      line = line.slice(0, cursor) + text + line.slice(cursor);
      cursor += text.length;
      if (cursor === line.length) write(1, text);
      else redraw();
    }
  }

  private accept(line: string): LineResult {
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    return { line };
  }
}
