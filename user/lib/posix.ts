// More Linux system calls for the shell and the tools, on top of user/lib/sys.ts: process
// groups, the terminal (termios, the foreground group), signal dispositions, directories,
// stat, the working directory and reboot. Same convention: a result or -errno, never a throw.

import { readMemory, syscall, writeMemory, mmap, MapFlag, Prot, utf8Encode, utf8Decode } from './sys.ts';

export enum Nr {
  rmdir = 40, ioctl = 54, setpgid = 57, reboot = 88, rt_sigaction = 174, getcwd = 183,
  stat64 = 195, lstat64 = 196, getdents64 = 220, getpgid = 132, setsid = 66,
}

const Ioctl = { TCGETS: 0x5401, TCSETS: 0x5402, TIOCGPGRP: 0x540f, TIOCSPGRP: 0x5410, TIOCGWINSZ: 0x5413, TIOCSWINSZ: 0x5414 };
/** c_lflag bits (Linux): the shell's raw mode clears these while it edits a line. */
export const LFLAG = { ISIG: 0o1, ICANON: 0o2, ECHO: 0o10 };

// A private page for the structures this module passes (termios, sigaction, stat, dirents).
let area = 0;
const AREA_SIZE = 16 * 4096;
function buf(): number {
  if (area === 0) {
    const a = mmap(0, AREA_SIZE, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
    if (a < 0) return a;
    area = a;
  }
  return area;
}

export function le32(v: number): string {
  return String.fromCharCode(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}
export function rd32(s: string, at: number): number {
  return (s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24)) >>> 0;
}
function rd16(s: string, at: number): number {
  return s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8);
}

/** A NUL-terminated path at offset 8192 of the private area; its address or -errno. */
function cPath(path: string): number {
  const b = buf();
  if (b < 0) return b;
  writeMemory(b + 8192, utf8Encode(path) + '\0');
  return b + 8192;
}

// ---- terminal -------------------------------------------------------------------------

/** TCGETS: the 36-byte struct termios as a byte string, or -errno (ENOTTY when fd is no terminal). */
export function tcgets(fd: number): string | number {
  const b = buf();
  if (b < 0) return b;
  const r = syscall(Nr.ioctl, fd, Ioctl.TCGETS, b);
  return r < 0 ? r : readMemory(b, 36);
}
export function tcsets(fd: number, termios: string): number {
  const b = buf();
  if (b < 0) return b;
  writeMemory(b, termios);
  return syscall(Nr.ioctl, fd, Ioctl.TCSETS, b);
}
/** A copy of termios with c_lflag replaced. */
export function withLflag(termios: string, lflag: number): string {
  return termios.slice(0, 12) + le32(lflag) + termios.slice(16);
}
export function lflagOf(termios: string): number { return rd32(termios, 12); }

export function tcgetpgrp(fd: number): number {
  const b = buf();
  if (b < 0) return b;
  const r = syscall(Nr.ioctl, fd, Ioctl.TIOCGPGRP, b);
  return r < 0 ? r : rd32(readMemory(b, 4), 0);
}
export function tcsetpgrp(fd: number, pgrp: number): number {
  const b = buf();
  if (b < 0) return b;
  writeMemory(b, le32(pgrp));
  return syscall(Nr.ioctl, fd, Ioctl.TIOCSPGRP, b);
}

/** TIOCGWINSZ: the terminal's window size, or -errno. */
export function winsize(fd: number): { rows: number; cols: number } | number {
  const b = buf();
  if (b < 0) return b;
  const r = syscall(Nr.ioctl, fd, Ioctl.TIOCGWINSZ, b);
  if (r < 0) return r;
  const w = readMemory(b, 4);
  return { rows: w.charCodeAt(0) | (w.charCodeAt(1) << 8), cols: w.charCodeAt(2) | (w.charCodeAt(3) << 8) };
}
/** TIOCSWINSZ: sets the window size (the foreground group gets SIGWINCH when it changes); 0 or -errno. */
export function setWinsize(fd: number, rows: number, cols: number): number {
  const b = buf();
  if (b < 0) return b;
  writeMemory(b, String.fromCharCode(rows & 0xff, rows >> 8, cols & 0xff, cols >> 8, 0, 0, 0, 0));
  return syscall(Nr.ioctl, fd, Ioctl.TIOCSWINSZ, b);
}

