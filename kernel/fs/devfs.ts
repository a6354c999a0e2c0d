// /dev: character devices. null, zero, full, urandom/random, the console terminal
// (console, tty, ttyS0), the raw serial ports a `tskern exec` run uses for stdout and
// stderr when the host's are not terminals, the framebuffer (fb0, a memory object that
// mmap maps: kernel/dev/fb-file.ts), and /dev/shm, a tmpfs directory (ramfs files) where
// glibc's shm_open creates its shared memory.

import { Errno } from '../mm/errno.ts';
import type { Tty } from '../dev/tty.ts';
import type { Uart16550 } from '../dev/uart16550.ts';
import { Mode, OpenFlag, makeStat, type FileOps, type Inode, type IoTarget, type OpenFile, type Stat, type UserMemory } from './types.ts';
import { RamDir, type RamFsContext } from './ramfs.ts';
import type { MemoryObject } from '../mm/vma.ts';
import { Framebuffer } from '../dev/fb.ts';
import { fbFileOps, openFb } from '../dev/fb-file.ts';

export const DEVFS_DEV = 0x0005;

export class DeviceNode implements Inode {
  readonly mode: number;
  constructor(
    readonly ino: number,
    /** (major << 8) | minor */
    readonly rdev: number,
    readonly ops: FileOps,
    /** mmap of it is anonymous memory (/dev/zero). */
    readonly mapsAnonymous = false,
    /** What mmap of it maps (/dev/fb0), or null. */
    private readonly object: MemoryObject | null = null,
    /** Run at each open: 0, or -errno to refuse it (a device that is absent). */
    private readonly onOpen: (() => number) | null = null,
  ) {
    this.mode = Mode.CHR | 0o666;
  }
  readonly dev = DEVFS_DEV;
  size(): number {
    return 0;
  }
  stat(): Stat {
    return makeStat(this.dev, this.ino, this.mode, 0, 0, this.rdev);
  }
  open(): FileOps | number {
    if (this.onOpen !== null) {
      const r = this.onOpen();
      if (r < 0) return r;
    }
    return this.ops;
  }
  memoryObject(): MemoryObject | null {
    return this.object;
  }
}

const NULL_OPS: FileOps = {
  seekable: true,
  read: () => 0,
  write: (_f: OpenFile, from: IoTarget) => from.length,
};

async function fill(to: IoTarget, byte: (i: number) => number): Promise<number> {
  let done = 0;
  while (done < to.length) {
    const n = to.length - done < 4096 ? to.length - done : 4096;
    const chunk: number[] = [];
    for (let i = 0; i < n; i++) chunk.push(byte(done + i));
    const r = await to.fromBytes(done, chunk, n);
    if (r < 0) return done > 0 ? done : r;
    done += n;
  }
  return done;
}

const ZERO_OPS: FileOps = {
  seekable: true,
  read: (_f: OpenFile, to: IoTarget) => fill(to, () => 0),
  write: (_f: OpenFile, from: IoTarget) => from.length,
};

const FULL_OPS: FileOps = {
  seekable: true,
  read: (_f: OpenFile, to: IoTarget) => fill(to, () => 0),
  write: () => -Errno.ENOSPC,
};

const RANDOM_OPS: FileOps = {
  seekable: false,
  read: (_f: OpenFile, to: IoTarget) => fill(to, () => Math.floor(Math.random() * 256)),
  write: (_f: OpenFile, from: IoTarget) => from.length,
};

/** Writes what `from` holds to a UART, a page at a time. */
async function writeToUart(uart: { writeByte(b: number): void }, from: IoTarget): Promise<number> {
  let done = 0;
  while (done < from.length) {
    const n = from.length - done < 4096 ? from.length - done : 4096;
    const bytes = await from.toBytes(done, n);
    if (typeof bytes === 'number') return done > 0 ? done : bytes;
    for (let i = 0; i < bytes.length; i++) uart.writeByte(bytes[i]);
    done += n;
  }
  return done;
}

/** A serial port as a plain output device: not a terminal (ioctl: ENOTTY). */
export function serialOutOps(uart: Uart16550): FileOps {
  return {
    seekable: false,
    read: () => 0,
    write: (_f: OpenFile, from: IoTarget) => writeToUart(uart, from),
  };
}

enum Ioctl {
  TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404,
  TIOCSCTTY = 0x540e, TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410,
  TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541b,
}

