// Shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS): a memory object whose pages are
// allocated zero-filled on first touch and kept until the last area mapping it goes away.
// Every process that inherits the mapping through fork maps the very same frames, which a
// private anonymous area cannot give (its absent pages are filled per process).

import { Errno } from './errno.ts';
import type { FrameAllocator } from './frames.ts';
import { Prot } from './mman.ts';
import type { MappingInfo, MemoryObject, Vma } from './vma.ts';

let nextInode = 1;

export class ShmemObject implements MemoryObject {
  readonly ownerName = '/dev/zero (deleted)';
  readonly dev = 0;
  readonly inode: number;
  /** page index -> frame; the object holds one reference to each. */
  private readonly pages = new Map<number, number>();
  private mappings = 0;

  constructor(private readonly frames: FrameAllocator) {
    this.inode = nextInode++;
  }

  /** Number of frames the object holds. */
  get frameCount(): number {
    return this.pages.size;
  }

  /** Number of areas mapping the object. */
  get mappingCount(): number {
    return this.mappings;
  }

  /** Calls fn for every frame the object holds (page index, frame). */
  forEachFrame(fn: (index: number, frame: number) => void): void {
    this.pages.forEach((frame, index) => fn(index, frame));
  }

  supportsMmap(): boolean {
    return true;
  }

  getMappingInfo(): MappingInfo {
    return { vmFlags: 0, maxProt: Prot.READ | Prot.WRITE | Prot.EXEC, sizePages: -1 };
  }

  getMappingInfoWith(_pgoff: number, _pages: number, _prot: number, _shared: boolean): MappingInfo | number {
    return this.getMappingInfo();
  }

  onMapped(_vma: Vma): void {
    this.mappings++;
  }

  /** When the last area goes, the memory goes. */
  onUnmapped(_vma: Vma): void {
    this.mappings--;
    if (this.mappings > 0) return;
    this.pages.forEach((frame) => this.frames.unref(frame));
    this.pages.clear();
  }

  resolveFault(_vma: Vma, pageIndex: number, _write: boolean): number {
    const have = this.pages.get(pageIndex);
    if (have !== undefined) return have;
    const frame = this.frames.allocZeroed();
    if (frame < 0) return -Errno.ENOMEM;
    this.pages.set(pageIndex, frame);
    return frame;
  }
}
