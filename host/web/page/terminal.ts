// @xterm/xterm on COM1: guest bytes to the terminal, keys and pastes to the guest as
// `npm start` sends them (Enter as CR, Backspace as DEL, control keys as their bytes), and
// the terminal resized to its box whenever the box changes.

import { Terminal } from '@xterm/xterm';

export function openTerminal(box: HTMLElement, send: (data: string) => void): Terminal {
  const term = new Terminal({
    // the kernel writes bare LF, as a Unix tty would turn into CRLF (ONLCR)
    convertEol: true,
    cursorBlink: true,
    fontFamily: 'monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: { background: '#101216' },
  });
  term.open(box);
  // onData carries typed keys and pasted text alike
  term.onData((data) => send(data));
  const fit = () => fitTerminal(term, box);
  new ResizeObserver(fit).observe(box);
  fit();
  term.focus();
  return term;
}

/** Resizes `term` to the rows and columns that fill `box`, from its font's cell size. */
function fitTerminal(term: Terminal, box: HTMLElement): void {
  const cell = measureCell(term);
  if (cell.width === 0 || cell.height === 0) return;
  const cols = Math.max(20, Math.floor((box.clientWidth - 16) / cell.width));
  const rows = Math.max(5, Math.floor(box.clientHeight / cell.height));
  if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
}

function measureCell(term: Terminal): { width: number; height: number } {
  const probe = document.createElement('span');
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font-family:${term.options.fontFamily};font-size:${term.options.fontSize}px;line-height:normal`;
  probe.textContent = 'W'.repeat(50);
  document.body.appendChild(probe);
  const rect = probe.getBoundingClientRect();
  probe.remove();
  // xterm's rows are the font's line height (lineHeight option 1)
  return { width: rect.width / 50, height: Math.ceil(rect.height) };
}
