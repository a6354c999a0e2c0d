// /dev/fb0 as a file processes open: the Framebuffer memory object (fb.ts) behind a device
// node, with Linux's framebuffer ioctls so a program learns the mode before it maps the
// pixels. FBIOGET_VSCREENINFO / FBIOPUT_VSCREENINFO move a struct fb_var_screeninfo (160
// bytes: 40 u32), FBIOGET_FSCREENINFO a struct fb_fix_screeninfo (68 bytes on i386), both
// laid out as include/uapi/linux/fb.h. The first open sets a default mode when none is set;
// FBIOPUT_VSCREENINFO sets another (xres, yres, bits_per_pixel).

import { Errno } from '../mm/errno.ts';
import type { FileOps, OpenFile, UserMemory } from '../fs/types.ts';
import { Framebuffer, LFB_PHYS } from './fb.ts';

export enum FbIoctl {
  GET_VSCREENINFO = 0x4600,
  PUT_VSCREENINFO = 0x4601,
  GET_FSCREENINFO = 0x4602,
}

export const FB_DEFAULT_WIDTH = 640, FB_DEFAULT_HEIGHT = 480, FB_DEFAULT_BPP = 32;
const VAR_SIZE = 160, FIX_SIZE = 68;
/** FB_TYPE_PACKED_PIXELS, FB_VISUAL_TRUECOLOR / FB_VISUAL_PSEUDOCOLOR. */
const TYPE_PACKED = 0, VISUAL_TRUECOLOR = 2, VISUAL_PSEUDOCOLOR = 3;

function put32(b: number[], at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

function get32(b: number[], at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** Offsets and lengths of red, green, blue, transp for a depth (the Bochs display's layouts). */
function bitfields(bpp: number): number[] {
  switch (bpp) {
    case 32: return [16, 8, 8, 8, 0, 8, 24, 8];
    case 24: return [16, 8, 8, 8, 0, 8, 0, 0];
    case 16: return [11, 5, 5, 6, 0, 5, 0, 0];
    case 15: return [10, 5, 5, 5, 0, 5, 0, 0];
    default: return [0, 8, 0, 8, 0, 8, 0, 0];
  }
}

/** struct fb_var_screeninfo for the current mode. */
export function varScreenInfo(fb: Framebuffer): number[] {
  const b: number[] = [];
  for (let i = 0; i < VAR_SIZE; i++) b.push(0);
  put32(b, 0, fb.width);
  put32(b, 4, fb.height);
  put32(b, 8, fb.width); // xres_virtual
  put32(b, 12, fb.height);
  put32(b, 24, fb.bpp);
  const f = bitfields(fb.bpp);
  // red, green, blue, transp: {offset, length, msb_right} at 32, 44, 56, 68
  for (let i = 0; i < 4; i++) {
    put32(b, 32 + 12 * i, f[2 * i]);
    put32(b, 36 + 12 * i, f[2 * i + 1]);
  }
  put32(b, 88, 0xffffffff); // height in mm: unknown (-1)
  put32(b, 92, 0xffffffff); // width in mm
  return b;
}

/** struct fb_fix_screeninfo for the current mode. */
export function fixScreenInfo(fb: Framebuffer): number[] {
  const b: number[] = [];
  for (let i = 0; i < FIX_SIZE; i++) b.push(0);
  const id = 'BOCHS VBE';
  for (let i = 0; i < id.length; i++) b[i] = id.charCodeAt(i);
  put32(b, 16, LFB_PHYS); // smem_start
  put32(b, 20, fb.memoryBytes); // smem_len
  put32(b, 24, TYPE_PACKED);
  put32(b, 32, fb.bpp === 8 ? VISUAL_PSEUDOCOLOR : VISUAL_TRUECOLOR);
  put32(b, 44, fb.pitch); // line_length
  return b;
}

/** The operations of an open /dev/fb0. */
export function fbFileOps(fb: Framebuffer): FileOps {
  return {
    seekable: false,
    ioctl: async (_f: OpenFile, cmd: number, arg: number, mem: UserMemory): Promise<number> => {
      switch (cmd) {
        case FbIoctl.GET_VSCREENINFO:
          return mem.write(arg, varScreenInfo(fb));
        case FbIoctl.GET_FSCREENINFO:
          return mem.write(arg, fixScreenInfo(fb));
        case FbIoctl.PUT_VSCREENINFO: {
          const b = await mem.read(arg, VAR_SIZE);
          if (typeof b === 'number') return b;
          const w = get32(b, 0), h = get32(b, 4), bpp = get32(b, 24);
          if (w === 0 || h === 0 || w > 4096 || h > 4096) return -Errno.EINVAL;
          if ((w * h * bpp) / 8 > fb.memoryBytes) return -Errno.EINVAL;
          if (fb.mappings > 0 && (w !== fb.width || h !== fb.height || bpp !== fb.bpp)) return -Errno.EBUSY;
          const r = fb.setMode(w, h, bpp);
          if (r < 0) return r;
          return mem.write(arg, varScreenInfo(fb));
        }
        default:
          return -Errno.ENOTTY;
      }
    },
  };
}

/** The first open of /dev/fb0 sets the default mode; -ENODEV without a Bochs display. */
export function openFb(fb: Framebuffer): number {
  if (fb.width > 0) return 0;
  return fb.setMode(FB_DEFAULT_WIDTH, FB_DEFAULT_HEIGHT, FB_DEFAULT_BPP);
}