// ---- processes -------------------------------------------------------------------------

export function setpgid(pid: number, pgid: number): number { return syscall(Nr.setpgid, pid, pgid); }
export function getpgid(pid: number): number { return syscall(Nr.getpgid, pid); }

export const SIG_DFL = 0, SIG_IGN = 1;
/** rt_sigaction with a disposition only (tsvm has no handlers): SIG_DFL or SIG_IGN. */
export function setSignal(signo: number, disposition: number): number {
  const b = buf();
  if (b < 0) return b;
  // struct k_sigaction (i386): handler, flags, restorer, mask[2]
  writeMemory(b, le32(disposition) + le32(0) + le32(0) + le32(0) + le32(0));
  return syscall(Nr.rt_sigaction, signo, b, 0, 8);
}

export const RB_POWER_OFF = 0x4321fedc;
/** reboot(RB_POWER_OFF): the machine stops; returns only on failure. */
export function powerOff(): number {
  return syscall(Nr.reboot, 0xfee1dead, 672274793, RB_POWER_OFF, 0);
}

/** The names of Linux's signals, as a shell reports a process killed by one. */
export const SIGNAL_TEXT: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted',
  7: 'Bus error', 8: 'Floating point exception', 9: 'Killed', 11: 'Segmentation fault', 13: 'Broken pipe',
  14: 'Alarm clock', 15: 'Terminated',
};

// ---- files -----------------------------------------------------------------------------

export function rmdir(path: string): number { const p = cPath(path); return p < 0 ? p : syscall(Nr.rmdir, p); }

/** getcwd: the working directory, or -errno. */
export function getcwd(): string | number {
  const b = buf();
  if (b < 0) return b;
  const r = syscall(Nr.getcwd, b, 4096);
  if (r < 0) return r;
  const s = readMemory(b, r);
  return utf8Decode(s.slice(0, s.indexOf('\0') >= 0 ? s.indexOf('\0') : s.length));
}

export interface Stat { mode: number; size: number; nlink: number; ino: number; mtime: number }
export const S_IFMT = 0o170000, S_IFDIR = 0o040000, S_IFREG = 0o100000, S_IFLNK = 0o120000, S_IFCHR = 0o020000;

/** stat64 (or lstat64): the fields the tools show, or -errno. */
export function stat(path: string, link = false): Stat | number {
  const p = cPath(path);
  if (p < 0) return p;
  const b = buf();
  const r = syscall(link ? Nr.lstat64 : Nr.stat64, p, b);
  if (r < 0) return r;
  const s = readMemory(b, 96);
  return { mode: rd32(s, 16), nlink: rd32(s, 20), size: rd32(s, 44) + rd32(s, 48) * 4294967296, mtime: rd32(s, 72), ino: rd32(s, 88) };
}

/** The names in a directory (getdents64), without . and .., sorted; or -errno. */
export function listDir(path: string): string[] | number {
  const fd = syscall(5 /* open */, cPath(path), 0o200000 /* O_DIRECTORY */, 0);
  if (fd < 0) return fd;
  const b = buf();
  const names: string[] = [];
  for (;;) {
    const n = syscall(Nr.getdents64, fd, b, 8192);
    if (n < 0) { syscall(6, fd); return n; }
    if (n === 0) break;
    const d = readMemory(b, n);
    for (let at = 0; at < n;) {
      const reclen = rd16(d, at + 16);
      let end = at + 19;
      while (end < at + reclen && d.charCodeAt(end) !== 0) end++;
      const name = utf8Decode(d.slice(at + 19, end));
      if (name !== '.' && name !== '..') names.push(name);
      at += reclen;
    }
  }
  syscall(6, fd);
  return names.sort();
}
