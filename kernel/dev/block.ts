// A block device as the file systems see it: 512-byte sectors moved to and from physical
// memory (page-cache frames, never heap objects), each transfer a Promise that settles
// with 0 or -errno. Implemented by kernel/dev/ata.ts in the guest and by RAM disks in tests.

export const SECTOR_SIZE = 512;

export interface BlockDevice {
  /** Name for logs ("hda", "hdb"). */
  readonly name: string;
  /** Device number, (major << 8) | minor, as Linux numbers IDE disks (3:0 hda, 3:64 hdb). */
  readonly dev: number;
  /** Capacity in 512-byte sectors. */
  readonly sectors: number;
  /**
   * Reads `count` sectors from `sector` into physical memory at `phys` (count * 512 bytes).
   * 0, or -EIO (device error, timeout, absent drive), -EINVAL (beyond the end).
   */
  read(sector: number, count: number, phys: number): Promise<number>;
  /** Writes `count` sectors from physical memory at `phys` to `sector`; 0 or -errno as read. */
  write(sector: number, count: number, phys: number): Promise<number>;
  /** Makes earlier writes durable (the drive's write cache flushed); 0 or -EIO. */
  flush(): Promise<number>;
}
