// /dev/fb0: the Bochs VBE ("dispi") display of v86 and QEMU's std VGA, as a memory object.
//
// The mode is set through the index/data port pair 0x1CE/0x1CF; the pixels are the linear
// framebuffer (LFB) at physical 0xE0000000 (v86's fixed address; QEMU puts its BAR
// elsewhere, found through PCI, which the kernel does not read yet). The LFB is not RAM and
// not in the direct map: the only way to it is a mapping of this object, whose areas are
// VM_IO | VM_PFNMAP (raw frames, never counted, never copied on write, so MAP_SHARED only
// for writing) and whose faults resolve to the LFB's own frames.

import { inw, outw } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import { Prot } from '../mm/mman.ts';
import { Page } from '../mm/page.ts';
import { Vm, type MappingInfo, type MemoryObject, type Vma } from '../mm/vma.ts';

export const VBE_INDEX = 0x1ce, VBE_DATA = 0x1cf;
export const LFB_PHYS = 0xe000_0000;

enum Dispi {
  ID = 0, XRES = 1, YRES = 2, BPP = 3, ENABLE = 4, BANK = 5, VIRT_WIDTH = 6, VIRT_HEIGHT = 7,
  X_OFFSET = 8, Y_OFFSET = 9, VIDEO_MEMORY_64K = 10,
  /** ID values of the Bochs interface versions. */
  ID0 = 0xb0c0, ID5 = 0xb0c5,
  ENABLED = 0x01, LFB_ENABLED = 0x40,
}

/** Linux's framebuffer major, minor 0. */
const FB_DEV = (29 << 8) | 0;

function dispiRead(index: number): number {
  outw(VBE_INDEX, index);
  return inw(VBE_DATA);
}

function dispiWrite(index: number, value: number): void {
  outw(VBE_INDEX, index);
  outw(VBE_DATA, value);
}

export class Framebuffer implements MemoryObject {
  readonly ownerName = '/dev/fb0';
  readonly dev = FB_DEV;
  readonly inode = 0;
  width = 0;
  height = 0;
  bpp = 0;
  /** Mappings alive (areas of any process). */
  mappings = 0;

  /** Whether a Bochs VBE interface answers. */
  static present(): boolean {
    const id = dispiRead(Dispi.ID);
    return id >= Dispi.ID0 && id <= Dispi.ID5;
  }

  /** Bytes of display memory (the limit of any mode and of mappings). */
  get memoryBytes(): number {
    const units = dispiRead(Dispi.VIDEO_MEMORY_64K);
    return units > 0 && units < 0x1000 ? units * 65536 : this.frameBytes;
  }

  /** Bytes per row. */
  get pitch(): number {
    return this.width * (this.bpp / 8);
  }

  get frameBytes(): number {
    return this.pitch * this.height;
  }

  /** Sets a linear mode: 0, or -ENODEV (no VBE), -EINVAL (the device refused the mode). */
  setMode(width: number, height: number, bpp: number): number {
    if (!Framebuffer.present()) return -Errno.ENODEV;
    if (bpp !== 8 && bpp !== 15 && bpp !== 16 && bpp !== 24 && bpp !== 32) return -Errno.EINVAL;
    dispiWrite(Dispi.ENABLE, 0);
    dispiWrite(Dispi.XRES, width);
    dispiWrite(Dispi.YRES, height);
    dispiWrite(Dispi.BPP, bpp);
    dispiWrite(Dispi.ENABLE, Dispi.ENABLED | Dispi.LFB_ENABLED);
    if (dispiRead(Dispi.XRES) !== width || dispiRead(Dispi.YRES) !== height || dispiRead(Dispi.BPP) !== bpp) return -Errno.EINVAL;
    this.width = width;
    this.height = height;
    this.bpp = bpp;
    return 0;
  }

  private get sizePages(): number {
    return Math.ceil(this.frameBytes / Page.SIZE);
  }

  supportsMmap(): boolean {
    return this.width > 0;
  }

  getMappingInfo(): MappingInfo {
    return { vmFlags: Vm.IO | Vm.PFNMAP | Vm.DONTEXPAND, maxProt: Prot.READ | Prot.WRITE, sizePages: this.sizePages };
  }

  getMappingInfoWith(pgoff: number, pages: number, _prot: number, _shared: boolean): MappingInfo | number {
    if (pgoff + pages > this.sizePages) return -Errno.EINVAL;
    return this.getMappingInfo();
  }

  onMapped(_vma: Vma): void {
    this.mappings++;
  }

  onUnmapped(_vma: Vma): void {
    this.mappings--;
  }

  /** The LFB frame of page `pageIndex` (raw device memory), or -EFAULT past the mode's pixels (SIGBUS). */
  resolveFault(_vma: Vma, pageIndex: number, _write: boolean): number {
    if (pageIndex < 0 || pageIndex >= this.sizePages) return -Errno.EFAULT;
    return LFB_PHYS + pageIndex * Page.SIZE;
  }
}
