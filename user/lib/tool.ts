// What every tool shares: output to fd 1/2, error messages with the errno text, the exit.

import { exit, write } from './sys.ts';

const ERRNO_TEXT: Record<number, string> = {
  1: 'Operation not permitted', 2: 'No such file or directory', 3: 'No such process', 4: 'Interrupted system call',
  5: 'Input/output error', 9: 'Bad file descriptor', 10: 'No child processes', 11: 'Resource temporarily unavailable',
  12: 'Cannot allocate memory', 13: 'Permission denied', 14: 'Bad address', 17: 'File exists', 20: 'Not a directory',
  21: 'Is a directory', 22: 'Invalid argument', 25: 'Inappropriate ioctl for device', 28: 'No space left on device',
  32: 'Broken pipe', 36: 'File name too long', 39: 'Directory not empty', 8: 'Exec format error',
};

/** strerror: the text for a negative (or positive) errno. */
export function errText(errno: number): string {
  const e = errno < 0 ? -errno : errno;
  return ERRNO_TEXT[e] ?? `error ${e}`;
}

export function out(text: string): void { write(1, text); }
export function err(text: string): void { write(2, text); }

/** `PROG: WHAT: ERRNO TEXT` on stderr. */
export function complain(prog: string, what: string, errno: number): void {
  err(`${prog}: ${what}: ${errText(errno)}\n`);
}

/** The program's arguments (after argv[0]). */
export function args(): string[] { return process.argv.slice(2); }

export function finish(status: number): never { return exit(status); }

/** A number right-aligned in `width` columns. */
export function col(v: number | string, width: number): string { return String(v).padStart(width); }
