// Pipes: a 64 KiB buffer between a read end and a write end. A read waits for data (or
// returns 0 once every writer is gone); a write waits for room, and with no reader left
// fails with -EPIPE (the caller also gets SIGPIPE).

import { Errno } from '../mm/errno.ts';
import { Mode, OpenFlag, makeStat, type FileOps, type Inode, type IoTarget, type OpenFile, type Stat } from './types.ts';

const CAPACITY = 65536;
/** Writes up to this size are atomic (POSIX PIPE_BUF). */
const PIPE_BUF = 4096;
const PIPEFS_DEV = 0x000c;
let nextIno = 1;

export class Pipe implements Inode {
  readonly ino = nextIno++;
  readonly dev = PIPEFS_DEV;
  readonly mode = Mode.FIFO | 0o600;
  private buf: number[] = [];
  readers = 0;
  writers = 0;
  private readWaiters: (() => void)[] = [];
  private writeWaiters: (() => void)[] = [];

  size(): number {
    return this.buf.length;
  }

  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0);
  }

  open(): number {
    return -Errno.ENXIO;
  }

  private wake(list: (() => void)[]): void {
    const ws = list.splice(0, list.length);
    for (let i = 0; i < ws.length; i++) ws[i]();
  }

  /** Resolves on the next change (data, room, an end closing), or never if nothing can change. */
  waitReadable(): Promise<void> {
    return new Promise<void>((resolve) => this.readWaiters.push(resolve));
  }

  waitWritable(): Promise<void> {
    return new Promise<void>((resolve) => this.writeWaiters.push(resolve));
  }

  get readable(): boolean {
    return this.buf.length > 0 || this.writers === 0;
  }

  async read(to: IoTarget, nonblock: boolean): Promise<number> {
    while (this.buf.length === 0) {
      if (this.writers === 0) return 0;
      if (nonblock) return -Errno.EAGAIN;
      await this.waitReadable();
    }
    const n = to.length < this.buf.length ? to.length : this.buf.length;
    const r = await to.fromBytes(0, this.buf, n);
    if (r < 0) return r;
    this.buf.splice(0, n);
    this.wake(this.writeWaiters);
    return n;
  }

  async write(from: IoTarget, nonblock: boolean): Promise<number> {
    let done = 0;
    while (done < from.length) {
      if (this.readers === 0) return done > 0 ? done : -Errno.EPIPE;
      const room = CAPACITY - this.buf.length;
      const want = from.length - done;
      if (room === 0 || (want <= PIPE_BUF && room < want)) {
        if (nonblock) return done > 0 ? done : -Errno.EAGAIN;
        await this.waitWritable();
        continue;
      }
      const n = want < room ? want : room;
      const bytes = await from.toBytes(done, n);
      if (typeof bytes === 'number') return done > 0 ? done : bytes;
      for (let i = 0; i < bytes.length; i++) this.buf.push(bytes[i]);
      done += n;
      this.wake(this.readWaiters);
    }
    return done;
  }

  closeEnd(reader: boolean): void {
    if (reader) this.readers--;
    else this.writers--;
    this.wake(this.readWaiters);
    this.wake(this.writeWaiters);
  }

  readOps(): FileOps {
    return {
      seekable: false,
      read: (f: OpenFile, to: IoTarget) => this.read(to, (f.flags & OpenFlag.NONBLOCK) !== 0),
      release: () => this.closeEnd(true),
    };
  }

  writeOps(): FileOps {
    return {
      seekable: false,
      write: (f: OpenFile, from: IoTarget) => this.write(from, (f.flags & OpenFlag.NONBLOCK) !== 0),
      release: () => this.closeEnd(false),
    };
  }
}
