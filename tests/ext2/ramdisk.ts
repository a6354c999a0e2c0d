// A block device in host memory for kernel/fs under Node: sectors move between an image
// buffer and the FakeMachine's physical memory, each transfer completing on a later turn
// of the event loop (as an interrupt-driven disk does), with counters and error injection.
import type { BlockDevice } from '../../kernel/dev/block.ts';
import type { FakeMachine } from '../mm/fake-machine.ts';

export class RamDisk implements BlockDevice {
  readonly name = 'ram0';
  readonly dev = (1 << 8) | 0;
  readonly sectors: number;
  reads = 0;
  writes = 0;
  sectorsRead = 0;
  flushes = 0;
  /** Sectors whose reads (or writes) fail with EIO. */
  readonly badSectors = new Set<number>();

  constructor(private readonly m: FakeMachine, readonly image: Uint8Array) {
    this.sectors = image.length / 512;
  }

  private later<T>(f: () => T): Promise<T> {
    return new Promise((resolve) => setImmediate(() => resolve(f())));
  }

  private bad(sector: number, count: number): boolean {
    for (let s = sector; s < sector + count; s++) if (this.badSectors.has(s)) return true;
    return false;
  }

  read(sector: number, count: number, phys: number): Promise<number> {
    this.reads++;
    this.sectorsRead += count;
    return this.later(() => {
      if (sector < 0 || sector + count > this.sectors) return -22;
      if (this.bad(sector, count)) return -5;
      this.m.mem.set(this.image.subarray(sector * 512, (sector + count) * 512), phys);
      return 0;
    });
  }

  write(sector: number, count: number, phys: number): Promise<number> {
    this.writes++;
    return this.later(() => {
      if (sector < 0 || sector + count > this.sectors) return -22;
      if (this.bad(sector, count)) return -5;
      this.image.set(this.m.mem.subarray(phys, phys + count * 512), sector * 512);
      return 0;
    });
  }

  flush(): Promise<number> {
    this.flushes++;
    return this.later(() => 0);
  }
}
