// A read-only file of /proc/PID whose bytes are computed from the process's live page
// tables at each read, at the offset asked (pagemap: an entry per page; pagewalk: a record
// per address). Size 0 and seekable, as Linux's; opening it for writing is EACCES.

import { Errno } from '../mm/errno.ts';
import type { Process } from '../proc/process.ts';
import { OpenFlag, makeStat, type FileOps, type Inode, type IoTarget, type Stat } from './types.ts';

/** readAt(p, to, offset): fills `to` from the file's offset; p is null once the process is gone. */
export type ProcRecordReader = (p: Process | null, to: IoTarget, offset: number) => Promise<number>;

export class ProcRecordFile implements Inode {
  constructor(
    readonly dev: number,
    readonly ino: number,
    readonly mode: number,
    private readonly process: () => Process | null,
    private readonly readAt: ProcRecordReader,
  ) {}

  size(): number {
    return 0;
  }

  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0);
  }

  open(flags: number): FileOps | number {
    if ((flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY) return -Errno.EACCES;
    return { seekable: true, read: (_f, to, offset) => this.readAt(this.process(), to, offset) };
  }
}

