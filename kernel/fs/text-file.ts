// Read-only files whose contents are made when they are opened (/proc): the text is
// fixed for the life of the open file, as Linux's seq_file gives one consistent read.

import { Errno } from '../mm/errno.ts';
import { Mode, OpenFlag, makeStat, type FileOps, type Inode, type IoTarget, type OpenFile, type Stat } from './types.ts';
import { utf8Encode } from '../lib/utf8.ts';

interface TextState {
  bytes: number[];
}

const snapshots = new Map<OpenFile, TextState>();

export class TextFile implements Inode {
  constructor(
    readonly dev: number,
    readonly ino: number,
    private readonly make: () => string,
    readonly mode = Mode.REG | 0o444,
  ) {}

  size(): number {
    return 0; // as Linux's /proc files: the size is unknown until read
  }

  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0);
  }

  open(flags: number): FileOps | number {
    if ((flags & OpenFlag.ACCMODE) !== OpenFlag.RDONLY) return -Errno.EACCES;
    return textOps(this.make);
  }
}

function textOps(make: () => string): FileOps {
  return {
    seekable: true,
    read: async (f: OpenFile, to: IoTarget, offset: number): Promise<number> => {
      let s = snapshots.get(f);
      if (s === undefined) {
        s = { bytes: utf8Encode(make()) };
        snapshots.set(f, s);
      }
      if (offset >= s.bytes.length) return 0;
      const n = to.length < s.bytes.length - offset ? to.length : s.bytes.length - offset;
      const r = await to.fromBytes(0, s.bytes.slice(offset, offset + n), n);
      return r < 0 ? r : n;
    },
    release: (f: OpenFile) => {
      snapshots.delete(f);
    },
  };
}

/** A symbolic link whose target is computed when read (/proc/self, /proc/PID/exe). */
export class DynamicLink implements Inode {
  readonly mode = Mode.LNK | 0o777;
  constructor(readonly dev: number, readonly ino: number, private readonly target: () => string) {}
  size(): number {
    return this.target().length;
  }
  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, this.size(), 0);
  }
  readlink(): string {
    return this.target();
  }
  open(): number {
    return -Errno.ELOOP;
  }
}