const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const rd32 = (b: number[], o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** ioctl of a terminal. The struct termios of TCGETS is Linux i386's (36 bytes). */
/** f(bytes) once mem.read's result is there; an error as it is. Not async: a read of resident
 *  memory answers at once, so the ioctl does too (no Promise round trip through the scheduler). */
function withBytes(got: number[] | number | Promise<number[] | number>, f: (b: number[]) => number): number | Promise<number> {
  if (typeof got === 'number') return got;
  if (Array.isArray(got)) return f(got);
  return got.then((b) => (typeof b === 'number' ? b : f(b)));
}

function ttyIoctl(tty: Tty, cmd: number, arg: number, mem: UserMemory): number | Promise<number> {
  switch (cmd) {
    case Ioctl.TCGETS: {
      const b = le32(tty.iflag).concat(le32(tty.oflag), le32(tty.cflag), le32(tty.lflag), [0], tty.cc.slice(0, 19));
      return mem.write(arg, b);
    }
    case Ioctl.TCSETS: case Ioctl.TCSETSW: case Ioctl.TCSETSF:
      return withBytes(mem.read(arg, 36), (b) => {
        tty.iflag = rd32(b, 0);
        tty.oflag = rd32(b, 4);
        tty.cflag = rd32(b, 8);
        tty.lflag = rd32(b, 12);
        tty.cc = b.slice(17, 36);
        return 0;
      });
    case Ioctl.TIOCGWINSZ:
      return mem.write(arg, [tty.rows & 0xff, tty.rows >> 8, tty.cols & 0xff, tty.cols >> 8, 0, 0, 0, 0]);
    case Ioctl.TIOCSWINSZ:
      return withBytes(mem.read(arg, 8), (b) => {
        tty.setWindowSize(b[0] | (b[1] << 8), b[2] | (b[3] << 8));
        return 0;
      });
    case Ioctl.TIOCGPGRP:
      return mem.write(arg, le32(tty.foregroundPgrp));
    case Ioctl.TIOCSPGRP:
      return withBytes(mem.read(arg, 4), (b) => {
        tty.foregroundPgrp = rd32(b, 0);
        return 0;
      });
    case Ioctl.TIOCSCTTY:
      return 0;
    case Ioctl.FIONREAD:
      return mem.write(arg, le32(tty.hasInput ? 1 : 0));
    default:
      return -Errno.ENOTTY;
  }
}

/** The console terminal as a file (/dev/console, /dev/tty). */
export function ttyOps(tty: Tty): FileOps {
  return {
    seekable: false,
    isTty: true,
    read: async (f: OpenFile, to: IoTarget): Promise<number> => {
      const allowed = tty.readCheck === null ? 0 : tty.readCheck();
      if (allowed < 0) return allowed;
      const bytes = await tty.read(to.length, (f.flags & OpenFlag.NONBLOCK) !== 0, () => to.cancelled === true);
      if (typeof bytes === 'number') return bytes;
      if (bytes.length === 0) return 0;
      const r = await to.fromBytes(0, bytes, bytes.length);
      return r < 0 ? r : bytes.length;
    },
    write: (_f: OpenFile, from: IoTarget) => writeToUart(tty, from),
    ioctl: (_f: OpenFile, cmd: number, arg: number, mem: UserMemory) => ttyIoctl(tty, cmd, arg, mem),
  };
}

/** /dev/shm, where memfd_create's files get their frames from too (its RamFsContext). */
export let shmDir: RamDir | null = null;

export interface Devices {
  null: DeviceNode;
  zero: DeviceNode;
  console: DeviceNode;
}

/** Builds /dev. `errorPort` is COM2 (stderr of `tskern exec`). */
export function makeDevfs(fs: RamFsContext, tty: Tty, console: Uart16550, errorPort: Uart16550): { dir: RamDir; devices: Devices; serialOut: DeviceNode; serialErr: DeviceNode } {
  const dir = new RamDir(fs, 0o755, 0, null);
  let ino = 2;
  const node = (name: string, rdev: number, ops: FileOps, anon = false): DeviceNode => {
    const n = new DeviceNode(ino++, rdev, ops, anon);
    dir.link(name, n);
    return n;
  };
  const devices: Devices = {
    null: node('null', 0x0103, NULL_OPS),
    zero: node('zero', 0x0105, ZERO_OPS, true),
    console: node('console', 0x0501, ttyOps(tty)),
  };
  node('full', 0x0107, FULL_OPS);
  node('random', 0x0108, RANDOM_OPS);
  node('urandom', 0x0109, RANDOM_OPS);
  node('tty', 0x0500, ttyOps(tty));
  const fb = new Framebuffer();
  const fb0 = new DeviceNode(ino++, (29 << 8) | 0, fbFileOps(fb), false, fb, () => openFb(fb));
  dir.link('fb0', fb0);
  const shm = new RamDir(fs, 0o1777, 0, dir);
  dir.link('shm', shm);
  shm.path = '/dev/shm';
  shmDir = shm;
  const serialOut = node('ttyS0', 0x0440, serialOutOps(console));
  const serialErr = node('ttyS1', 0x0441, serialOutOps(errorPort));
  return { dir, devices, serialOut, serialErr };
}

