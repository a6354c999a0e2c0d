// TEST FIXTURE ONLY: tiny multiboot images hand-assembled from a few x86 bytes, so the
// host tests do not depend on the real kernel or the image builder.
//
// Layout: a 32-byte multiboot header using the "address fields" (a.out kludge, flag bit
// 16) so no ELF is needed, then the code. Loaded and entered at 1 MiB.

const LOAD_ADDR = 0x0010_0000;
const HEADER_SIZE = 32;

export function multibootImage(code: number[]): Uint8Array {
  const magic = 0x1badb002;
  const flags = 0x0001_0003; // page-align modules, memory map, address fields valid
  const header = [
    magic, flags, (-(magic + flags)) >>> 0,
    LOAD_ADDR, // header_addr
    LOAD_ADDR, // load_addr
    0, // load_end_addr: 0 = the whole file
    0, // bss_end_addr: no bss
    LOAD_ADDR + HEADER_SIZE, // entry_addr
  ];
  const image = new Uint8Array(HEADER_SIZE + code.length);
  const view = new DataView(image.buffer);
  header.forEach((word, i) => view.setUint32(i * 4, word, true));
  image.set(code, HEADER_SIZE);
  return image;
}

const movEdx = (imm: number) => [0xba, imm & 0xff, imm >> 8, 0, 0]; // mov edx, imm16
const movAl = (imm: number) => [0xb0, imm]; // mov al, imm8
const OUT_DX_AL = 0xee;
const IN_AL_DX = 0xec;

/** `mov al, status; mov edx, 0xf4; out dx, al; hlt; jmp $-1` */
const powerOff = (status: number) => [...movAl(status), ...movEdx(0xf4), OUT_DX_AL, 0xf4, 0xeb, 0xfd];

/** Prints `text` on COM1, then powers off with `status`. */
export function printAndExit(text: string, status: number): Uint8Array {
  const print = [...text].flatMap((ch) => [...movAl(ch.charCodeAt(0)), OUT_DX_AL]);
  return multibootImage([0xfa /* cli */, ...movEdx(0x3f8), ...print, ...powerOff(status)]);
}

/**
 * Echoes every COM1 byte back, busy-polling the line status register (so the
 * instruction counter keeps moving); on 'q' powers off with status 3.
 */
export function echoUntilQ(): Uint8Array {
  return multibootImage([
    // poll: (offset 0)
    ...movEdx(0x3fd), IN_AL_DX, // al = line status
    0xa8, 0x01, //                 test al, 1 (data ready)
    0x74, 0xf6, //                 jz poll (-10)
    ...movEdx(0x3f8), IN_AL_DX, // al = received byte
    0x3c, 0x71, //                 cmp al, 'q'
    0x74, 0x03, //                 je quit (+3)
    OUT_DX_AL, //                  echo it
    0xeb, 0xe9, //                 jmp poll (-23)
    // quit: (offset 23)
    ...powerOff(3),
  ]);
}
