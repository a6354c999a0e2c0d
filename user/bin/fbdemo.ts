// fbdemo [WIDTH HEIGHT]: draws on the screen through /dev/fb0. Sets the mode with
// FBIOPUT_VSCREENINFO (default 320x200, 32 bits per pixel), reads the line length from
// FBIOGET_FSCREENINFO, maps the framebuffer MAP_SHARED and writes each row of a pattern
// (a colour gradient with rings around the centre) through the mapping.
import { MapFlag, OpenFlag, Prot, close, mmap, munmap, open, readMemory, syscall, writeMemory } from '../lib/sys.ts';
import { args, complain, err, finish, out } from '../lib/tool.ts';

const IOCTL = 54;
const FBIOGET_VSCREENINFO = 0x4600, FBIOPUT_VSCREENINFO = 0x4601, FBIOGET_FSCREENINFO = 0x4602;

const u32 = (b: string, at: number): number =>
  (b.charCodeAt(at) | (b.charCodeAt(at + 1) << 8) | (b.charCodeAt(at + 2) << 16) | (b.charCodeAt(at + 3) << 24)) >>> 0;
const le32 = (v: number): string =>
  String.fromCharCode(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);

const a = args();
const width = Number(a[0] ?? '320'), height = Number(a[1] ?? '200');
if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) { err('usage: fbdemo [WIDTH HEIGHT]\n'); finish(2); }

const fd = open('/dev/fb0', OpenFlag.O_RDWR);
if (fd < 0) { complain('fbdemo', '/dev/fb0', fd); finish(1); }
const buf = mmap(0, 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
if (buf < 0) { complain('fbdemo', 'mmap', buf); finish(1); }
let r = syscall(IOCTL, fd, FBIOGET_VSCREENINFO, buf);
if (r < 0) { complain('fbdemo', 'FBIOGET_VSCREENINFO', r); finish(1); }
// xres, yres, xres_virtual, yres_virtual at 0..15; bits_per_pixel at 24
writeMemory(buf, le32(width) + le32(height) + le32(width) + le32(height));
writeMemory(buf + 24, le32(32));
r = syscall(IOCTL, fd, FBIOPUT_VSCREENINFO, buf);
if (r < 0) { complain('fbdemo', `mode ${width}x${height}x32`, r); finish(1); }
r = syscall(IOCTL, fd, FBIOGET_FSCREENINFO, buf);
if (r < 0) { complain('fbdemo', 'FBIOGET_FSCREENINFO', r); finish(1); }
const fix = readMemory(buf, 68);
const line = u32(fix, 44);
const size = line * height;
const pixels = mmap(0, size, Prot.READ | Prot.WRITE, MapFlag.SHARED, fd, 0);
if (pixels < 0) { complain('fbdemo', 'mmap /dev/fb0', pixels); finish(1); }

const cx = width / 2, cy = height / 2;
for (let y = 0; y < height; y++) {
  let row = '';
  for (let x = 0; x < width; x++) {
    const dx = x - cx, dy = y - cy;
    const ring = Math.floor(Math.sqrt(dx * dx + dy * dy) / 8) % 2 === 0;
    const red = Math.floor((x * 255) / width), green = Math.floor((y * 255) / height);
    const blue = ring ? 255 : 64;
    row += String.fromCharCode(blue, green, red, 0);
  }
  writeMemory(pixels + y * line, row);
}
munmap(pixels, size);
close(fd);
out(`fbdemo: drew ${width}x${height} at 32 bits per pixel through /dev/fb0 (line ${line} bytes)\n`);
