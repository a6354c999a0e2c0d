// A process's file descriptors: small integers naming open file descriptions (shared by
// dup and fork), each with its close-on-exec flag.

import { Errno } from '../mm/errno.ts';
import type { OpenFile } from '../fs/types.ts';

/** RLIMIT_NOFILE's default. */
export const MAX_FDS = 1024;

export class FdTable {
  private files: (OpenFile | null)[] = [];
  private cloexec: boolean[] = [];

  get(fd: number): OpenFile | null {
    return fd >= 0 && fd < this.files.length ? this.files[fd] : null;
  }

  isCloexec(fd: number): boolean {
    return this.cloexec[fd] === true;
  }

  setCloexec(fd: number, on: boolean): void {
    this.cloexec[fd] = on;
  }

  /** Installs `file` at the lowest free descriptor >= min; the descriptor or -EMFILE. Takes over one reference. */
  install(file: OpenFile, min = 0, cloexec = false): number {
    for (let fd = min; fd < MAX_FDS; fd++) {
      if (fd >= this.files.length || this.files[fd] === null) {
        this.placeAt(fd, file, cloexec);
        return fd;
      }
    }
    return -Errno.EMFILE;
  }

  /** Puts `file` at `fd` (dup2), closing what was there; the caller gave one reference. */
  placeAt(fd: number, file: OpenFile, cloexec: boolean): void {
    while (this.files.length <= fd) {
      this.files.push(null);
      this.cloexec.push(false);
    }
    const old = this.files[fd];
    this.files[fd] = file;
    this.cloexec[fd] = cloexec;
    if (old !== null) release(old);
  }

  /** 0, or -EBADF. */
  close(fd: number): number {
    const f = this.get(fd);
    if (f === null) return -Errno.EBADF;
    this.files[fd] = null;
    this.cloexec[fd] = false;
    release(f);
    return 0;
  }

  /** The table a forked child gets: the same descriptions, one more reference each. */
  fork(): FdTable {
    const t = new FdTable();
    for (let fd = 0; fd < this.files.length; fd++) {
      const f = this.files[fd];
      if (f !== null) f.refs++;
      t.files.push(f);
      t.cloexec.push(this.cloexec[fd] === true);
    }
    return t;
  }

  /** execve: closes the close-on-exec descriptors. */
  closeOnExec(): void {
    for (let fd = 0; fd < this.files.length; fd++) if (this.files[fd] !== null && this.cloexec[fd]) this.close(fd);
  }

  closeAll(): void {
    for (let fd = 0; fd < this.files.length; fd++) if (this.files[fd] !== null) this.close(fd);
  }

  /** Open descriptors, ascending (for /proc/PID/fd). */
  openFds(): number[] {
    const out: number[] = [];
    for (let fd = 0; fd < this.files.length; fd++) if (this.files[fd] !== null) out.push(fd);
    return out;
  }
}

/** Drops one reference to an open file description; the last one releases it. */
export function release(f: OpenFile): void {
  if (--f.refs === 0 && f.ops.release !== undefined) f.ops.release(f);
}
